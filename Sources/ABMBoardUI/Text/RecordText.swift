import ABMCore

/// What a recorded mark, undo or note did, in one line: the board's status bar and the
/// `mark`, `undo` and `note` commands say it the same way.
public enum RecordText {
    /// The line, with any control characters in the note or name made visible (`SafeText`),
    /// so that text from the data never reaches a terminal as an escape sequence.
    public static func line(_ recorded: RecordedMark) -> String {
        SafeText.visible(raw(recorded))
    }

    private static func raw(_ recorded: RecordedMark) -> String {
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
