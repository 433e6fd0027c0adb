import ABMCore
import ABMStore
import NIOCore
import PostgresNIO

extension PostgresStore {
    /// The whole programme as of one revision, read in one REPEATABLE READ snapshot. The
    /// accounts and contacts go into the builder while the touch blocks are still arriving.
    public func loadProgramme(phases: (String) -> Void) throws(StoreError) -> Programme {
        let loaded = try read { connection in try await Self.load(connection) }
        phases("read the database, load accounts, contacts, opportunities and history")
        let numbering = StoreNumbering(
            revision: loaded.revision, accountIndex: loaded.accountIndex, contactStaging: loaded.contactStaging,
            terms: loaded.terms)
        return try numbering.finish(loaded.builder, adding: loaded.blocks, phases: phases)
    }

    /// What `load` gives: the builder with everything but the touches and intent, and those
    /// staged, with what numbering them takes.
    struct Loaded: Sendable {
        var revision: Int64
        var builder: ProgrammeBuilder
        var accountIndex: [Int32]
        var contactStaging: [Int32]
        var terms: [String]
        var blocks: StagedBlocks
    }

    /// Reads everything on one connection in one snapshot. The queries go one after another
    /// (each sent as soon as the server has begun answering the one before), and each result
    /// is decoded by a task of its own: the catalog blocks first, then the intent and touch
    /// blocks (whose contacts are checked once the contacts are known), then the small tables.
    /// Meanwhile the accounts and contacts go into the builder. A table whose catalog block is
    /// missing is read after the rest.
    static func load(_ connection: PostgresConnection) async throws -> Loaded {
        let head = try await Self.head(connection)
        let catalogRows = try await connection.query(
            "SELECT part, data FROM abmboard.catalog_block", logger: Self.logger)
        async let catalogBlocks = decodeCatalog(catalogRows)
        let intentRows = try await connection.query(
            "SELECT account, data FROM abmboard.intent_block ORDER BY account", logger: Self.logger)
        async let intent = stageIntent(intentRows, head: head)
        let touchRows = try await connection.query(
            "SELECT account, data FROM abmboard.touch_block ORDER BY account", logger: Self.logger)
        async let touches = stageTouches(touchRows, head: head)
        async let termRows = readTerms(connection)
        async let opportunityRows = readOpportunities(connection)
        async let historyRows = readHistory(connection)
        let catalog = try await catalogBlocks
        let accounts = try await readAccounts(connection, unless: catalog.accounts)
        let (contacts, highestContact) = try await readContacts(connection, unless: catalog.contacts)
        var builder = ProgrammeBuilder(accounts: accounts.count)
        var accountIndex = [Int32](repeating: -1, count: Int(accounts.last?.number ?? 0) + 1)
        for (number, account) in accounts where number >= 0 {
            accountIndex[Int(number)] = Int32(try stored { try builder.addAccount(account) })
        }
        let contactStaging = Self.addContacts(contacts, to: &builder, accountIndex: accountIndex)
        var contactAccount = [Int32](repeating: -1, count: Int(highestContact) + 1)
        for contact in contacts where contact.number >= 0 { contactAccount[Int(contact.number)] = contact.account }
        let accountIds = builder.accountIds(byNumber: accountIndex)
        for row in try await opportunityRows {
            guard let accountId = accountIds.element(at: Int(row.account)) else { continue }
            var opportunity = row.opportunity
            opportunity.accountId = accountId
            try stored { try builder.addOpportunity(opportunity) }
        }
        for row in try await historyRows {
            guard let accountId = accountIds.element(at: Int(row.account)),
                let event = HistoryCoding.event(row.event, tier: row.tier.map(Int.init), note: row.note)
            else { continue }
            let record = HistoryRecord(accountId: accountId, at: Instant(seconds: row.at), by: row.by, event: event)
            try stored { try builder.addHistory(record) }
        }
        let blocks = StagedBlocks(
            revision: head.revision, touches: try await touches.finish(keepingContactsOf: contactAccount),
            intent: try await intent.finish())
        return Loaded(
            revision: head.revision, builder: builder, accountIndex: accountIndex, contactStaging: contactStaging,
            terms: try await termRows, blocks: blocks)
    }

