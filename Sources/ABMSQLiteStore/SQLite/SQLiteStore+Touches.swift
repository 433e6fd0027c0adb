import ABMCore
import ABMImport
import ABMStore
import Foundation
import GRDB
import GRDBSQLite

extension SQLiteStore {
    /// Upserts touches: each id's account goes into `touch_key` (new ids inserted, a moved id
    /// re-pointed), then every account the file touches gets its block rewritten — straight
    /// from the file's columns for an account with no touches yet, merged by id otherwise.
    public func importTouches(_ rows: TouchRows, progress: (Int) -> Void) throws(StoreError)
        -> ImportSummary
    {
        // Outside the write lock: group the rows by account, each group in block order.
        let groups = TouchGroups(rows)
        return try write { db in
            var summary = ImportSummary(kind: "touches", rows: rows.count, added: 0, updated: 0)
            let terms = try TermTable.numbers(db, for: rows.terms)
            let withBlocks = Set(try Int32.fetchAll(db, sql: "SELECT account FROM touch_block"))
            var isNew = [Bool](repeating: false, count: rows.count)
            let movedFrom = try insertKeys(db, rows: rows, isNew: &isNew, progress: progress)
            summary.added = isNew.lazy.filter { $0 }.count

            let save = try db.cachedStatement(sql: saveBlockSQL)
            var changed: [Int32] = []
            var buffer: [UInt8] = []
            for group in groups.accounts {
                let account = group.account
                let indexes = groups.order[group.range]
                if !withBlocks.contains(account) {
                    // A fresh block: the file's rows are the account's touches.
                    let idBytes = TouchMerge.freshBlock(rows, indexes: indexes, terms: terms, into: &buffer)
                    try save.execute(arguments: [account, indexes.count, idBytes, Data(buffer)])
                    summary.updated += indexes.lazy.filter { !isNew[Int($0)] }.count
                    changed.append(account)
                    continue
                }
                let incoming = indexes.map { TouchMerge.incoming(rows, row: Int($0), terms: terms) }
                let merged = TouchMerge.merge(
                    stored: try storedTouches(db, account: account), incoming: incoming,
                    isNew: indexes.map { isNew[Int($0)] }, leaving: Set(movedFrom[account] ?? []))
                summary.updated += merged.updated
                guard merged.changed else { continue }
                try saveTouches(db, account: account, merged.touches)
                changed.append(account)
            }
            // Accounts that only lost touches to others.
            let inFile = Set(groups.accounts.map(\.account))
            for (account, leaving) in movedFrom where !inFile.contains(account) {
                let gone = Set(leaving)
                var touches = try storedTouches(db, account: account)
                touches.removeAll { gone.contains($0.id) }
                try saveTouches(db, account: account, touches)
                changed.append(account)
            }
            return (summary, changed)
        }
    }

    /// Inserts every id into `touch_key`; an id already there under another account is moved.
    /// Returns, per previous account, the ids that left it.
    private func insertKeys(
        _ db: Database, rows: TouchRows, isNew: inout [Bool], progress: (Int) -> Void
    ) throws -> [Int32: [String]] {
        let insert = try db.makeStatement(
            sql: "INSERT INTO touch_key (touch_id, account) VALUES (?, ?) ON CONFLICT (touch_id) DO NOTHING")
        let select = try db.makeStatement(sql: "SELECT account FROM touch_key WHERE touch_id = ?")
        let update = try db.makeStatement(sql: "UPDATE touch_key SET account = ? WHERE touch_id = ?")
        let connection = db.sqliteConnection
        let raw = insert.sqliteStatement
        var movedFrom: [Int32: [String]] = [:]
        for row in 0..<rows.count {
            if row & 0xFFFF == 0 { progress(row) }
            var id = rows.ids[row]
            let account = rows.account[row]
            let step = id.withUTF8 { utf8 -> Int32 in
                sqlite3_bind_text(raw, 1, utf8.baseAddress, Int32(utf8.count), sqliteTransient)
                sqlite3_bind_int(raw, 2, account)
                let result = sqlite3_step(raw)
                sqlite3_reset(raw)
                return result
            }
            guard step == SQLITE_DONE else {
                throw StoreError.database("storing touch \"\(id)\": \(String(cString: sqlite3_errmsg(connection)))")
            }
            if sqlite3_changes(connection) == 1 {
                isNew[row] = true
                continue
            }
            guard let previous = try Int32.fetchOne(select, arguments: [id]) else { continue }
            if previous != account {
                try update.execute(arguments: [account, id])
                movedFrom[previous, default: []].append(id)
            }
        }
        progress(rows.count)
        return movedFrom
    }

