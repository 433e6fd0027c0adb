import ABMCore

/// The words and number formats both renderers use, so that Markdown and HTML say the same.
public enum ReportWords {
    /// `42 %` (rounded to a whole percent, as the board's tier health shows it).
    public static func percent(_ share: Double) -> String { "\(Int((share * 100).rounded())) %" }

    /// `42 %`, or an em dash when there is no ratio.
    public static func percent(_ share: Double?) -> String { share.map { percent($0) } ?? "—" }

    /// A signed difference of two shares in percentage points: `+4 points`, `−12 points`.
    public static func points(_ difference: Double) -> String {
        let value = Int((difference * 100).rounded())
        let unit = abs(value) == 1 ? "point" : "points"
        return value > 0 ? "+\(value) \(unit)" : value < 0 ? "−\(-value) \(unit)" : "0 points"
    }

    /// `2026-11-16 15:17` (UTC, to the minute).
    public static func minute(_ instant: Instant) -> String { instant.isoMinute }

    /// The title: `Weekly ABM review · DEMO · 2026-W47`.
    public static func title(_ report: WeeklyReport) -> String {
        "Weekly ABM review · \(report.store) · \(report.period.week.label)"
    }

    /// `As of 2026-11-20T16:00:00Z: the week so far (Monday 2026-11-16 to Sunday 2026-11-22).`
    public static func subtitle(_ period: ReportPeriod) -> String {
        let span = "Monday \(period.week.start.isoDate) to Sunday \(period.week.lastSecond.isoDate)"
        return "As of \(period.asOf.iso8601): "
            + (period.isComplete ? "the whole week (\(span))." : "the week so far (\(span)).")
    }

    /// `Tier 2 → Tier 1`, `Tier 3 → removed`.
    public static func tierMove(from: Tier?, to: Tier?) -> String {
        "\(tier(from)) → \(tier(to))"
    }

    /// `Tier 1`, or `removed`.
    public static func tier(_ tier: Tier?) -> String { tier?.label ?? "removed" }

    /// What a record that moved a tier was: the mark's action, or `re-import`.
    public static func event(_ entry: HistoryEntry) -> String {
        switch entry.record.event {
        case .mark(let action, _): return action.rawValue
        case .retier: return "re-import"
        case .undo: return "undo"
        case .note: return "note"
        }
    }

    /// `work 3 · hold 2 · demote 0 · promote 1 · undecided 4`.
    public static func counts(_ counts: DecisionCounts) -> String {
        "work \(counts.work) · hold \(counts.hold) · demote \(counts.demote) · promote \(counts.promote) · "
            + "undecided \(counts.undecided)"
    }

    /// The owner's name, or `(no owner)`.
    public static func owner(_ owner: String?) -> String { owner ?? "(no owner)" }

    /// `3 of 7 decided`.
    public static func decided(_ counts: DecisionCounts) -> String {
        "\(counts.decided) of \(counts.total) decided"
    }

    /// Text from the data made safe to show: control characters, bidi overrides and line
    /// breaks become `�` (`SafeText`'s classifier, as on the board), so a note cannot break a
    /// table row.
    public static func clean(_ text: String) -> String {
        SafeText.replacingControls(in: text, with: "\u{FFFD}")
    }

}
