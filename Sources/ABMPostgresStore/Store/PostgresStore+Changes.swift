import ABMCore
import ABMStore
import NIOCore
import PostgresNIO

extension PostgresStore {
    /// What changed after revision `since`: the new records and logged touches, or `nil` when
    /// something else changed too (an import) and the programme must be loaded again. The same
    /// change feed as the SQLite store's (`change_kind`), read in one snapshot.
    public func changes(since: Int64) throws(StoreError) -> StoreChanges? {
        try read { connection in
            let revision = try await Self.revision(connection)
            // The records come in the same query (a board refreshing under many writers would
            // otherwise pay one round trip a record); logged touches, rarer, one by one.
            var kinds: [(seq: Int64?, touchId: String?, record: HistoryRecord?)] = []
            for try await (seq, touchId, at, by, event, tier, note, accountId) in try await connection.query(
                """
                SELECT c.history_seq, c.touch_id, h.at, h.by, h.event, h.tier, h.note, a.account_id
                FROM abmboard.change_kind c
                LEFT JOIN abmboard.history h ON h.seq = c.history_seq
                LEFT JOIN abmboard.account a ON a.number = h.account
                WHERE c.revision > \(since) ORDER BY c.revision
                """, logger: Self.logger
            ).decode((Int64?, String?, Int64?, String?, String?, Int16?, String?, String?).self) {
                var record: HistoryRecord?
                if let at, let by, let event, let accountId,
                    let decoded = HistoryCoding.event(event, tier: tier.map(Int.init), note: note)
                {
                    record = HistoryRecord(accountId: accountId, at: Instant(seconds: at), by: by, event: decoded)
                }
                kinds.append((seq, touchId, record))
            }
            guard Int64(kinds.count) == revision - since else { return nil }
            var changes = StoreChanges(revision: revision)
            for kind in kinds {
                if kind.seq != nil {
                    guard let record = kind.record else { return nil }
                    changes.records.append(record)
                } else if let touchId = kind.touchId {
                    guard let touch = try await Self.touch(connection, id: touchId) else { return nil }
                    changes.touches.append(touch)
                }
            }
            return changes
        }
    }

    private static func touch(_ connection: PostgresConnection, id: String) async throws -> Touch? {
        var found: (Int32, String)?
        for try await row in try await connection.query(
            """
            SELECT k.account, a.account_id FROM abmboard.touch_key k JOIN abmboard.account a ON a.number = k.account
            WHERE k.touch_id = \(id)
            """, logger: Self.logger
        ).decode((Int32, String).self) {
            found = row
        }
        guard let (account, accountId) = found else { return nil }
        guard let stored = try await storedTouches(connection, account: account).first(where: { $0.id == id }) else {
            return nil
        }
        func term(_ number: Int32) async throws -> String? {
            guard number >= 0 else { return nil }
            for try await text in try await connection.query(
                "SELECT text FROM abmboard.term WHERE number = \(number)", logger: Self.logger
            ).decode(String.self) {
                return text
            }
            return nil
        }
        var contact: String?
        if stored.contact >= 0 {
            for try await contactId in try await connection.query(
                "SELECT contact_id FROM abmboard.contact WHERE number = \(stored.contact)", logger: Self.logger
            ).decode(String.self) {
                contact = contactId
            }
        }
        return Touch(
            id: id, accountId: accountId, channel: TouchColumns.channel(ofKind: stored.kind),
            direction: TouchColumns.direction(ofKind: stored.kind), occurredAt: Instant(seconds: stored.time),
            contactId: contact, topic: try await term(stored.topic), by: try await term(stored.by), note: stored.note)
    }
}
