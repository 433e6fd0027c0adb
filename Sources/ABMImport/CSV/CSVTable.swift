import ABMCore

/// The columns an import file kind needs and may have (SPEC §1), found by header name in any
/// order, case-insensitively; other columns are ignored.
public struct ColumnSpec: Sendable {
    /// Columns that must be in the header, in the order validators refer to them.
    public var required: [String]
    /// Columns that may be in the header, numbered after the required ones.
    public var optional: [String]

    /// A spec from its column names.
    public init(required: [String], optional: [String]) {
        self.required = required
        self.optional = optional
    }

    /// All names, required first: a column's number is its position here.
    var all: [String] { required + optional }
}

/// Reads a CSV import file row by row with its header resolved against a `ColumnSpec`,
/// collecting problems in SPEC §1's form. A file that is not UTF-8, has no header or lacks a
/// required column yields only that problem.
public struct CSVTable {
    /// The file name used in messages.
    public let file: String
    private var reader: CSVReader
    private let bytes: UnsafeBufferPointer<UInt8>
    private let spec: ColumnSpec
    /// For each column of the spec, its field number in the file, or −1 when absent.
    private var positions: [Int] = []
    private var headerCount = 0
    private var fields: [CSVField] = []

    /// Opens `bytes` (the whole file) as the table `file`; returns `nil` after recording the
    /// problem when the file is not UTF-8, is empty or misses a required column.
    public init?(file: String, bytes: UnsafeBufferPointer<UInt8>, spec: ColumnSpec, problems: inout ImportProblems) {
        self.file = file
        self.bytes = bytes
        self.spec = spec
        reader = CSVReader(bytes: bytes)
        if let bad = UTF8Check.firstInvalidOffset(in: bytes) {
            problems.append(
                ImportProblem(
                    file: file, line: UTF8Check.line(ofOffset: bad, in: bytes), column: nil,
                    expected: "UTF-8 text (save the file as UTF-8)",
                    found: "the byte 0x\(String(bytes[bad], radix: 16, uppercase: true))", foundIsValue: false))
            return nil
        }
        let header: Int?
        do {
            header = try reader.next(into: &fields)
        } catch {
            problems.append(
                ImportProblem(
                    file: file, line: error.line, column: nil, expected: error.expected, found: error.found,
                    foundIsValue: error.foundIsValue))
            return nil
        }
        guard header != nil else {
            problems.append(
                ImportProblem(
                    file: file, line: 1, column: nil,
                    expected: "a header row naming the columns (\(spec.required.joined(separator: ", ")))",
                    found: "an empty file", foundIsValue: false))
            return nil
        }
        var byName: [String: Int] = [:]
        for (number, field) in fields.enumerated() {
            let name = reader.string(field).trimmingASCIISpaces().lowercased()
            if byName[name] == nil { byName[name] = number }
        }
        headerCount = fields.count
        positions = spec.all.map { byName[$0] ?? -1 }
        let found = fields.map { reader.string($0) }.joined(separator: ", ")
        var complete = true
        for (number, name) in spec.required.enumerated() where positions[number] < 0 {
            complete = false
            problems.append(
                ImportProblem(
                    file: file, line: 1, column: name, expected: "a column named \"\(name)\" in the header",
                    found: "the columns \(found)", foundIsValue: false))
        }
        if !complete { return nil }
    }

    /// Why `forEachRow` returned.
    public enum Stop: Sendable, Equatable {
        /// The file is read to its end.
        case end
        /// A syntax error ended the reading (it is recorded).
        case syntaxError
        /// A record ended at or past the offset given (`offset` says where).
        case reached
    }

    /// The offset of the next byte to read.
    public var offset: Int { reader.offset }

    /// This table (its header and columns) read from `offset` on, which must be the start of
    /// physical line `line`.
    public func resumed(at offset: Int, line: Int) -> CSVTable {
        var copy = self
        copy.reader = CSVReader(bytes: bytes, from: offset, line: line)
        return copy
    }

    /// Calls `body` with each data row, in file order; stops early on a syntax error (recorded),
    /// or after the record that ends at or past offset `limit`. Calling it again goes on from
    /// where it stopped.
    @discardableResult
    public mutating func forEachRow(
        problems: inout ImportProblems, until limit: Int = .max, _ body: (ImportRow, inout ImportProblems) -> Void
    ) -> Stop {
        while true {
            let line: Int?
            do {
                line = try reader.next(into: &fields)
            } catch {
                problems.append(
                    ImportProblem(
                        file: file, line: error.line, column: nil, expected: error.expected, found: error.found,
                        foundIsValue: error.foundIsValue))
                return .syntaxError
            }
            guard let line else { return .end }
            if fields.count > headerCount {
                problems.append(
                    ImportProblem(
                        file: file, line: line, column: nil,
                        expected: "at most \(headerCount) fields, as many as the header names",
                        found: "\(fields.count) (quote values that contain commas)", foundIsValue: false))
            } else {
                body(ImportRow(table: self, line: line), &problems)
            }
            if reader.offset >= limit { return .reached }
        }
    }

