/// Evaluates accounts of one programme as of one instant: the single computation behind the
/// board, `explain`, tier health and the score history.
struct AccountEngine {
    let playbook: Playbook
    let constants: RuleConstants
    let windows: Windows
    let asOf: Instant
    let week: ReviewWeek
    let programmeStart: Instant?

    init(playbook: Playbook, constants: RuleConstants? = nil, asOf: Instant, earliestTouch: Instant?) {
        self.constants = constants ?? RuleConstants(playbook)
        self.playbook = playbook
        self.windows = Windows(asOf: asOf, playbook: playbook)
        self.asOf = asOf
        self.week = ReviewWeek(containing: asOf)
        self.programmeStart = RecommendationRule.programmeStart(
            playbook: playbook, earliestTouch: earliestTouch, asOf: asOf)
    }

    /// What the touch scan found.
    struct TouchFacts {
        var touchPoints = 0.0
        var scoredTouches = 0
        var stakeholders = 0
        var engagedTouches = 0
        var engagedContacts = 0
        var awareTouches = 0
        var lastTouch: LastTouch?
    }

    /// What the intent scan found.
    struct IntentFacts {
        var peakScoreWindow = 0
        var peakEngaged = 0
        var peakAware = 0
        var surging = false
    }

    /// Evaluates account `index` completely.
    func evaluate<O: EvaluationObserver>(
        _ index: Int, in programme: Programme, scratch: inout EvaluationScratch, observer: inout O
    ) -> AccountEvaluation {
        let holdout = programme.accounts[index].holdout
        let (tier, decision) = marks(index, in: programme)
        let touchFacts = scanTouches(index, in: programme, withScore: true, scratch: &scratch, observer: &observer)
        var sla = SLASummary.none
        if let tier, !holdout, let slaSeconds = constants.slaSeconds(tier) {
            sla = programme.withTouchColumns(of: index) { columns, rows in
                runClocks(
                    index, in: programme, columns: columns, rows: rows, slaSeconds: slaSeconds,
                    held: decision?.action == .hold, observer: &observer)
            }
        }
        let intentFacts = scanIntent(index, in: programme)
        var demand = opportunityFacts(programme.opportunities[index])
        fill(&demand, touchFacts, intentFacts)
        let state = DemandRule.state(demand, playbook: playbook)
        let topics = intentFacts.surging ? surgingTopics(index, in: programme) : []
        let score = ScoreBreakdown(
            touchPoints: touchFacts.touchPoints, scoredTouches: touchFacts.scoredTouches,
            stakeholders: touchFacts.stakeholders, peakIntent: intentFacts.peakScoreWindow,
            playbook: playbook)

        var active = 0
        var roles = RoleSet()
        for row in programme.contactRows(of: index) where programme.contacts.active[row] {
            active += 1
            let role = programme.contacts.role(row)
            if role != .unknown { roles.insert(RoleSet(role)) }
        }
        let (recommendation, reason) = RecommendationRule.recommend(
            .init(
                tier: tier, holdout: holdout, state: state, surgingTopics: topics,
                engagedStakeholders: touchFacts.engagedContacts, sla: sla.status,
                slaDue: sla.dueAt, programmeStart: programmeStart, asOf: asOf),
            playbook: playbook)
        return AccountEvaluation(
            account: index, asOf: asOf, tier: tier, holdout: holdout, score: score,
            demand: demand, state: state, surgingTopics: topics, lastTouch: touchFacts.lastTouch,
            activeContacts: active, rolesCovered: roles,
            thin: tier == .one && active < playbook.health.minActiveContactsTier1, sla: sla,
            recommendation: recommendation, reason: reason, decision: decision)
    }

