import ABMCore

/// The as-of of most tests: Friday 2026-11-20 12:00:00 UTC (review week 2026-W47).
public let asOf = at("2026-11-20T12:00:00Z")

/// An instant from ISO 8601 text (tests only: a malformed literal is a test bug).
public func at(_ text: String) -> Instant {
    guard let instant = Instant.parseISO8601(text) else { preconditionFailure("bad test time \(text)") }
    return instant
}

/// `base` (`asOf` unless told) minus a number of days (fractional allowed).
public func daysAgo(_ days: Double, from base: Instant = asOf) -> Instant {
    base.adding(seconds: -Int64((days * 86_400).rounded()))
}

/// `base` (`asOf` unless told) minus a number of hours.
public func hoursAgo(_ hours: Double, from base: Instant = asOf) -> Instant {
    base.adding(seconds: -Int64((hours * 3_600).rounded()))
}