    /// Contacts in number order into the builder; returns contact number → staging number.
    private static func addContacts(
        _ contacts: [SnapshotContact], to builder: inout ProgrammeBuilder, accountIndex: [Int32]
    ) -> [Int32] {
        let highest = Int(contacts.last?.number ?? 0)
        var staging = [Int32](repeating: -1, count: highest + 1)
        var titles: [String: Int32] = [:]
        for contact in contacts {
            let account = Int(contact.account)
            guard contact.number >= 0, account >= 0, account < accountIndex.count, accountIndex[account] >= 0 else {
                continue
            }
            var title: Int32 = -1
            if let text = contact.title {
                if let known = titles[text] {
                    title = known
                } else {
                    title = builder.internTitle(text)
                    titles[text] = title
                }
            }
            var id = contact.id
            var name = contact.name
            var email = contact.email ?? ""
            let role = BuyingRole(rawValue: contact.role) ?? BuyingRole(index: -1)
            staging[Int(contact.number)] = id.withUTF8 { id in
                name.withUTF8 { name in
                    email.withUTF8 { email in
                        builder.addContact(
                            id: id, account: Int(accountIndex[account]), name: name, title: title, role: role,
                            email: email, active: contact.active)
                    }
                }
            }
        }
        return staging
    }

    /// What the builder refuses (rows the database should not hold) as a store error.
    private static func stored<T>(_ body: () throws -> T) throws(StoreError) -> T {
        do {
            return try body()
        } catch {
            throw .database("\(error)")
        }
    }

    /// The revision, and the sizes the staging reserves room for.
    struct Head: Sendable {
        var revision: Int64
        var touches: Int
        var idBytes: Int
        var intent: Int
        /// One more than the highest term number.
        var terms: Int
    }

    /// The snapshot's revision and sizes, in one round trip.
    private static func head(_ connection: PostgresConnection) async throws -> Head {
        for try await row in try await connection.query(
            """
            SELECT (SELECT value FROM abmboard.meta WHERE key = 'revision'),
                   (SELECT coalesce(sum(touches), 0)::bigint FROM abmboard.touch_block),
                   (SELECT coalesce(sum(id_bytes), 0)::bigint FROM abmboard.touch_block),
                   (SELECT coalesce(sum(records), 0)::bigint FROM abmboard.intent_block),
                   (SELECT coalesce(max(number) + 1, 0)::bigint FROM abmboard.term)
            """, logger: Self.logger
        ).decode((Int64?, Int64, Int64, Int64, Int64).self) {
            return Head(
                revision: row.0 ?? 0, touches: Int(row.1), idBytes: Int(row.2), intent: Int(row.3), terms: Int(row.4))
        }
        throw StoreError.database("the snapshot's revision query gave no row")
    }

    /// The accounts and contacts of the catalog blocks that are there and of this format.
    private static func decodeCatalog(_ rows: PostgresRowSequence) async throws -> (
        accounts: [(number: Int32, account: Account)]?, contacts: [SnapshotContact]?
    ) {
        var found: (accounts: [(number: Int32, account: Account)]?, contacts: [SnapshotContact]?) = (nil, nil)
        for try await (part, data) in rows.decode((String, ByteBuffer).self) {
            data.withUnsafeReadableBytes { bytes in
                switch CatalogBlock.Part(rawValue: part) {
                case .accounts: found.accounts = CatalogBlock.accounts(bytes)
                case .contacts: found.contacts = CatalogBlock.contacts(bytes)
                case nil: break
                }
            }
        }
        return found
    }

    /// The accounts of the block, else of the table.
    private static func readAccounts(
        _ connection: PostgresConnection, unless block: [(number: Int32, account: Account)]?
    )
        async throws -> [(number: Int32, account: Account)]
    {
        if let block { return block }
        return try await readAccounts(connection)
    }

    /// The contacts of the block, else of the table, and the highest number.
    private static func readContacts(_ connection: PostgresConnection, unless block: [SnapshotContact]?) async throws
        -> ([SnapshotContact], Int32)
    {
        if let block { return (block, block.last?.number ?? 0) }
        return try await readContacts(connection)
    }

    /// Writes the block of `part` (`CatalogBlock.encode` of the table as it now stands: an
    /// import's last step).
    static func storeCatalogBlock(_ connection: PostgresConnection, _ part: CatalogBlock.Part, _ bytes: [UInt8])
        async throws
    {
        try await connection.query(
            """
            INSERT INTO abmboard.catalog_block (part, data) VALUES (\(part.rawValue), \(ByteBuffer(bytes: bytes)))
            ON CONFLICT (part) DO UPDATE SET data = EXCLUDED.data
            """, logger: Self.logger)
    }