    /// The demand state only (for movement since the start of the week).
    func state(_ index: Int, in programme: Programme, scratch: inout EvaluationScratch) -> DemandState {
        var demand = opportunityFacts(programme.opportunities[index])
        let decided = DemandRule.state(demand, playbook: playbook)
        if decided >= .opportunity { return decided }  // the CRM's states win over the rest
        var observer = IgnoreEvidence()
        let touchFacts = scanTouches(index, in: programme, withScore: false, scratch: &scratch, observer: &observer)
        fill(&demand, touchFacts, scanIntent(index, in: programme))
        return DemandRule.state(demand, playbook: playbook)
    }

    /// The engagement score only (for the score history).
    func scoreValue(_ index: Int, in programme: Programme, scratch: inout EvaluationScratch) -> Int {
        var observer = IgnoreEvidence()
        let touchFacts = scanTouches(index, in: programme, withScore: true, scratch: &scratch, observer: &observer)
        let intentFacts = scanIntent(index, in: programme)
        return ScoreBreakdown(
            touchPoints: touchFacts.touchPoints, scoredTouches: touchFacts.scoredTouches,
            stakeholders: touchFacts.stakeholders, peakIntent: intentFacts.peakScoreWindow,
            playbook: playbook
        ).value
    }

    /// The tier at as-of and the decision of the current review week.
    func marks(_ index: Int, in programme: Programme) -> (Tier?, Decision?) {
        let imported = programme.accounts[index].importedTier
        if programme.history[index].isEmpty { return (imported, nil) }
        return MarkReplay.tierAndDecision(
            programme.history[index], importedTier: imported, asOf: asOf, week: week)
    }

    private func fill(_ demand: inout DemandFacts, _ touches: TouchFacts, _ intent: IntentFacts) {
        demand.engagedTouches = touches.engagedTouches
        demand.engagedContacts = touches.engagedContacts
        demand.awareTouches = touches.awareTouches
        demand.engagedPeakIntent = intent.peakEngaged
        demand.awarePeakIntent = intent.peakAware
    }

    /// Won, open and open-expansion counts as of as-of.
    func opportunityFacts(_ opportunities: [Opportunity]) -> DemandFacts {
        var facts = DemandFacts()
        for opportunity in opportunities {
            if opportunity.isWon(asOf: asOf) {
                facts.wonOpportunities += 1
            } else if opportunity.isOpen(asOf: asOf) {
                facts.openOpportunities += 1
                if opportunity.kind == .expansion { facts.openExpansions += 1 }
            }
        }
        return facts
    }

    /// Scans account `index`'s touches wherever they live (built columns or relocated ones).
    func scanTouches<O: EvaluationObserver>(
        _ index: Int, in programme: Programme, withScore: Bool, scratch: inout EvaluationScratch,
        observer: inout O
    ) -> TouchFacts {
        let contactRows = programme.contactRows(of: index)
        return programme.withTouchColumns(of: index) { columns, rows in
            scanTouches(
                columns, rows, contactBase: contactRows.lowerBound, contactCount: contactRows.count,
                withScore: withScore, scratch: &scratch, observer: &observer)
        }
    }

