import ABMCore
import ABMImport
import ABMStore
import NIOCore
import PostgresNIO

/// Imports into the team store: each file's validated rows are compared with what is stored,
/// streamed with `COPY … FROM STDIN` into a temporary staging table, and merged in the same
/// transaction, so an import is whole or nothing (a killed client leaves nothing: its
/// transaction never commits). Only managers import.
extension PostgresStore {
    /// Upserts accounts; a changed tier on a re-import is recorded in the history (SPEC §3).
    public func importAccounts(_ rows: [(account: Account, line: Int)], file: String, stamp: RecordStamp, by: String)
        throws(StoreError) -> ImportSummary
    {
        let clock = self.clock
        return try write { connection in
            try await Self.requireManager(connection, what: "accounts")
            var summary = ImportSummary(kind: "accounts", rows: rows.count, added: 0, updated: 0)
            var stored: [String: (number: Int32, account: Account)] = [:]
            let before = try await Self.readAccounts(connection)
            for (number, account) in before { stored[account.id] = (number, account) }
            let serverNow = try await Self.serverNow(connection)
            var final: [String: Account] = [:]
            var order: [String] = []
            var retiers: [(number: Int32, record: HistoryRecord, before: Tier?, after: Tier)] = []
            var problems = ImportProblems()
            // Every stored account of the file's, with its history, read at once.
            var inFile: [Int32: String] = [:]
            for (account, _) in rows { if let existing = stored[account.id] { inFile[existing.number] = account.id } }
            var histories = try await Self.histories(connection, accounts: inFile)
            var newIds: Set<String> = []
            var updatedIds: Set<String> = []
            for (account, line) in rows {
                guard let existing = stored[account.id] else {
                    if final[account.id] == nil { order.append(account.id) }
                    if !newIds.contains(account.id) {
                        newIds.insert(account.id)
                        summary.added += 1
                    }
                    final[account.id] = account
                    continue
                }
                var fieldsChanged = false
                var updated = account
                updated.importedTier = existing.account.importedTier
                let previous = final[account.id] ?? existing.account
                if updated != previous {
                    if final[account.id] == nil { order.append(account.id) }
                    final[account.id] = updated
                    fieldsChanged = updated != existing.account
                }
                let history = histories[existing.number] ?? []
                let time: Instant
                switch stamp {
                case .now: time = MarkRules.stampForNow(clock?() ?? Instant(seconds: serverNow), history: history)
                case .at(let given): time = given
                }
                do {
                    if let retier = try MarkRules.retier(
                        to: account.importedTier, at: time, by: by, account: account.id, history: history,
                        importedTier: existing.account.importedTier)
                    {
                        let replay = MarkReplay(
                            records: history, importedTier: existing.account.importedTier, asOf: time)
                        retiers.append((existing.number, retier, replay.tier, account.importedTier))
                        histories[existing.number] = history + [retier]
                        summary.recorded += 1
                        fieldsChanged = true
                    }
                } catch {
                    problems.append(
                        ImportProblem(
                            file: file, line: line, column: "tier",
                            expected: "a re-import stamped at or after the account's latest record",
                            found: String(describing: error), foundIsValue: false))
                }
                if fieldsChanged && !updatedIds.contains(account.id) {
                    updatedIds.insert(account.id)
                    summary.updated += 1
                }
            }
            guard problems.isEmpty else { throw StoreError.badRows(problems) }
            let written = order.compactMap { final[$0] }
            if !written.isEmpty { try await Self.upsertAccounts(connection, written) }
            // The table as it now stands, read once: for the accounts changed and for the block.
            let now = written.isEmpty ? before : try await Self.readAccounts(connection)
            var changed: [Int32] = []
            if !written.isEmpty {
                for (number, account) in now where newIds.contains(account.id) || updatedIds.contains(account.id) {
                    changed.append(number)
                }
            }
            for retier in retiers {
                _ = try await Self.append(
                    connection, account: retier.number, at: retier.record.at, event: retier.record.event,
                    before: retier.before, after: retier.after, claimedBy: by)
                changed.append(retier.number)
            }
            try await Self.storeCatalogBlock(connection, .accounts, CatalogBlock.encode(accounts: now))
            try await Self.commitChange(connection, changed)
            return summary
        }
    }