    /// How far the table has been read, from 0 to 1.
    public var fraction: Double { reader.fraction }

    /// The field of column `column` (spec number) in the current row, or `nil` if absent.
    fileprivate func field(_ column: Int) -> CSVField? {
        let position = positions[column]
        guard position >= 0, position < fields.count else { return nil }
        return fields[position]
    }

    fileprivate func name(_ column: Int) -> String { spec.all[column] }
    fileprivate func string(_ field: CSVField) -> String { reader.string(field) }
    fileprivate func rawBytes(_ field: CSVField) -> UnsafeBufferPointer<UInt8> { reader.bytes(field) }
}

/// One data row of a `CSVTable`, with typed accessors that record a problem for a bad value.
/// Columns are numbered as in the table's `ColumnSpec` (required first, then optional).
public struct ImportRow {
    fileprivate let table: CSVTable
    /// The row's first physical line.
    public let line: Int

    /// How far the file has been read after this row, from 0 to 1.
    public var fraction: Double { table.fraction }

    /// The value's text, or `nil` when the column is absent or the value empty.
    public func text(_ column: Int) -> String? {
        guard let field = table.field(column), !field.isEmpty else { return nil }
        return table.string(field)
    }

    /// An id the value refers to: its text without surrounding spaces, or `nil` when empty
    /// (one String made, straight from the trimmed bytes unless quotes need undoing).
    public func reference(_ column: Int) -> String? {
        guard let field = table.field(column) else { return nil }
        if field.hasEscapedQuotes {
            let text = table.string(field).trimmingASCIISpaces()
            return text.isEmpty ? nil : text
        }
        let value = trimmed(table.rawBytes(field))
        return value.isEmpty ? nil : String(decoding: value, as: UTF8.self)
    }

    /// Whether the column has a non-empty value.
    public func has(_ column: Int) -> Bool {
        guard let field = table.field(column) else { return false }
        return !trimmed(table.rawBytes(field)).isEmpty
    }

    /// The value's bytes with surrounding spaces trimmed (empty when absent). Only for values
    /// without quotes inside (numbers, times, words).
    public func bytes(_ column: Int) -> UnsafeBufferPointer<UInt8> {
        guard let field = table.field(column) else { return UnsafeBufferPointer(start: nil, count: 0) }
        return trimmed(table.rawBytes(field))
    }

    /// Records a problem with column `column`'s value.
    public func problem(_ column: Int, expected: String, problems: inout ImportProblems) {
        problems.append(
            ImportProblem(
                file: table.file, line: line, column: table.name(column), expected: expected, found: text(column) ?? "")
        )
    }

    /// Records a problem with the row as a whole (no one column), `found` being a description.
    public func problem(column: Int?, expected: String, found: String, problems: inout ImportProblems) {
        problems.append(
            ImportProblem(
                file: table.file, line: line, column: column.map(table.name), expected: expected, found: found,
                foundIsValue: false))
    }

    /// A required text value; records "expected a value" when empty.
    public func required(_ column: Int, _ what: String, problems: inout ImportProblems) -> String? {
        guard let value = text(column), has(column) else {
            problem(column, expected: what, problems: &problems)
            return nil
        }
        return value
    }

    /// A value parsed from its trimmed bytes by `parse`; `nil` (with a problem) when it fails,
    /// `.some(nil)` when empty and not required.
    public func parsed<T>(
        _ column: Int, required: Bool, expected: String, problems: inout ImportProblems,
        _ parse: (UnsafeBufferPointer<UInt8>) -> T?
    ) -> T?? {
        let value = bytes(column)
        if value.isEmpty {
            if required {
                problem(column, expected: expected, problems: &problems)
                return nil
            }
            return .some(nil)
        }
        guard let result = parse(value) else {
            problem(column, expected: expected, problems: &problems)
            return nil
        }
        return .some(result)
    }
}

/// The bytes without leading and trailing spaces and tabs.
func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
    var start = 0
    var end = bytes.count
    while start < end && (bytes[start] == 0x20 || bytes[start] == 0x09) { start += 1 }
    while end > start && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09) { end -= 1 }
    if start == 0 && end == bytes.count { return bytes }
    return UnsafeBufferPointer(rebasing: bytes[start..<end])
}

extension String {
    /// The string without leading and trailing ASCII spaces and tabs.
    func trimmingASCIISpaces() -> String {
        var copy = self
        return copy.withUTF8 { String(decoding: trimmed($0), as: UTF8.self) }
    }
}
