/// An account's decision for a review week: its latest mark in that week not taken back.
public struct Decision: Sendable, Hashable {
    /// What was decided.
    public var action: MarkAction
    /// Who decided.
    public var by: String
    /// When the mark was recorded.
    public var at: Instant
    /// The latest note on the mark: its own, or one added later (SPEC §7.3); `nil` when none.
    public var note: String?
    /// The mark's index in the account's history.
    public var recordIndex: Int

    /// Creates a decision.
    public init(action: MarkAction, by: String, at: Instant, note: String?, recordIndex: Int) {
        self.action = action
        self.by = by
        self.at = at
        self.note = note
        self.recordIndex = recordIndex
    }
}

/// An account's history replayed up to an instant (SPEC §3): which marks stand, which were
/// taken back, the notes on each, and the tier that results.
public struct MarkReplay: Sendable {
    /// The history that was replayed, in recording order.
    public let records: [HistoryRecord]
    /// How many leading records are at or before the replay's instant.
    public let consideredCount: Int
    /// For each record index: the index of the undo that took it back (marks only).
    public let takenBackBy: [Int?]
    /// For each record index: the latest note on that mark (marks only).
    public let notes: [String?]
    /// The tier after replay; `nil` means removed from the programme.
    public let tier: Tier?
    /// The tier set by the first import or by the latest re-import that changed it.
    public let lastImportedTier: Tier
    /// The tier of the account's first import.
    public let initialTier: Tier

    /// Replays `records` (one account's history, in recording order) from `importedTier`,
    /// considering only records stamped at or before `asOf`.
    public init(records: [HistoryRecord], importedTier: Tier, asOf: Instant) {
        self.records = records
        self.initialTier = importedTier
        var considered = 0
        while considered < records.count && records[considered].at <= asOf { considered += 1 }
        consideredCount = considered
        var takenBackBy = [Int?](repeating: nil, count: records.count)
        var notes = [String?](repeating: nil, count: records.count)
        var standing: [Int] = []
        var lastImported = importedTier
        for index in 0..<considered {
            switch records[index].event {
            case .mark(_, let note):
                standing.append(index)
                notes[index] = MarkRules.meaningfulNote(note)
            case .undo:
                if let taken = standing.popLast() { takenBackBy[taken] = index }
            case .note(let text):
                if let target = standing.last { notes[target] = text }
            case .retier(let tier):
                lastImported = tier
            }
        }
        self.takenBackBy = takenBackBy
        self.notes = notes
        self.lastImportedTier = lastImported
        self.tier = MarkReplay.fold(
            records, upTo: considered, importedTier: importedTier, takenBackBy: takenBackBy)
    }

    /// The tier from replaying the first `count` records, skipping marks taken back.
    static func fold(
        _ records: [HistoryRecord], upTo count: Int, importedTier: Tier, takenBackBy: [Int?]
    ) -> Tier? {
        var tier: Tier? = importedTier
        for index in 0..<count {
            switch records[index].event {
            case .mark(let action, _) where takenBackBy[index] == nil:
                tier = MarkReplay.apply(action, to: tier)
            case .retier(let newTier):
                tier = newTier
            default:
                break
            }
        }
        return tier
    }

    /// The tier after `action` on an account at `tier` (demote 1→2→3→removed, promote
    /// removed→3→2→1; work and hold leave it).
    public static func apply(_ action: MarkAction, to tier: Tier?) -> Tier? {
        switch action {
        case .work, .hold: return tier
        case .demote: return tier?.demoted
        case .promote:
            guard let tier else { return .three }
            return tier.promoted ?? tier
        }
    }

    /// Indexes of the marks that stand (not taken back), in recording order.
    public var standingMarks: [Int] {
        (0..<consideredCount).filter { index in
            if case .mark = records[index].event { return takenBackBy[index] == nil }
            return false
        }
    }

    /// The decision for `week`: the latest standing mark stamped in that week.
    public func decision(in week: ReviewWeek) -> Decision? {
        var index = consideredCount - 1
        while index >= 0 {
            let record = records[index]
            if record.at < week.start { return nil }
            if case .mark(let action, _) = record.event, takenBackBy[index] == nil,
                week.contains(record.at)
            {
                return Decision(
                    action: action, by: record.by, at: record.at, note: notes[index],
                    recordIndex: index)
            }
            index -= 1
        }
        return nil
    }

    /// The stamp of the latest considered record.
    public var latestStamp: Instant? {
        consideredCount > 0 ? records[consideredCount - 1].at : nil
    }
}