    /// Upserts contacts by id.
    public func importContacts(_ rows: [ContactsFile.Row]) throws(StoreError) -> ImportSummary {
        try write { connection in
            try await Self.requireManager(connection, what: "contacts")
            var summary = ImportSummary(kind: "contacts", rows: rows.count, added: 0, updated: 0)
            var stored: [String: StoredContact] = [:]
            for try await row in try await connection.query(
                "SELECT contact_id, account, name, title, buying_role, email, active FROM abmboard.contact",
                logger: Self.logger
            ).decode((String, Int32, String, String?, String, String?, Bool).self) {
                stored[row.0] = StoredContact(
                    account: row.1, name: row.2, title: row.3, role: row.4, email: row.5, active: row.6)
            }
            var final: [String: StoredContact] = [:]
            var order: [String] = []
            var changed: Set<Int32> = []
            for row in rows {
                let contact = row.contact
                let value = StoredContact(
                    account: row.account, name: contact.name, title: contact.title, role: contact.buyingRole.rawValue,
                    email: contact.email, active: contact.active)
                let previous = final[contact.id] ?? stored[contact.id]
                if previous == value { continue }
                if let previous {
                    summary.updated += 1
                    changed.insert(previous.account)
                } else {
                    summary.added += 1
                }
                changed.insert(row.account)
                if final[contact.id] == nil { order.append(contact.id) }
                final[contact.id] = value
            }
            try await connection.query(
                """
                CREATE TEMP TABLE contact_stage (contact_id text, account integer, name text, title text,
                    buying_role text, email text, active boolean) ON COMMIT DROP
                """, logger: Self.logger)
            try await connection.copyRows(
                into: "contact_stage",
                columns: ["contact_id", "account", "name", "title", "buying_role", "email", "active"],
                count: order.count
            ) { index, text in
                let id = order[index]
                guard let contact = final[id] else { return }
                text.text(id)
                text.int(contact.account)
                text.text(contact.name)
                text.text(contact.title)
                text.text(contact.role)
                text.text(contact.email)
                text.bool(contact.active)
                text.endRow()
            }
            try await connection.query(
                """
                INSERT INTO abmboard.contact (contact_id, account, name, title, buying_role, email, active)
                SELECT contact_id, account, name, title, buying_role, email, active FROM contact_stage
                ON CONFLICT (contact_id) DO UPDATE SET account = EXCLUDED.account, name = EXCLUDED.name,
                    title = EXCLUDED.title, buying_role = EXCLUDED.buying_role, email = EXCLUDED.email,
                    active = EXCLUDED.active
                """, logger: Self.logger)
            let now = try await Self.readContacts(connection).0
            try await Self.storeCatalogBlock(connection, .contacts, CatalogBlock.encode(contacts: now))
            try await Self.commitChange(connection, Array(changed))
            return summary
        }
    }