    /// Every account with its number, in number order.
    static func readAccounts(_ connection: PostgresConnection) async throws -> [(
        number: Int32, account: Account
    )] {
        // Accounts and contacts come as one array a column, in one row each: decoding hundreds
        // of thousands of rows one by one costs seconds, arrays a fraction of that. A nullable
        // text is "+" and the text, or "" for NULL; a nullable number has a mask of its NULLs.
        var accounts: [(number: Int32, account: Account)] = []
        for try await row in try await connection.query(
            """
            SELECT coalesce(array_agg(number), '{}'), coalesce(array_agg(account_id), '{}'),
                   coalesce(array_agg(name), '{}'), coalesce(array_agg(imported_tier), '{}'),
                   coalesce(array_agg(coalesce('+' || domain, '')), '{}'),
                   coalesce(array_agg(coalesce('+' || industry, '')), '{}'),
                   coalesce(array_agg(coalesce(employees, 0)), '{}'), coalesce(array_agg(employees IS NULL), '{}'),
                   coalesce(array_agg(coalesce(annual_revenue, 0)), '{}'),
                   coalesce(array_agg(annual_revenue IS NULL), '{}'),
                   coalesce(array_agg(coalesce('+' || region, '')), '{}'),
                   coalesce(array_agg(coalesce('+' || owner, '')), '{}'),
                   coalesce(array_agg(coalesce('+' || sdr, '')), '{}'),
                   coalesce(array_agg(coalesce(icp_score, 0::smallint)), '{}'), coalesce(array_agg(icp_score IS NULL), '{}'),
                   coalesce(array_agg(holdout), '{}'), coalesce(array_agg(coalesce('+' || parent_account_id, '')), '{}')
            FROM (SELECT * FROM abmboard.account ORDER BY number) AS a
            """, logger: Self.logger
        ).decode(
            (
                [Int32], [String], [String], [Int16], [String], [String], [Int64], [Bool], [Double], [Bool], [String],
                [String], [String], [Int16], [Bool], [Bool], [String]
            ).self)
        {
            let (
                numbers, ids, names, tiers, domains, industries, employees, employeesNull, revenues, revenuesNull,
                regions, owners, sdrs, icps, icpsNull, holdouts, parents
            ) = row
            let count = numbers.count
            var lengths: [Int] = [
                ids.count, names.count, tiers.count, domains.count, industries.count, employees.count,
            ]
            lengths += [
                employeesNull.count, revenues.count, revenuesNull.count, regions.count, owners.count, sdrs.count,
            ]
            lengths += [icps.count, icpsNull.count, holdouts.count, parents.count]
            guard lengths.allSatisfy({ $0 == count })
            else { throw StoreError.database("the accounts' columns differ in length") }
            accounts.reserveCapacity(count)
            for i in 0..<count {
                let account = Account(
                    id: ids[i], name: names[i], importedTier: Tier(rawValue: Int(tiers[i])) ?? .three,
                    domain: Self.nullable(domains[i]), industry: Self.nullable(industries[i]),
                    employees: employeesNull[i] ? nil : Int(employees[i]),
                    annualRevenue: revenuesNull[i] ? nil : revenues[i],
                    region: Self.nullable(regions[i]), owner: Self.nullable(owners[i]), sdr: Self.nullable(sdrs[i]),
                    icpScore: icpsNull[i] ? nil : Int(icps[i]), holdout: holdouts[i],
                    parentAccountId: Self.nullable(parents[i]))
                accounts.append((numbers[i], account))
            }
        }
        return accounts
    }

    /// Every contact in number order, and the highest number.
    static func readContacts(_ connection: PostgresConnection) async throws -> ([SnapshotContact], Int32) {
        var contacts: [SnapshotContact] = []
        var highestContact: Int32 = 0
        for try await row in try await connection.query(
            """
            SELECT coalesce(array_agg(number), '{}'), coalesce(array_agg(account), '{}'),
                   coalesce(array_agg(contact_id), '{}'), coalesce(array_agg(name), '{}'),
                   coalesce(array_agg(coalesce('+' || title, '')), '{}'), coalesce(array_agg(buying_role), '{}'),
                   coalesce(array_agg(coalesce('+' || email, '')), '{}'), coalesce(array_agg(active), '{}')
            FROM (SELECT * FROM abmboard.contact ORDER BY number) AS c
            """, logger: Self.logger
        ).decode(([Int32], [Int32], [String], [String], [String], [String], [String], [Bool]).self) {
            let (numbers, owners, ids, names, titles, roles, emails, active) = row
            let count = numbers.count
            let lengths: [Int] = [owners.count, ids.count, names.count, titles.count, roles.count, emails.count]
            guard lengths.allSatisfy({ $0 == count }) && active.count == count
            else { throw StoreError.database("the contacts' columns differ in length") }
            contacts.reserveCapacity(count)
            for i in 0..<count {
                contacts.append(
                    SnapshotContact(
                        number: numbers[i], account: owners[i], id: ids[i], name: names[i],
                        title: Self.nullable(titles[i]), role: roles[i], email: Self.nullable(emails[i]),
                        active: active[i]))
                highestContact = max(highestContact, numbers[i])
            }
        }
        return (contacts, highestContact)
    }

