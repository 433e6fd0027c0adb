import TOMLKit

extension Playbook {
    /// Reads a playbook from TOML text that gives only the keys it changes; the rest keep
    /// their defaults.
    ///
    /// ```swift
    /// let playbook = try Playbook.parse(toml: "[surge]\nthreshold = 70\n", source: "playbook.toml")
    /// ```
    /// - Throws: `PlaybookError` listing every problem: a TOML syntax error, an unknown key
    ///   (with the closest known one), a wrong type, a window, half-life, saturation or SLA
    ///   not above 0, a negative weight or count, a threshold outside 0–100, a share outside
    ///   0–1, an unknown channel.
    public static func parse(toml: String, source: String) throws(PlaybookError) -> Playbook {
        if let problem = TOMLPrecheck.problem(in: toml) {
            throw PlaybookError(
                source: source,
                problems: [
                    .init(
                        key: "", position: (problem.line, problem.column), message: "not valid TOML: \(problem.message)"
                    )
                ])
        }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: toml)
        } catch let error as TOMLParseError {
            let begin = error.source.begin
            throw PlaybookError(
                source: source,
                problems: [
                    .init(
                        key: "", position: (begin.line, begin.column),
                        message: "not valid TOML: \(error.description)")
                ])
        } catch {
            throw PlaybookError(
                source: source, problems: [.init(key: "", message: "not valid TOML: \(error)")])
        }
        var reader = PlaybookReader()
        reader.read(table: table, path: "")
        guard reader.problems.isEmpty else {
            throw PlaybookError(source: source, problems: reader.problems)
        }
        return reader.playbook
    }
}

/// Walks a parsed TOML table against the playbook's keys, collecting problems.
private struct PlaybookReader {
    var playbook = Playbook()
    var problems: [PlaybookError.Problem] = []

    /// Every table of the playbook, by dotted path.
    static let sections: Set<String> = [
        "score", "score.weights", "surge", "states", "states.engaged", "states.aware", "sla",
        "review", "health",
    ]

    /// Every key that holds a value, by dotted path (channel weights included).
    static let valueKeys: [String] =
        [
            "score.lookback_days", "score.half_life_days", "score.breadth_weight",
            "score.max_breadth", "score.stakeholder_window_days", "score.intent_weight",
            "score.intent_window_days", "score.saturation",
        ] + Channel.allCases.map { "score.weights.\($0.rawValue)" }
        + [
            "surge.threshold", "surge.window_days", "states.engaged.window_days",
            "states.engaged.min_touches", "states.engaged.min_stakeholders",
            "states.engaged.require_surge", "states.aware.window_days",
            "sla.trigger_window_days", "sla.tier1_hours", "sla.tier2_hours",
            "sla.follow_up_channels", "sla.follow_up_target", "review.demote_after_weeks",
            "review.campaign_start", "health.tier1_engaged_red_flag",
            "health.min_active_contacts_tier1", "health.committee_roles",
        ]

    mutating func read(table: TOMLTable, path: String) {
        for (key, value) in table {
            let full = path.isEmpty ? key : "\(path).\(key)"
            if PlaybookReader.sections.contains(full) {
                if let sub = value.table {
                    read(table: sub, path: full)
                } else {
                    problem(full, "expected a table [\(full)], found \(describe(value))")
                }
            } else if path == "score.weights" {
                readWeight(channelName: key, value: value, key: full)
            } else if PlaybookReader.valueKeys.contains(full) {
                readValue(key: full, value: value)
            } else {
                var message = "unknown key"
                let known = Array(PlaybookReader.sections) + PlaybookReader.valueKeys
                if let near = Suggestions.closest(to: full, among: known.sorted(), limit: 1).first {
                    message += "; did you mean \"\(near)\"?"
                } else {
                    message += "; see playbook.example.toml for every key"
                }
                problem(full, message)
            }
        }
    }

    mutating func readWeight(channelName: String, value: TOMLValueConvertible, key: String) {
        guard let channel = Channel(rawValue: channelName) else {
            problem(key, "unknown channel \"\(channelName)\"; expected one of \(Channel.spellings)")
            return
        }
        if let weight = nonNegative(key, value) { playbook.score.weights[channel] = weight }
    }