    /// Upserts opportunities by id (one may move to another account).
    public func importOpportunities(_ rows: [OpportunitiesFile.Row]) throws(StoreError) -> ImportSummary {
        try write { connection in
            try await Self.requireManager(connection, what: "opportunities")
            var summary = ImportSummary(kind: "opportunities", rows: rows.count, added: 0, updated: 0)
            var stored: [String: StoredOpportunity] = [:]
            for try await row in try await connection.query(
                """
                SELECT opportunity_id, account, status, kind, stage, amount, created_at, closed_at
                FROM abmboard.opportunity
                """, logger: Self.logger
            ).decode((String, Int32, String, String, String?, Double?, Int64, Int64?).self) {
                stored[row.0] = StoredOpportunity(
                    account: row.1, status: row.2, kind: row.3, stage: row.4, amount: row.5, created: row.6,
                    closed: row.7)
            }
            var final: [String: StoredOpportunity] = [:]
            var order: [String] = []
            var changed: Set<Int32> = []
            for row in rows {
                let o = row.opportunity
                let value = StoredOpportunity(
                    account: row.account, status: o.status.rawValue, kind: o.kind.rawValue, stage: o.stage,
                    amount: o.amount, created: o.createdAt.seconds, closed: o.closedAt?.seconds)
                let previous = final[o.id] ?? stored[o.id]
                if previous == value { continue }
                if let previous {
                    summary.updated += 1
                    changed.insert(previous.account)
                } else {
                    summary.added += 1
                }
                changed.insert(row.account)
                if final[o.id] == nil { order.append(o.id) }
                final[o.id] = value
            }
            try await connection.query(
                """
                CREATE TEMP TABLE opportunity_stage (opportunity_id text, account integer, status text, kind text,
                    stage text, amount double precision, created_at bigint, closed_at bigint) ON COMMIT DROP
                """, logger: Self.logger)
            try await connection.copyRows(
                into: "opportunity_stage",
                columns: ["opportunity_id", "account", "status", "kind", "stage", "amount", "created_at", "closed_at"],
                count: order.count
            ) { index, text in
                let id = order[index]
                guard let o = final[id] else { return }
                text.text(id)
                text.int(o.account)
                text.text(o.status)
                text.text(o.kind)
                text.text(o.stage)
                text.double(o.amount)
                text.int(o.created)
                text.int(o.closed)
                text.endRow()
            }
            try await connection.query(
                """
                INSERT INTO abmboard.opportunity (opportunity_id, account, status, kind, stage, amount, created_at,
                    closed_at)
                SELECT opportunity_id, account, status, kind, stage, amount, created_at, closed_at
                FROM opportunity_stage
                ON CONFLICT (opportunity_id) DO UPDATE SET account = EXCLUDED.account, status = EXCLUDED.status,
                    kind = EXCLUDED.kind, stage = EXCLUDED.stage, amount = EXCLUDED.amount,
                    created_at = EXCLUDED.created_at, closed_at = EXCLUDED.closed_at
                """, logger: Self.logger)
            try await Self.commitChange(connection, Array(changed))
            return summary
        }
    }

    /// Merges intent rows into their accounts' blocks.
    public func importIntent(_ rows: IntentFile.Rows) throws(StoreError) -> ImportSummary {
        try write { connection in
            try await Self.requireManager(connection, what: "intent")
            var summary = ImportSummary(kind: "intent rows", rows: rows.count, added: 0, updated: 0)
            let topics = try await Self.termNumbers(connection, rows.topics)
            var byAccount: [Int32: [Int]] = [:]
            for row in 0..<rows.count { byAccount[rows.account[row], default: []].append(row) }
            let accounts = byAccount.keys.sorted()
            var stored: [Int32: [StoredIntent]] = [:]
            for try await (account, data) in try await connection.query(
                "SELECT account, data FROM abmboard.intent_block WHERE account = ANY(\(accounts))", logger: Self.logger
            ).decode((Int32, ByteBuffer).self) {
                stored[account] = data.withUnsafeReadableBytes { IntentBlock.decode($0) } ?? []
            }
            var blocks: [(account: Int32, records: Int, data: [UInt8])] = []
            for account in accounts {
                let merged = IntentMerge.merge(
                    stored: stored[account] ?? [], rows: rows, indexes: byAccount[account] ?? [], topics: topics)
                summary.added += merged.added
                summary.updated += merged.updated
                guard merged.changed else { continue }
                blocks.append((account, merged.records.count, IntentBlock.encode(merged.records)))
            }
            try await connection.query(
                "CREATE TEMP TABLE intent_stage (account integer, records integer, data bytea) ON COMMIT DROP",
                logger: Self.logger)
            try await connection.copyRows(
                into: "intent_stage", columns: ["account", "records", "data"], count: blocks.count
            ) { index, text in
                text.int(blocks[index].account)
                text.int(blocks[index].records)
                text.bytes(blocks[index].data)
                text.endRow()
            }
            try await connection.query(
                """
                INSERT INTO abmboard.intent_block (account, records, data)
                SELECT account, records, data FROM intent_stage
                ON CONFLICT (account) DO UPDATE SET records = EXCLUDED.records, data = EXCLUDED.data
                """, logger: Self.logger)
            try await Self.commitChange(connection, blocks.map(\.account))
            return summary
        }
    }

