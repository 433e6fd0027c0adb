/// One field of a CSV record: a byte range of the source (without its surrounding quotes).
public struct CSVField: Sendable, Hashable {
    /// The first byte of the value.
    public var start: Int
    /// One past the last byte of the value.
    public var end: Int
    /// The value was quoted and holds doubled quotes (`""`) that stand for one quote.
    public var hasEscapedQuotes: Bool

    /// Whether the value is empty.
    public var isEmpty: Bool { start == end }
}

/// A CSV syntax problem (RFC 4180) at a physical line of the file.
public struct CSVSyntaxError: Error, Sendable, Hashable {
    /// The physical line (1-based) where the problem is.
    public var line: Int
    /// What was expected there.
    public var expected: String
    /// What was found instead.
    public var found: String
    /// Whether `found` is text from the file (quoted in messages) or a description.
    public var foundIsValue: Bool
}

/// A byte-level RFC 4180 reader over a buffer that outlives it: commas, quoted fields with
/// doubled quotes and line breaks inside, LF or CRLF line ends, a leading BOM skipped, blank
/// lines skipped. It reports each record's first physical line, for error messages.
///
/// We measured the Swift CSV libraries first (see ARCHITECTURE.md): they parse 160–370 k rows/s
/// here, below the 500 k rows/s at which SQLite itself imports, so a 5 M-row import would wait on
/// the parser. This reader, which only finds field boundaries, does several million.
public struct CSVReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var position: Int
    /// The physical line (1-based) of the next byte to read.
    public private(set) var line = 1

    /// How far the reader has come, from 0 to 1 (for progress).
    public var fraction: Double { bytes.isEmpty ? 1 : Double(position) / Double(bytes.count) }

    /// A reader over `bytes`, skipping a UTF-8 byte order mark.
    public init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        let hasBOM = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        position = hasBOM ? 3 : 0
    }

    /// A reader over `bytes` from `offset` on, which must be the start of physical line `line`
    /// (for reading a part of a file; see `CSVSplit`).
    public init(bytes: UnsafeBufferPointer<UInt8>, from offset: Int, line: Int) {
        self.bytes = bytes
        position = min(max(offset, 0), bytes.count)
        self.line = line
    }

    /// The offset of the next byte to read.
    public var offset: Int { position }

    /// Reads the next record's fields into `fields` and returns the record's first line, or
    /// `nil` at the end of the input.
    /// - Throws: `CSVSyntaxError` for a quoted field that is not closed or text after a
    ///   closing quote.
    public mutating func next(into fields: inout [CSVField]) throws(CSVSyntaxError) -> Int? {
        skipBlankLines()
        guard position < bytes.count else { return nil }
        fields.removeAll(keepingCapacity: true)
        let recordLine = line
        while true {
            if position == bytes.count {
                fields.append(CSVField(start: position, end: position, hasEscapedQuotes: false))
                return recordLine
            }
            let done: Bool
            if bytes[position] == quote {
                done = try readQuoted(into: &fields)
            } else {
                done = readUnquoted(into: &fields)
            }
            if done { return recordLine }
        }
    }

    /// Reads an unquoted field and its delimiter; returns whether the record ended.
    private mutating func readUnquoted(into fields: inout [CSVField]) -> Bool {
        let start = position
        var index = position
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte == comma || byte == newline { break }
            index += 1
        }
        var end = index
        if end > start && bytes[end - 1] == carriageReturn && (index == count || bytes[index] == newline) {
            end -= 1
        }
        fields.append(CSVField(start: start, end: end, hasEscapedQuotes: false))
        if index == count {
            position = index
            return true
        }
        position = index + 1
        if bytes[index] == newline {
            line += 1
            return true
        }
        return false
    }

    /// Reads a quoted field and its delimiter; returns whether the record ended.
    private mutating func readQuoted(into fields: inout [CSVField]) throws(CSVSyntaxError) -> Bool {
        let openingLine = line
        var index = position + 1
        let start = index
        var escaped = false
        let count = bytes.count
        while true {
            guard index < count else {
                throw CSVSyntaxError(
                    line: openingLine, expected: "a closing quote (\") for the field opened on this line",
                    found: "the end of the file", foundIsValue: false)
            }
            let byte = bytes[index]
            if byte == quote {
                if index + 1 < count && bytes[index + 1] == quote {
                    escaped = true
                    index += 2
                    continue
                }
                break
            }
            if byte == newline { line += 1 }
            index += 1
        }
        fields.append(CSVField(start: start, end: index, hasEscapedQuotes: escaped))
        index += 1
        if index == count {
            position = index
            return true
        }
        switch bytes[index] {
        case comma:
            position = index + 1
            return false
        case newline:
            position = index + 1
            line += 1
            return true
        case carriageReturn where index + 1 < count && bytes[index + 1] == newline:
            position = index + 2
            line += 1
            return true
        default:
            var end = index
            while end < count && bytes[end] != comma && bytes[end] != newline && bytes[end] != carriageReturn {
                end += 1
            }
            throw CSVSyntaxError(
                line: line, expected: "a comma or the end of the line after a closing quote",
                found: String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self),
                foundIsValue: true)
        }
    }

    /// Skips empty lines (LF or CRLF) before a record.
    private mutating func skipBlankLines() {
        while position < bytes.count {
            if bytes[position] == newline {
                position += 1
                line += 1
            } else if bytes[position] == carriageReturn && position + 1 < bytes.count
                && bytes[position + 1] == newline
            {
                position += 2
                line += 1
            } else {
                return
            }
        }
    }

    /// The text of `field`, with doubled quotes undone.
    public func string(_ field: CSVField) -> String {
        let raw = UnsafeBufferPointer(rebasing: bytes[field.start..<field.end])
        guard field.hasEscapedQuotes else { return String(decoding: raw, as: UTF8.self) }
        // Inside a quoted field quotes come in pairs: keep the first of each pair.
        var unescaped: [UInt8] = []
        unescaped.reserveCapacity(raw.count)
        var index = 0
        while index < raw.count {
            unescaped.append(raw[index])
            index += raw[index] == quote ? 2 : 1
        }
        return String(decoding: unescaped, as: UTF8.self)
    }

    /// The raw bytes of `field` (doubled quotes left as they are).
    public func bytes(_ field: CSVField) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[field.start..<field.end])
    }
}

private let comma = UInt8(ascii: ",")
private let quote = UInt8(ascii: "\"")
private let newline = UInt8(ascii: "\n")
private let carriageReturn = UInt8(ascii: "\r")
