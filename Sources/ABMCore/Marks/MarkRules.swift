/// The rules for recording marks, undos, notes and re-import tier changes (SPEC §3), as pure
/// functions over an account's history.
public enum MarkRules {
    /// A note that says something: `nil` when absent or only white space.
    public static func meaningfulNote(_ note: String?) -> String? {
        guard let note, note.contains(where: { !$0.isWhitespace }) else { return nil }
        return note
    }

    /// The stamp for a record made "now": the current time, but never earlier than the
    /// account's latest record, so people marking one account at once are never refused.
    public static func stampForNow(_ now: Instant, history: [HistoryRecord]) -> Instant {
        guard let latest = history.last?.at else { return now }
        return max(now, latest)
    }

    /// Checks `event`, stamped `at`, against the account's history and returns the tier before
    /// and after it.
    ///
    /// - Throws: `MarkRefusal` when SPEC §3 refuses it: a stamp earlier than the latest record,
    ///   promote at Tier 1, demote from Tier 1 without a note, work/hold/demote on a removed
    ///   account, undo or note with no standing mark, an empty note.
    public static func check(
        _ event: HistoryEvent, at stamp: Instant, account: String, history: [HistoryRecord],
        importedTier: Tier
    ) throws(MarkRefusal) -> (before: Tier?, after: Tier?) {
        if let latest = history.last?.at, stamp < latest {
            throw .stampedBeforeLatest(account: account, stamp: stamp, latest: latest)
        }
        let replay = MarkReplay(records: history, importedTier: importedTier, asOf: stamp)
        let before = replay.tier
        switch event {
        case .mark(let action, let note):
            switch action {
            case .promote:
                if before == .one { throw .alreadyTierOne(account: account) }
            case .demote:
                if before == nil { throw .removedAccount(account: account, action: action) }
                if before == .one && meaningfulNote(note) == nil {
                    throw .demoteTierOneNeedsNote(account: account)
                }
            case .work, .hold:
                if before == nil { throw .removedAccount(account: account, action: action) }
            }
            return (before, MarkReplay.apply(action, to: before))
        case .undo:
            guard !replay.standingMarks.isEmpty else { throw .nothingToUndo(account: account) }
        case .note(let text):
            guard meaningfulNote(text) != nil else { throw .emptyNote(account: account) }
            guard !replay.standingMarks.isEmpty else { throw .nothingToNote(account: account) }
            return (before, before)
        case .retier(let tier):
            return (before, tier)
        }
        let after = MarkReplay(
            records: history + [HistoryRecord(account: account, at: stamp, event: event)],
            importedTier: importedTier, asOf: stamp
        ).tier
        return (before, after)
    }

    /// The record a re-import stamped `at` with tier `imported` adds to the history: `nil` when
    /// the tier equals the account's last imported tier (SPEC §3: nothing is recorded).
    /// - Throws: `MarkRefusal.stampedBeforeLatest` for a stamp earlier than the latest record.
    public static func retier(
        to imported: Tier, at stamp: Instant, by: String, account: String,
        history: [HistoryRecord], importedTier: Tier
    ) throws(MarkRefusal) -> HistoryRecord? {
        let replay = MarkReplay(records: history, importedTier: importedTier, asOf: .distantFuture)
        guard replay.lastImportedTier != imported else { return nil }
        if let latest = history.last?.at, stamp < latest {
            throw .stampedBeforeLatest(account: account, stamp: stamp, latest: latest)
        }
        return HistoryRecord(accountId: account, at: stamp, by: by, event: .retier(imported))
    }
}

extension HistoryRecord {
    /// A record with an empty `by`, for replaying a candidate event.
    fileprivate init(account: String, at: Instant, event: HistoryEvent) {
        self.init(accountId: account, at: at, by: "", event: event)
    }
}

extension Instant {
    /// An instant after every record (for replaying a whole history).
    public static let distantFuture = Instant(seconds: Int64.max / 2)
    /// An instant before every record.
    public static let distantPast = Instant(seconds: Int64.min / 2)
}
