/// Touches stored column by column: 13 bytes a touch plus its id (4 + its length).
///
/// Rows of one account are contiguous and sorted by time, then id, so the latest touch at or
/// before an instant is found by binary search and windows are contiguous row ranges.
public struct TouchColumns: Sendable {
    /// When each touch happened (`CompactTime`).
    public internal(set) var time: [Int32] = []
    /// Channel and direction packed: `channel.index << 1 | (outbound ? 1 : 0)`.
    public internal(set) var kind: [UInt8] = []
    /// The contact's index in the programme's contact table, −1 when none.
    public internal(set) var contact: [Int32] = []
    /// The touch's topic and who logged it, as a number in the programme's `TouchLabels`.
    public internal(set) var label: [Int32] = []
    /// The touch ids.
    public internal(set) var ids = StringArena()
    /// Notes, by row, for the few touches that have one.
    public internal(set) var notes: [Int32: String] = [:]

    /// Empty columns.
    public init() {}

    /// Empty columns with room for `count` touches whose ids take `idBytes` bytes in all.
    public init(reserving count: Int, idBytes: Int) {
        time.reserveCapacity(count)
        kind.reserveCapacity(count)
        contact.reserveCapacity(count)
        label.reserveCapacity(count)
        ids = StringArena(reservingStrings: count, bytes: idBytes)
    }

    /// Columns built elsewhere (a loader filling plain arrays); `nil` unless every column has
    /// one entry per touch and every note's row exists.
    public init?(
        time: [Int32], kind: [UInt8], contact: [Int32], label: [Int32], ids: StringArena, notes: [Int32: String]
    ) {
        let count = time.count
        guard kind.count == count, contact.count == count, label.count == count, ids.count == count,
            notes.keys.allSatisfy({ $0 >= 0 && Int($0) < count })
        else { return nil }
        self.time = time
        self.kind = kind
        self.contact = contact
        self.label = label
        self.ids = ids
        self.notes = notes.filter { !$0.value.isEmpty }
    }

    /// The number of touches.
    public var count: Int { time.count }

    /// Packs a channel and a direction into a `kind` byte.
    @inlinable
    public static func packKind(_ channel: Channel, _ direction: Direction) -> UInt8 {
        UInt8(channel.index << 1) | (direction == .outbound ? 1 : 0)
    }

    /// The channel of a `kind` byte.
    public static func channel(ofKind kind: UInt8) -> Channel {
        Channel(index: Int(kind >> 1)) ?? .web
    }

    /// The direction of a `kind` byte.
    public static func direction(ofKind kind: UInt8) -> Direction {
        kind & 1 == 1 ? .outbound : .inbound
    }

    /// Appends one touch.
    public mutating func append(
        time: Int32, kind: UInt8, contact: Int32, label: Int32, id: String, note: String?
    ) {
        if let note, !note.isEmpty { notes[Int32(self.time.count)] = note }
        self.time.append(time)
        self.kind.append(kind)
        self.contact.append(contact)
        self.label.append(label)
        ids.append(id)
    }

    /// Appends row `row` of `other`.
    public mutating func append(row: Int, of other: TouchColumns) {
        append(
            time: other.time[row], kind: other.kind[row], contact: other.contact[row],
            label: other.label[row], id: other.ids[row], note: other.notes[Int32(row)])
    }

    /// Replaces every row's contact and label through lookup tables: contact `c` becomes
    /// `contacts[c]` and label `l` becomes `labels[l]`; a number outside its table becomes −1
    /// (no contact) or 0 (the empty label). For loaders that number things their own way.
    public mutating func renumber(contacts: [Int32], labels: [Int32]) {
        contact.withUnsafeMutableBufferPointer { column in
            for row in column.indices {
                let old = Int(column[row])
                column[row] = old >= 0 && old < contacts.count ? contacts[old] : -1
            }
        }
        label.withUnsafeMutableBufferPointer { column in
            for row in column.indices {
                let old = Int(column[row])
                column[row] = old >= 0 && old < labels.count ? labels[old] : 0
            }
        }
    }

    /// Whether row `a` sorts before row `b`: by time, then by id (code points).
    public func rowPrecedes(_ a: Int, _ b: Int) -> Bool {
        if time[a] != time[b] { return time[a] < time[b] }
        return ids.lessThan(a, b)
    }

    /// New columns holding the rows at `order`, in that order.
    public func permuted(_ order: [Int]) -> TouchColumns {
        var result = TouchColumns()
        result.time = order.map { time[$0] }
        result.kind = order.map { kind[$0] }
        result.contact = order.map { contact[$0] }
        result.label = order.map { label[$0] }
        result.ids = ids.permuted(order)
        if !notes.isEmpty {
            for (newRow, oldRow) in order.enumerated() {
                if let note = notes[Int32(oldRow)] { result.notes[Int32(newRow)] = note }
            }
        }
        return result
    }

    /// The same touches in buffers of exactly the size they need.
    public func compacted() -> TouchColumns {
        var result = self
        result.time = time.compacted()
        result.kind = kind.compacted()
        result.contact = contact.compacted()
        result.label = label.compacted()
        result.ids = ids.compacted()
        return result
    }

    /// Bytes held, counting capacity (the notes dictionary is estimated).
    public var memoryFootprint: Int {
        time.capacity * 4 + kind.capacity + contact.capacity * 4 + label.capacity * 4
            + ids.memoryFootprint + notes.capacity * 24
            + notes.values.reduce(0) { $0 + ($1.utf8.count > 15 ? $1.utf8.count + 16 : 0) }
    }
}
