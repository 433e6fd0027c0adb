/// One record of an account's history as the board shows it: with the tier before and after,
/// and whether (and by which undo) a mark was taken back.
public struct HistoryEntry: Sendable, Hashable {
    /// The record's index in the account's history.
    public var index: Int
    /// The record.
    public var record: HistoryRecord
    /// The tier just before the record.
    public var tierBefore: Tier?
    /// The tier just after it (for an undo: after taking the mark back).
    public var tierAfter: Tier?
    /// For a mark taken back: the index of the undo.
    public var takenBackBy: Int?
    /// For an undo: the index of the mark it took back; for a note: the mark it annotates.
    public var target: Int?
    /// For a mark: its latest note.
    public var note: String?
}

extension MarkReplay {
    /// The considered records with their tier changes, in recording order.
    public var entries: [HistoryEntry] {
        var result: [HistoryEntry] = []
        var standing: [Int] = []
        var takenBack = [Int?](repeating: nil, count: records.count)
        var tier = MarkReplay.fold(records, upTo: 0, importedTier: initialTier, takenBackBy: takenBack)
        for index in 0..<consideredCount {
            var target: Int?
            switch records[index].event {
            case .mark: standing.append(index)
            case .undo:
                if let taken = standing.popLast() {
                    takenBack[taken] = index
                    target = taken
                }
            case .note: target = standing.last
            case .retier: break
            }
            let after = MarkReplay.fold(
                records, upTo: index + 1, importedTier: initialTier, takenBackBy: takenBack)
            var note: String?
            if case .mark = records[index].event { note = notes[index] }
            result.append(
                HistoryEntry(
                    index: index, record: records[index], tierBefore: tier, tierAfter: after,
                    takenBackBy: takenBackBy[index], target: target, note: note))
            tier = after
        }
        return result
    }
}
