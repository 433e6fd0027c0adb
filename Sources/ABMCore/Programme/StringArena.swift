/// Many strings packed into one byte buffer: the UTF-8 of each, plus 4 bytes of bookkeeping
/// per string — or none while every string has the same length (ids usually do).
///
/// Used for per-record texts (touch ids, contact names) where a `String` apiece would cost 16
/// bytes or more plus a heap allocation.
public struct StringArena: Sendable, Hashable {
    /// The UTF-8 bytes of every string, back to back.
    public private(set) var bytes: [UInt8] = []
    /// The end offset of each string in `bytes`; empty while the lengths are uniform.
    private var ends: [UInt32] = []
    /// The common length of every string so far, or −1 once lengths differ.
    private var uniformLength = -1
    /// The number of strings.
    public private(set) var count = 0

    /// An empty arena.
    public init() {}

    /// An empty arena with room for `count` strings of `byteCount` bytes in all.
    public init(reservingStrings count: Int, bytes byteCount: Int) {
        bytes.reserveCapacity(byteCount)
    }

    /// An arena over strings already laid out: `ends[i]` is where string `i` ends in `bytes`.
    /// `nil` when the ends decrease or the last one is not `bytes.count`.
    public init?(bytes: [UInt8], ends: [UInt32]) {
        var previous: UInt32 = 0
        var uniform = true
        let first = ends.first ?? 0
        for end in ends {
            guard end >= previous else { return nil }
            if end - previous != first { uniform = false }
            previous = end
        }
        guard Int(previous) == bytes.count else { return nil }
        self.bytes = bytes
        count = ends.count
        if uniform && !ends.isEmpty {
            uniformLength = Int(first)
        } else if !ends.isEmpty {
            self.ends = ends
        }
    }

    /// The string at `index`.
    public subscript(index: Int) -> String {
        let range = byteRange(index)
        return bytes.withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self)
        }
    }

    /// The byte range of the string at `index`.
    @inline(__always)
    public func byteRange(_ index: Int) -> Range<Int> {
        if uniformLength >= 0 { return (index * uniformLength)..<((index + 1) * uniformLength) }
        let start = index == 0 ? 0 : Int(ends[index - 1])
        return start..<Int(ends[index])
    }

    /// Appends a string.
    public mutating func append(_ string: String) {
        var copy = string
        copy.withUTF8 { append(bytes: $0) }
    }

    /// Appends a string given as UTF-8 bytes.
    public mutating func append(bytes utf8: UnsafeBufferPointer<UInt8>) {
        if count == 0 && ends.isEmpty {
            uniformLength = utf8.count
        } else if uniformLength >= 0 && utf8.count != uniformLength {
            ends = (1...count).map { UInt32($0 * uniformLength) }
            uniformLength = -1
        }
        bytes.append(contentsOf: utf8)
        if uniformLength < 0 { ends.append(UInt32(bytes.count)) }
        count += 1
    }

    /// Compares the strings at two indexes by their UTF-8 bytes (which is code-point order).
    public func lessThan(_ a: Int, _ b: Int) -> Bool {
        let ra = byteRange(a)
        let rb = byteRange(b)
        return bytes.withUnsafeBufferPointer { buffer in
            let n = min(ra.count, rb.count)
            for i in 0..<n {
                let x = buffer[ra.lowerBound + i]
                let y = buffer[rb.lowerBound + i]
                if x != y { return x < y }
            }
            return ra.count < rb.count
        }
    }

    /// Whether the string at `index` equals `string`.
    public func equals(_ index: Int, _ string: String) -> Bool {
        let range = byteRange(index)
        var copy = string
        return copy.withUTF8 { utf8 in
            guard utf8.count == range.count else { return false }
            return bytes.withUnsafeBufferPointer { buffer in
                for i in 0..<utf8.count where buffer[range.lowerBound + i] != utf8[i] {
                    return false
                }
                return true
            }
        }
    }

    /// A new arena holding the strings at `order`, in that order.
    public func permuted(_ order: [Int]) -> StringArena {
        var result = StringArena(reservingStrings: order.count, bytes: bytes.count)
        bytes.withUnsafeBufferPointer { buffer in
            for index in order {
                result.append(bytes: UnsafeBufferPointer(rebasing: buffer[byteRange(index)]))
            }
        }
        return result
    }

    /// The same strings in buffers of exactly the size they need.
    public func compacted() -> StringArena {
        var result = self
        result.bytes = bytes.compacted()
        result.ends = ends.compacted()
        return result
    }

    /// Bytes held, counting capacity.
    public var memoryFootprint: Int { bytes.capacity + ends.capacity * 4 }
}

extension Array {
    /// A copy whose capacity is its count (growth by doubling can leave up to half unused);
    /// the array itself when less than 1/32 is spare (an exact reservation, rounded up by
    /// the allocator), so large columns are not copied for nothing.
    public func compacted() -> [Element] {
        if capacity - count <= count / 32 { return self }
        return [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
            _ = buffer.initialize(from: self)
            initialized = count
        }
    }
}
