import ABMCore
import Foundation
import GRDB

extension SQLiteStore {
    /// The whole programme as of one revision. Touches and intent, most of the bytes, are
    /// decoded on a second core in a read transaction of their own while this thread reads the
    /// rest; both note the revision they saw, and when a write came between them the load
    /// starts over in a single transaction.
    public func loadProgramme(phases: (String) -> Void) throws(StoreError) -> Programme {
        let pool = self.pool
        let background = BackgroundWork {
            Result { () throws(StoreError) -> StagedBlocks in
                try SQLiteStore.read(pool) { db in try BlockStager(db: db).stage() }
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

/// Work started on another thread now, whose result is collected later.
final class BackgroundWork<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Result<Value, StoreError> = .failure(.database("background work did not finish"))

    /// Starts `work` on a new thread.
    init(_ work: @escaping @Sendable () -> Result<Value, StoreError>) {
        Thread.detachNewThread { [self] in
            result = work()
            done.signal()
        }
    }

    /// Waits for the work and returns its result.
    func wait() -> Result<Value, StoreError> {
        done.wait()
        return result
    }
}

/// What the loader learned about the store's numbering, to number staged touches the
/// builder's way.
struct StoreNumbering {
    /// The revision read.
    var revision: Int64
    /// Store account number → builder index (−1: none).
    var accountIndex: [Int32]
    /// Store contact number → builder staging number (−1: none).
    var contactStaging: [Int32]
    /// Store term number → text ("" for a number without a term).
    var terms: [String]

    /// Adds the staged blocks to `builder` and builds the programme.
    func finish(_ builder: consuming ProgrammeBuilder, adding blocks: StagedBlocks, phases: (String) -> Void)
        throws(StoreError) -> Programme
    {
        // Store term numbers become the builder's topic and people numbers as they are met,
        // then each staged label becomes the builder's label.
        var topics = [Int32](repeating: -1, count: terms.count)
        var people = [Int32](repeating: -1, count: terms.count)
        for term in blocks.intent.topic where term >= 0 && Int(term) < terms.count && topics[Int(term)] < 0 {
            topics[Int(term)] = builder.internTopic(terms[Int(term)])
        }
        var labels: [Int32] = []
        labels.reserveCapacity(blocks.labels.count)
        for pair in blocks.labels {
            var topic: Int32 = -1
            var by: Int32 = -1
            if pair.topic >= 0 && Int(pair.topic) < terms.count {
                if topics[Int(pair.topic)] < 0 { topics[Int(pair.topic)] = builder.internTopic(terms[Int(pair.topic)]) }
                topic = topics[Int(pair.topic)]
            }
            if pair.by >= 0 && Int(pair.by) < terms.count {
                if people[Int(pair.by)] < 0 { people[Int(pair.by)] = builder.internPerson(terms[Int(pair.by)]) }
                by = people[Int(pair.by)]
            }
            labels.append(builder.touchLabel(topic: topic, by: by))
        }
        var touches = blocks.touches
        touches.renumber(contacts: contactStaging, labels: labels)
        var intent = blocks.intent
        intent.renumber(topics: topics)
        do {
            try builder.addTouches(touches, accounts: accountIndexes(of: blocks.touchRuns, count: touches.count))
            try builder.addIntent(intent, accounts: accountIndexes(of: blocks.intentRuns, count: intent.count))
        } catch let error as StoreError {
            throw error
        } catch {
            throw .database("\(error)")
        }
        phases("number the touches and intent")
        defer { phases("build the programme") }
        return builder.build()
    }

    /// Each row's builder account index, from runs of store account numbers.
    private func accountIndexes(of runs: [StagedBlocks.Run], count: Int) throws(StoreError) -> [Int32] {
        var accounts = [Int32](reservingCapacity: count)
        for run in runs {
            let index = run.account >= 0 && Int(run.account) < accountIndex.count ? accountIndex[Int(run.account)] : -1
            guard index >= 0 else { throw .database("records of account number \(run.account), which does not exist") }
            accounts.append(contentsOf: repeatElement(index, count: Int(run.count)))
        }
        return accounts
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

extension Array {
    /// The element at `index`, or `nil` when out of range (or itself `nil`).
    func element<Wrapped>(at index: Int) -> Wrapped? where Element == Wrapped? {
        index >= 0 && index < count ? self[index] : nil
    }
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
