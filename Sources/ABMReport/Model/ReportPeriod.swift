import ABMCore

/// The review week a report covers and the instant it is computed at: the end of the week
/// (Sunday 23:59:59 UTC, SPEC §7.6), but never later than the present, so that a week not over
/// yet is reported as it stands so far.
public struct ReportPeriod: Sendable, Hashable {
    /// The review week.
    public let week: ReviewWeek
    /// The instant the report is computed at, inside `week`.
    public let asOf: Instant

    /// The period for `week` as seen at `present`: as of the week's last second, or of
    /// `present` while the week is not over; `nil` when the week has not started by `present`.
    ///
    /// ```swift
    /// let w47 = ReviewWeek(label: "2026-W47")!
    /// ReportPeriod(week: w47, present: friday)?.isComplete  // false: as of Friday, "so far"
    /// ```
    public init?(week: ReviewWeek, present: Instant) {
        guard let asOf = week.asOf(present: present) else { return nil }
        self.week = week
        self.asOf = asOf
    }

    /// The week that contains `present`, as of `present` (a report without `--week`).
    public init(present: Instant) {
        week = ReviewWeek(containing: present)
        asOf = present
    }

    /// Whether the whole week is in: as-of is its last second.
    public var isComplete: Bool { asOf >= week.lastSecond }
}
