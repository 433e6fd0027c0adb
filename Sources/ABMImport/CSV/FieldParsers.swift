import ABMCore

/// Parsers for the typed values of SPEC §1, from a field's trimmed UTF-8 bytes.
public enum FieldParsers {
    /// A decimal integer with an optional sign.
    public static func integer(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0
        var negative = false
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            index = 1
        }
        guard index < bytes.count, bytes.count - index <= 18 else { return nil }
        var value = 0
        while index < bytes.count {
            let digit = Int(bytes[index]) - 48
            guard (0...9).contains(digit) else { return nil }
            value = value * 10 + digit
            index += 1
        }
        return negative ? -value : value
    }

    /// An integer between 0 and 100 (scores).
    public static func score(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let value = integer(bytes), (0...100).contains(value) else { return nil }
        return value
    }

    /// A finite decimal number (amounts, revenue).
    public static func number(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        guard let value = Double(String(decoding: bytes, as: UTF8.self)), value.isFinite else { return nil }
        return value
    }

    /// `true`/`false` (also `yes`/`no`, `1`/`0`, any case).
    public static func boolean(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        switch word(bytes) {
        case "true", "yes", "1", "t", "y": return true
        case "false", "no", "0", "f", "n": return false
        default: return nil
        }
    }

    /// An ISO 8601 time or bare date (00:00:00 UTC), within the range the programme stores.
    public static func time(_ bytes: UnsafeBufferPointer<UInt8>) -> Instant? {
        guard let instant = Instant.parseISO8601(bytes: bytes), CompactTime.encode(instant) != nil else {
            return nil
        }
        return instant
    }

    /// A vocabulary word (enums), matched without regard to case.
    public static func value<T: RawRepresentable>(_ bytes: UnsafeBufferPointer<UInt8>, as _: T.Type) -> T?
    where T.RawValue == String {
        T(rawValue: word(bytes))
    }

    /// The bytes as a lower-case string.
    static func word(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self).lowercased()
    }

    /// What a time column expects, for messages.
    public static let timeExpected = "an ISO 8601 time such as 2026-11-03T14:05:00Z or a date such as 2026-11-03"

    /// "a, b or c" from a vocabulary.
    public static func choices<T: CaseIterable & RawRepresentable>(_: T.Type) -> String where T.RawValue == String {
        let words = T.allCases.map(\.rawValue)
        guard words.count > 1, let last = words.last else { return words.first ?? "" }
        return "one of " + words.dropLast().joined(separator: ", ") + " or " + last
    }
}
