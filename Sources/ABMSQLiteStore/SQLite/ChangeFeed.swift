import ABMCore
import ABMStore
import Foundation
import GRDB

/// The changes an open board reads instead of the whole store: each revision that was one
/// record or one logged touch says so in `change_kind`; any other revision (an import) makes
/// the reader load everything again.
enum ChangeFeed {
    /// Notes, inside the write, that the revision about to be made is the history record
    /// `historySeq` or the logged touch `touchId` (one of the two).
    static func note(_ db: Database, historySeq: Int64? = nil, touchId: String? = nil) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO change_kind (revision, history_seq, touch_id)
                SELECT value + 1, ?, ? FROM meta WHERE key = 'revision'
                """
        ).execute(arguments: [historySeq, touchId])
    }

    /// The records and touches of the revisions after `since`, or `nil` when one of them was
    /// something else.
    static func read(_ db: Database, since: Int64, revision: Int64) throws -> StoreChanges? {
        let rows = try Row.fetchAll(
            db, sql: "SELECT revision, history_seq, touch_id FROM change_kind WHERE revision > ? ORDER BY revision",
            arguments: [since])
        guard Int64(rows.count) == revision - since else { return nil }
        var changes = StoreChanges(revision: revision)
        for row in rows {
            if let seq: Int64 = row[1] {
                guard let record = try record(db, seq: seq) else { return nil }
                changes.records.append(record)
            } else if let id: String = row[2] {
                guard let touch = try touch(db, id: id) else { return nil }
                changes.touches.append(touch)
            }
        }
        return changes
    }

    private static func record(_ db: Database, seq: Int64) throws -> HistoryRecord? {
        guard
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT h.at, h.by, h.event, h.tier, h.note, a.account_id
                    FROM history h JOIN account a ON a.number = h.account WHERE h.seq = ?
                    """, arguments: [seq]),
            let event = HistoryCoding.event(row[2], tier: row[3], note: row[4])
        else { return nil }
        return HistoryRecord(accountId: row[5], at: Instant(seconds: row[0]), by: row[1], event: event)
    }

    private static func touch(_ db: Database, id: String) throws -> Touch? {
        guard
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT k.account, a.account_id FROM touch_key k JOIN account a ON a.number = k.account
                    WHERE k.touch_id = ?
                    """, arguments: [id])
        else { return nil }
        let account: Int32 = row[0]
        let block = try Data.fetchOne(db, sql: "SELECT data FROM touch_block WHERE account = ?", arguments: [account])
        guard let block, let stored = block.withUnsafeBytes({ TouchBlock.decode($0) })?.first(where: { $0.id == id })
        else { return nil }
        func term(_ number: Int32) throws -> String? {
            number < 0
                ? nil : try String.fetchOne(db, sql: "SELECT text FROM term WHERE number = ?", arguments: [number])
        }
        let contact =
            stored.contact < 0
            ? nil
            : try String.fetchOne(
                db, sql: "SELECT contact_id FROM contact WHERE number = ?", arguments: [stored.contact])
        return Touch(
            id: id, accountId: row[1], channel: TouchColumns.channel(ofKind: stored.kind),
            direction: TouchColumns.direction(ofKind: stored.kind), occurredAt: Instant(seconds: stored.time),
            contactId: contact, topic: try term(stored.topic), by: try term(stored.by), note: stored.note)
    }
}

extension SQLiteStore {
    /// What changed after revision `since`: the new records and logged touches, or `nil` when
    /// something else changed too (an import) and the programme must be loaded again.
    public func changes(since: Int64) throws(StoreError) -> StoreChanges? {
        try read { db in
            let revision = try SQLiteStore.revision(db)
            return try ChangeFeed.read(db, since: since, revision: revision)
        }
    }
}
