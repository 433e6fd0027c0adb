import ABMCore
import ABMImport
import ABMStore
import NIOCore
import PostgresNIO

extension PostgresStore {
    /// Records a mark, undo or note under SPEC §3 in one transaction: the database checks the
    /// member's role and locks the account, the rules are checked against its history read
    /// under that lock, and the record is appended as the member (its person name is `by`,
    /// whatever `by` says) with the server's clock for a "now" stamp.
    public func record(_ event: HistoryEvent, account id: String, by: String, stamp: RecordStamp) throws(StoreError)
        -> RecordedMark
    {
        let clock = self.clock
        return try write { connection in
            let opened = try await Self.beginWrite(connection, account: id, action: event.name)
            let history = try await Self.history(connection, account: opened.number, id: id)
            let time: Instant
            switch stamp {
            case .now: time = MarkRules.stampForNow(clock?() ?? Instant(seconds: opened.now), history: history)
            case .at(let given): time = given
            }
            let tiers: (before: Tier?, after: Tier?)
            do {
                tiers = try MarkRules.check(
                    event, at: time, account: id, history: history, importedTier: opened.importedTier)
            } catch let refusal as MarkRefusal {
                throw StoreError.refused(refusal)
            }
            let person = try await Self.append(
                connection, account: opened.number, at: time, event: event, before: tiers.before, after: tiers.after,
                claimedBy: nil)
            let record = HistoryRecord(accountId: id, at: time, by: person, event: event)
            return RecordedMark(record: record, tierBefore: tiers.before, tierAfter: tiers.after)
        }
    }

    /// Records a marks file's rows in file order; a row identical to a stored record is
    /// skipped. A manager records them in the names of the file's `by`.
    public func importMarks(_ rows: [MarksFile.Row], file: String) throws(StoreError) -> ImportSummary {
        try write { connection in
            var summary = ImportSummary(kind: "marks", rows: rows.count, added: 0, updated: 0)
            var histories: [String: (number: Int32, tier: Tier, records: [HistoryRecord])] = [:]
            var problems = ImportProblems()
            try await Self.requireManager(connection, what: "marks")
            for row in rows {
                if histories[row.accountId] == nil {
                    guard let (number, tier) = try await Self.account(connection, id: row.accountId) else { continue }
                    let records = try await Self.history(connection, account: number, id: row.accountId)
                    histories[row.accountId] = (number, tier, records)
                }
                guard var entry = histories[row.accountId] else { continue }
                let candidate = HistoryRecord(accountId: row.accountId, at: row.at, by: row.by, event: row.event)
                if entry.records.contains(candidate) { continue }
                do {
                    let tiers = try MarkRules.check(
                        row.event, at: row.at, account: row.accountId, history: entry.records, importedTier: entry.tier)
                    _ = try await Self.append(
                        connection, account: entry.number, at: row.at, event: row.event, before: tiers.before,
                        after: tiers.after, claimedBy: row.by)
                    entry.records.append(candidate)
                    histories[row.accountId] = entry
                    summary.added += 1
                } catch let refusal as MarkRefusal {
                    problems.append(
                        ImportProblem(
                            file: file, line: row.line, column: "action",
                            expected: "a record the rules of SPEC §3 allow",
                            found: refusal.description, foundIsValue: false))
                }
            }
            guard problems.isEmpty else { throw StoreError.badRows(problems) }
            summary.recorded = summary.added
            return summary
        }
    }

    /// Logs one touch: the id is `L-` and the stamp's digits, made unique by the database.
    public func logTouch(_ new: NewTouch, stamp: RecordStamp) throws(StoreError) -> Touch {
        let clock = self.clock
        return try write { connection in
            let opened = try await Self.beginWrite(connection, account: new.accountId, action: "touch")
            var contact: Int32 = -1
            if let contactId = new.contactId {
                var found: (Int32, Int32)?
                for try await row in try await connection.query(
                    "SELECT number, account FROM abmboard.contact WHERE contact_id = \(contactId)", logger: Self.logger
                ).decode((Int32, Int32).self) {
                    found = row
                }
                guard let found else {
                    throw StoreError.badContact(id: contactId, account: new.accountId, problem: .unknown)
                }
                guard found.1 == opened.number else {
                    throw StoreError.badContact(id: contactId, account: new.accountId, problem: .otherAccount)
                }
                contact = found.0
            }
            let recorded: Instant
            switch stamp {
            case .now: recorded = clock?() ?? Instant(seconds: opened.now)
            case .at(let given): recorded = given
            }
            let time = new.at ?? recorded
            let base = "L-" + recorded.iso8601.filter(\.isNumber)
            var id = base
            for try await claimed in try await connection.query(
                "SELECT abmboard.claim_touch_id(\(opened.number), \(base))", logger: Self.logger
            ).decode(String.self) {
                id = claimed
            }
            let terms = try await Self.termNumbers(connection, [new.topic ?? "", opened.person])
            var touches = try await Self.storedTouches(connection, account: opened.number)
            touches.append(
                StoredTouch(
                    time: time.seconds, kind: TouchColumns.packKind(new.channel, new.direction), contact: contact,
                    topic: new.topic == nil ? -1 : terms[0], by: terms[1], id: id, note: new.note))
            touches.sort(by: StoredTouch.precedes)
            let block = ByteBuffer(bytes: TouchBlock.encode(touches))
            let idBytes = Int32(touches.reduce(0) { $0 + $1.id.utf8.count })
            let count = Int32(touches.count)
            try await connection.query(
                "SELECT abmboard.store_logged_touch(\(opened.number), \(id), \(block), \(count), \(idBytes))",
                logger: Self.logger)
            return Touch(
                id: id, accountId: new.accountId, channel: new.channel, direction: new.direction, occurredAt: time,
                contactId: new.contactId, topic: new.topic, by: opened.person, note: new.note)
        }
    }

