import ABMCore
import GRDB
import GRDBSQLite

extension SQLiteStore {
    /// The whole programme, read in one snapshot: accounts, contacts, then every account's
    /// touch and intent blocks in account order (so the builder needs no sorting), then
    /// opportunities and the history.
    public func loadProgramme(phases: (String) -> Void) throws(StoreError) -> Programme {
        try read { db in try ProgrammeLoader(db: db).load(phases: phases) }
    }
}

/// Reads a store's tables into a `ProgrammeBuilder`.
struct ProgrammeLoader {
    let db: Database

    func load(phases: (String) -> Void) throws -> Programme {
        let sizes = try Row.fetchOne(
            db, sql: "SELECT coalesce(sum(touches), 0), coalesce(sum(id_bytes), 0) FROM touch_block")
        var builder = ProgrammeBuilder(reservingTouches: sizes?[0] ?? 0, idBytes: sizes?[1] ?? 0)
        let accountIndex = try loadAccounts(into: &builder)
        phases("load accounts")
        let contacts = try loadContacts(into: &builder, accountIndex: accountIndex)
        phases("load contacts")
        var termText: [Int32: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT number, text FROM term") { termText[row[0]] = row[1] }
        try loadTouches(into: &builder, accountIndex: accountIndex, contacts: contacts, terms: termText)
        phases("load touches")
        try loadIntent(into: &builder, accountIndex: accountIndex, terms: termText)
        phases("load intent")
        try loadOpportunities(into: &builder)
        try loadHistory(into: &builder)
        phases("load opportunities and history")
        defer { phases("build the programme") }
        return builder.build()
    }

    /// Accounts in number order; returns account number → builder index (−1: none).
    private func loadAccounts(into builder: inout ProgrammeBuilder) throws -> [Int] {
        let highest = try Int.fetchOne(db, sql: "SELECT coalesce(max(number), 0) FROM account") ?? 0
        var index = [Int](repeating: -1, count: highest + 1)
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT number, account_id, name, imported_tier, domain, industry, employees, annual_revenue,
                       region, owner, sdr, icp_score, holdout, parent_account_id
                FROM account ORDER BY number
                """)
        while let row = try rows.next() {
            let account = Account(
                id: row[1], name: row[2], importedTier: Tier(rawValue: row[3]) ?? .three, domain: row[4],
                industry: row[5], employees: row[6], annualRevenue: row[7], region: row[8], owner: row[9],
                sdr: row[10], icpScore: row[11], holdout: row[12], parentAccountId: row[13])
            let number: Int = row[0]
            index[number] = try builder.addAccount(account)
        }
        return index
    }

    /// A contact's staging number in the builder and its account's number.
    struct LoadedContact {
        var staging: Int32
        var account: Int32
    }

    /// Contacts grouped by account; returns contact number → staging number and account
    /// (account −1: no such contact).
    private func loadContacts(into builder: inout ProgrammeBuilder, accountIndex: [Int]) throws -> [LoadedContact] {
        let highest = try Int.fetchOne(db, sql: "SELECT coalesce(max(number), 0) FROM contact") ?? 0
        var contacts = [LoadedContact](repeating: LoadedContact(staging: -1, account: -1), count: highest + 1)
        let statement = try db.makeStatement(
            sql: """
                SELECT number, account, contact_id, name, title, buying_role, email, active
                FROM contact ORDER BY number
                """)
        let raw = statement.sqliteStatement
        defer { sqlite3_reset(raw) }
        func text(_ column: Int32) -> String? {
            guard let pointer = sqlite3_column_text(raw, column) else { return nil }
            return String(
                decoding: UnsafeBufferPointer(start: pointer, count: Int(sqlite3_column_bytes(raw, column))),
                as: UTF8.self)
        }
        var roles: [String: BuyingRole] = [:]
        for role in BuyingRole.allCases { roles[role.rawValue] = role }
        while true {
            let step = sqlite3_step(raw)
            if step == SQLITE_DONE { break }
            guard step == SQLITE_ROW else {
                throw StoreError.database("reading contacts: \(String(cString: sqlite3_errmsg(db.sqliteConnection)))")
            }
            let number = Int(sqlite3_column_int64(raw, 0))
            let account = Int(sqlite3_column_int64(raw, 1))
            guard number >= 0, number < contacts.count, account >= 0, account < accountIndex.count,
                accountIndex[account] >= 0
            else { continue }
            let staging = try builder.addContact(
                id: text(2) ?? "", account: accountIndex[account], name: text(3) ?? "", title: text(4),
                role: roles[text(5) ?? ""] ?? .unknown, email: text(6), active: sqlite3_column_int(raw, 7) != 0)
            contacts[number] = LoadedContact(staging: staging, account: Int32(account))
        }
        return contacts
    }

    /// Every touch block, decoded straight into the builder's columns.
    private func loadTouches(
        into builder: inout ProgrammeBuilder, accountIndex: [Int], contacts: [LoadedContact],
        terms: [Int32: String]
    ) throws {
        var topicNumber: [Int32: Int32] = [:]
        var personNumber: [Int32: Int32] = [:]
        var labelCache: [Int64: Int32] = [:]
        var lastLabelKey = Int64.min
        var lastLabel: Int32 = -1
        let statement = try db.makeStatement(sql: "SELECT account, data FROM touch_block ORDER BY account")
        let raw = statement.sqliteStatement
        defer { sqlite3_reset(raw) }
        var failure: Error?
        while failure == nil {
            let step = sqlite3_step(raw)
            if step == SQLITE_DONE { break }
            guard step == SQLITE_ROW else {
                throw StoreError.database("reading touches: \(String(cString: sqlite3_errmsg(db.sqliteConnection)))")
            }
            let number = sqlite3_column_int(raw, 0)
            guard number >= 0, Int(number) < accountIndex.count, accountIndex[Int(number)] >= 0 else { continue }
            let index = accountIndex[Int(number)]
            let size = Int(sqlite3_column_bytes(raw, 1))
            guard let base = sqlite3_column_blob(raw, 1) else { continue }
            let bytes = UnsafeRawBufferPointer(start: base, count: size)
            let decoded = TouchBlock.forEach(in: bytes) { time, kind, contact, topic, by, id, note in
                guard failure == nil else { return }
                var staging: Int32 = -1
                if contact >= 0, Int(contact) < contacts.count, contacts[Int(contact)].account == number {
                    staging = contacts[Int(contact)].staging
                }
                let labelKey = Int64(topic) << 32 | Int64(UInt32(bitPattern: by))
                let label: Int32
                if labelKey == lastLabelKey {
                    label = lastLabel
                } else if let cached = labelCache[labelKey] {
                    label = cached
                } else {
                    let topicId =
                        topic < 0 ? -1 : cachedTerm(topic, &topicNumber) { builder.internTopic(terms[topic] ?? "") }
                    let byId = by < 0 ? -1 : cachedTerm(by, &personNumber) { builder.internPerson(terms[by] ?? "") }
                    label = builder.touchLabel(topic: topicId, by: byId)
                    labelCache[labelKey] = label
                }
                lastLabelKey = labelKey
                lastLabel = label
                do {
                    try builder.addTouch(
                        account: index, at: Instant(seconds: time), kind: kind, contact: staging, label: label,
                        idBytes: id.assumingMemoryBound(to: UInt8.self),
                        note: note.map { String(decoding: $0, as: UTF8.self) })
                } catch {
                    failure = error
                }
            }
            if decoded == nil { throw StoreError.database("the touch block of account number \(number) is damaged") }
        }
        if let failure { throw failure }
    }

    /// Every intent block.
    private func loadIntent(into builder: inout ProgrammeBuilder, accountIndex: [Int], terms: [Int32: String])
        throws
    {
        var topicNumber: [Int32: Int32] = [:]
        let statement = try db.makeStatement(sql: "SELECT account, data FROM intent_block ORDER BY account")
        let raw = statement.sqliteStatement
        defer { sqlite3_reset(raw) }
        while true {
            let step = sqlite3_step(raw)
            if step == SQLITE_DONE { break }
            guard step == SQLITE_ROW else {
                throw StoreError.database("reading intent: \(String(cString: sqlite3_errmsg(db.sqliteConnection)))")
            }
            let number = Int(sqlite3_column_int(raw, 0))
            guard number >= 0, number < accountIndex.count, accountIndex[number] >= 0 else { continue }
            let size = Int(sqlite3_column_bytes(raw, 1))
            guard size % IntentBlock.recordBytes == 0 else { throw StoreError.database("an intent block is damaged") }
            guard let base = sqlite3_column_blob(raw, 1) else { continue }
            let bytes = UnsafeRawBufferPointer(start: base, count: size)
            var offset = 0
            while offset < size {
                let time = bytes.loadUnaligned(fromByteOffset: offset, as: Int64.self).littleEndian
                let term = bytes.loadUnaligned(fromByteOffset: offset + 8, as: Int32.self).littleEndian
                let score = bytes[offset + 12]
                let topic = cachedTerm(term, &topicNumber) { builder.internTopic(terms[term] ?? "") }
                try builder.addIntent(
                    account: accountIndex[number], topic: topic, score: Int(score), at: Instant(seconds: time))
                offset += IntentBlock.recordBytes
            }
        }
    }

    private func loadOpportunities(into builder: inout ProgrammeBuilder) throws {
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT o.opportunity_id, a.account_id, o.status, o.kind, o.stage, o.amount, o.created_at, o.closed_at
                FROM opportunity o JOIN account a ON a.number = o.account ORDER BY o.account, o.opportunity_id
                """)
        while let row = try rows.next() {
            let closed: Int64? = row[7]
            try builder.addOpportunity(
                Opportunity(
                    id: row[0], accountId: row[1], status: OpportunityStatus(rawValue: row[2]) ?? .open,
                    kind: OpportunityKind(rawValue: row[3]) ?? .new, stage: row[4], amount: row[5],
                    createdAt: Instant(seconds: row[6]), closedAt: closed.map(Instant.init(seconds:))))
        }
    }

