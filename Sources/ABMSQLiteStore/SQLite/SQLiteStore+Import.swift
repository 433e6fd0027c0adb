import ABMCore
import ABMImport
import ABMStore
import Foundation
import GRDB

extension SQLiteStore {
    /// Upserts accounts. The first import sets `imported_tier`; a later import with a tier other
    /// than the account's last imported one appends a `retier` record (SPEC §3, §7.2).
    public func importAccounts(_ rows: [(account: Account, line: Int)], file: String, stamp: RecordStamp, by: String)
        throws(StoreError) -> ImportSummary
    {
        try write { db in
            var summary = ImportSummary(kind: "accounts", rows: rows.count, added: 0, updated: 0)
            var changed: [Int32] = []
            var problems = ImportProblems()
            let now = clock()
            for (account, line) in rows {
                guard let stored = try StoredAccount.fetch(db, id: account.id) else {
                    try StoredAccount.insert(db, account)
                    summary.added += 1
                    changed.append(Int32(truncatingIfNeeded: db.lastInsertedRowID))
                    continue
                }
                var fieldsChanged = false
                var updated = account
                updated.importedTier = stored.account.importedTier
                if updated != stored.account {
                    try StoredAccount.update(db, number: stored.number, updated)
                    fieldsChanged = true
                }
                let history = try HistoryTable.records(db, account: stored.number, id: account.id)
                let time: Instant
                switch stamp {
                case .now: time = MarkRules.stampForNow(now, history: history)
                case .at(let given): time = given
                }
                let retier: HistoryRecord?
                do {
                    retier = try MarkRules.retier(
                        to: account.importedTier, at: time, by: by, account: account.id, history: history,
                        importedTier: stored.account.importedTier)
                } catch {
                    retier = nil
                    problems.append(
                        ImportProblem(
                            file: file, line: line, column: "tier",
                            expected: "a re-import stamped at or after the account's latest record",
                            found: String(describing: error), foundIsValue: false))
                }
                if let retier {
                    let replay = MarkReplay(records: history, importedTier: stored.account.importedTier, asOf: time)
                    try HistoryTable.append(
                        db, account: stored.number, record: retier, before: replay.tier, after: account.importedTier)
                    summary.recorded += 1
                    fieldsChanged = true
                }
                if fieldsChanged {
                    summary.updated += 1
                    changed.append(stored.number)
                }
            }
            guard problems.isEmpty else { throw StoreError.badRows(problems) }
            return (summary, changed)
        }
    }

    /// Upserts contacts by id.
    public func importContacts(_ rows: [ContactsFile.Row]) throws(StoreError) -> ImportSummary {
        try write { db in
            var summary = ImportSummary(kind: "contacts", rows: rows.count, added: 0, updated: 0)
            var changed: [Int32] = []
            let select = try db.makeStatement(
                sql: "SELECT number, account, name, title, buying_role, email, active FROM contact WHERE contact_id = ?"
            )
            for row in rows {
                let contact = row.contact
                let values: [DatabaseValueConvertible?] = [
                    row.account, contact.name, contact.title, contact.buyingRole.rawValue, contact.email,
                    contact.active,
                ]
                if let stored = try Row.fetchOne(select, arguments: [contact.id]) {
                    let storedValues: [DatabaseValue] = (1...6).map { stored[$0] as DatabaseValue }
                    if storedValues == values.map({ $0?.databaseValue ?? .null }) { continue }
                    try db.cachedStatement(
                        sql: """
                            UPDATE contact SET account = ?, name = ?, title = ?, buying_role = ?, email = ?, active = ?
                            WHERE contact_id = ?
                            """
                    ).execute(arguments: StatementArguments(values + [contact.id]))
                    summary.updated += 1
                    changed.append(stored[1])
                    changed.append(row.account)
                } else {
                    try db.cachedStatement(
                        sql: """
                            INSERT INTO contact (account, name, title, buying_role, email, active, contact_id)
                            VALUES (?, ?, ?, ?, ?, ?, ?)
                            """
                    ).execute(arguments: StatementArguments(values + [contact.id]))
                    summary.added += 1
                    changed.append(row.account)
                }
            }
            return (summary, changed)
        }
    }

    /// Upserts opportunities by id (one may move to another account).
    public func importOpportunities(_ rows: [OpportunitiesFile.Row]) throws(StoreError) -> ImportSummary {
        try write { db in
            var summary = ImportSummary(kind: "opportunities", rows: rows.count, added: 0, updated: 0)
            var changed: [Int32] = []
            let select = try db.makeStatement(
                sql: """
                    SELECT account, status, kind, stage, amount, created_at, closed_at FROM opportunity
                    WHERE opportunity_id = ?
                    """)
            for row in rows {
                let o = row.opportunity
                let values: [DatabaseValueConvertible?] = [
                    row.account, o.status.rawValue, o.kind.rawValue, o.stage, o.amount, o.createdAt.seconds,
                    o.closedAt?.seconds,
                ]
                if let stored = try Row.fetchOne(select, arguments: [o.id]) {
                    let storedValues: [DatabaseValue] = (0...6).map { stored[$0] as DatabaseValue }
                    if storedValues == values.map({ $0?.databaseValue ?? .null }) { continue }
                    try db.cachedStatement(
                        sql: """
                            UPDATE opportunity SET account = ?, status = ?, kind = ?, stage = ?, amount = ?,
                                created_at = ?, closed_at = ?
                            WHERE opportunity_id = ?
                            """
                    ).execute(arguments: StatementArguments(values + [o.id]))
                    summary.updated += 1
                    changed.append(stored[0])
                } else {
                    try db.cachedStatement(
                        sql: """
                            INSERT INTO opportunity (account, status, kind, stage, amount, created_at, closed_at,
                                opportunity_id)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                            """
                    ).execute(arguments: StatementArguments(values + [o.id]))
                    summary.added += 1
                }
                changed.append(row.account)
            }
            return (summary, changed)
        }
    }