    mutating func readValue(key: String, value: TOMLValueConvertible) {
        switch key {
        case "score.lookback_days": set(positive(key, value, atMost: PlaybookLimits.days), &playbook.score.lookbackDays)
        case "score.half_life_days": set(positive(key, value), &playbook.score.halfLifeDays)
        case "score.breadth_weight": set(nonNegative(key, value), &playbook.score.breadthWeight)
        case "score.max_breadth": set(count(key, value), &playbook.score.maxBreadth)
        case "score.stakeholder_window_days":
            set(positive(key, value, atMost: PlaybookLimits.days), &playbook.score.stakeholderWindowDays)
        case "score.intent_weight": set(nonNegative(key, value), &playbook.score.intentWeight)
        case "score.intent_window_days":
            set(positive(key, value, atMost: PlaybookLimits.days), &playbook.score.intentWindowDays)
        case "score.saturation": set(positive(key, value), &playbook.score.saturation)
        case "surge.threshold": set(threshold(key, value), &playbook.surge.threshold)
        case "surge.window_days": set(positive(key, value, atMost: PlaybookLimits.days), &playbook.surge.windowDays)
        case "states.engaged.window_days":
            set(positive(key, value, atMost: PlaybookLimits.days), &playbook.engaged.windowDays)
        case "states.engaged.min_touches": set(count(key, value), &playbook.engaged.minTouches)
        case "states.engaged.min_stakeholders":
            set(count(key, value), &playbook.engaged.minStakeholders)
        case "states.engaged.require_surge":
            set(boolean(key, value), &playbook.engaged.requireSurge)
        case "states.aware.window_days":
            set(positive(key, value, atMost: PlaybookLimits.days), &playbook.aware.windowDays)
        case "sla.trigger_window_days":
            set(positive(key, value, atMost: PlaybookLimits.days), &playbook.sla.triggerWindowDays)
        case "sla.tier1_hours": set(positive(key, value, atMost: PlaybookLimits.hours), &playbook.sla.tier1Hours)
        case "sla.tier2_hours": set(positive(key, value, atMost: PlaybookLimits.hours), &playbook.sla.tier2Hours)
        case "sla.follow_up_channels": set(channels(key, value), &playbook.sla.followUpChannels)
        case "sla.follow_up_target": set(share(key, value), &playbook.sla.followUpTarget)
        case "review.demote_after_weeks":
            set(count(key, value, atMost: PlaybookLimits.weeks), &playbook.review.demoteAfterWeeks)
        case "review.campaign_start":
            if let start = instant(key, value) { playbook.review.campaignStart = start }
        case "health.tier1_engaged_red_flag":
            set(share(key, value), &playbook.health.tier1EngagedRedFlag)
        case "health.min_active_contacts_tier1":
            set(count(key, value), &playbook.health.minActiveContactsTier1)
        case "health.committee_roles": set(roles(key, value), &playbook.health.committeeRoles)
        default:
            problem(key, "unknown key")
        }
    }

    func set<T>(_ value: T?, _ target: inout T) {
        if let value { target = value }
    }

    mutating func problem(_ key: String, _ message: String) {
        problems.append(.init(key: key, message: message))
    }

    /// A finite number (an integer or a float) that satisfies `accepts`; otherwise a problem
    /// saying what was `expected`.
    mutating func number(
        _ key: String, _ value: TOMLValueConvertible, expected: String, accepts: (Double) -> Bool
    ) -> Double? {
        let number: Double? = value.int.map(Double.init) ?? value.double
        guard let number, number.isFinite, accepts(number) else {
            problem(key, "expected \(expected), found \(describe(value))")
            return nil
        }
        return number
    }

    /// A window, half-life, saturation or SLA: above 0 (and, for durations, at most `limit`).
    mutating func positive(_ key: String, _ value: TOMLValueConvertible, atMost limit: Double? = nil) -> Double? {
        let expected = "a number above 0" + (limit.map { " and at most \(format($0)) (100 years)" } ?? "")
        return number(key, value, expected: expected) { $0 > 0 && $0 <= (limit ?? .infinity) }
    }

    /// A weight.
    mutating func nonNegative(_ key: String, _ value: TOMLValueConvertible) -> Double? {
        number(key, value, expected: "a number of 0 or more") { $0 >= 0 }
    }

