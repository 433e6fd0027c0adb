import ABMCore
import ABMStore

extension ImportSummary {
    /// `imported 1,204,311 touches (1,204,311 new, 0 changed, 0 unchanged) in 2.1 s`.
    var line: String {
        var parts = [
            "\(Grouping.digits(added)) new", "\(Grouping.digits(updated)) changed",
            "\(Grouping.digits(rows - added - updated)) unchanged",
        ]
        if recorded > 0 { parts.append("\(Grouping.digits(recorded)) recorded in the history") }
        let time = seconds < 10 ? String(format1: seconds) : String(Int(seconds.rounded()))
        return "imported \(Grouping.digits(rows)) \(kind) (\(parts.joined(separator: ", "))) in \(time) s"
    }
}

extension String {
    /// One decimal place.
    init(format1 value: Double) {
        let tenths = Int((value * 10).rounded())
        self = "\(tenths / 10).\(tenths % 10)"
    }
}
