import ABMCore

/// `abmboard export board`: the board as of an instant, as a table of the chosen columns
/// (rows in board order, as `board --json` has them).
public enum BoardExport {
    /// The review week `--week` names.
    /// - Throws: `ExportError.badWeek` when `label` is not an ISO week such as `2026-W47`.
    public static func week(_ label: String) throws(ExportError) -> ReviewWeek {
        guard let week = ReviewWeek(label: label) else { throw .badWeek(label) }
        return week
    }

    /// The instant a board export is computed for (SPEC §7.6): without a week, the present
    /// (`--as-of`, else now); with one, the end of that week (Sunday 23:59:59 UTC), but never
    /// later than the present, so the week in progress is exported as it stands now.
    /// - Throws: `ExportError.weekNotStarted` for a week that begins after the present.
    public static func asOf(week: ReviewWeek?, present: Instant) throws(ExportError) -> Instant {
        guard let week else { return present }
        guard let asOf = week.asOf(present: present) else { throw .weekNotStarted(week: week, present: present) }
        return asOf
    }

    /// The table of `rows` — evaluations as of `asOf`, already in board order — in `columns`.
    public static func table(
        _ rows: [AccountEvaluation], programme: Programme, asOf: Instant,
        columns: [BoardColumn] = BoardColumn.defaults
    ) -> ExportTable {
        let week = ReviewWeek(containing: asOf).label
        let values = rows.map { row in
            let account = programme.accounts[row.account]
            return columns.map { $0.value(of: row, account: account, week: week) }
        }
        return ExportTable(columns: columns.map(\.rawValue), rows: values)
    }
}