    /// Scans an account's touches (sorted by time) as of as-of. Every window ends at as-of,
    /// so each is a suffix of the rows: the loops below are short and nearly branch-free.
    func scanTouches<O: EvaluationObserver>(
        _ columns: TouchColumns, _ rows: Range<Int>, contactBase: Int, contactCount: Int,
        withScore: Bool, scratch: inout EvaluationScratch, observer: inout O
    ) -> TouchFacts {
        var facts = TouchFacts()
        if rows.isEmpty { return facts }
        let w = windows
        // One extra slot past the account's contacts absorbs touches that name no contact.
        let stamp = scratch.begin(contacts: contactCount + 1)
        let decayTable = constants.decay
        columns.time.withUnsafeBufferPointer { time in
            columns.kind.withUnsafeBufferPointer { kind in
                columns.contact.withUnsafeBufferPointer { contact in
                    scratch.seen.withUnsafeMutableBufferPointer { seen in
                        constants.weightsByKind.withUnsafeBufferPointer { weights in
                            decayTable.withLookup { decay in
                                let end = firstIndex(in: time, rows, after: w.asOf)
                                guard end > rows.lowerBound else { return }
                                let last = end - 1
                                facts.lastTouch = LastTouch(
                                    at: CompactTime.decode(time[last]),
                                    channel: TouchColumns.channel(ofKind: kind[last]),
                                    direction: TouchColumns.direction(ofKind: kind[last]))
                                let engagedStart = firstIndex(in: time, rows.lowerBound..<end, after: w.engaged)
                                let awareStart = firstIndex(in: time, rows.lowerBound..<end, after: w.aware)
                                let stakeStart = firstIndex(in: time, rows.lowerBound..<end, after: w.stakeholders)

                                if withScore {
                                    let scoreStart = firstIndex(in: time, rows.lowerBound..<end, after: w.lookback)
                                    var points = 0.0
                                    var scored = 0
                                    for row in scoreStart..<end {
                                        let k = Int(kind[row])
                                        let factor = decay.factor(ageSeconds: w.asOf - Int64(time[row]))
                                        let contribution = weights[k] * factor
                                        points += contribution
                                        scored &+= (k & 1) ^ 1
                                        if k & 1 == 0 {
                                            observer.scored(row: row, decay: factor, contribution: contribution)
                                        }
                                    }
                                    facts.touchPoints = points
                                    facts.scoredTouches = scored
                                }
                                var inbound = 0
                                for row in engagedStart..<end { inbound &+= Int(kind[row] & 1) ^ 1 }
                                facts.engagedTouches = inbound
                                inbound = 0
                                for row in awareStart..<end { inbound &+= Int(kind[row] & 1) ^ 1 }
                                facts.awareTouches = inbound

                                // Distinct contacts, newest first: a contact counts in a window
                                // when its latest inbound touch lies inside it.
                                let sink = contactCount
                                seen[sink] = stamp
                                var stakeholders = 0
                                var engagedContacts = 0
                                var row = last
                                let floor = min(engagedStart, stakeStart)
                                while row >= floor {
                                    let c = Int(contact[row]) &- contactBase
                                    let usable = kind[row] & 1 == 0 && c >= 0 && c < contactCount
                                    let slot = usable ? c : sink
                                    let isNew = seen[slot] != stamp
                                    seen[slot] = stamp
                                    stakeholders &+= isNew && row >= stakeStart ? 1 : 0
                                    engagedContacts &+= isNew && row >= engagedStart ? 1 : 0
                                    row -= 1
                                }
                                facts.stakeholders = stakeholders
                                facts.engagedContacts = engagedContacts
                            }
                        }
                    }
                }
            }
        }
        return facts
    }

    /// Peaks per window and whether a surge record lies in the surge window.
    func scanIntent(_ index: Int, in programme: Programme) -> IntentFacts {
        var facts = IntentFacts()
        let rows = programme.intentRows(of: index)
        if rows.isEmpty { return facts }
        let w = windows
        let threshold = constants.surgeThreshold
        programme.intent.time.withUnsafeBufferPointer { time in
            programme.intent.score.withUnsafeBufferPointer { score in
                let end = firstIndex(in: time, rows, after: w.asOf)
                let start = firstIndex(in: time, rows.lowerBound..<end, after: w.intentFloor)
                var peakScore = 0
                var peakEngaged = 0
                var peakAware = 0
                var surging = false
                for row in start..<end {
                    let t = Int64(time[row])
                    let s = Int(score[row])
                    peakScore = max(peakScore, t > w.intentScore ? s : 0)
                    peakEngaged = max(peakEngaged, t > w.engaged ? s : 0)
                    peakAware = max(peakAware, t > w.aware ? s : 0)
                    surging = surging || (t > w.surge && Double(s) >= threshold)
                }
                facts = IntentFacts(
                    peakScoreWindow: peakScore, peakEngaged: peakEngaged, peakAware: peakAware,
                    surging: surging)
            }
        }
        return facts
    }

