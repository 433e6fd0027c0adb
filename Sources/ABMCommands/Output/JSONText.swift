import ABMCore

/// Writes JSON text with keys in the order given (SPEC §5 shows its shapes in that order).
///
/// Two ways in: a `Value` tree for small documents, or the streaming calls (`open`, `key`,
/// `string`, `int`, `close`…) that the 50,000-row board uses to write bytes without building
/// anything first. Separators (`, `) are written for you.
struct JSONText {
    /// The UTF-8 bytes written so far.
    private(set) var bytes: [UInt8] = []
    /// Whether the next member or element needs a separator first.
    private var needsComma = false

    /// The text written so far.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Appends raw JSON text (punctuation, whitespace); separators are left to the caller, so
    /// the next value is written without one.
    mutating func raw(_ text: String) {
        bytes.append(contentsOf: text.utf8)
        needsComma = false
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
        /// JSON text already written (by the streaming calls).
        case written([UInt8])

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
        case .string(let string): self.string(string)
        case .int(let int): self.int(int)
        case .double(let double): self.double(double)
        case .bool(let bool): self.bool(bool)
        case .null: null()
        case .written(let text):
            separate()
            bytes.append(contentsOf: text)
            needsComma = true
        case .array(let values):
            open("[")
            for element in values { write(element) }
            close("]")
        case .object(let members):
            open("{")
            for (name, element) in members {
                key(name)
                write(element)
            }
            close("}")
        }
    }

    // MARK: Streaming

    /// Starts an object (`{`) or an array (`[`).
    mutating func open(_ bracket: Unicode.Scalar) {
        separate()
        bytes.append(UInt8(ascii: bracket))
        needsComma = false
    }

    /// Ends the object (`}`) or array (`]`) opened last.
    mutating func close(_ bracket: Unicode.Scalar) {
        bytes.append(UInt8(ascii: bracket))
        needsComma = true
    }

    /// Writes a member's name; its value comes next.
    mutating func key(_ name: String) {
        separate()
        writeQuoted(name)
        bytes.append(UInt8(ascii: ":"))
        bytes.append(UInt8(ascii: " "))
        needsComma = false
    }

    /// Writes a string value.
    mutating func string(_ value: String) {
        separate()
        writeQuoted(value)
        needsComma = true
    }

    /// Writes a string value, or null.
    mutating func optional(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    /// Writes a time as an ISO 8601 UTC string, or null.
    mutating func time(_ value: Instant?) {
        guard let value else { return null() }
        separate()
        bytes.append(UInt8(ascii: "\""))
        value.appendISO8601(to: &bytes)
        bytes.append(UInt8(ascii: "\""))
        needsComma = true
    }

    /// Writes an integer.
    mutating func int(_ value: Int) {
        separate()
        bytes.append(contentsOf: String(value).utf8)
        needsComma = true
    }

    /// Writes a number: whole values without a fraction, non-finite ones as null.
    mutating func double(_ value: Double) {
        guard value.isFinite else { return null() }
        if value == value.rounded() && abs(value) < 1e15 { return int(Int(value)) }
        separate()
        bytes.append(contentsOf: "\(value)".utf8)
        needsComma = true
    }

    /// Writes `true` or `false`.
    mutating func bool(_ value: Bool) {
        separate()
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
        needsComma = true
    }

    /// Writes `null`.
    mutating func null() {
        separate()
        bytes.append(contentsOf: "null".utf8)
        needsComma = true
    }

    private mutating func separate() {
        if needsComma {
            bytes.append(UInt8(ascii: ","))
            bytes.append(UInt8(ascii: " "))
        }
    }

    /// A quoted, escaped string: quote, backslash and control characters (C1 included) escaped.
    private mutating func writeQuoted(_ string: String) {
        bytes.append(UInt8(ascii: "\""))
        var copy = string
        let plain = copy.withUTF8 { utf8 in
            for byte in utf8 where byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F || byte == 0xC2 {
                return false
            }
            bytes.append(contentsOf: utf8)
            return true
        }
        if !plain { writeEscaped(string) }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func writeEscaped(_ string: String) {
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
        bytes.append(contentsOf: text.utf8)
    }

    /// The text of one value.
    static func render(_ value: Value) -> String {
        var writer = JSONText()
        writer.write(value)
        return writer.text
    }
}
