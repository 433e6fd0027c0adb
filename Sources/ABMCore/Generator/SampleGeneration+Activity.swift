#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A touch waiting to be sorted into its account's time order.
struct PendingTouch {
    var time: Int64
    var channel: Channel
    var direction: Direction
    var contact: Int32
    var topic: Int32
    var by: Int32
    var note: String?
}

extension SampleGeneration {
    /// Contacts, intent, touches and opportunities of account `index`.
    mutating func addActivity(_ index: Int) {
        let plan = plans[index]
        let contacts = addContacts(index)
        let engaging = Array(contacts.shuffled(using: &random).prefix(random.int(plan.profile.engagingContacts)))
        let triggers = addIntent(index)
        addTouches(index, contacts: contacts, engaging: engaging, triggers: triggers)
        addOpportunities(index)
    }

    // MARK: Contacts

    /// Adds the buying committee and returns the staging numbers of its active contacts.
    mutating func addContacts(_ index: Int) -> [Int32] {
        let plan = plans[index]
        var count: Int
        switch plan.tier {
        case .one: count = random.chance(0.15) ? random.int(2...3) : random.int(6...12)
        case .two: count = random.int(3...7)
        case .three: count = random.int(1...4)
        }
        count = max(count, plan.profile.engagingContacts.upperBound, plan.profile == .engaged ? 2 : 1)
        let roleWeights: [Double] = [12, 16, 18, 14, 8, 6, 10, 4, 12]
        var active: [Int32] = []
        for position in 0..<count {
            contactCounter += 1
            let first = random.pick(SampleVocabulary.firstNames)
            let last = random.pick(SampleVocabulary.lastNames)
            let role: BuyingRole =
                position == 0
                ? .champion
                : position == 1
                    ? .economicBuyer
                    : BuyingRole.allCases[random.weighted(roleWeights)]
            let isActive = position < 2 || !random.chance(0.1)
            let contact = Contact(
                id: "C-" + padded(contactCounter, 6), accountId: accountIds[index],
                name: "\(first) \(last)", title: random.pick(SampleVocabulary.titles[role.index]),
                buyingRole: role,
                email: "\(SampleVocabulary.emailPart(first)).\(SampleVocabulary.emailPart(last))@\(domains[index])",
                active: isActive)
            if let number = try? builder.addContact(contact), isActive { active.append(number) }
        }
        return active
    }

    // MARK: Intent

    /// Adds weekly intent and returns the surge times (Unix seconds) within the trigger window,
    /// in time order.
    mutating func addIntent(_ index: Int) -> [Int64] {
        let plan = plans[index]
        let topics = accountTopics[index]
        let asOf = options.asOf.seconds
        var records: [(time: Int64, topic: Int32, score: Int)] = []
        let weeks = options.days / 7 + 1
        var recentSurge = false
        var monthSurge = false
        switch plan.profile {
        case .cold, .aware: break
        case .oneVoice: monthSurge = true
        case .surging: recentSurge = true
        case .engaged: if random.chance(0.5) { recentSurge = true } else { monthSurge = true }
        case .opportunity, .customer, .expansion:
            recentSurge = random.chance(0.35)
            monthSurge = !recentSurge && random.chance(0.3)
        }
        if plan.scenario?.triggerHoursBeforeAsOf != nil {
            recentSurge = false
            monthSurge = false
        }
        for topic in topics {
            let offset = Int64(random.int(0...(7 * 24 - 1))) * 3_600
            var level = Double(random.int(15...50))
            for week in 0..<weeks {
                let t = start.seconds + Int64(week) * 7 * day + offset
                if t > asOf { break }
                level = min(64, max(5, level + Double(random.int(-8...8))))
                records.append((t, topic, Int(level)))
            }
        }
        if let topic = topics.first {
            if recentSurge {
                records.append((anyTime(daysAgo: 0.2 + 6 * random.unit()), topic, random.int(66...92)))
            }
            if monthSurge {
                records.append((anyTime(daysAgo: 9 + 18 * random.unit()), topic, random.int(65...85)))
            }
            if let hours = plan.scenario?.triggerHoursBeforeAsOf {
                records.append((asOf - Int64(hours * 3_600), topic, 78))
            }
        }
        records.sort { ($0.time, $0.topic) < ($1.time, $1.topic) }
        for record in records {
            _ = try? builder.addIntent(
                account: index, topic: record.topic, score: record.score,
                at: Instant(seconds: record.time))
        }
        let windowStart = asOf - Int64(30 * day)
        return records.filter { $0.time > windowStart && $0.score >= 65 }.map(\.time)
    }

