import ABMBoardUI
import ABMCore
import ABMStore

/// What a recorded mark, undo or note did, in one line.
enum RecordText {
    /// The line.
    static func line(_ recorded: RecordedEvent) -> String {
        let r = recorded.record
        let tiers = BoardText.tierText(recorded.tierBefore) + " → " + BoardText.tierText(recorded.tierAfter)
        switch r.event {
        case .mark(let action, let note):
            return "\(r.accountId): \(action.rawValue) by \(r.by) at \(r.at.iso8601) (\(tiers))"
                + (note.map { ", note: \($0)" } ?? "")
        case .undo:
            return "\(r.accountId): latest mark taken back by \(r.by) at \(r.at.iso8601) (\(tiers))"
        case .note(let text):
            return "\(r.accountId): note added by \(r.by) at \(r.at.iso8601): \(text)"
        case .retier(let tier):
            return "\(r.accountId): re-imported at \(tier.label)"
        }
    }
}
