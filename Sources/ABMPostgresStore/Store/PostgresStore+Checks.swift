import ABMStore
import PostgresNIO

extension PostgresStore {
    /// The accounts changed after revision `since`, by id.
    public func accountsChanged(since: Int64) throws(StoreError) -> [String] {
        try read { connection in
            var ids: [String] = []
            for try await id in try await connection.query(
                """
                SELECT DISTINCT a.account_id COLLATE "C" FROM abmboard.changed_account c
                JOIN abmboard.account a ON a.number = c.account
                WHERE c.revision > \(since) ORDER BY 1
                """, logger: Self.logger
            ).decode(String.self) {
                ids.append(id)
            }
            return ids
        }
    }

    /// "ok" when the store's own bookkeeping agrees with itself (every touch id's account
    /// holds it in its block, the revision covers every noted change); else what disagrees.
    public func integrityCheck() throws(StoreError) -> String {
        try read { connection in
            var problems: [String] = []
            for try await (keys, touches) in try await connection.query(
                """
                SELECT (SELECT count(*) FROM abmboard.touch_key)::bigint,
                       (SELECT coalesce(sum(touches), 0) FROM abmboard.touch_block)::bigint
                """, logger: Self.logger
            ).decode((Int64, Int64).self) where keys != touches {
                problems.append("\(keys) touch ids but \(touches) touches in the blocks")
            }
            for try await (revision, noted) in try await connection.query(
                """
                SELECT (SELECT value FROM abmboard.meta WHERE key = 'revision'),
                       (SELECT coalesce(max(revision), 0) FROM abmboard.changed_account)::bigint
                """, logger: Self.logger
            ).decode((Int64, Int64).self) where noted > revision {
                problems.append("changes noted up to revision \(noted) past the revision \(revision)")
            }
            return problems.isEmpty ? "ok" : problems.joined(separator: "; ")
        }
    }
}