    /// Writes accounts (new ones numbered by the database in file order; a stored one keeps
    /// its imported tier).
    private static func upsertAccounts(_ connection: PostgresConnection, _ accounts: [Account]) async throws {
        try await connection.query(
            """
            CREATE TEMP TABLE account_stage (position integer, account_id text, name text, imported_tier smallint,
                domain text, industry text, employees bigint, annual_revenue double precision, region text,
                owner text, sdr text, icp_score smallint, holdout boolean, parent_account_id text) ON COMMIT DROP
            """, logger: Self.logger)
        try await connection.copyRows(
            into: "account_stage",
            columns: [
                "position", "account_id", "name", "imported_tier", "domain", "industry", "employees", "annual_revenue",
                "region", "owner", "sdr", "icp_score", "holdout", "parent_account_id",
            ],
            count: accounts.count
        ) { index, text in
            let a = accounts[index]
            text.int(index)
            text.text(a.id)
            text.text(a.name)
            text.int(a.importedTier.rawValue)
            text.text(a.domain)
            text.text(a.industry)
            text.int(a.employees)
            text.double(a.annualRevenue)
            text.text(a.region)
            text.text(a.owner)
            text.text(a.sdr)
            text.int(a.icpScore)
            text.bool(a.holdout)
            text.text(a.parentAccountId)
            text.endRow()
        }
        try await connection.query(
            """
            INSERT INTO abmboard.account (account_id, name, imported_tier, domain, industry, employees, annual_revenue,
                region, owner, sdr, icp_score, holdout, parent_account_id)
            SELECT account_id, name, imported_tier, domain, industry, employees, annual_revenue, region, owner, sdr,
                icp_score, holdout, parent_account_id
            FROM account_stage ORDER BY position
            ON CONFLICT (account_id) DO UPDATE SET name = EXCLUDED.name, domain = EXCLUDED.domain,
                industry = EXCLUDED.industry, employees = EXCLUDED.employees,
                annual_revenue = EXCLUDED.annual_revenue, region = EXCLUDED.region, owner = EXCLUDED.owner,
                sdr = EXCLUDED.sdr, icp_score = EXCLUDED.icp_score, holdout = EXCLUDED.holdout,
                parent_account_id = EXCLUDED.parent_account_id
            """, logger: Self.logger)
    }

    /// The server's clock, in whole seconds.
    static func serverNow(_ connection: PostgresConnection) async throws -> Int64 {
        for try await now in try await connection.query(
            "SELECT floor(extract(epoch FROM clock_timestamp()))::bigint", logger: Self.logger
        ).decode(Int64.self) {
            return now
        }
        return 0
    }

    /// Moves the revision on for an import that changed `accounts` (nothing when none).
    static func commitChange(_ connection: PostgresConnection, _ accounts: [Int32]) async throws {
        guard !accounts.isEmpty else { return }
        let unique = Array(Set(accounts)).sorted()
        try await connection.query(
            "SELECT abmboard.commit_change(\(unique), NULL::bigint, NULL::text)", logger: Self.logger)
    }

    /// A contact's stored columns.
    struct StoredContact: Hashable {
        var account: Int32
        var name: String
        var title: String?
        var role: String
        var email: String?
        var active: Bool
    }

    /// An opportunity's stored columns.
    struct StoredOpportunity: Hashable {
        var account: Int32
        var status: String
        var kind: String
        var stage: String?
        var amount: Double?
        var created: Int64
        var closed: Int64?
    }
}