    // MARK: Touches

    mutating func addTouches(_ index: Int, contacts: [Int32], engaging: [Int32], triggers: [Int64]) {
        let plan = plans[index]
        let owner = builder.internPerson(plan.owner)
        let sdr = builder.internPerson(plan.sdr)
        let marketing = builder.internPerson("marketing")
        let topics = accountTopics[index]
        var pending: [PendingTouch] = []
        let budget = plan.touchCount

        // Forced engagement: several people in the last weeks, or one voice repeating itself.
        if plan.profile == .engaged && engaging.count >= 2 {
            for k in 0..<4 {
                pending.append(
                    PendingTouch(
                        time: anyTime(daysAgo: 1 + 23 * random.unit()),
                        channel: [.webinar, .content, .email, .event][k], direction: .inbound,
                        contact: engaging[k % engaging.count], topic: topics.first ?? -1, by: -1))
            }
        }
        if plan.profile == .oneVoice, let voice = engaging.first {
            for _ in 0..<4 {
                pending.append(
                    PendingTouch(
                        time: anyTime(daysAgo: 1 + 23 * random.unit()), channel: .content,
                        direction: .inbound, contact: voice, topic: topics.first ?? -1, by: -1))
            }
        }
        // Follow-ups of surges on Tier 1 and 2 accounts outside the holdout.
        let clocked = plan.tier != .three && !plan.holdout
        if clocked {
            pending += followUps(plan: plan, triggers: triggers, contacts: contacts, owner: owner)
        }
        let firstTrigger = clocked ? triggers.first : nil

        while pending.count < budget {
            let inbound = plan.holdout ? plan.profile != .cold : random.chance(plan.profile.inboundShare)
            if inbound {
                pending.append(randomInbound(plan: plan, engaging: engaging, topics: topics))
            } else {
                pending.append(
                    randomOutbound(
                        plan: plan, contacts: contacts, topics: topics, owner: owner, sdr: sdr,
                        marketing: marketing, firstTrigger: firstTrigger))
            }
        }
        if pending.count > budget && budget >= 0 { pending.removeLast(pending.count - budget) }
        pending.sort { $0.time < $1.time }
        for touch in pending {
            let label = builder.touchLabel(topic: touch.topic, by: touch.by)
            _ = try? builder.addTouch(
                account: index, at: Instant(seconds: touch.time), channel: touch.channel,
                direction: touch.direction, contact: touch.contact, label: label,
                id: nextTouchId(), note: touch.note)
        }
    }

    /// Follow-up touches for each clock the triggers open: most on time, some late, some never.
    mutating func followUps(plan: AccountPlan, triggers: [Int64], contacts: [Int32], owner: Int32)
        -> [PendingTouch]
    {
        let asOf = options.asOf.seconds
        let sla = Int64(plan.tier == .one ? 24 : 48) * 3_600
        var result: [PendingTouch] = []
        func touch(_ time: Int64, _ channel: Channel) -> PendingTouch {
            PendingTouch(
                time: time, channel: channel, direction: .outbound,
                contact: contacts.isEmpty ? -1 : contacts[0], topic: -1, by: owner,
                note: channel == .meeting ? "Follow-up on the surge" : nil)
        }
        if let scenario = plan.scenario, let hours = scenario.triggerHoursBeforeAsOf {
            if let after = scenario.followUpHoursAfterTrigger {
                let opened = asOf - Int64(hours * 3_600)
                result.append(touch(opened + Int64(after * 3_600), scenario == .slaLate ? .meeting : .phone))
            }
            return result
        }
        var closedAt: Int64 = Int64.min
        for trigger in triggers where trigger > closedAt {
            let outcome = random.weighted([55, 25, 20])
            let delay: Int64 =
                outcome == 0
                ? Int64(3_600 + random.unit() * Double(sla - 3_600))
                : sla + Int64(3_600 + random.unit() * 3 * Double(day))
            let followUp = trigger + delay
            if outcome == 2 || followUp > asOf {
                closedAt = Int64.max
                continue
            }
            result.append(touch(followUp, [.phone, .salesEmail, .meeting][random.int(0...2)]))
            closedAt = followUp
        }
        return result
    }