    /// The distinct topics of surge records in the surge window, sorted by code point, each
    /// with its highest score.
    func surgingTopics(_ index: Int, in programme: Programme) -> [SurgeTopic] {
        var topics: [SurgeTopic] = []
        var numbers: [Int32] = []
        for row in programme.intentRows(of: index) {
            let t = Int64(programme.intent.time[row])
            let s = Int(programme.intent.score[row])
            guard t > windows.surge && t <= windows.asOf && Double(s) >= playbook.surge.threshold
            else { continue }
            let topic = programme.intent.topic[row]
            if let known = numbers.firstIndex(of: topic) {
                topics[known].score = max(topics[known].score, s)
            } else {
                numbers.append(topic)
                topics.append(SurgeTopic(topic: programme.topics[topic] ?? "", score: s))
            }
        }
        topics.sort { codePointPrecedes($0.topic, $1.topic) }
        return topics
    }

    /// Runs the SLA clocks of SPEC §2.4 and returns the latest clock's summary.
    func runClocks<O: EvaluationObserver>(
        _ index: Int, in programme: Programme, columns: TouchColumns, rows: Range<Int>,
        slaSeconds: Int64, held: Bool, observer: inout O
    ) -> SLASummary {
        let intentRows = programme.intentRows(of: index)
        if intentRows.isEmpty { return .none }
        let w = windows
        let threshold = constants.surgeThreshold
        let mask = constants.followUpMask
        var tally = SLATally()
        var latest: SLAClock?
        var machine = ClockMachine(slaSeconds: slaSeconds, asOf: w.asOf, held: held)
        programme.intent.time.withUnsafeBufferPointer { intentTime in
            programme.intent.score.withUnsafeBufferPointer { intentScore in
                let triggerEnd = firstIndex(in: intentTime, intentRows, after: w.asOf)
                let triggerStart = firstIndex(
                    in: intentTime, intentRows.lowerBound..<triggerEnd, after: w.trigger)
                var first = triggerStart
                while first < triggerEnd && Double(intentScore[first]) < threshold { first += 1 }
                guard first < triggerEnd else { return }
                columns.time.withUnsafeBufferPointer { time in
                    columns.kind.withUnsafeBufferPointer { kind in
                        let end = firstIndex(in: time, rows, after: w.asOf)
                        var cursor = rows.lowerBound
                        var positioned = false
                        func followUp(atOrAfter opened: Int64) -> Int64? {
                            if !positioned {
                                cursor = firstIndex(in: time, rows.lowerBound..<end, after: opened - 1)
                                positioned = true
                            }
                            while cursor < end {
                                let k = kind[cursor]
                                if Int64(time[cursor]) >= opened && k & 1 == 1
                                    && mask & (1 << UInt16(k >> 1)) != 0
                                {
                                    return Int64(time[cursor])
                                }
                                cursor += 1
                            }
                            return nil
                        }
                        func record(_ clock: SLAClock) {
                            tally.add(clock.status)
                            latest = clock
                            observer.clock(clock)
                        }
                        for row in first..<triggerEnd where Double(intentScore[row]) >= threshold {
                            if let closed = machine.trigger(at: Int64(intentTime[row]), followUp: followUp) {
                                record(closed)
                            }
                        }
                        if let last = machine.finish(followUp: followUp) { record(last) }
                    }
                }
            }
        }
        guard let latest else { return .none }
        return SLASummary(status: latest.status, dueAt: latest.dueAt, tally: tally)
    }
}

/// The first index in `rows` whose time is greater than `bound` (rows sorted by time).
@inline(__always)
func firstIndex(in time: UnsafeBufferPointer<Int32>, _ rows: Range<Int>, after bound: Int64) -> Int {
    var low = rows.lowerBound
    var high = rows.upperBound
    while low < high {
        let mid = (low + high) >> 1
        if Int64(time[mid]) <= bound { low = mid + 1 } else { high = mid }
    }
    return low
}
