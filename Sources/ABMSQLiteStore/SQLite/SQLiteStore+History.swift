import ABMCore
import ABMImport
import ABMStore
import GRDB

extension SQLiteStore {
    /// Records a mark, undo or note under SPEC §3, inside one write: the account's history is
    /// read, the rules checked and the record appended while the write lock is held, so a
    /// "now" stamp is never earlier than a record someone else just made.
    public func record(_ event: HistoryEvent, account id: String, by: String, stamp: RecordStamp) throws(StoreError)
        -> RecordedMark
    {
        try write { db in
            let stored = try storedAccount(db, id: id)
            let number = stored.number
            let history = try HistoryTable.records(db, account: number, id: id)
            let recorded = try append(
                db, event: event, account: number, id: id, by: by, stamp: stamp, history: history,
                importedTier: stored.account.importedTier)
            try ChangeFeed.note(db, historySeq: db.lastInsertedRowID)
            return (recorded, [number])
        }
    }

    /// Checks and appends one record to an account whose `history` is given.
    private func append(
        _ db: Database, event: HistoryEvent, account number: Int32, id: String, by: String, stamp: RecordStamp,
        history: [HistoryRecord], importedTier: Tier
    ) throws -> RecordedMark {
        let time: Instant
        switch stamp {
        case .now: time = MarkRules.stampForNow(clock(), history: history)
        case .at(let given): time = given
        }
        let tiers: (before: Tier?, after: Tier?)
        do {
            tiers = try MarkRules.check(event, at: time, account: id, history: history, importedTier: importedTier)
        } catch {
            throw StoreError.refused(error)
        }
        let record = HistoryRecord(accountId: id, at: time, by: by, event: event)
        try HistoryTable.append(db, account: number, record: record, before: tiers.before, after: tiers.after)
        return RecordedMark(record: record, tierBefore: tiers.before, tierAfter: tiers.after)
    }

    /// Records a marks file's rows in file order; a row identical to a stored record (same
    /// account, stamp, person and event) is skipped, so importing a file twice changes nothing.
    public func importMarks(_ rows: [MarksFile.Row], file: String) throws(StoreError) -> ImportSummary {
        try write { db in
            var summary = ImportSummary(kind: "marks", rows: rows.count, added: 0, updated: 0)
            var histories: [String: (number: Int32, tier: Tier, records: [HistoryRecord])] = [:]
            var problems = ImportProblems()
            var changed: [Int32] = []
            for row in rows {
                if histories[row.accountId] == nil {
                    guard let stored = try StoredAccount.fetch(db, id: row.accountId) else { continue }
                    let records = try HistoryTable.records(db, account: stored.number, id: row.accountId)
                    histories[row.accountId] = (stored.number, stored.account.importedTier, records)
                }
                guard var entry = histories[row.accountId] else { continue }
                let candidate = HistoryRecord(accountId: row.accountId, at: row.at, by: row.by, event: row.event)
                if entry.records.contains(candidate) { continue }
                do {
                    let recorded = try append(
                        db, event: row.event, account: entry.number, id: row.accountId, by: row.by,
                        stamp: .at(row.at), history: entry.records, importedTier: entry.tier)
                    entry.records.append(recorded.record)
                    histories[row.accountId] = entry
                    summary.added += 1
                    changed.append(entry.number)
                } catch StoreError.refused(let refusal) {
                    problems.append(
                        ImportProblem(
                            file: file, line: row.line, column: "action",
                            expected: "a record the rules of SPEC §3 allow",
                            found: refusal.description, foundIsValue: false))
                }
            }
            guard problems.isEmpty else { throw StoreError.badRows(problems) }
            summary.recorded = summary.added
            return (summary, changed)
        }
    }
}
