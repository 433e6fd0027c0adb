extension MarkReplay {
    /// The tier at `asOf` and the decision of `week`, computed without building a
    /// `MarkReplay` (no heap allocation): the bulk path of the board. Agrees with
    /// `MarkReplay(records:importedTier:asOf:)` by construction of the same rules.
    static func tierAndDecision(
        _ records: [HistoryRecord], importedTier: Tier, asOf: Instant, week: ReviewWeek
    ) -> (Tier?, Decision?) {
        let count = records.count
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 3 * count + 1) { scratch in
            // scratch[0..<count]: stack of standing marks; [count..<2count]: taken-back flags;
            // [2count..<3count]: index of the latest note record on each mark (−1 none).
            var top = 0
            for i in 0..<count {
                scratch[count + i] = 0
                scratch[2 * count + i] = -1
            }
            var considered = 0
            while considered < count && records[considered].at <= asOf {
                switch records[considered].event {
                case .mark:
                    scratch[top] = considered
                    top += 1
                case .undo:
                    if top > 0 {
                        top -= 1
                        scratch[count + scratch[top]] = 1
                    }
                case .note:
                    if top > 0 { scratch[2 * count + scratch[top - 1]] = considered }
                case .retier:
                    break
                }
                considered += 1
            }
            var tier: Tier? = importedTier
            for i in 0..<considered {
                switch records[i].event {
                case .mark(let action, _) where scratch[count + i] == 0:
                    tier = MarkReplay.apply(action, to: tier)
                case .retier(let newTier):
                    tier = newTier
                default:
                    break
                }
            }
            var i = considered - 1
            while i >= 0 && records[i].at >= week.start {
                if case .mark(let action, let note) = records[i].event, scratch[count + i] == 0,
                    week.contains(records[i].at)
                {
                    var latestNote = MarkRules.meaningfulNote(note)
                    let noteIndex = scratch[2 * count + i]
                    if noteIndex >= 0, case .note(let text) = records[noteIndex].event {
                        latestNote = text
                    }
                    let decision = Decision(
                        action: action, by: records[i].by, at: records[i].at, note: latestNote,
                        recordIndex: i)
                    return (tier, decision)
                }
                i -= 1
            }
            return (tier, nil)
        }
    }
}