    /// A score threshold.
    mutating func threshold(_ key: String, _ value: TOMLValueConvertible) -> Double? {
        number(key, value, expected: "a number from 0 to 100") { (0...100).contains($0) }
    }

    /// A share.
    mutating func share(_ key: String, _ value: TOMLValueConvertible) -> Double? {
        number(key, value, expected: "a share from 0 to 1 (0.6 means 60 %)") { (0...1).contains($0) }
    }

    mutating func count(_ key: String, _ value: TOMLValueConvertible, atMost limit: Int? = nil) -> Int? {
        guard let n = value.int, n >= 0, n <= (limit ?? Int.max) else {
            let bound = limit.map { " and at most \($0) (100 years)" } ?? ""
            problem(key, "expected a whole number of 0 or more\(bound), found \(describe(value))")
            return nil
        }
        return n
    }

    mutating func boolean(_ key: String, _ value: TOMLValueConvertible) -> Bool? {
        guard let b = value.bool else {
            problem(key, "expected true or false, found \(describe(value))")
            return nil
        }
        return b
    }

    mutating func channels(_ key: String, _ value: TOMLValueConvertible) -> [Channel]? {
        list(key, value, of: "channels", example: "[\"phone\", \"meeting\"]", spellings: Channel.spellings) {
            Channel(rawValue: $0)
        }
    }

    mutating func roles(_ key: String, _ value: TOMLValueConvertible) -> [BuyingRole]? {
        let spellings = BuyingRole.allCases.filter { $0 != .unknown }.map(\.rawValue).joined(separator: ", ")
        return list(key, value, of: "buying roles", example: "[\"champion\"]", spellings: spellings) { name in
            BuyingRole(rawValue: name).flatMap { $0 == .unknown ? nil : $0 }
        }
    }

    /// An array of names each `parse` knows, without repeats; every unknown one is a problem
    /// naming the `spellings`.
    mutating func list<T: Equatable>(
        _ key: String, _ value: TOMLValueConvertible, of what: String, example: String, spellings: String,
        parse: (String) -> T?
    ) -> [T]? {
        guard let array = value.array else {
            problem(key, "expected an array of \(what) such as \(example), found \(describe(value))")
            return nil
        }
        var result: [T] = []
        var ok = true
        for element in array {
            if let name = element.string, let parsed = parse(name) {
                if !result.contains(parsed) { result.append(parsed) }
            } else {
                problem(key, "unknown \(what.dropLast()) \(describe(element)); expected one of \(spellings)")
                ok = false
            }
        }
        return ok ? result : nil
    }

    mutating func instant(_ key: String, _ value: TOMLValueConvertible) -> Instant? {
        if let date = value.date {
            let civil = CivilDate(year: date.year, month: date.month, day: date.day)
            if civil.isValid { return Instant(date: civil) }
        } else if let dateTime = value.dateTime {
            let civil = CivilDate(
                year: dateTime.date.year, month: dateTime.date.month, day: dateTime.date.day)
            let local = Instant(
                date: civil, hour: dateTime.time.hour, minute: dateTime.time.minute,
                second: dateTime.time.second)
            return local.adding(seconds: -Int64(dateTime.offset?.offset ?? 0) * 60)
        } else if let text = value.string, let parsed = Instant.parseISO8601(text) {
            return parsed
        }
        problem(
            key,
            "expected a date such as 2026-09-01 (00:00 UTC) or a time such as 2026-09-01T09:00:00Z, found \(describe(value))"
        )
        return nil
    }

    /// How a found value is quoted in a message.
    func describe(_ value: TOMLValueConvertible) -> String {
        switch value.type {
        case .string: return "\"\(value.string ?? "")\""
        case .int: return value.int.map(String.init) ?? "an integer"
        case .double: return value.double.map { "\($0)" } ?? "a number"
        case .bool: return value.bool.map { $0 ? "true" : "false" } ?? "a boolean"
        case .array: return "an array"
        case .table: return "a table"
        case .date: return value.date.map { "the date \($0.year)-\($0.month)-\($0.day)" } ?? "a date"
        case .time: return "a time of day"
        case .dateTime: return "a date-time"
        }
    }
}
