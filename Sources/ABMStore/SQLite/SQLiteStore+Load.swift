import ABMCore
import GRDB
import GRDBSQLite

extension SQLiteStore {
    /// The whole programme, read in one snapshot: accounts, contacts, then every account's
    /// touch and intent blocks in account order (so the builder needs no sorting), then
    /// opportunities and the history.
    public func loadProgramme() throws(StoreError) -> Programme {
        try read { db in try ProgrammeLoader(db: db).load() }
    }
}

/// Reads a store's tables into a `ProgrammeBuilder`.
struct ProgrammeLoader {
    let db: Database

    func load() throws -> Programme {
        let sizes = try Row.fetchOne(
            db, sql: "SELECT coalesce(sum(touches), 0), coalesce(sum(id_bytes), 0) FROM touch_block")
        var builder = ProgrammeBuilder(reservingTouches: sizes?[0] ?? 0, idBytes: sizes?[1] ?? 0)
        let accountIndex = try loadAccounts(into: &builder)
        let contacts = try loadContacts(into: &builder)
        let terms = try String.fetchAll(db, sql: "SELECT text FROM term ORDER BY number")
        let termNumbers = try Int32.fetchAll(db, sql: "SELECT number FROM term ORDER BY number")
        var termText: [Int32: String] = [:]
        for (number, text) in zip(termNumbers, terms) { termText[number] = text }
        try loadTouches(into: &builder, accountIndex: accountIndex, contacts: contacts, terms: termText)
        try loadIntent(into: &builder, accountIndex: accountIndex, terms: termText)
        try loadOpportunities(into: &builder)
        try loadHistory(into: &builder)
        return builder.build()
    }

    /// Accounts in number order; returns account number → builder index.
    private func loadAccounts(into builder: inout ProgrammeBuilder) throws -> [Int32: Int] {
        var index: [Int32: Int] = [:]
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
            index[row[0]] = try builder.addAccount(account)
        }
        return index
    }

    /// A contact's staging number in the builder and its account's number.
    struct LoadedContact {
        var staging: Int32
        var account: Int32
    }

    /// Contacts grouped by account; returns contact number → staging number and account.
    private func loadContacts(into builder: inout ProgrammeBuilder) throws -> [Int32: LoadedContact] {
        var contacts: [Int32: LoadedContact] = [:]
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT c.number, c.contact_id, a.account_id, c.name, c.title, c.buying_role, c.email, c.active,
                       c.account
                FROM contact c JOIN account a ON a.number = c.account ORDER BY c.account, c.number
                """)
        while let row = try rows.next() {
            let contact = Contact(
                id: row[1], accountId: row[2], name: row[3], title: row[4],
                buyingRole: BuyingRole(rawValue: row[5]) ?? .unknown, email: row[6], active: row[7])
            contacts[row[0]] = LoadedContact(staging: try builder.addContact(contact), account: row[8])
        }
        return contacts
    }

    /// Every touch block, decoded straight into the builder's columns.
    private func loadTouches(
        into builder: inout ProgrammeBuilder, accountIndex: [Int32: Int], contacts: [Int32: LoadedContact],
        terms: [Int32: String]
    ) throws {
        var topicNumber: [Int32: Int32] = [:]
        var personNumber: [Int32: Int32] = [:]
        var labelCache: [Int64: Int32] = [:]
        let statement = try db.makeStatement(sql: "SELECT account, data FROM touch_block ORDER BY account")
        let raw = statement.sqliteStatement
        defer { sqlite3_reset(raw) }
        var failure: Error?
        while failure == nil {
            let step = sqlite3_step(raw)
            if step == SQLITE_DONE { break }
            guard step == SQLITE_ROW else { throw StoreError.database("reading touches: \(String(cString: sqlite3_errmsg(db.sqliteConnection)))") }
            let number = sqlite3_column_int(raw, 0)
            guard let index = accountIndex[number] else { continue }
            let size = Int(sqlite3_column_bytes(raw, 1))
            guard let base = sqlite3_column_blob(raw, 1) else { continue }
            let bytes = UnsafeRawBufferPointer(start: base, count: size)
            let decoded = TouchBlock.forEach(in: bytes) { time, kind, contact, topic, by, id, note in
                guard failure == nil else { return }
                var staging: Int32 = -1
                if contact >= 0, let loaded = contacts[contact], loaded.account == number { staging = loaded.staging }
                let labelKey = Int64(topic) << 32 | Int64(UInt32(bitPattern: by))
                let label: Int32
                if let cached = labelCache[labelKey] {
                    label = cached
                } else {
                    let topicId = topic < 0 ? -1 : cachedTerm(topic, &topicNumber) { builder.internTopic(terms[topic] ?? "") }
                    let byId = by < 0 ? -1 : cachedTerm(by, &personNumber) { builder.internPerson(terms[by] ?? "") }
                    label = builder.touchLabel(topic: topicId, by: byId)
                    labelCache[labelKey] = label
                }
                do {
                    try builder.addTouch(
                        account: index, at: Instant(seconds: time), channel: TouchColumns.channel(ofKind: kind),
                        direction: kind & 1 == 1 ? .outbound : .inbound, contact: staging, label: label,
                        id: String(decoding: id, as: UTF8.self), note: note.map { String(decoding: $0, as: UTF8.self) })
                } catch {
                    failure = error
                }
            }
            if decoded == nil { throw StoreError.database("the touch block of account number \(number) is damaged") }
        }
        if let failure { throw failure }
    }

    /// Every intent block.
    private func loadIntent(into builder: inout ProgrammeBuilder, accountIndex: [Int32: Int], terms: [Int32: String])
        throws
    {
        var topicNumber: [Int32: Int32] = [:]
        let rows = try Row.fetchCursor(db, sql: "SELECT account, data FROM intent_block ORDER BY account")
        while let row = try rows.next() {
            guard let index = accountIndex[row[0]] else { continue }
            let records = try row.withUnsafeData(atIndex: 1) { data in data?.withUnsafeBytes { IntentBlock.decode($0) } }
            guard let records else { throw StoreError.database("an intent block is damaged") }
            for record in records {
                let topic = cachedTerm(record.topic, &topicNumber) { builder.internTopic(terms[record.topic] ?? "") }
                try builder.addIntent(
                    account: index, topic: topic, score: Int(record.score), at: Instant(seconds: record.time))
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
            try builder.addHistory(HistoryRecord(accountId: row[0], at: Instant(seconds: row[1]), by: row[2], event: event))
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
        switch event {
        case .mark(let action, let note): return (action.rawValue, nil, note)
        case .undo: return ("undo", nil, nil)
        case .note(let text): return ("note", nil, text)
        case .retier(let tier): return ("retier", tier.rawValue, nil)
        }
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
