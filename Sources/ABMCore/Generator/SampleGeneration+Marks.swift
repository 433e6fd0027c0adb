extension SampleGeneration {
    /// Decisions over the last `markWeeks` review weeks: the scripted ones (a hold on an open
    /// clock, a Tier 3 removal, a promotion to Tier 1, a Tier 1 demotion with its note, a mark
    /// taken back) and, for the rest, what an AE would plausibly decide. Every record passes
    /// `MarkRules`.
    mutating func addMarks() {
        let current = ReviewWeek(containing: options.asOf)
        let weeks = max(0, options.markWeeks)
        for index in plans.indices {
            let plan = plans[index]
            var history: [HistoryRecord] = []
            func record(_ event: HistoryEvent, at time: Int64, by: String) {
                let stamp = Instant(seconds: min(time, options.asOf.seconds))
                guard
                    (try? MarkRules.check(
                        event, at: stamp, account: accountIds[index], history: history,
                        importedTier: plan.tier)) != nil
                else { return }
                history.append(HistoryRecord(accountId: accountIds[index], at: stamp, by: by, event: event))
            }
            func weekday(_ week: ReviewWeek, _ day: Int, hour: Int) -> Int64 {
                week.start.seconds + Int64(day) * self.day + Int64(hour) * 3_600
                    + Int64(random.int(0...59)) * 60
            }
            switch plan.scenario {
            case .slaHeld:
                record(
                    .mark(.hold, note: "Waiting for their security review"), at: weekday(current, 3, hour: 10),
                    by: plan.owner)
            case .removed:
                record(
                    .mark(.demote, note: "no response after three sequences"), at: weekday(current, 1, hour: 11),
                    by: plan.owner)
            case .promotedToTierOne:
                record(
                    .mark(.promote, note: "strong signals, moving up"), at: weekday(current, 0, hour: 15),
                    by: "marketing")
            case .demotedFromTierOne:
                record(
                    .mark(.demote, note: "budget frozen until Q2"), at: weekday(current.offset(by: -1), 0, hour: 9),
                    by: plan.owner)
            case .undone:
                let t = weekday(current, 1, hour: 14)
                record(.mark(.demote, note: nil), at: t, by: plan.owner)
                record(.undo, at: t + 1_200, by: plan.owner)
            case .some:
                break
            case nil:
                for back in stride(from: weeks - 1, through: 0, by: -1) {
                    let week = current.offset(by: -back)
                    let p: Double = plan.tier == .one ? 0.6 : plan.tier == .two ? 0.35 : 0.15
                    guard random.chance(p) else { continue }
                    let lastDay = back == 0 ? min(4, Int((options.asOf.seconds - week.start.seconds) / day)) : 4
                    let t = weekday(week, random.int(0...max(0, lastDay)), hour: random.int(8...16))
                    guard t <= options.asOf.seconds else { continue }
                    let action = plausibleAction(plan)
                    let note: String? =
                        action == .demote || random.chance(0.1) ? random.pick(SampleVocabulary.decisionNotes) : nil
                    record(.mark(action, note: note), at: t, by: action == .promote ? "marketing" : plan.owner)
                    if random.chance(0.03) {
                        record(.undo, at: t + 900, by: plan.owner)
                    } else if random.chance(0.05) {
                        record(.note("followed up in the pipeline call"), at: t + 3_600, by: plan.owner)
                    }
                }
            }
            for entry in history { _ = try? builder.addHistory(entry) }
        }
    }

    /// What an AE would plausibly decide for an account of this plan.
    mutating func plausibleAction(_ plan: AccountPlan) -> MarkAction {
        switch plan.profile {
        case .engaged, .surging:
            if plan.tier != .one && random.chance(0.15) { return .promote }
            return random.chance(0.8) ? .work : .hold
        case .opportunity, .expansion:
            return random.chance(0.8) ? .work : .hold
        case .customer, .oneVoice:
            return random.chance(0.5) ? .work : .hold
        case .aware:
            return random.chance(0.7) ? .hold : .work
        case .cold:
            if plan.tier == .three && random.chance(0.1) { return .demote }
            return random.chance(0.6) ? .hold : .work
        }
    }
}
