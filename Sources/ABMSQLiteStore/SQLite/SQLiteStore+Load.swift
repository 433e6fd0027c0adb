import ABMCore
import ABMStore
import Foundation
import GRDB

extension SQLiteStore {
    /// The whole programme as of one revision. Touches and intent, most of the bytes, are
    /// decoded on a second core in a read transaction of their own while this thread reads the
    /// rest; both note the revision they saw, and when a write came between them the load
    /// starts over in a single transaction.
    public func loadProgramme(phases: (String) -> Void) throws(StoreError) -> Programme {
        let pool = self.pool
        let location = name
        let background = BackgroundWork {
            Result { () throws(StoreError) -> StagedBlocks in
                try SQLiteStore.read(pool, location: location) { db in try BlockStager(db: db).stage() }
            }
        }
        let (builder, numbering) = try read { db in try ProgrammeLoader(db: db).loadAllButBlocks(phases: phases) }
        let blocks = try background.wait().get()
        phases("load touches and intent (second core)")
        if blocks.revision == numbering.revision {
            return try numbering.finish(consume builder, adding: blocks, phases: phases)
        }
        return try read { db in
            let blocks = try BlockStager(db: db).stage()
            let (builder, numbering) = try ProgrammeLoader(db: db).loadAllButBlocks(phases: phases)
            return try numbering.finish(consume builder, adding: blocks, phases: phases)
        }
    }
}

/// Reads a store's tables into a `ProgrammeBuilder`.
struct ProgrammeLoader {
    let db: Database

    /// Accounts, contacts, terms, opportunities and the history.
    func loadAllButBlocks(phases: (String) -> Void) throws -> (ProgrammeBuilder, StoreNumbering) {
        let revision = try SQLiteStore.revision(db)
        let accountCount = try Int.fetchOne(db, sql: "SELECT count(*) FROM account") ?? 0
        var builder = ProgrammeBuilder(accounts: accountCount)
        let accountIndex = try loadAccounts(into: &builder)
        phases("load accounts")
        let contacts = try loadContacts(into: &builder, accountIndex: accountIndex)
        phases("load contacts")
        let highestTerm = try Int.fetchOne(db, sql: "SELECT coalesce(max(number), -1) FROM term") ?? -1
        var terms = [String](repeating: "", count: highestTerm + 1)
        let termRows = try RawRows(db, sql: "SELECT number, text FROM term", what: "terms")
        while try termRows.next() {
            let number = termRows.int(0)
            if number >= 0 && number <= highestTerm { terms[number] = termRows.text(1) }
        }
        let accountIds = builder.accountIds(byNumber: accountIndex)
        try loadOpportunities(into: &builder, accountIds: accountIds)
        try loadHistory(into: &builder, accountIds: accountIds)
        phases("load opportunities and history")
        return (
            builder,
            StoreNumbering(revision: revision, accountIndex: accountIndex, contactStaging: contacts, terms: terms)
        )
    }

    /// Accounts in number order; returns account number → builder index (−1: none).
    private func loadAccounts(into builder: inout ProgrammeBuilder) throws -> [Int32] {
        let highest = try Int.fetchOne(db, sql: "SELECT coalesce(max(number), 0) FROM account") ?? 0
        var index = [Int32](repeating: -1, count: highest + 1)
        let rows = try RawRows(
            db,
            sql: """
                SELECT number, account_id, name, imported_tier, domain, industry, employees, annual_revenue,
                       region, owner, sdr, icp_score, holdout, parent_account_id
                FROM account ORDER BY number
                """, what: "accounts")
        while try rows.next() {
            let account = Account(
                id: rows.text(1), name: rows.text(2), importedTier: Tier(rawValue: rows.int(3)) ?? .three,
                domain: rows.optionalText(4), industry: rows.optionalText(5), employees: rows.optionalInt(6),
                annualRevenue: rows.optionalDouble(7), region: rows.optionalText(8), owner: rows.optionalText(9),
                sdr: rows.optionalText(10), icpScore: rows.optionalInt(11), holdout: rows.int(12) != 0,
                parentAccountId: rows.optionalText(13))
            let number = rows.int(0)
            guard number >= 0 && number <= highest else { continue }
            index[number] = Int32(try builder.addAccount(account))
        }
        return index
    }

    /// Contacts in number order; returns contact number → staging number (−1: none).
    private func loadContacts(into builder: inout ProgrammeBuilder, accountIndex: [Int32]) throws -> [Int32] {
        let highest = try Int.fetchOne(db, sql: "SELECT coalesce(max(number), 0) FROM contact") ?? 0
        var staging = [Int32](repeating: -1, count: highest + 1)
        // Roles come numbered by SQLite (the dense `BuyingRole.index`), titles interned once
        // per distinct text, and ids, names and e-mails go to the builder as bytes.
        let roleIndex = BuyingRole.allCases.map { "WHEN '\($0.rawValue)' THEN \($0.index)" }.joined(separator: " ")
        var titles: [String: Int32] = [:]
        let rows = try RawRows(
            db,
            sql: """
                SELECT number, account, contact_id, name, title, CASE buying_role \(roleIndex) ELSE -1 END, email, active
                FROM contact ORDER BY number
                """, what: "contacts")
        while try rows.next() {
            let number = rows.int(0)
            let account = rows.int(1)
            guard number >= 0, number <= highest, account >= 0, account < accountIndex.count,
                accountIndex[account] >= 0
            else { continue }
            var title: Int32 = -1
            if let text = rows.optionalText(4) {
                if let known = titles[text] {
                    title = known
                } else {
                    title = builder.internTitle(text)
                    titles[text] = title
                }
            }
            staging[number] = builder.addContact(
                id: rows.utf8(2), account: Int(accountIndex[account]), name: rows.utf8(3), title: title,
                role: BuyingRole(index: rows.int(5)), email: rows.utf8(6), active: rows.int(7) != 0)
        }
        return staging
    }

    /// Every opportunity; `accountIds` maps store account numbers to ids.
    private func loadOpportunities(into builder: inout ProgrammeBuilder, accountIds: [String?]) throws {
        let rows = try RawRows(
            db,
            sql: """
                SELECT opportunity_id, account, status, kind, stage, amount, created_at, closed_at
                FROM opportunity ORDER BY account, opportunity_id
                """, what: "opportunities")
        while try rows.next() {
            guard let accountId = accountIds.element(at: rows.int(1)) else { continue }
            try builder.addOpportunity(
                Opportunity(
                    id: rows.text(0), accountId: accountId, status: OpportunityStatus(rawValue: rows.text(2)) ?? .open,
                    kind: OpportunityKind(rawValue: rows.text(3)) ?? .new, stage: rows.optionalText(4),
                    amount: rows.optionalDouble(5), createdAt: Instant(seconds: Int64(rows.int(6))),
                    closedAt: rows.optionalInt(7).map { Instant(seconds: Int64($0)) }))
        }
    }

    /// The whole history in recording order.
    private func loadHistory(into builder: inout ProgrammeBuilder, accountIds: [String?]) throws {
        let rows = try RawRows(
            db, sql: "SELECT account, at, by, event, tier, note FROM history ORDER BY seq", what: "the history")
        while try rows.next() {
            guard let accountId = accountIds.element(at: rows.int(0)),
                let event = HistoryCoding.event(rows.text(3), tier: rows.optionalInt(4), note: rows.optionalText(5))
            else { continue }
            try builder.addHistory(
                HistoryRecord(
                    accountId: accountId, at: Instant(seconds: Int64(rows.int(1))), by: rows.text(2), event: event))
        }
    }
}