    /// The term texts by number.
    private static func readTerms(_ connection: PostgresConnection) async throws -> [String] {
        var terms: [String] = []
        for try await (number, text) in try await connection.query(
            "SELECT number, text FROM abmboard.term ORDER BY number", logger: Self.logger
        ).decode((Int32, String).self) where number >= 0 {
            if Int(number) >= terms.count {
                terms.append(contentsOf: repeatElement("", count: Int(number) - terms.count + 1))
            }
            terms[Int(number)] = text
        }
        return terms
    }

    /// Every opportunity, by account and id.
    private static func readOpportunities(_ connection: PostgresConnection) async throws -> [SnapshotOpportunity] {
        var opportunities: [SnapshotOpportunity] = []
        for try await row in try await connection.query(
            """
            SELECT opportunity_id, account, status, kind, stage, amount, created_at, closed_at
            FROM abmboard.opportunity ORDER BY account, opportunity_id COLLATE "C"
            """, logger: Self.logger
        ).decode((String, Int32, String, String, String?, Double?, Int64, Int64?).self) {
            opportunities.append(
                SnapshotOpportunity(
                    account: row.1,
                    opportunity: Opportunity(
                        id: row.0, accountId: "", status: OpportunityStatus(rawValue: row.2) ?? .open,
                        kind: OpportunityKind(rawValue: row.3) ?? .new, stage: row.4, amount: row.5,
                        createdAt: Instant(seconds: row.6), closedAt: row.7.map { Instant(seconds: $0) })))
        }
        return opportunities
    }

    /// The history in recording order.
    private static func readHistory(_ connection: PostgresConnection) async throws -> [SnapshotRecord] {
        var history: [SnapshotRecord] = []
        for try await row in try await connection.query(
            "SELECT account, at, by, event, tier, note FROM abmboard.history ORDER BY seq", logger: Self.logger
        ).decode((Int32, Int64, String, String, Int16?, String?).self) {
            history.append(SnapshotRecord(account: row.0, at: row.1, by: row.2, event: row.3, tier: row.4, note: row.5))
        }
        return history
    }

    /// Every touch block, decoded as it arrives (the contacts are checked by `finish`).
    private static func stageTouches(_ rows: PostgresRowSequence, head: Head) async throws -> TouchStaging {
        var touches = TouchStaging(touches: head.touches, idBytes: head.idBytes, terms: head.terms)
        for try await (account, data) in rows.decode((Int32, ByteBuffer).self) {
            try data.withUnsafeReadableBytes { bytes throws(StoreError) in
                try touches.add(account: account, block: bytes)
            }
        }
        return touches
    }

    /// Every intent block, decoded as it arrives.
    private static func stageIntent(_ rows: PostgresRowSequence, head: Head) async throws -> IntentStaging {
        var intent = IntentStaging(records: head.intent)
        for try await (account, data) in rows.decode((Int32, ByteBuffer).self) {
            try data.withUnsafeReadableBytes { bytes throws(StoreError) in
                try intent.add(account: account, block: bytes)
            }
        }
        return intent
    }

    /// A contact row.
    struct SnapshotContact: Sendable {
        var number: Int32
        var account: Int32
        var id: String
        var name: String
        var title: String?
        var role: String
        var email: String?
        var active: Bool
    }

    /// An opportunity row (its account id filled in when built).
    struct SnapshotOpportunity: Sendable {
        var account: Int32
        var opportunity: Opportunity
    }

    /// A history row.
    struct SnapshotRecord: Sendable {
        var account: Int32
        var at: Int64
        var by: String
        var event: String
        var tier: Int16?
        var note: String?
    }

    /// A nullable text as the snapshot's arrays carry it: "" for NULL, else "+" and the text.
    private static func nullable(_ field: String) -> String? {
        field.isEmpty ? nil : String(field.dropFirst())
    }
}