    private func loadHistory(into builder: inout ProgrammeBuilder) throws {
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT a.account_id, h.at, h.by, h.event, h.tier, h.note
                FROM history h JOIN account a ON a.number = h.account ORDER BY h.seq
                """)
        while let row = try rows.next() {
            guard let event = HistoryCoding.event(row[3], tier: row[4], note: row[5]) else { continue }
            try builder.addHistory(
                HistoryRecord(accountId: row[0], at: Instant(seconds: row[1]), by: row[2], event: event))
        }
    }
}

/// The builder's number for a store term, interned on first use.
private func cachedTerm(_ term: Int32, _ cache: inout [Int32: Int32], intern: () -> Int32) -> Int32 {
    if let known = cache[term] { return known }
    let number = intern()
    cache[term] = number
    return number
}

/// How history events are spelled in the `history` table.
enum HistoryCoding {
    /// The `event`, `tier` and `note` columns of a record.
    static func columns(_ event: HistoryEvent) -> (event: String, tier: Int?, note: String?) {
        guard case .retier(let tier) = event else { return (event.name, nil, event.text) }
        return (event.name, tier.rawValue, nil)
    }

    /// The event of a stored record.
    static func event(_ name: String, tier: Int?, note: String?) -> HistoryEvent? {
        switch name {
        case "undo": return .undo
        case "note": return note.map { .note($0) }
        case "retier": return tier.flatMap(Tier.init(rawValue:)).map { .retier($0) }
        default: return MarkAction(rawValue: name).map { .mark($0, note: note) }
        }
    }
}
