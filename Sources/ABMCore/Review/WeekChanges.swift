/// One account whose demand state differs between two instants.
public struct StateChange: Sendable, Hashable {
    /// The account's index in the programme.
    public var account: Int
    /// Its tier at the later instant.
    public var tier: Tier
    /// The state at the earlier instant.
    public var from: DemandState
    /// The state at the later instant.
    public var to: DemandState

    /// Whether the state rose (target < aware < engaged < opportunity < customer < expansion).
    public var rose: Bool { from < to }
}

/// One account whose tier differs between two instants, with the records that moved it.
public struct TierChange: Sendable, Hashable {
    /// The account's index in the programme.
    public var account: Int
    /// The tier at the earlier instant (`nil`: removed).
    public var from: Tier?
    /// The tier at the later instant (`nil`: removed).
    public var to: Tier?
    /// The standing marks and re-imports between the two instants that changed the tier, in
    /// recording order, each with its latest note.
    public var entries: [HistoryEntry]

    /// Whether the account moved up (towards Tier 1, or back from removed).
    public var promoted: Bool {
        switch (from, to) {
        case (nil, .some): return true
        case (.some, nil): return false
        case (.some(let a), .some(let b)): return b.rawValue < a.rawValue
        case (nil, nil): return false
        }
    }

    /// The notes of the entries, in order (empty when none was given).
    public var notes: [String] { entries.compactMap(\.note) }
}

/// One account that surges at the later instant and did not at the earlier.
public struct NewSurge: Sendable, Hashable {
    /// The account's index in the programme.
    public var account: Int
    /// Its tier at the later instant.
    public var tier: Tier
    /// The surging topics at the later instant.
    public var topics: [SurgeTopic]
}

/// One SLA clock breached at the later instant: open (not held) and overdue. It is new when it
/// fell due between the two instants.
public struct Breach: Sendable, Hashable {
    /// The account's index in the programme.
    public var account: Int
    /// Its tier at the later instant.
    public var tier: Tier
    /// The account's owner, who owes the follow-up (`nil` when it has none).
    public var owner: String?
    /// The clock.
    public var clock: SLAClock
    /// Whether the clock fell due after the earlier instant: a new breach.
    public var isNew: Bool
}

/// What changed on the board between two instants (the "since last week" view and the
/// weekly report): states up and down, tier changes with their notes, new surges, and the SLA
/// breaches with the new ones marked. Each list is in board order as of the later instant
/// (removed accounts last).
public struct WeekChanges: Sendable {
    /// The earlier instant: the start of the review week (Monday 00:00:00 UTC), the same
    /// instant tier health's movement compares with.
    public var from: Instant
    /// The later instant: the board's as-of.
    public var to: Instant
    /// Accounts on the board at `to` whose state differs from their state at `from`.
    public var stateChanges: [StateChange]
    /// Accounts whose tier differs.
    public var tierChanges: [TierChange]
    /// Accounts on the board surging at `to` but not at `from`.
    public var newSurges: [NewSurge]
    /// Every clock breached at `to` (overdue and still open, not held) of an account on the
    /// board, in opening order within an account.
    public var breaches: [Breach]

    /// The breaches that are new: due after `from`, at or before `to`.
    public var newBreaches: [Breach] { breaches.filter(\.isNew) }

    /// The state changes that rose.
    public var rose: [StateChange] { stateChanges.filter(\.rose) }
    /// The state changes that fell.
    public var fell: [StateChange] { stateChanges.filter { !$0.rose } }
    /// Nothing changed.
    public var isEmpty: Bool {
        stateChanges.isEmpty && tierChanges.isEmpty && newSurges.isEmpty && !breaches.contains(where: \.isNew)
    }
}

extension Evaluator {
    /// What changed between the start of the review week that contains `asOf` and `asOf`.
    /// Callers that have the evaluations already pass them; the rest are computed:
    /// - `rows`: every account's evaluation as of `asOf` (the board has them);
    /// - `order`: the same in board order with removed accounts last
    ///   (`BoardOrder.sorted(_:in:includeRemoved: true)`); `rows` is then not needed;
    /// - `before`: every account's evaluation as of the start of the week, in account-index
    ///   order.
    public func weekChanges(
        _ programme: Programme, asOf: Instant, rows: [AccountEvaluation]? = nil, order: [AccountEvaluation]? = nil,
        before: [AccountEvaluation]? = nil
    ) -> WeekChanges {
        let from = ReviewWeek(containing: asOf).start
        let order =
            order ?? BoardOrder.sorted(rows ?? evaluateAll(programme, asOf: asOf), in: programme, includeRemoved: true)
        let before = before ?? evaluateAll(programme, asOf: from)
        var changes = WeekChanges(
            from: from, to: asOf, stateChanges: [], tierChanges: [], newSurges: [], breaches: [])
        for row in order {
            let index = row.account
            let earlier = before[index]
            if row.tier != earlier.tier {
                changes.tierChanges.append(
                    TierChange(
                        account: index, from: earlier.tier, to: row.tier,
                        entries: tierMoves(of: index, in: programme, after: from, upTo: asOf)))
            }
            guard let tier = row.tier else { continue }
            if row.state != earlier.state {
                changes.stateChanges.append(StateChange(account: index, tier: tier, from: earlier.state, to: row.state))
            }
            if row.surging && !earlier.surging {
                changes.newSurges.append(NewSurge(account: index, tier: tier, topics: row.surgingTopics))
            }
            if row.sla.tally.breached > 0 {
                for clock in clocks(account: index, in: programme, asOf: asOf) where clock.status == .breached {
                    changes.breaches.append(
                        Breach(
                            account: index, tier: tier, owner: programme.accounts[index].owner, clock: clock,
                            isNew: clock.dueAt > from))
                }
            }
        }
        return changes
    }

    /// The account's SLA clocks within the trigger window as of `asOf`, in opening order.
    public func clocks(account index: Int, in programme: Programme, asOf: Instant) -> [SLAClock] {
        var scratch = EvaluationScratch()
        var observer = CollectEvidence()
        _ = engine(programme, asOf: asOf).evaluate(index, in: programme, scratch: &scratch, observer: &observer)
        return observer.clocks
    }

    /// The standing marks and re-imports of account `index` stamped after `from`, at or before
    /// `asOf`, that changed its tier.
    func tierMoves(of index: Int, in programme: Programme, after from: Instant, upTo asOf: Instant) -> [HistoryEntry] {
        let replay = MarkReplay(
            records: programme.history(of: index), importedTier: programme.accounts[index].importedTier, asOf: asOf)
        return replay.entries.filter { entry in
            guard entry.record.at > from, entry.takenBackBy == nil else { return false }
            switch entry.record.event {
            case .mark, .retier: return entry.tierBefore != entry.tierAfter
            case .undo, .note: return false
            }
        }
    }
}
