import ABMCore
import ABMTestSupport
import Foundation
import Testing

@testable import ABMReport

/// The bundled sample programme (the DEMO's, fixed seed) reported for two weeks, as of the
/// DEMO's own present (Friday 2026-11-20 16:00 UTC).
enum SampleReport {
    static let programme = SampleGenerator.generate(.demo)

    /// The report of `label` as seen at the DEMO's as-of.
    static func report(_ label: String) throws -> WeeklyReport {
        let week = try #require(ReviewWeek(label: label))
        let period = try #require(ReportPeriod(week: week, present: SampleOptions.demoAsOf))
        return WeeklyReport(programme: programme, evaluator: Evaluator(), period: period, store: "DEMO")
    }

    /// The golden file's path beside this test file.
    static func golden(_ name: String) -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/\(name)")
    }
}

/// The Markdown report, compared line by line with the files in `Golden/`. To update them on
/// purpose: `ABMBOARD_UPDATE_GOLDEN=1 swift test --filter MarkdownGoldenTests`, then read the diff.
struct MarkdownGoldenTests {
    @Test(
        "the sample programme's report matches its golden file: W47 so far (the DEMO's week), W46 whole",
        arguments: ["2026-W47", "2026-W46"])
    func golden(label: String) throws {
        let text = MarkdownReport.render(try SampleReport.report(label))
        let file = SampleReport.golden("report-\(label).md")
        try GoldenFile.compare(text, with: file, name: label)
    }

    @Test("the W47 report says so far, W46 says the whole week")
    func soFar() throws {
        #expect(MarkdownReport.render(try SampleReport.report("2026-W47")).contains("the week so far"))
        #expect(MarkdownReport.render(try SampleReport.report("2026-W46")).contains("the whole week"))
        #expect(MarkdownReport.render(try SampleReport.report("2026-W47")).contains("| W47 so far |"))
    }
}
