/// Generates believable, deterministic sample programmes: accounts, AEs, buying committees,
/// touches on every channel, weekly intent, opportunities, customers and expansions, and a few
/// weeks of decisions, such that every demand state, SLA status and recommendation occurs.
///
/// ```swift
/// let demo = SampleGenerator.generate(.demo)                       // ~300 accounts
/// let big = SampleGenerator.generate(.benchmark())                 // 50,000 / 5,000,000
/// ```
public enum SampleGenerator {
    /// The programme for `options`.
    public static func generate(_ options: SampleOptions) -> Programme {
        var generation = SampleGeneration(options: options)
        return generation.run()
    }
}

/// One run of the generator.
struct SampleGeneration {
    let options: SampleOptions
    var random: SeededRandom
    var plans: [AccountPlan] = []
    var builder = ProgrammeBuilder()
    var accountIds: [String] = []
    var domains: [String] = []
    var accountTopics: [[Int32]] = []
    var touchCounter = 0
    var touchIdWidth = 7
    var contactCounter = 0
    var opportunityCounter = 0
    var aes: [String] = []
    var sdrs: [String] = []
    let start: Instant
    let day = Instant.secondsPerDay

    init(options: SampleOptions) {
        self.options = options
        self.random = SeededRandom(seed: options.seed)
        self.start = options.asOf.adding(days: -Int64(options.days))
    }

    mutating func run() -> Programme {
        makePeople()
        makePlans()
        let total = plans.reduce(0) { $0 + $1.touchCount }
        touchIdWidth = max(7, String(total).count)
        builder = ProgrammeBuilder(reservingTouches: total, idBytes: total * (touchIdWidth + 1))
        let idWidth = max(4, String(options.accounts).count)
        accountIds = (0..<options.accounts).map { "A-" + padded($0 + 1, idWidth) }
        for index in plans.indices { addAccount(index) }
        for index in plans.indices { addActivity(index) }
        addMarks()
        return builder.build()
    }

    // MARK: People and plans

    mutating func makePeople() {
        let aeCount = options.accounts <= 1_000 ? 5 : max(6, options.accounts / 200)
        aes = (0..<aeCount).map { i in
            let base = SampleVocabulary.aeNames[i % SampleVocabulary.aeNames.count]
            return i < SampleVocabulary.aeNames.count ? base : "\(base)\(i / SampleVocabulary.aeNames.count + 1)"
        }
        let sdrCount = max(2, aeCount / 2)
        sdrs = (0..<sdrCount).map { i in
            let base = SampleVocabulary.sdrNames[i % SampleVocabulary.sdrNames.count]
            return i < SampleVocabulary.sdrNames.count ? base : "\(base)\(i / SampleVocabulary.sdrNames.count + 1)"
        }
    }

    mutating func makePlans() {
        let n = options.accounts
        let tierOne = max(1, Int((Double(n) * 0.10).rounded()))
        let tierTwo = max(1, Int((Double(n) * 0.30).rounded()))
        var tiers = [Tier](repeating: .three, count: n)
        for i in 0..<min(n, tierOne) { tiers[i] = .one }
        for i in tierOne..<min(n, tierOne + tierTwo) { tiers[i] = .two }
        tiers.shuffle(using: &random)
        plans = tiers.map { tier in
            AccountPlan(tier: tier, profile: SampleProfile.allCases[random.weighted(SampleProfile.weights(for: tier))])
        }
        if n >= 40 {
            var taken = Set<Int>()
            for scenario in SampleScenario.allCases {
                guard let slot = plans.indices.first(where: { !taken.contains($0) && plans[$0].tier == scenario.tier })
                else { continue }
                taken.insert(slot)
                plans[slot].scenario = scenario
                plans[slot].profile = scenario.profile
                plans[slot].holdout = scenario == .holdoutSurge
            }
        }
        for i in plans.indices where plans[i].tier == .two && plans[i].scenario == nil {
            plans[i].holdout = random.chance(0.12)
        }
        for i in plans.indices {
            plans[i].owner = aes[random.int(0...(aes.count - 1))]
            plans[i].sdr = sdrs[random.int(0...(sdrs.count - 1))]
            let tierFactor: Double = plans[i].tier == .one ? 1.6 : plans[i].tier == .two ? 1.0 : 0.6
            plans[i].nominalTouches =
                plans[i].profile.nominalTouches * tierFactor
                * (0.6 + 0.8 * random.unit()) * Double(options.days) / 84
        }
        let nominal = plans.reduce(0) { $0 + $1.nominalTouches }
        let target = Double(options.touches ?? Int(nominal.rounded()))
        let scale = nominal > 0 ? target / nominal : 0
        var assigned = 0
        var carried = 0.0
        for i in plans.indices {
            carried += plans[i].nominalTouches * scale
            let count = Int(carried.rounded()) - assigned
            plans[i].touchCount = max(0, count)
            assigned += plans[i].touchCount
        }
    }