    /// Writes one account's touches (in block order) as its block.
    func saveTouches(_ db: Database, account: Int32, _ touches: [StoredTouch]) throws {
        let idBytes = touches.reduce(0) { $0 + $1.id.utf8.count }
        try db.cachedStatement(sql: saveBlockSQL).execute(
            arguments: [account, touches.count, idBytes, Data(TouchBlock.encode(touches))])
    }

    /// One account's stored touches, in block order.
    func storedTouches(_ db: Database, account: Int32) throws -> [StoredTouch] {
        guard
            let data = try Data.fetchOne(
                db, sql: "SELECT data FROM touch_block WHERE account = ?", arguments: [account])
        else { return [] }
        guard let touches = data.withUnsafeBytes({ TouchBlock.decode($0) }) else {
            throw StoreError.database("the touch block of account number \(account) is damaged")
        }
        return touches
    }

    /// Logs one touch: the id is `L-` and the stamp's digits, made unique with a suffix.
    public func logTouch(_ new: NewTouch, stamp: RecordStamp) throws(StoreError) -> Touch {
        try write { db in
            let account = try storedAccount(db, id: new.accountId).number
            var contact: Int32 = -1
            if let contactId = new.contactId {
                guard
                    let row = try Row.fetchOne(
                        db, sql: "SELECT number, account FROM contact WHERE contact_id = ?", arguments: [contactId])
                else {
                    throw StoreError.badContact(id: contactId, account: new.accountId, problem: .unknown)
                }
                guard (row[1] as Int32) == account else {
                    throw StoreError.badContact(id: contactId, account: new.accountId, problem: .otherAccount)
                }
                contact = row[0]
            }
            let recorded: Instant
            switch stamp {
            case .now: recorded = clock()
            case .at(let given): recorded = given
            }
            let time = new.at ?? recorded
            let base = "L-" + recorded.iso8601.filter(\.isNumber)
            var id = base
            var suffix = 1
            while try Bool.fetchOne(db, sql: "SELECT 1 FROM touch_key WHERE touch_id = ?", arguments: [id]) == true {
                suffix += 1
                id = "\(base)-\(suffix)"
            }
            let topic = try new.topic.map { try TermTable.numbers(db, for: [$0])[0] } ?? -1
            let by = try TermTable.numbers(db, for: [new.by])[0]
            try db.execute(sql: "INSERT INTO touch_key (touch_id, account) VALUES (?, ?)", arguments: [id, account])
            var touches = try storedTouches(db, account: account)
            touches.append(
                StoredTouch(
                    time: time.seconds, kind: TouchColumns.packKind(new.channel, new.direction), contact: contact,
                    topic: topic, by: by, id: id, note: new.note))
            touches.sort(by: StoredTouch.precedes)
            try saveTouches(db, account: account, touches)
            let touch = Touch(
                id: id, accountId: new.accountId, channel: new.channel, direction: new.direction, occurredAt: time,
                contactId: new.contactId, topic: new.topic, by: new.by, note: new.note)
            try ChangeFeed.note(db, touchId: id)
            return (touch, [account])
        }
    }
}

/// Replaces an account's touch block.
private let saveBlockSQL = "INSERT OR REPLACE INTO touch_block (account, touches, id_bytes, data) VALUES (?, ?, ?, ?)"

/// SQLite copies the bound bytes (they live only during the bind).
let sqliteTransient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
