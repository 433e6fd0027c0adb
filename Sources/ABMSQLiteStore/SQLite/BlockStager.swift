import ABMCore
import ABMStore
import GRDB

/// Reads every touch block (see `TouchBlock`) and intent block (see `IntentBlock`) and stages
/// them for the programme.
struct BlockStager {
    let db: Database

    /// Reads and decodes every block.
    func stage() throws -> StagedBlocks {
        let revision = try SQLiteStore.revision(db)
        let totals = try Row.fetchOne(
            db, sql: "SELECT coalesce(sum(touches), 0), coalesce(sum(id_bytes), 0) FROM touch_block")
        let termCount = try Int.fetchOne(db, sql: "SELECT coalesce(max(number), 0) + 1 FROM term") ?? 0
        var touches = TouchStaging(touches: totals?[0] ?? 0, idBytes: totals?[1] ?? 0, terms: termCount)
        let touchRows = try RawRows(db, sql: "SELECT account, data FROM touch_block ORDER BY account", what: "touches")
        while try touchRows.next() {
            try touches.add(account: Int32(truncatingIfNeeded: touchRows.int(0)), block: touchRows.blob(1))
        }
        let records = try Int.fetchOne(db, sql: "SELECT coalesce(sum(records), 0) FROM intent_block") ?? 0
        var intent = IntentStaging(records: records)
        let intentRows = try RawRows(db, sql: "SELECT account, data FROM intent_block ORDER BY account", what: "intent")
        while try intentRows.next() {
            try intent.add(account: Int32(truncatingIfNeeded: intentRows.int(0)), block: intentRows.blob(1))
        }
        return StagedBlocks(
            revision: revision, touches: try touches.finish(keepingContactsOf: try contactAccounts()),
            intent: try intent.finish())
    }

    /// Contact number → its account's number (−1: no such contact).
    private func contactAccounts() throws -> [Int32] {
        let highest = try Int.fetchOne(db, sql: "SELECT coalesce(max(number), 0) FROM contact") ?? 0
        var accounts = [Int32](repeating: -1, count: highest + 1)
        let rows = try RawRows(db, sql: "SELECT number, account FROM contact", what: "contacts")
        while try rows.next() {
            let number = rows.int(0)
            if number >= 0 && number <= highest { accounts[number] = Int32(truncatingIfNeeded: rows.int(1)) }
        }
        return accounts
    }
}