    /// Merges intent rows into their accounts' blocks; a row with a stored account, topic and
    /// time replaces its score.
    public func importIntent(_ rows: IntentFile.Rows) throws(StoreError) -> ImportSummary {
        try write { db in
            var summary = ImportSummary(kind: "intent rows", rows: rows.count, added: 0, updated: 0)
            let topics = try TermTable.numbers(db, for: rows.topics)
            var byAccount: [Int32: [Int]] = [:]
            for row in 0..<rows.count { byAccount[rows.account[row], default: []].append(row) }
            var changed: [Int32] = []
            let write = try db.makeStatement(
                sql: "INSERT OR REPLACE INTO intent_block (account, records, data) VALUES (?, ?, ?)")
            for (account, indexes) in byAccount.sorted(by: { $0.key < $1.key }) {
                var records: [StoredIntent] = []
                if let data = try Data.fetchOne(
                    db, sql: "SELECT data FROM intent_block WHERE account = ?", arguments: [account])
                {
                    records = data.withUnsafeBytes { IntentBlock.decode($0) } ?? []
                }
                let merged = IntentMerge.merge(stored: records, rows: rows, indexes: indexes, topics: topics)
                summary.added += merged.added
                summary.updated += merged.updated
                guard merged.changed else { continue }
                try write.execute(arguments: [account, merged.records.count, Data(IntentBlock.encode(merged.records))])
                changed.append(account)
            }
            // Rows repeated within the file count once.
            summary.rows = summary.added + summary.updated + (rows.count - summary.added - summary.updated)
            return (summary, changed)
        }
    }
}

/// The `term` table: topics and people's names used by touches and intent.
enum TermTable {
    /// The store's number for each of `terms`, adding those it lacks.
    static func numbers(_ db: Database, for terms: [String]) throws -> [Int32] {
        let insert = try db.makeStatement(sql: "INSERT OR IGNORE INTO term (text) VALUES (?)")
        let select = try db.makeStatement(sql: "SELECT number FROM term WHERE text = ?")
        return try terms.map { term in
            try insert.execute(arguments: [term])
            guard let number = try Int32.fetchOne(select, arguments: [term]) else {
                throw StoreError.database("term \"\(term)\" was not stored")
            }
            return number
        }
    }
}

/// An account row as stored.
struct StoredAccount {
    var number: Int32
    var account: Account

    static func fetch(_ db: Database, id: String) throws -> StoredAccount? {
        let statement = try db.cachedStatement(
            sql: """
                SELECT number, account_id, name, imported_tier, domain, industry, employees, annual_revenue,
                       region, owner, sdr, icp_score, holdout, parent_account_id
                FROM account WHERE account_id = ?
                """)
        guard let row = try Row.fetchOne(statement, arguments: [id]) else { return nil }
        let account = Account(
            id: row[1], name: row[2], importedTier: Tier(rawValue: row[3]) ?? .three, domain: row[4],
            industry: row[5], employees: row[6], annualRevenue: row[7], region: row[8], owner: row[9],
            sdr: row[10], icpScore: row[11], holdout: row[12], parentAccountId: row[13])
        return StoredAccount(number: row[0], account: account)
    }

    private static func values(_ a: Account) -> [DatabaseValueConvertible?] {
        [
            a.name, a.domain, a.industry, a.employees, a.annualRevenue, a.region, a.owner, a.sdr, a.icpScore, a.holdout,
            a.parentAccountId,
        ]
    }

    static func insert(_ db: Database, _ a: Account) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO account (name, domain, industry, employees, annual_revenue, region, owner, sdr, icp_score,
                    holdout, parent_account_id, account_id, imported_tier)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: StatementArguments(values(a) + [a.id, a.importedTier.rawValue]))
    }

    static func update(_ db: Database, number: Int32, _ a: Account) throws {
        try db.execute(
            sql: """
                UPDATE account SET name = ?, domain = ?, industry = ?, employees = ?, annual_revenue = ?, region = ?,
                    owner = ?, sdr = ?, icp_score = ?, holdout = ?, parent_account_id = ?
                WHERE number = ?
                """, arguments: StatementArguments(values(a) + [number]))
    }
}

/// The `history` table.
enum HistoryTable {
    /// One account's records in recording order.
    static func records(_ db: Database, account number: Int32, id: String) throws -> [HistoryRecord] {
        let rows = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT at, by, event, tier, note FROM history WHERE account = ? ORDER BY seq"),
            arguments: [number])
        return rows.compactMap { row in
            HistoryCoding.event(row[2], tier: row[3], note: row[4]).map {
                HistoryRecord(accountId: id, at: Instant(seconds: row[0]), by: row[1], event: $0)
            }
        }
    }

    /// Appends a record.
    static func append(_ db: Database, account: Int32, record: HistoryRecord, before: Tier?, after: Tier?) throws {
        let columns = HistoryCoding.columns(record.event)
        try db.cachedStatement(
            sql: """
                INSERT INTO history (account, at, by, event, tier, note, tier_before, tier_after)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(
            arguments: [
                account, record.at.seconds, record.by, columns.event, columns.tier, columns.note, before?.rawValue,
                after?.rawValue,
            ])
    }
}
