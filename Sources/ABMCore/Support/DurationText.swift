/// Short human durations for the board: `45m`, `5h`, `2d 3h`.
public enum DurationText {
    /// `seconds` (taken as its magnitude) in at most two units, rounded down.
    public static func short(seconds: Int64) -> String {
        let s = abs(seconds)
        let days = s / 86_400
        let hours = s % 86_400 / 3_600
        let minutes = s % 3_600 / 60
        if days > 0 { return hours > 0 ? "\(days)d \(hours)h" : "\(days)d" }
        if hours > 0 { return minutes > 0 ? "\(hours)h \(minutes)m" : "\(hours)h" }
        return "\(minutes)m"
    }
}
