import ABMCore

/// One cell of an export, typed, so that JSON keeps numbers as numbers and booleans as
/// booleans while CSV writes them as text.
///
/// In CSV: text as it is, integers in decimal, booleans as `true`/`false`, times as ISO 8601
/// UTC with a `Z`, lists joined by `;`, and `null` as an empty field.
public enum ExportValue: Sendable, Hashable {
    /// Text from the data or the engine.
    case text(String)
    /// A whole number.
    case int(Int)
    /// A yes/no fact.
    case bool(Bool)
    /// An instant, written to the second.
    case time(Instant)
    /// A list of texts (surging topics, buying roles).
    case list([String])
    /// Absent.
    case null

    /// Text, or `null` when absent.
    public static func optional(_ text: String?) -> ExportValue {
        text.map(ExportValue.text) ?? .null
    }

    /// A time, or `null` when absent.
    public static func optional(_ instant: Instant?) -> ExportValue {
        instant.map(ExportValue.time) ?? .null
    }

    /// A number, or `null` when absent.
    public static func optional(_ number: Int?) -> ExportValue {
        number.map(ExportValue.int) ?? .null
    }

    /// A tier's number, or `null` for an account removed from the programme.
    public static func tier(_ tier: Tier?) -> ExportValue {
        optional(tier?.rawValue)
    }

    /// The separator of a list's items in a CSV field (what CRMs take for multi-select values).
    public static let listSeparator = ";"

    /// The CSV field; `nil` (an empty field) for `null`.
    public var csvField: String? {
        switch self {
        case .text(let text): text
        case .int(let number): String(number)
        case .bool(let flag): flag ? "true" : "false"
        case .time(let instant): instant.iso8601
        case .list(let items): items.joined(separator: ExportValue.listSeparator)
        case .null: nil
        }
    }

    /// Whether a spreadsheet could run the CSV field as a formula: text (or a list) that starts
    /// with `=`, `+`, `-`, `@`, a tab or a carriage return. Numbers and times never do.
    public var looksLikeFormula: Bool {
        let first: Unicode.Scalar?
        switch self {
        case .text(let text): first = text.unicodeScalars.first
        case .list(let items): first = items.first?.unicodeScalars.first
        case .int, .bool, .time, .null: return false
        }
        guard let first else { return false }
        return ["=", "+", "-", "@", "\t", "\r"].contains(first)
    }
}
