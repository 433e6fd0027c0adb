import ABMCore
import ABMImport
import ABMStore
import NIOCore
import PostgresNIO

extension PostgresStore {
    /// A touch block as a row of `touch_block`.
    typealias BlockRow = (account: Int32, touches: Int, idBytes: Int, data: [UInt8])

    /// Upserts touches: the ids and their accounts are copied into a staging table and merged
    /// into `touch_key` (new ids inserted, moved ones re-pointed); then every account the file
    /// touches gets its block rewritten (straight from the file for an account without
    /// touches, merged by id otherwise) and upserted (`writeBlocks`). Into a store with no
    /// touches yet (a programme's first import) the ids are copied straight into `touch_key`
    /// while the blocks are built.
    public func importTouches(_ rows: TouchRows, progress: (Int) -> Void) throws(StoreError) -> ImportSummary {
        let groups = TouchGroups(rows)
        progress(0)
        defer { progress(rows.count) }
        return try write { connection in
            try await Self.requireManager(connection, what: "touches")
            // Others' logged touches wait for the import (readers do not), so what it reads of
            // the stored touches stays true until it commits.
            try await connection.query(
                "LOCK TABLE abmboard.touch_key, abmboard.touch_block IN SHARE ROW EXCLUSIVE MODE", logger: Self.logger)
            var summary = ImportSummary(kind: "touches", rows: rows.count, added: 0, updated: 0)
            let terms = try await Self.termNumbers(connection, rows.terms)
            let inFile = Set(groups.accounts.map(\.account))
            let blocks: [BlockRow]
            if try await Self.anyTouchStored(connection) {
                var isNew = [Bool](repeating: true, count: rows.count)
                let movedFrom = try await Self.mergeKeys(connection, rows: rows, isNew: &isNew)
                let stored = try await Self.storedBlocks(connection, inFile.union(movedFrom.keys))
                let built = Self.buildBlocks(
                    rows, groups: groups, terms: terms, stored: stored, isNew: isNew, movedFrom: movedFrom)
                blocks = built.blocks
                summary.added = isNew.lazy.filter { $0 }.count
                summary.updated = built.updated
            } else {
                // Every id is new (a file has no id twice) and none moves. The blocks are built
                // on another thread while the server stores the keys (on the store's own
                // executor: the cooperative pool's threads may all be callers waiting).
                let stored = try await Self.storedBlocks(connection, inFile)
                let building = Task(executorPreference: Blocking.executor) { [stored] in
                    Self.buildBlocks(
                        rows, groups: groups, terms: terms, stored: stored,
                        isNew: [Bool](repeating: true, count: rows.count), movedFrom: [:])
                }
                try await connection.copyRows(
                    into: Self.qualified("touch_key"), columns: ["touch_id", "account"], count: rows.count
                ) { index, text in
                    text.text(rows.ids[index])
                    text.int(rows.account[index])
                    text.endRow()
                }
                let built = await building.value
                blocks = built.blocks
                summary.added = rows.count
                summary.updated = built.updated
            }
            try await Self.writeBlocks(connection, blocks)
            try await Self.commitChange(connection, blocks.map(\.account))
            return summary
        }
    }

    /// Whether any touch is stored.
    private static func anyTouchStored(_ connection: PostgresConnection) async throws -> Bool {
        for try await stored in try await connection.query(
            "SELECT EXISTS (SELECT 1 FROM abmboard.touch_key)", logger: Self.logger
        ).decode(Bool.self) {
            return stored
        }
        return false
    }

    /// The stored touches of `accounts` that have a block.
    private static func storedBlocks(_ connection: PostgresConnection, _ accounts: Set<Int32>) async throws -> [Int32:
        [StoredTouch]]
    {
        var stored: [Int32: [StoredTouch]] = [:]
        for try await (account, data) in try await connection.query(
            "SELECT account, data FROM abmboard.touch_block WHERE account = ANY(\(accounts.sorted()))",
            logger: Self.logger
        ).decode((Int32, ByteBuffer).self) {
            guard let touches = data.withUnsafeReadableBytes({ TouchBlock.decode($0) }) else {
                throw StoreError.database("the touch block of account number \(account) is damaged")
            }
            stored[account] = touches
        }
        return stored
    }

