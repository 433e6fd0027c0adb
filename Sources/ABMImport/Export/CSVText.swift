/// CSV text with RFC 4180 quoting (LF line ends): what `abmboard sample` and the exports write.
///
/// A field is quoted only when it holds a comma, a double quote, LF or CR; quotes inside are
/// doubled. A `nil` field is empty.
///
/// ```swift
/// var out = CSVText(header: ["account_id", "note"])
/// out.row(["A-1", "demo, then pricing"])   // A-1,"demo, then pricing"
/// ```
public struct CSVText {
    /// The UTF-8 bytes so far.
    public private(set) var bytes: [UInt8] = []

    /// The text so far.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Starts a file with its header row.
    public init(header: [String]) { row(header) }

    /// Appends a row; `nil` is an empty field.
    public mutating func row(_ fields: [String?]) {
        for (position, field) in fields.enumerated() {
            if position > 0 { bytes.append(UInt8(ascii: ",")) }
            if let field { CSVText.appendField(field, to: &bytes) }
        }
        bytes.append(UInt8(ascii: "\n"))
    }

    /// Appends one field to `out` (no separator), quoted when it needs to be.
    public static func appendField(_ field: String, to out: inout [UInt8]) {
        var field = field
        field.withUTF8 { utf8 in
            guard utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else {
                out.append(contentsOf: utf8)
                return
            }
            // A quote byte never occurs inside a multi-byte UTF-8 sequence, so doubling bytes is safe.
            out.append(0x22)
            for byte in utf8 {
                if byte == 0x22 { out.append(0x22) }
                out.append(byte)
            }
            out.append(0x22)
        }
    }
}
