/// A point in time, in whole seconds since 1970-01-01T00:00:00Z (UTC).
///
/// Every time in abmboard is an `Instant`: records, marks, as-of. Fractions of a second are
/// truncated when a time is parsed, so arithmetic stays exact and times print to the second.
public struct Instant: Hashable, Comparable, Sendable {
    /// Seconds since the Unix epoch; negative before 1970.
    public var seconds: Int64

    /// Creates an instant from seconds since the Unix epoch.
    public init(seconds: Int64) {
        self.seconds = seconds
    }

    /// Compares two instants in time order.
    public static func < (lhs: Instant, rhs: Instant) -> Bool {
        lhs.seconds < rhs.seconds
    }

    /// The instant `seconds` later (earlier when negative).
    public func adding(seconds delta: Int64) -> Instant {
        Instant(seconds: seconds + delta)
    }

    /// The instant `days` later, where a day is 86,400 seconds.
    public func adding(days: Int64) -> Instant {
        Instant(seconds: seconds + days * Instant.secondsPerDay)
    }

    /// The age of `self` seen from `asOf`, in fractional days (`(as_of − t)` of SPEC §2).
    public func age(asOf: Instant) -> Double {
        Double(asOf.seconds - seconds) / Double(Instant.secondsPerDay)
    }

    /// Seconds in one day.
    public static let secondsPerDay: Int64 = 86_400
    /// Seconds in one hour.
    public static let secondsPerHour: Int64 = 3_600
}