    mutating func randomInbound(plan: AccountPlan, engaging: [Int32], topics: [Int32]) -> PendingTouch {
        let weights: [Double] = [38, 10, 8, 14, 10, 1, 6, 3, 2, 4, 4]
        let channel = Channel.allCases[random.weighted(weights)]
        let recency = plan.profile == .engaged ? 2.2 : plan.profile == .aware ? 1.0 : 1.3
        let daysAgo = Double(options.days) * pow(random.unit(), recency)
        let anonymous = (channel == .web || channel == .display) && random.chance(0.6)
        let contact = anonymous || engaging.isEmpty ? -1 : random.pick(engaging)
        let topic: Int32 =
            (channel == .content || channel == .webinar || channel == .event) && !topics.isEmpty
            ? random.pick(topics) : -1
        return PendingTouch(
            time: anyTime(daysAgo: daysAgo), channel: channel, direction: .inbound, contact: contact,
            topic: topic, by: -1)
    }

    mutating func randomOutbound(
        plan: AccountPlan, contacts: [Int32], topics: [Int32], owner: Int32, sdr: Int32,
        marketing: Int32, firstTrigger: Int64?
    ) -> PendingTouch {
        if plan.holdout {
            return PendingTouch(
                time: businessTime(daysAgo: Double(options.days) * random.unit()), channel: .display,
                direction: .outbound, contact: -1, topic: -1, by: marketing)
        }
        var weights: [Double] = [0, 12, 12, 30, 4, 4, 6, 4, 10, 14, 4]
        let time = businessTime(daysAgo: Double(options.days) * random.unit())
        if let firstTrigger, time >= firstTrigger {
            for channel in [Channel.phone, .salesEmail, .meeting] {
                weights[channel.index] = 0
            }
        }
        let channel = Channel.allCases[random.weighted(weights)]
        let by: Int32
        switch channel {
        case .phone, .salesEmail, .meeting: by = random.chance(0.7) ? owner : sdr
        case .linkedin: by = random.chance(0.5) ? sdr : marketing
        default: by = marketing
        }
        let personal = channel != .display && channel != .webinar && channel != .event
        let contact = personal && !contacts.isEmpty ? random.pick(contacts) : -1
        let topic: Int32 = !topics.isEmpty && channel != .phone && channel != .meeting ? random.pick(topics) : -1
        let note = channel == .meeting && random.chance(0.3) ? random.pick(SampleVocabulary.meetingNotes) : nil
        return PendingTouch(
            time: time, channel: channel, direction: .outbound, contact: contact, topic: topic, by: by,
            note: note)
    }

    // MARK: Opportunities

    mutating func addOpportunities(_ index: Int) {
        let plan = plans[index]
        let asOf = options.asOf.seconds
        func add(_ status: OpportunityStatus, _ kind: OpportunityKind, created: Double, closed: Double?) {
            opportunityCounter += 1
            let stage: String? =
                status == .open ? random.pick(SampleVocabulary.stages) : status == .won ? "Closed Won" : "Closed Lost"
            let amount = Double(random.int(20...400)) * 1_000
            _ = try? builder.addOpportunity(
                Opportunity(
                    id: "O-" + padded(opportunityCounter, 5), accountId: accountIds[index],
                    status: status, kind: kind, stage: stage, amount: amount,
                    createdAt: Instant(seconds: asOf - Int64(created * Double(day))),
                    closedAt: closed.map { Instant(seconds: asOf - Int64($0 * Double(day))) }))
        }
        switch plan.profile {
        case .opportunity:
            add(.open, .new, created: 5 + 55 * random.unit(), closed: nil)
        case .customer:
            add(.won, .new, created: 300 + 200 * random.unit(), closed: 100 + 150 * random.unit())
        case .expansion:
            add(.won, .new, created: 300 + 200 * random.unit(), closed: 100 + 150 * random.unit())
            add(.open, .expansion, created: 3 + 37 * random.unit(), closed: nil)
        case .aware, .engaged:
            if random.chance(0.08) {
                add(.lost, .new, created: 60 + 90 * random.unit(), closed: 10 + 40 * random.unit())
            }
        case .cold, .oneVoice, .surging:
            break
        }
    }
}