    // MARK: Accounts and contacts

    mutating func addAccount(_ index: Int) {
        let plan = plans[index]
        let combos =
            SampleVocabulary.namePrefixes.count * SampleVocabulary.nameSuffixes.count
            * SampleVocabulary.sectors.count * SampleVocabulary.legalForms.count
        let name: String
        var stem: String
        if index % 29 == 7 && index / 29 < SampleVocabulary.internationalNames.count {
            name = SampleVocabulary.internationalNames[index / 29]
            stem = "intl\(index)"
        } else {
            var k = (index * 7_919) % combos
            let legal = SampleVocabulary.legalForms[k % SampleVocabulary.legalForms.count]
            k /= SampleVocabulary.legalForms.count
            let sector = SampleVocabulary.sectors[k % SampleVocabulary.sectors.count]
            k /= SampleVocabulary.sectors.count
            let suffix = SampleVocabulary.nameSuffixes[k % SampleVocabulary.nameSuffixes.count]
            k /= SampleVocabulary.nameSuffixes.count
            let prefix = SampleVocabulary.namePrefixes[k % SampleVocabulary.namePrefixes.count]
            let round = index / combos
            name = "\(prefix)\(suffix) \(sector) \(legal)" + (round > 0 ? " \(round + 1)" : "")
            stem = "\(prefix)\(suffix)\(sector)".lowercased() + (round > 0 ? "\(round + 1)" : "")
        }
        let region = random.pick(SampleVocabulary.regions)
        stem = SampleVocabulary.emailPart(stem)
        let domain = "\(stem).\(SampleVocabulary.topLevelDomains[region] ?? "com")"
        domains.append(domain)
        let employees: Int
        switch plan.tier {
        case .one: employees = random.int(5_000...200_000)
        case .two: employees = random.int(500...10_000)
        case .three: employees = random.int(50...2_000)
        }
        let icp: Int
        switch plan.tier {
        case .one: icp = random.int(75...100)
        case .two: icp = random.int(55...90)
        case .three: icp = random.int(30...75)
        }
        var parent: String?
        if plan.tier != .one && random.chance(0.03),
            let p = plans.indices.first(where: { plans[$0].tier == .one && $0 != index })
        {
            parent = accountIds[p]
        }
        let account = Account(
            id: accountIds[index], name: name, importedTier: plan.tier, domain: domain,
            industry: random.pick(SampleVocabulary.industries), employees: employees,
            annualRevenue: (Double(employees) * (150_000 + 250_000 * random.unit())).rounded(),
            region: region, owner: plan.owner, sdr: plan.sdr, icpScore: icp,
            holdout: plan.holdout, parentAccountId: parent)
        // The builder cannot refuse: ids are unique by construction.
        _ = try? builder.addAccount(account)
        var topics: [Int32] = []
        let topicCount = plan.profile == .cold ? random.int(0...1) : random.int(1...3)
        for _ in 0..<topicCount {
            let topic = builder.internTopic(random.pick(SampleVocabulary.topics))
            if !topics.contains(topic) { topics.append(topic) }
        }
        accountTopics.append(topics)
    }

    // MARK: Helpers

    func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    mutating func nextTouchId() -> String {
        touchCounter += 1
        return "T" + padded(touchCounter, touchIdWidth)
    }

    /// A time in business hours (Mon–Fri 08:00–17:59 UTC) `daysAgo` before as-of, never after
    /// as-of and never before the period starts.
    mutating func businessTime(daysAgo: Double) -> Int64 {
        var t = options.asOf.seconds - Int64(daysAgo * Double(day))
        var dayStart = Instant(seconds: t).daysSinceEpoch * day
        let weekday = ((Instant(seconds: dayStart).daysSinceEpoch + 3) % 7 + 7) % 7  // 0 = Monday
        if weekday >= 5 { dayStart -= (weekday - 4) * day }
        t = dayStart + Int64(random.int(8...17)) * 3_600 + Int64(random.int(0...59)) * 60
        return clampToPeriod(t)
    }

    /// Any time of day, `daysAgo` before as-of.
    func anyTime(daysAgo: Double) -> Int64 {
        clampToPeriod(options.asOf.seconds - Int64(daysAgo * Double(day)))
    }

    func clampToPeriod(_ t: Int64) -> Int64 {
        min(max(t, start.seconds), options.asOf.seconds)
    }
}
