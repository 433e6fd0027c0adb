/// A review week: the ISO week from Monday 00:00:00 UTC (inclusive) to the next Monday
/// 00:00:00 UTC (exclusive), SPEC §3.
public struct ReviewWeek: Hashable, Comparable, Sendable {
    /// Monday 00:00:00 UTC, the first instant of the week.
    public let start: Instant

    /// The review week that contains `instant`.
    public init(containing instant: Instant) {
        let days = instant.daysSinceEpoch
        // 1970-01-01 was a Thursday: (days + 3) mod 7 is 0 on Mondays.
        let sinceMonday = ((days + 3) % 7 + 7) % 7
        start = Instant(seconds: (days - sinceMonday) * Instant.secondsPerDay)
    }

    /// The first instant of the following week (exclusive end of this one).
    public var end: Instant { start.adding(days: 7) }

    /// Sunday 23:59:59 UTC, the instant a week's board is computed at (SPEC §7.6).
    public var lastSecond: Instant { end.adding(seconds: -1) }

    /// The instant the week is read at (SPEC §7.6: `[`, `report --week`, exports): its last
    /// second, but never later than `present`, so a week in progress is read as it stands;
    /// `nil` for a week that begins after `present`.
    public func asOf(present: Instant) -> Instant? {
        start <= present ? min(lastSecond, present) : nil
    }

    /// Whether `instant` falls inside this week.
    public func contains(_ instant: Instant) -> Bool {
        instant >= start && instant < end
    }

    /// The week `count` weeks later (earlier when negative).
    public func offset(by count: Int) -> ReviewWeek {
        ReviewWeek(containing: start.adding(days: 7 * Int64(count)))
    }

    /// The ISO 8601 week-numbering year and week number (1–53).
    public var isoYearAndWeek: (year: Int, week: Int) {
        // The week belongs to the year of its Thursday.
        let thursday = start.adding(days: 3).civilDate
        let jan1 = Instant(date: CivilDate(year: thursday.year, month: 1, day: 1))
        let dayOfYear = Int(start.adding(days: 3).daysSinceEpoch - jan1.daysSinceEpoch)
        return (thursday.year, dayOfYear / 7 + 1)
    }

    /// The week's label, e.g. `2026-W47` (the year in four digits, as ISO 8601 writes it and
    /// `init(label:)` reads it: `0026-W47`).
    public var label: String {
        let (year, week) = isoYearAndWeek
        let digits = String(abs(year))
        let paddedYear = (year < 0 ? "-" : "") + String(repeating: "0", count: max(4 - digits.count, 0)) + digits
        return week < 10 ? "\(paddedYear)-W0\(week)" : "\(paddedYear)-W\(week)"
    }

    /// Parses a label such as `2026-W47`; `nil` if it is malformed or the week does not exist.
    public init?(label: String) {
        let parts = label.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[1].first == "W" || parts[1].first == "w",
            let year = Int(parts[0]), parts[0].count == 4,
            let week = Int(parts[1].dropFirst()), (1...53).contains(week)
        else { return nil }
        // Week 1 is the week that contains 4 January.
        let jan4 = Instant(date: CivilDate(year: year, month: 1, day: 4))
        let candidate = ReviewWeek(containing: jan4).offset(by: week - 1)
        guard candidate.isoYearAndWeek.year == year else { return nil }
        self = candidate
    }

    /// Orders weeks in time.
    public static func < (lhs: ReviewWeek, rhs: ReviewWeek) -> Bool { lhs.start < rhs.start }
}
