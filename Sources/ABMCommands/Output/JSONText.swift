import ABMCore

/// Writes JSON text with keys in the order given (SPEC §5 shows its shapes in that order), fast
/// enough for a 50,000-row board.
struct JSONText {
    private(set) var text = ""

    /// A JSON value.
    indirect enum Value {
        case string(String)
        case int(Int)
        case double(Double)
        case bool(Bool)
        case null
        case array([Value])
        case object([(String, Value)])

        /// A string or null.
        static func optional(_ value: String?) -> Value { value.map(Value.string) ?? .null }
        /// A time as ISO 8601 UTC, or null.
        static func time(_ value: Instant?) -> Value { value.map { .string($0.iso8601) } ?? .null }
        /// A ratio, or null.
        static func ratio(_ value: Double?) -> Value { value.map(Value.double) ?? .null }
    }

    /// Appends a value.
    mutating func write(_ value: Value) {
        switch value {
        case .string(let string): writeString(string)
        case .int(let int): text += String(int)
        case .double(let double):
            if double.isFinite {
                text += double == double.rounded() && abs(double) < 1e15 ? String(Int64(double)) : "\(double)"
            } else {
                text += "null"
            }
        case .bool(let bool): text += bool ? "true" : "false"
        case .null: text += "null"
        case .array(let values):
            text += "["
            for (index, element) in values.enumerated() {
                if index > 0 { text += ", " }
                write(element)
            }
            text += "]"
        case .object(let members):
            text += "{"
            for (index, (key, element)) in members.enumerated() {
                if index > 0 { text += ", " }
                writeString(key)
                text += ": "
                write(element)
            }
            text += "}"
        }
    }

    private mutating func writeString(_ string: String) {
        text += "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) {
                    let hex = String(scalar.value, radix: 16)
                    text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    text.unicodeScalars.append(scalar)
                }
            }
        }
        text += "\""
    }

    /// The text of one value.
    static func render(_ value: Value) -> String {
        var writer = JSONText()
        writer.write(value)
        return writer.text
    }
}
