/// A calendar date in the proleptic Gregorian calendar (UTC), used to convert instants.
public struct CivilDate: Hashable, Sendable {
    /// The year, e.g. 2026.
    public var year: Int
    /// The month, 1–12.
    public var month: Int
    /// The day of the month, 1–31.
    public var day: Int

    /// Creates a date from its parts; the parts are not checked (see `isValid`).
    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Whether the month is 1–12 and the day exists in that month.
    public var isValid: Bool {
        month >= 1 && month <= 12 && day >= 1 && day <= CivilDate.daysIn(month: month, year: year)
    }

    /// Days since 1970-01-01 (negative before), by Howard Hinnant's `days_from_civil`.
    public var daysSinceEpoch: Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let m = Int64(month)
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01, by Howard Hinnant's `civil_from_days`.
    public init(daysSinceEpoch days: Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.init(year: Int(y), month: Int(m), day: Int(d))
    }

    /// Whether `year` is a Gregorian leap year.
    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// The number of days in `month` of `year`.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

extension Instant {
    /// The instant at 00:00:00 UTC on `date`.
    public init(date: CivilDate) {
        self.init(seconds: date.daysSinceEpoch * Instant.secondsPerDay)
    }

    /// The instant at `hour:minute:second` UTC on `date`.
    public init(date: CivilDate, hour: Int, minute: Int, second: Int) {
        self.init(
            seconds: date.daysSinceEpoch * Instant.secondsPerDay + Int64(hour) * 3600
                + Int64(minute) * 60 + Int64(second))
    }

    /// Days since 1970-01-01 of the UTC day that contains this instant.
    public var daysSinceEpoch: Int64 {
        let (q, r) = seconds.quotientAndRemainder(dividingBy: Instant.secondsPerDay)
        return r < 0 ? q - 1 : q
    }

    /// The UTC calendar date that contains this instant.
    public var civilDate: CivilDate {
        CivilDate(daysSinceEpoch: daysSinceEpoch)
    }

    /// Seconds since 00:00:00 UTC of this instant's day (0–86,399).
    public var secondOfDay: Int64 {
        seconds - daysSinceEpoch * Instant.secondsPerDay
    }
}
