import ABMImport

/// Merging an import's touches into an account's block, the same way in every store: new ids
/// are added, changed ones replaced, ids that moved to another account dropped.
package enum TouchMerge {
    /// Row `row` of a file as a stored touch, its topic and person numbered by `terms` (the
    /// store's term number of each of `rows.terms`).
    package static func incoming(_ rows: TouchRows, row: Int, terms: [Int32]) -> StoredTouch {
        StoredTouch(
            time: rows.time[row], kind: rows.kind[row], contact: rows.contact[row],
            topic: rows.topic[row] < 0 ? -1 : terms[Int(rows.topic[row])],
            by: rows.by[row] < 0 ? -1 : terms[Int(rows.by[row])], id: rows.ids[row], note: rows.notes[row])
    }

    /// The block of an account without stored touches: the file's rows `indexes` (already in
    /// block order), and the bytes their ids take.
    package static func freshBlock(
        _ rows: TouchRows, indexes: ArraySlice<Int32>, terms: [Int32], into buffer: inout [UInt8]
    ) -> Int {
        buffer.removeAll(keepingCapacity: true)
        var idBytes = 0
        for row in indexes {
            let r = Int(row)
            idBytes += rows.ids[r].utf8.count
            TouchBlock.append(
                time: rows.time[r], kind: rows.kind[r], contact: rows.contact[r],
                topic: rows.topic[r] < 0 ? -1 : terms[Int(rows.topic[r])],
                by: rows.by[r] < 0 ? -1 : terms[Int(rows.by[r])], id: rows.ids[r], note: rows.notes[r],
                to: &buffer)
        }
        return idBytes
    }

    /// `stored` with `incoming` merged in by id and the ids `leaving` removed, in block order;
    /// `updated` counts incoming touches that changed a stored one (or came from another
    /// account: `isNew` is false for them), `changed` whether the block differs.
    package static func merge(
        stored: [StoredTouch], incoming: [StoredTouch], isNew: [Bool], leaving: Set<String>
    ) -> (touches: [StoredTouch], updated: Int, changed: Bool) {
        var touches = stored
        var position: [String: Int] = [:]
        for (offset, touch) in touches.enumerated() { position[touch.id] = offset }
        var updated = 0
        var changed = false
        for (index, touch) in incoming.enumerated() {
            if let offset = position[touch.id] {
                if touches[offset] != touch {
                    touches[offset] = touch
                    updated += 1
                    changed = true
                }
            } else {
                position[touch.id] = touches.count
                touches.append(touch)
                if !isNew[index] { updated += 1 }
                changed = true
            }
        }
        if !leaving.isEmpty {
            touches.removeAll { leaving.contains($0.id) }
            changed = true
        }
        if changed { touches.sort(by: StoredTouch.precedes) }
        return (touches, updated, changed)
    }

    /// An account's stored touches without the ids that left it.
    package static func removing(_ leaving: Set<String>, from stored: [StoredTouch]) -> [StoredTouch] {
        stored.filter { !leaving.contains($0.id) }
    }
}

/// Merging an import's intent rows into an account's block.
package enum IntentMerge {
    /// `stored` with the rows `indexes` merged in (a stored account, topic and time takes the
    /// new score), in block order; `added` and `updated` count the rows, `changed` whether the
    /// block differs. `topics` is the store's term number of each of `rows.topics`.
    package static func merge(
        stored: [StoredIntent], rows: IntentFile.Rows, indexes: [Int], topics: [Int32]
    ) -> (records: [StoredIntent], added: Int, updated: Int, changed: Bool) {
        var records = stored
        var position: [Int64: Int] = [:]
        for (offset, record) in records.enumerated() { position[key(record.time, record.topic)] = offset }
        var added = 0
        var updated = 0
        for row in indexes {
            let record = StoredIntent(time: rows.time[row], topic: topics[Int(rows.topic[row])], score: rows.score[row])
            let recordKey = key(record.time, record.topic)
            if let offset = position[recordKey] {
                if records[offset].score != record.score {
                    records[offset].score = record.score
                    updated += 1
                }
            } else {
                position[recordKey] = records.count
                records.append(record)
                added += 1
            }
        }
        let changed = added + updated > 0
        if changed { records.sort { ($0.time, $0.topic) < ($1.time, $1.topic) } }
        return (records, added, updated, changed)
    }

    /// A key for an intent record within its account: time and topic.
    private static func key(_ time: Int64, _ topic: Int32) -> Int64 {
        time &* 1_000_003 &+ Int64(topic)
    }
}
