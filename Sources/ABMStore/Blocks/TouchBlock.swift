/// A touch as it is kept in its account's block: numbers for the contact (store number), the
/// topic and the logged-by name (term numbers), −1 when absent.
package struct StoredTouch: Hashable, Sendable {
    package var time: Int64
    package var kind: UInt8
    package var contact: Int32
    package var topic: Int32
    package var by: Int32
    package var id: String
    package var note: String?

    /// A touch as kept in a block.
    package init(time: Int64, kind: UInt8, contact: Int32, topic: Int32, by: Int32, id: String, note: String?) {
        self.time = time
        self.kind = kind
        self.contact = contact
        self.topic = topic
        self.by = by
        self.id = id
        self.note = note
    }

    /// Time, then id by code point: the order of a block and of the programme's columns.
    package static func precedes(_ a: StoredTouch, _ b: StoredTouch) -> Bool {
        a.time != b.time ? a.time < b.time : a.id.utf8.lexicographicallyPrecedes(b.id.utf8)
    }
}

/// The byte layout of an account's touches (`touch_block.data`), sorted by time then id so the
/// board loads them without sorting. Each touch, little-endian:
/// time Int64 · kind UInt8 · contact Int32 · topic Int32 · by Int32 · id length UInt8 · id ·
/// note length UInt32 (0: none) · note.
package enum TouchBlock {
    /// Bytes a touch takes besides its id and note.
    package static let fixedBytes = 8 + 1 + 4 + 4 + 4 + 1 + 4

    /// Appends one touch's bytes.
    package static func append(
        time: Int64, kind: UInt8, contact: Int32, topic: Int32, by: Int32, id: String, note: String?,
        to out: inout [UInt8]
    ) {
        out.appendLittleEndian(time)
        out.append(kind)
        out.appendLittleEndian(contact)
        out.appendLittleEndian(topic)
        out.appendLittleEndian(by)
        out.append(UInt8(truncatingIfNeeded: id.utf8.count))
        out.append(contentsOf: id.utf8)
        let noteBytes = note?.utf8.count ?? 0
        out.appendLittleEndian(UInt32(noteBytes))
        if let note { out.append(contentsOf: note.utf8) }
    }

    /// Encodes touches (already in block order).
    package static func encode(_ touches: [StoredTouch]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(touches.count * (fixedBytes + 10))
        for touch in touches {
            append(
                time: touch.time, kind: touch.kind, contact: touch.contact, topic: touch.topic, by: touch.by,
                id: touch.id, note: touch.note, to: &out)
        }
        return out
    }

    /// Calls `body` with each touch of a block, without copying ids or notes; returns the
    /// number of touches, or `nil` when the bytes are not a well-formed block.
    @discardableResult
    package static func forEach(
        in bytes: UnsafeRawBufferPointer,
        _ body: (
            _ time: Int64, _ kind: UInt8, _ contact: Int32, _ topic: Int32, _ by: Int32,
            _ id: UnsafeRawBufferPointer, _ note: UnsafeRawBufferPointer?
        ) -> Void
    ) -> Int? {
        var offset = 0
        var count = 0
        let size = bytes.count
        while offset < size {
            guard offset + fixedBytes <= size else { return nil }
            let time = bytes.loadUnaligned(fromByteOffset: offset, as: Int64.self).littleEndian
            let kind = bytes[offset + 8]
            let contact = bytes.loadUnaligned(fromByteOffset: offset + 9, as: Int32.self).littleEndian
            let topic = bytes.loadUnaligned(fromByteOffset: offset + 13, as: Int32.self).littleEndian
            let by = bytes.loadUnaligned(fromByteOffset: offset + 17, as: Int32.self).littleEndian
            let idLength = Int(bytes[offset + 21])
            let idStart = offset + 22
            guard idStart + idLength + 4 <= size else { return nil }
            let id = UnsafeRawBufferPointer(rebasing: bytes[idStart..<idStart + idLength])
            let noteLength = Int(bytes.loadUnaligned(fromByteOffset: idStart + idLength, as: UInt32.self).littleEndian)
            let noteStart = idStart + idLength + 4
            guard noteStart + noteLength <= size else { return nil }
            let note =
                noteLength > 0 ? UnsafeRawBufferPointer(rebasing: bytes[noteStart..<noteStart + noteLength]) : nil
            body(time, kind, contact, topic, by, id, note)
            offset = noteStart + noteLength
            count += 1
        }
        return count
    }

    /// Decodes a block into records (for merging an import into it).
    package static func decode(_ bytes: UnsafeRawBufferPointer) -> [StoredTouch]? {
        var touches: [StoredTouch] = []
        let ok = forEach(in: bytes) { time, kind, contact, topic, by, id, note in
            touches.append(
                StoredTouch(
                    time: time, kind: kind, contact: contact, topic: topic, by: by,
                    id: String(decoding: id, as: UTF8.self), note: note.map { String(decoding: $0, as: UTF8.self) }))
        }
        return ok == nil ? nil : touches
    }
}

/// An intent observation as kept in its account's block.
package struct StoredIntent: Hashable {
    package var time: Int64
    package var topic: Int32
    package var score: UInt8

    /// An intent record as kept in a block.
    package init(time: Int64, topic: Int32, score: UInt8) {
        self.time = time
        self.topic = topic
        self.score = score
    }
}

/// The byte layout of an account's intent (`intent_block.data`), sorted by time then topic:
/// time Int64 · topic Int32 · score UInt8 per record.
package enum IntentBlock {
    /// Bytes a record takes.
    package static let recordBytes = 13

    /// Encodes records (already in block order).
    package static func encode(_ records: [StoredIntent]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(records.count * recordBytes)
        for record in records {
            out.appendLittleEndian(record.time)
            out.appendLittleEndian(record.topic)
            out.append(record.score)
        }
        return out
    }

    /// Decodes a block; `nil` when malformed.
    package static func decode(_ bytes: UnsafeRawBufferPointer) -> [StoredIntent]? {
        guard bytes.count % recordBytes == 0 else { return nil }
        var records: [StoredIntent] = []
        records.reserveCapacity(bytes.count / recordBytes)
        var offset = 0
        while offset < bytes.count {
            records.append(
                StoredIntent(
                    time: bytes.loadUnaligned(fromByteOffset: offset, as: Int64.self).littleEndian,
                    topic: bytes.loadUnaligned(fromByteOffset: offset + 8, as: Int32.self).littleEndian,
                    score: bytes[offset + 12]))
            offset += recordBytes
        }
        return records
    }
}

extension Array where Element == UInt8 {
    /// Appends an integer's little-endian bytes.
    package mutating func appendLittleEndian<T: FixedWidthInteger>(_ value: T) {
        Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
    }
}
