/// Upper bounds that keep durations within what times can hold: a century is far beyond any
/// programme, and the arithmetic on instants cannot overflow below it.
enum PlaybookLimits {
    /// Windows and half-lives, in days.
    static let days = 36_500.0
    /// SLAs, in hours.
    static let hours = 876_000.0
    /// `review.demote_after_weeks`.
    static let weeks = 5_200
}
