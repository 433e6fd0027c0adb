import ABMCore
import ABMReport
import ABMStore
import ArgumentParser

/// `abmboard report`: the written summary of a weekly review, as Markdown or one HTML file.
public struct ReportCommand: ParsableCommand {
    /// Name and help.
    public static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "The weekly report: decisions, moves, SLA breaches, tier health.",
        discussion: """
            The report of a review week is computed as of the week's end (Sunday 23:59:59 UTC), or as of \
            the present (--as-of, else now) while the week is not over: it then says "so far". Markdown by \
            default; --format html writes one self-contained page (inline CSS and SVG charts) for mail and \
            print.
            """)

    /// Store, playbook, as-of (the present).
    @OptionGroup public var global: GlobalOptions

    /// The review week.
    @Option(help: "The review week, e.g. 2026-W47 (default: the week of --as-of, else this week).")
    public var week: String?

    /// Markdown or HTML.
    @Option(help: "markdown (for a mail body or a wiki) or html (one page with charts, for mail and print).")
    public var format: ReportFormat = .markdown

    /// Where to write it.
    @Option(help: "Write the report to this file (replaced whole, atomically) instead of standard output.")
    public var out: String?

    /// Creates the command (argument-parser fills it in).
    public init() {}

    /// Writes the report.
    public func run() throws {
        let week = try Self.week(label: self.week)
        // A week not begun fails before the store is loaded; the present is taken again with it.
        _ = try Self.period(week: week, present: try global.asOfInstant() ?? SystemClock.now())
        let session = try Session(options: global)
        let text = try Self.render(session: session, week: week, format: format)
        PhaseTimer.mark("report")
        if let out {
            try AtomicFile.replace(out, with: text)
        } else {
            writeOutput(text)
        }
        PhaseTimer.mark("write")
    }

    /// The report of `week` (the present's week when `nil`) over the session's programme, as of
    /// the week's end or the session's as-of, whichever is earlier.
    /// - Throws: `CommandFailure` (64) when the week has not started at the session's as-of.
    static func render(session: Session, week: ReviewWeek?, format: ReportFormat) throws -> String {
        let period = try self.period(week: week, present: session.asOf)
        let report = WeeklyReport(
            programme: session.programme, evaluator: session.evaluator, period: period, store: session.store.name)
        switch format {
        case .markdown: return MarkdownReport.render(report)
        case .html: return HTMLReport.render(report)
        }
    }

    /// The week `--week` names.
    /// - Throws: `CommandFailure` (64) when it is not a week label.
    static func week(label: String?) throws -> ReviewWeek? {
        guard let label else { return nil }
        guard let week = ReviewWeek(label: label) else {
            throw CommandFailure(
                "--week \"\(label)\" is not a review week: give an ISO week as YEAR-Wnn, e.g. 2026-W47",
                status: CommandFailure.usage)
        }
        return week
    }

    /// The week and as-of of the report.
    /// - Throws: `CommandFailure` (64) when the week starts after `present`.
    static func period(week: ReviewWeek?, present: Instant) throws -> ReportPeriod {
        guard let week else { return ReportPeriod(present: present) }
        guard let period = ReportPeriod(week: week, present: present) else {
            throw CommandFailure(
                "--week \(week.label) has not started yet: it begins \(week.start.iso8601) and the present is "
                    + "\(present.iso8601) (give this week or an earlier one, or a later --as-of)",
                status: CommandFailure.usage)
        }
        return period
    }
}

/// The report's formats.
public enum ReportFormat: String, CaseIterable, ExpressibleByArgument, Sendable {
    /// Markdown: plain text with tables, for a mail body or a wiki.
    case markdown
    /// One self-contained HTML page with charts, for mail and print.
    case html
}
