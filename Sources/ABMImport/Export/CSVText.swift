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
    /// The text so far.
    public private(set) var text = ""

    /// Starts a file with its header row.
    public init(header: [String]) { row(header) }

    /// Appends a row; `nil` is an empty field.
    public mutating func row(_ fields: [String?]) {
        var first = true
        for field in fields {
            if !first { text.append(",") }
            first = false
            guard let field else { continue }
            if field.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) {
                text.append("\"")
                for scalar in field.unicodeScalars {
                    if scalar == "\"" { text.append("\"") }
                    text.unicodeScalars.append(scalar)
                }
                text.append("\"")
            } else {
                text.append(field)
            }
        }
        text.append("\n")
    }
}
