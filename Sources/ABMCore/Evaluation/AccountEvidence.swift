/// An inbound touch's share of the engagement score.
public struct ScoredTouch: Sendable, Hashable {
    /// The touch.
    public var touch: Touch
    /// Its age at as-of, in fractional days.
    public var ageDays: Double
    /// The channel's weight.
    public var weight: Double
    /// 0.5^(age / half-life).
    public var decay: Double
    /// weight × decay.
    public var contribution: Double
}

/// A contact with what the board says about them.
public struct ContactEvidence: Sendable, Hashable {
    /// The contact.
    public var contact: Contact
    /// Their latest inbound touch at or before as-of.
    public var lastEngagement: Instant?
    /// Whether they count among `stakeholders_30d`.
    public var isStakeholder: Bool
}

/// One dated event of an account, for the detail view's timeline.
public enum TimelineEvent: Sendable, Hashable {
    /// A touch.
    case touch(Touch)
    /// An intent observation.
    case intent(IntentRecord)
    /// An opportunity was created.
    case opportunityCreated(Opportunity)
    /// An opportunity was won or lost.
    case opportunityClosed(Opportunity)
    /// A history record (mark, undo, note, re-import).
    case history(HistoryEntry)

    /// When it happened.
    public var at: Instant {
        switch self {
        case .touch(let touch): touch.occurredAt
        case .intent(let record): record.observedAt
        case .opportunityCreated(let opportunity): opportunity.createdAt
        case .opportunityClosed(let opportunity): opportunity.closedAt ?? opportunity.createdAt
        case .history(let entry): entry.record.at
        }
    }
}

/// Everything behind one account's row: each number with its evidence (SPEC §6 account detail,
/// `abmboard explain`).
public struct AccountEvidence: Sendable {
    /// The account record.
    public var account: Account
    /// The row itself.
    public var evaluation: AccountEvaluation
    /// Inbound touches within the lookback with their contributions, newest first.
    public var scoredTouches: [ScoredTouch]
    /// Intent records within the intent window (for peak intent), newest first.
    public var recentIntent: [IntentRecord]
    /// The state rules from expansion down to the winner, condition by condition.
    public var stateTrace: [StateTrace]
    /// SLA clocks within the trigger window, oldest first.
    public var clocks: [SLAClock]
    /// The buying committee.
    public var contacts: [ContactEvidence]
    /// Opportunities that exist at as-of.
    public var opportunities: [Opportunity]
    /// The mark history up to as-of, in recording order.
    public var history: [HistoryEntry]
    /// Touches, intent, opportunities and history up to as-of, newest first.
    public var timeline: [TimelineEvent]
}

extension Evaluator {
    /// Account `index` as of `asOf` with all its evidence.
    public func explain(account index: Int, in programme: Programme, asOf: Instant) -> AccountEvidence {
        let engine = engine(programme, asOf: asOf)
        var scratch = EvaluationScratch()
        var observer = CollectEvidence()
        let evaluation = engine.evaluate(index, in: programme, scratch: &scratch, observer: &observer)
        let day = Double(Instant.secondsPerDay)

        let (touches, scored) = programme.withTouchColumns(of: index) { columns, rows in
            let all = rows.map { programme.touch(row: $0, of: columns, account: index) }
            let scored = observer.scoredRows.map { item in
                let touch = programme.touch(row: item.row, of: columns, account: index)
                return ScoredTouch(
                    touch: touch, ageDays: Double(asOf.seconds - touch.occurredAt.seconds) / day,
                    weight: playbook.score.weights[touch.channel], decay: item.decay,
                    contribution: item.contribution)
            }
            return (all.filter { $0.occurredAt <= asOf }, scored)
        }
        let intent = programme.intent(of: index).filter { $0.observedAt <= asOf }
        let intentBound = engine.windows.intentScore + CompactTime.epoch
        let recentIntent = intent.filter { $0.observedAt.seconds > intentBound }.reversed()

        let stakeholderBound = engine.windows.stakeholders + CompactTime.epoch
        var lastInbound: [String: Instant] = [:]
        for touch in touches where touch.direction == .inbound {
            if let contact = touch.contactId { lastInbound[contact] = touch.occurredAt }
        }
        let contacts = programme.contacts(of: index).map { contact in
            let last = lastInbound[contact.id]
            return ContactEvidence(
                contact: contact, lastEngagement: last,
                isStakeholder: last.map { $0.seconds > stakeholderBound } ?? false)
        }

        let opportunities = programme.opportunities(of: index).filter { $0.exists(asOf: asOf) }
        let replay = MarkReplay(
            records: programme.history(of: index),
            importedTier: programme.accounts[index].importedTier, asOf: asOf)
        let history = replay.entries

        var timeline: [TimelineEvent] = touches.map { .touch($0) } + intent.map { .intent($0) }
        for opportunity in opportunities {
            timeline.append(.opportunityCreated(opportunity))
            if let closed = opportunity.closedAt, closed <= asOf {
                timeline.append(.opportunityClosed(opportunity))
            }
        }
        timeline += history.map { .history($0) }
        // Newest first; at equal times keep the order the events were gathered in, reversed.
        let ordered = timeline.enumerated().sorted { a, b in
            a.element.at != b.element.at ? a.element.at > b.element.at : a.offset > b.offset
        }.map(\.element)

        return AccountEvidence(
            account: programme.accounts[index], evaluation: evaluation, scoredTouches: scored,
            recentIntent: Array(recentIntent),
            stateTrace: DemandRule.trace(evaluation.demand, playbook: playbook),
            clocks: observer.clocks, contacts: contacts, opportunities: opportunities,
            history: history, timeline: ordered)
    }
}