    /// The blocks to write: each account of the file's, fresh or merged with its stored
    /// touches, and those of accounts touches moved away from; with how many stored touches
    /// the file changed.
    private static func buildBlocks(
        _ rows: TouchRows, groups: TouchGroups, terms: [Int32], stored: [Int32: [StoredTouch]], isNew: [Bool],
        movedFrom: [Int32: [String]]
    ) -> (blocks: [BlockRow], updated: Int) {
        var blocks: [BlockRow] = []
        var updated = 0
        var buffer: [UInt8] = []
        for group in groups.accounts {
            let account = group.account
            let indexes = groups.order[group.range]
            guard let existing = stored[account] else {
                let idBytes = TouchMerge.freshBlock(rows, indexes: indexes, terms: terms, into: &buffer)
                blocks.append((account, indexes.count, idBytes, buffer))
                updated += indexes.lazy.filter { !isNew[Int($0)] }.count
                continue
            }
            let merged = TouchMerge.merge(
                stored: existing, incoming: indexes.map { TouchMerge.incoming(rows, row: Int($0), terms: terms) },
                isNew: indexes.map { isNew[Int($0)] }, leaving: Set(movedFrom[account] ?? []))
            updated += merged.updated
            guard merged.changed else { continue }
            blocks.append(Self.block(account, merged.touches))
        }
        let inFile = Set(groups.accounts.map(\.account))
        for (account, leaving) in movedFrom.sorted(by: { $0.key < $1.key }) where !inFile.contains(account) {
            blocks.append(Self.block(account, TouchMerge.removing(Set(leaving), from: stored[account] ?? [])))
        }
        return (blocks, updated)
    }

    /// A block's row for the staging table.
    private static func block(_ account: Int32, _ touches: [StoredTouch]) -> BlockRow {
        (account, touches.count, touches.reduce(0) { $0 + $1.id.utf8.count }, TouchBlock.encode(touches))
    }

    /// Copies every id with its account into a staging table and merges it into `touch_key`;
    /// marks which rows were stored before and returns, per previous account, the ids that
    /// moved away from it.
    private static func mergeKeys(_ connection: PostgresConnection, rows: TouchRows, isNew: inout [Bool]) async throws
        -> [Int32: [String]]
    {
        try await connection.query(
            "CREATE TEMP TABLE touch_stage (touch_id text NOT NULL, account integer NOT NULL, line integer NOT NULL) ON COMMIT DROP",
            logger: Self.logger)
        try await connection.copyRows(
            into: "touch_stage", columns: ["touch_id", "account", "line"], count: rows.count
        ) { index, text in
            text.text(rows.ids[index])
            text.int(rows.account[index])
            text.int(index)
            text.endRow()
        }
        var movedFrom: [Int32: [String]] = [:]
        try await connection.query("ANALYZE touch_stage", logger: Self.logger)
        for try await (line, previous) in try await connection.query(
            "SELECT s.line, k.account FROM touch_stage s JOIN abmboard.touch_key k USING (touch_id)",
            logger: Self.logger
        ).decode((Int32, Int32).self) {
            let row = Int(line)
            guard row >= 0 && row < rows.count else { continue }
            isNew[row] = false
            if previous != rows.account[row] { movedFrom[previous, default: []].append(rows.ids[row]) }
        }
        try await connection.query(
            """
            INSERT INTO abmboard.touch_key (touch_id, account) SELECT touch_id, account FROM touch_stage
            ON CONFLICT (touch_id) DO UPDATE SET account = EXCLUDED.account
            WHERE touch_key.account <> EXCLUDED.account
            """, logger: Self.logger)
        return movedFrom
    }

    /// A table of the `abmboard` schema as `copyFrom` wants it (it puts the name in quotes as
    /// given, so the quotes between schema and table are ours).
    private static func qualified(_ table: String) -> String { "abmboard\".\"\(table)" }

    /// Inserts or replaces blocks, a few megabytes a statement, sent as binary parameters
    /// (`bytea[]`): a block is sent as it is, where COPY's text format doubles it in hex and the
    /// server decodes it back (at 5 M touches, 1.7 s -> 1.2 s).
    private static func writeBlocks(_ connection: PostgresConnection, _ blocks: [BlockRow]) async throws {
        var start = 0
        while start < blocks.count {
            var end = start
            var bytes = 0
            while end < blocks.count && (end == start || bytes + blocks[end].data.count <= blockBatchBytes) {
                bytes += blocks[end].data.count
                end += 1
            }
            let batch = blocks[start..<end]
            let data = batch.map { ByteBuffer(bytes: $0.data) }
            try await connection.query(
                """
                INSERT INTO abmboard.touch_block (account, touches, id_bytes, data)
                SELECT * FROM unnest(\(batch.map(\.account)), \(batch.map { Int32(clamping: $0.touches) }),
                    \(batch.map { Int32(clamping: $0.idBytes) }), \(data))
                ON CONFLICT (account) DO UPDATE
                SET touches = EXCLUDED.touches, id_bytes = EXCLUDED.id_bytes, data = EXCLUDED.data
                """, logger: Self.logger)
            start = end
        }
    }

    /// About how many bytes of blocks one statement of `writeBlocks` sends.
    private static let blockBatchBytes = 8 << 20
}
