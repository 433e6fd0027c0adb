import ABMCore
import Foundation

/// `board --json` (SPEC §5): `{"as_of": TIME, "accounts": [ROW, …]}` in board order.
enum BoardJSON {
    /// The document; rows one per line so that it stays readable and diffable.
    /// Rows are rendered in chunks on every core, then joined in order.
    static func render(_ rows: [AccountEvaluation], programme: Programme, asOf: Instant) -> [UInt8] {
        let chunkCount = rows.count < 2_000 ? 1 : 8
        let chunkSize = (rows.count + chunkCount - 1) / max(chunkCount, 1)
        let parts = ChunkResults(count: chunkCount)
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            var out = JSONText()
            let start = chunk * chunkSize
            for index in start..<min(start + chunkSize, rows.count) {
                out.raw(index == 0 ? "\n  " : ",\n  ")
                out.write(value(rows[index], programme: programme))
            }
            parts.set(chunk, out.bytes)
        }
        var out = JSONText()
        out.raw("{\"as_of\": \"\(asOf.iso8601)\", \"accounts\": [")
        var bytes = out.bytes
        for part in parts.values { bytes.append(contentsOf: part) }
        bytes.append(contentsOf: (rows.isEmpty ? "]}\n" : "\n]}\n").utf8)
        return bytes
    }

    /// One row's JSON value.
    static func value(_ row: AccountEvaluation, programme: Programme) -> JSONText.Value {
        let account = programme.accounts[row.account]
        let lastTouch: JSONText.Value =
            row.lastTouch.map {
                .object([
                    ("at", .string($0.at.iso8601)), ("channel", .string($0.channel.rawValue)),
                    ("direction", .string($0.direction.rawValue)),
                ])
            } ?? .null
        let decision: JSONText.Value =
            row.decision.map {
                .object([
                    ("mark", .string($0.action.rawValue)), ("by", .string($0.by)), ("at", .string($0.at.iso8601)),
                    ("note", .optional($0.note)),
                ])
            } ?? .null
        let roles = row.rolesCovered.sortedRoles.map(\.rawValue).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        return .object([
            ("account_id", .string(account.id)), ("name", .string(account.name)),
            ("tier", row.tier.map { .int($0.rawValue) } ?? .null), ("owner", .optional(account.owner)),
            ("demand_state", .string(row.state.rawValue)), ("engagement_score", .int(row.engagementScore)),
            ("surging", .bool(row.surging)), ("surging_topics", .array(row.surgingTopics.map { .string($0.topic) })),
            ("last_touch", lastTouch), ("stakeholders_30d", .int(row.stakeholders30d)),
            ("active_contacts", .int(row.activeContacts)), ("roles_covered", .array(roles.map(JSONText.Value.string))),
            (
                "sla",
                .object([
                    ("status", .string(row.sla.status.rawValue)),
                    ("due_at", row.sla.status == .none ? .null : .time(row.sla.dueAt)),
                ])
            ),
            ("recommendation", .string(row.recommendation.rawValue)),
            ("recommendation_reason", .string(row.reason.text)), ("decision", decision),
        ])
    }
}

/// Results of parallel work, one slot per chunk, guarded by a lock.
final class ChunkResults: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [[UInt8]]

    init(count: Int) { slots = Array(repeating: [], count: count) }

    func set(_ index: Int, _ value: [UInt8]) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    var values: [[UInt8]] {
        lock.lock()
        defer { lock.unlock() }
        return slots
    }
}
