/// How a bare date (`2026-11-03`, no time of day) is read.
public enum BareDateMeaning: Sendable {
    /// 00:00:00 UTC that day — how data files and the playbook read a bare date.
    case startOfDay
    /// 23:59:59 UTC that day — how `--as-of` reads a bare date (SPEC §2).
    case endOfDay
}

extension Instant {
    /// Parses an ISO 8601 time as SPEC §1 allows it.
    ///
    /// Accepted: `2026-11-03T14:05:00Z`, an offset instead of `Z` (`+02:00`, `+0200`, `+02`),
    /// fractional seconds (truncated), `14:05` without seconds, a space instead of `T`, no zone
    /// at all (read as UTC), and a bare date `2026-11-03` read as `bareDate` says.
    /// Returns `nil` for anything else, including impossible dates such as `2026-02-30`.
    ///
    /// ```swift
    /// Instant.parseISO8601("2026-11-03T14:05:00Z")            // 14:05:00 UTC
    /// Instant.parseISO8601("2026-11-03", bareDate: .endOfDay)  // 23:59:59 UTC
    /// ```
    public static func parseISO8601(_ text: String, bareDate: BareDateMeaning = .startOfDay)
        -> Instant?
    {
        var copy = text
        return copy.withUTF8 { parseISO8601(bytes: $0, bareDate: bareDate) }
    }

    /// Parses ISO 8601 from UTF-8 bytes; see `parseISO8601(_:bareDate:)`.
    public static func parseISO8601(
        bytes: UnsafeBufferPointer<UInt8>, bareDate: BareDateMeaning = .startOfDay
    ) -> Instant? {
        var reader = ByteReader(bytes: bytes)
        guard let year = reader.digits(4), reader.take(UInt8(ascii: "-")),
            let month = reader.digits(2), reader.take(UInt8(ascii: "-")),
            let day = reader.digits(2)
        else { return nil }
        let date = CivilDate(year: year, month: month, day: day)
        guard date.isValid else { return nil }
        if reader.atEnd {
            let base = Instant(date: date)
            return bareDate == .startOfDay ? base : base.adding(seconds: Instant.secondsPerDay - 1)
        }
        guard
            reader.take(UInt8(ascii: "T")) || reader.take(UInt8(ascii: "t"))
                || reader.take(UInt8(ascii: " "))
        else { return nil }
        guard let hour = reader.digits(2), hour <= 23, reader.take(UInt8(ascii: ":")),
            let minute = reader.digits(2), minute <= 59
        else { return nil }
        var second = 0
        if reader.take(UInt8(ascii: ":")) {
            guard let s = reader.digits(2), s <= 60 else { return nil }
            second = min(s, 59)  // a leap second is read as :59
            if reader.take(UInt8(ascii: ".")) || reader.take(UInt8(ascii: ",")) {
                guard reader.skipDigits() > 0 else { return nil }
            }
        }
        var offsetSeconds: Int64 = 0
        if reader.take(UInt8(ascii: "Z")) || reader.take(UInt8(ascii: "z")) {
            offsetSeconds = 0
        } else if let sign = reader.sign() {
            guard let oh = reader.digits(2), oh <= 23 else { return nil }
            var om = 0
            if reader.take(UInt8(ascii: ":")) {
                guard let m = reader.digits(2), m <= 59 else { return nil }
                om = m
            } else if let m = reader.digits(2) {
                guard m <= 59 else { return nil }
                om = m
            }
            offsetSeconds = sign * Int64(oh * 3600 + om * 60)
        }
        guard reader.atEnd else { return nil }
        let local = Instant(date: date, hour: hour, minute: minute, second: second)
        return local.adding(seconds: -offsetSeconds)
    }

    /// The instant as ISO 8601 UTC to the second, e.g. `2026-11-18T15:00:00Z`.
    public var iso8601: String {
        var out = [UInt8]()
        out.reserveCapacity(20)
        appendISO8601(to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `iso8601`'s UTF-8 bytes to `out` (for writers that build bytes, not strings).
    public func appendISO8601(to out: inout [UInt8]) {
        let date = civilDate
        let sod = secondOfDay
        appendPadded(&out, date.year, width: 4)
        out.append(UInt8(ascii: "-"))
        appendPadded(&out, date.month, width: 2)
        out.append(UInt8(ascii: "-"))
        appendPadded(&out, date.day, width: 2)
        out.append(UInt8(ascii: "T"))
        appendPadded(&out, Int(sod / 3600), width: 2)
        out.append(UInt8(ascii: ":"))
        appendPadded(&out, Int(sod / 60 % 60), width: 2)
        out.append(UInt8(ascii: ":"))
        appendPadded(&out, Int(sod % 60), width: 2)
        out.append(UInt8(ascii: "Z"))
    }

    /// `2026-11-16 15:17` (UTC, to the minute): how the card and the report show a time to people.
    public var isoMinute: String {
        let seconds = secondOfDay
        let hours = Int(seconds / 3_600)
        let minutes = Int(seconds / 60 % 60)
        return isoDate + " " + (hours < 10 ? "0" : "") + "\(hours):" + (minutes < 10 ? "0" : "") + "\(minutes)"
    }

    /// The UTC date as `YYYY-MM-DD`.
    public var isoDate: String {
        let date = civilDate
        var out = [UInt8]()
        appendPadded(&out, date.year, width: 4)
        out.append(UInt8(ascii: "-"))
        appendPadded(&out, date.month, width: 2)
        out.append(UInt8(ascii: "-"))
        appendPadded(&out, date.day, width: 2)
        return String(decoding: out, as: UTF8.self)
    }
}

extension Instant: CustomStringConvertible {
    /// The ISO 8601 UTC form.
    public var description: String { iso8601 }
}

/// Appends `value` in decimal, left-padded with zeros to `width` digits (a minus sign first).
private func appendPadded(_ out: inout [UInt8], _ value: Int, width: Int) {
    var v = value
    if v < 0 {
        out.append(UInt8(ascii: "-"))
        v = -v
    }
    var digits = [UInt8]()
    repeat {
        digits.append(UInt8(ascii: "0") + UInt8(v % 10))
        v /= 10
    } while v > 0
    if digits.count < width {
        out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: width - digits.count))
    }
    out.append(contentsOf: digits.reversed())
}

/// A cursor over ASCII bytes for the fixed-format parsers.
private struct ByteReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    var atEnd: Bool { index == bytes.count }

    /// Reads exactly `count` decimal digits.
    mutating func digits(_ count: Int) -> Int? {
        guard index + count <= bytes.count else { return nil }
        var value = 0
        for i in index..<(index + count) {
            let b = bytes[i]
            guard b >= 48 && b <= 57 else { return nil }
            value = value * 10 + Int(b - 48)
        }
        index += count
        return value
    }

    /// Skips decimal digits and returns how many there were.
    mutating func skipDigits() -> Int {
        let start = index
        while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 { index += 1 }
        return index - start
    }

    /// Consumes `byte` if it is next.
    mutating func take(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    /// Consumes a `+` or `-` and returns +1 or −1.
    mutating func sign() -> Int64? {
        if take(UInt8(ascii: "+")) { return 1 }
        if take(UInt8(ascii: "-")) { return -1 }
        return nil
    }
}
