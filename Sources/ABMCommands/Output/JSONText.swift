import ABMCore

/// Writes JSON text with keys in the order given (SPEC §5 shows its shapes in that order), fast
/// enough for a 50,000-row board.
struct JSONText {
    /// The UTF-8 bytes written so far.
    private(set) var bytes: [UInt8] = []

    /// The text written so far.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Appends raw JSON text (punctuation, numbers).
    mutating func raw(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

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
        case .int(let int): raw(String(int))
        case .double(let double):
            if double.isFinite {
                raw(double == double.rounded() && abs(double) < 1e15 ? String(Int64(double)) : "\(double)")
            } else {
                raw("null")
            }
        case .bool(let bool): raw(bool ? "true" : "false")
        case .null: raw("null")
        case .array(let values):
            bytes.append(UInt8(ascii: "["))
            for (index, element) in values.enumerated() {
                if index > 0 { raw(", ") }
                write(element)
            }
            bytes.append(UInt8(ascii: "]"))
        case .object(let members):
            bytes.append(UInt8(ascii: "{"))
            for (index, (key, element)) in members.enumerated() {
                if index > 0 { raw(", ") }
                writeString(key)
                raw(": ")
                write(element)
            }
            bytes.append(UInt8(ascii: "}"))
        }
    }

    private mutating func writeString(_ string: String) {
        bytes.append(UInt8(ascii: "\""))
        // Fast path: nothing to escape (no quote, backslash or control character, C1 included).
        let plain = string.utf8.allSatisfy { $0 >= 0x20 && $0 != 0x22 && $0 != 0x5C && $0 != 0x7F && $0 != 0xC2 }
        if plain {
            bytes.append(contentsOf: string.utf8)
            bytes.append(UInt8(ascii: "\""))
            return
        }
        var text = ""
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
        raw(text)
        bytes.append(UInt8(ascii: "\""))
    }

    /// The text of one value.
    static func render(_ value: Value) -> String {
        var writer = JSONText()
        writer.write(value)
        return writer.text
    }
}
