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
                write(rows[index], programme: programme, to: &out)
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

    /// One row's JSON, for documents built as a value tree (`explain --json`).
    static func value(_ row: AccountEvaluation, programme: Programme) -> JSONText.Value {
        var out = JSONText()
        write(row, programme: programme, to: &out)
        return .written(out.bytes)
    }

    /// Writes one row.
    static func write(_ row: AccountEvaluation, programme: Programme, to out: inout JSONText) {
        let account = programme.accounts[row.account]
        out.open("{")
        out.key("account_id")
        out.string(account.id)
        out.key("name")
        out.string(account.name)
        out.key("tier")
        if let tier = row.tier { out.int(tier.rawValue) } else { out.null() }
        out.key("owner")
        out.optional(account.owner)
        out.key("demand_state")
        out.string(row.state.rawValue)
        out.key("engagement_score")
        out.int(row.engagementScore)
        out.key("surging")
        out.bool(row.surging)
        out.key("surging_topics")
        out.open("[")
        for topic in row.surgingTopics { out.string(topic.topic) }
        out.close("]")
        out.key("last_touch")
        if let last = row.lastTouch {
            out.open("{")
            out.key("at")
            out.time(last.at)
            out.key("channel")
            out.string(last.channel.rawValue)
            out.key("direction")
            out.string(last.direction.rawValue)
            out.close("}")
        } else {
            out.null()
        }
        out.key("stakeholders_30d")
        out.int(row.stakeholders30d)
        out.key("active_contacts")
        out.int(row.activeContacts)
        out.key("roles_covered")
        out.open("[")
        for role in row.roleNames { out.string(role) }
        out.close("]")
        out.key("sla")
        out.open("{")
        out.key("status")
        out.string(row.sla.status.rawValue)
        out.key("due_at")
        out.time(row.slaDueAt)
        out.close("}")
        out.key("recommendation")
        out.string(row.recommendation.rawValue)
        out.key("recommendation_reason")
        out.string(row.reason.text)
        out.key("decision")
        if let decision = row.decision {
            out.open("{")
            out.key("mark")
            out.string(decision.action.rawValue)
            out.key("by")
            out.string(decision.by)
            out.key("at")
            out.time(decision.at)
            out.key("note")
            out.optional(decision.note)
            out.close("}")
        } else {
            out.null()
        }
        out.close("}")
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