    /// What `begin_write` gives: the account's number and imported tier, the member's person
    /// name, and the server's clock.
    struct OpenedWrite: Sendable {
        var number: Int32
        var importedTier: Tier
        var person: String
        var now: Int64
    }

    /// Checks the member may do `action` on the account and locks it for this transaction.
    /// - Throws: `StoreError.unknownAccount` with the closest ids, `.notPermitted` (from the
    ///   database) when the role does not allow it.
    static func beginWrite(_ connection: PostgresConnection, account id: String, action: String) async throws
        -> OpenedWrite
    {
        for try await (number, person, now) in try await connection.query(
            "SELECT number, person, now FROM abmboard.begin_write(\(id), \(action))", logger: Self.logger
        ).decode((Int32, String, Int64).self) {
            guard let (_, tier) = try await account(connection, id: id) else { break }
            return OpenedWrite(number: number, importedTier: tier, person: person, now: now)
        }
        throw try await unknownAccount(id, connection)
    }

    /// The account's number and imported tier, if it exists.
    static func account(_ connection: PostgresConnection, id: String) async throws -> (Int32, Tier)? {
        for try await (number, tier) in try await connection.query(
            "SELECT number, imported_tier FROM abmboard.account WHERE account_id = \(id)", logger: Self.logger
        ).decode((Int32, Int16).self) {
            return (number, Tier(rawValue: Int(tier)) ?? .three)
        }
        return nil
    }

    /// One account's records in recording order.
    static func history(_ connection: PostgresConnection, account number: Int32, id: String) async throws
        -> [HistoryRecord]
    {
        try await histories(connection, accounts: [number: id])[number] ?? []
    }

    /// The history of each of `accounts` (number → account id), in one query: an account
    /// without records is left out.
    static func histories(_ connection: PostgresConnection, accounts: [Int32: String]) async throws
        -> [Int32: [HistoryRecord]]
    {
        var histories: [Int32: [HistoryRecord]] = [:]
        guard !accounts.isEmpty else { return histories }
        for try await (account, at, by, event, tier, note) in try await connection.query(
            """
            SELECT account, at, by, event, tier, note FROM abmboard.history
            WHERE account = ANY(\(accounts.keys.sorted())) ORDER BY seq
            """, logger: Self.logger
        ).decode((Int32, Int64, String, String, Int16?, String?).self) {
            guard let id = accounts[account],
                let decoded = HistoryCoding.event(event, tier: tier.map(Int.init), note: note)
            else { continue }
            histories[account, default: []].append(
                HistoryRecord(accountId: id, at: Instant(seconds: at), by: by, event: decoded))
        }
        return histories
    }

    /// Appends a record through the database's `append_record`; returns the person recorded.
    static func append(
        _ connection: PostgresConnection, account: Int32, at time: Instant, event: HistoryEvent, before: Tier?,
        after: Tier?, claimedBy: String?
    ) async throws -> String {
        let columns = HistoryCoding.columns(event)
        let tier = columns.tier.map(Int16.init)
        let tierBefore = before.map { Int16($0.rawValue) }
        let tierAfter = after.map { Int16($0.rawValue) }
        for try await (_, person) in try await connection.query(
            """
            SELECT seq, person FROM abmboard.append_record(
                \(account), \(time.seconds), \(columns.event), \(tier), \(columns.note), \(tierBefore), \(tierAfter),
                \(claimedBy))
            """, logger: Self.logger
        ).decode((Int64, String).self) {
            return person
        }
        throw StoreError.database("append_record gave no row")
    }

    /// The term numbers of `texts`, adding those the store lacks.
    static func termNumbers(_ connection: PostgresConnection, _ texts: [String]) async throws -> [Int32] {
        guard !texts.isEmpty else { return [] }
        for try await numbers in try await connection.query(
            "SELECT abmboard.term_numbers(\(texts))", logger: Self.logger
        ).decode([Int32].self) {
            guard numbers.count == texts.count else { break }
            return numbers
        }
        throw StoreError.database("term_numbers gave the wrong number of terms")
    }

    /// One account's stored touches, in block order.
    static func storedTouches(_ connection: PostgresConnection, account: Int32) async throws -> [StoredTouch] {
        for try await data in try await connection.query(
            "SELECT data FROM abmboard.touch_block WHERE account = \(account)", logger: Self.logger
        ).decode(ByteBuffer.self) {
            guard let touches = data.withUnsafeReadableBytes({ TouchBlock.decode($0) }) else {
                throw StoreError.database("the touch block of account number \(account) is damaged")
            }
            return touches
        }
        return []
    }

    /// Refuses an import unless the member is a manager (the database refuses its writes too;
    /// this says so before any work, in the board's words).
    static func requireManager(_ connection: PostgresConnection, what: String) async throws {
        for try await (person, role) in try await connection.query(
            "SELECT person, role FROM abmboard.me()", logger: Self.logger
        ).decode((String, String).self) where role != "manager" {
            throw StoreError.notPermitted("\(person) (\(role)) may not import \(what): imports are for managers")
        }
    }
}
