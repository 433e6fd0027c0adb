/// Where a big file can be read in two halves at once: the start of the line after the first
/// line feed at or past the middle of the data. It is a guess: a quoted value can hold line breaks, so the
/// reader of the first half checks that a record really ends there before the halves are joined.
public struct CSVSplit: Sendable, Equatable {
    /// The offset of the line's first byte.
    public var offset: Int
    /// The line's number (1-based, as `CSVReader` counts lines).
    public var line: Int

    /// Files smaller than this are read in one go: two threads would not save their cost.
    public static let minimumBytes = 8 << 20

    /// The split of `bytes` whose data starts at `start` (after the header), or `nil` when the
    /// file is small or has no line break past the middle.
    public static func find(in bytes: UnsafeBufferPointer<UInt8>, dataStart start: Int) -> CSVSplit? {
        guard bytes.count - start >= minimumBytes else { return nil }
        var index = start + (bytes.count - start) / 2
        while index < bytes.count && bytes[index] != UInt8(ascii: "\n") { index += 1 }
        index += 1
        guard index < bytes.count else { return nil }
        return CSVSplit(offset: index, line: 1 + newlines(in: UnsafeBufferPointer(rebasing: bytes[0..<index])))
    }

    /// How many line feeds `bytes` holds, eight bytes at a time.
    static func newlines(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        let count = bytes.count
        var total = 0
        var index = 0
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        while index + 8 <= count {
            // A byte of `word` is zero where the input byte is a line feed; the high bit of each
            // byte of `found` is set exactly for the zero bytes.
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) ^ 0x0A0A_0A0A_0A0A_0A0A
            let found = ~(((word & low) &+ low) | word | low)
            total += found.nonzeroBitCount
            index += 8
        }
        while index < count {
            if bytes[index] == UInt8(ascii: "\n") { total += 1 }
            index += 1
        }
        return total
    }
}
