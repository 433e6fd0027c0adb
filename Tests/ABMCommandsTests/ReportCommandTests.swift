import ABMCore
import ABMReport
import Foundation
import Testing

@testable import ABMCommands

/// `abmboard report`: its week and as-of, its messages, and the binary writing Markdown and HTML
/// from a store built through the real import path.
@Suite("abmboard report", .serialized)
struct ReportCommandTests {
    /// The Markdown golden file of ABMReportTests.
    static func golden(_ label: String) throws -> String {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("ABMReportTests/Golden/report-\(label).md")
        return try String(contentsOf: file, encoding: .utf8)
    }

    @Test("the DEMO store, imported from the sample files, gives the golden report of 2026-W47")
    func demoStoreMatchesGolden() throws {
        let demo = try DemoStore()
        defer { demo.remove() }
        let week = try #require(ReviewWeek(label: "2026-W47"))
        let period = try #require(ReportPeriod(week: week, present: SampleOptions.demoAsOf))
        let report = WeeklyReport(
            programme: try demo.store.loadProgramme(), evaluator: Evaluator(), period: period, store: "DEMO")
        #expect(MarkdownReport.render(report) == (try Self.golden("2026-W47")))
    }

    @Test(
        "a bad --week is a usage error that shows the form expected",
        arguments: ["2026-47", "W47", "2026-W54", "2025-W53", "2026-W00", "26-W47", "2026-Wx", ""])
    func badWeek(label: String) {
        do {
            _ = try ReportCommand.week(label: label)
            Issue.record("expected a failure for \(label)")
        } catch let failure as CommandFailure {
            #expect(failure.status == 64)
            #expect(
                failure.message
                    == "--week \"\(label)\" is not a review week: give an ISO week as YEAR-Wnn, e.g. 2026-W47")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test("a week that has not started is a usage error; no week means the present's week, as of the present")
    func period() throws {
        let present = SampleOptions.demoAsOf
        #expect(throws: CommandFailure.self) {
            try ReportCommand.period(week: ReviewWeek(label: "2026-W48"), present: present)
        }
        do {
            _ = try ReportCommand.period(week: ReviewWeek(label: "2026-W48"), present: present)
        } catch let failure as CommandFailure {
            #expect(failure.status == 64)
            #expect(
                failure.message
                    == "--week 2026-W48 has not started yet: it begins 2026-11-23T00:00:00Z and the present is "
                    + "2026-11-20T16:00:00Z (give this week or an earlier one, or a later --as-of)")
        }
        let now = try ReportCommand.period(week: nil, present: present)
        #expect(now.week.label == "2026-W47" && now.asOf == present)
        let past = try ReportCommand.period(week: ReviewWeek(label: "2026-W45"), present: present)
        #expect(past.asOf.iso8601 == "2026-11-08T23:59:59Z")
        // 2025 has 52 ISO weeks; 2026, which starts on a Thursday, has 53.
        #expect(ReviewWeek(label: "2025-W53") == nil)
        #expect(try ReportCommand.week(label: "2026-W53")?.label == "2026-W53")
    }

    @Test("the binary on an imported store: Markdown to stdout, HTML to a file, errors in one line")
    func binary() throws {
        let workspace = try ReportWorkspace()
        defer { workspace.remove() }
        try workspace.importSample()

        let markdown = try workspace.run(["--as-of", "2026-11-20T16:00:00Z", "report"])
        #expect(markdown.status == 0, "\(markdown.error)")
        let golden = try Self.golden("2026-W47")
        // Only the title names the store.
        #expect(markdown.output.split(separator: "\n").dropFirst() == golden.split(separator: "\n").dropFirst())
        #expect(markdown.output.hasPrefix("# Weekly ABM review · \(workspace.database) · 2026-W47\n"))

        let week = try workspace.run(["--as-of", "2026-11-20T16:00:00Z", "report", "--week", "2026-W46"])
        #expect(
            week.output
                == (try Self.golden("2026-W46")).replacingOccurrences(of: "· DEMO ·", with: "· \(workspace.database) ·")
        )

        let out = workspace.path("weekly.html")
        let html = try workspace.run(["--as-of", "2026-11-20T16:00:00Z", "report", "--format", "html", "--out", out])
        #expect(html.status == 0 && html.output.isEmpty && html.error.isEmpty, "\(html.error)")
        let written = try String(contentsOfFile: out, encoding: .utf8)
        #expect(written.hasPrefix("<!DOCTYPE html>"))
        #expect(written.hasSuffix("</html>\n"))
        // Replaced whole: a second run over the file leaves it complete, and no temporary file behind.
        let again = try workspace.run(["--as-of", "2026-11-20T16:00:00Z", "report", "--format", "html", "--out", out])
        #expect(again.status == 0)
        #expect(try String(contentsOfFile: out, encoding: .utf8) == written)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: workspace.directory.path).filter {
                $0.contains(".tmp-")
            }.isEmpty)

        let badWeek = try workspace.run(["report", "--week", "2026-47"])
        #expect(badWeek.status == 64)
        #expect(
            badWeek.error
                == "abmboard: --week \"2026-47\" is not a review week: give an ISO week as YEAR-Wnn, e.g. 2026-W47\n")
        let future = try workspace.run(["--as-of", "2026-11-20T16:00:00Z", "report", "--week", "2027-W01"])
        #expect(future.status == 64 && future.error.contains("has not started yet"))
        let badFormat = try workspace.run(["report", "--format", "pdf"])
        #expect(badFormat.status == 64 && badFormat.error.contains("'markdown' and 'html'"))

        for target in [workspace.path("missing/folder/r.md"), workspace.directory.path] {
            let unwritable = try workspace.run(["report", "--out", target])
            #expect(unwritable.status == 1)
            #expect(unwritable.error.hasPrefix("abmboard: cannot write \(target): "), "\(unwritable.error)")
            #expect(unwritable.error.hasSuffix("(check that its folder exists and is writable)\n"))
            #expect(unwritable.error.split(separator: "\n").count == 1)
        }
    }
}

/// A temporary directory with a store and the `abmboard` binary to run on it.
private struct ReportWorkspace {
    let directory: URL
    let binary: String
    var database: String { path("store.sqlite") }

    init(sourceLocation: SourceLocation = #_sourceLocation) throws {
        binary = try #require(AbmboardBinary.path, AbmboardBinary.missing, sourceLocation: sourceLocation)
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("abmboard-report-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    /// Imports the six files of `sample-data/`.
    func importSample() throws {
        let folder = SampleDataTests.folder.path
        for kind in ["accounts", "contacts", "touches", "intent", "opportunities", "marks"] {
            let run = try run(["import", kind, "\(folder)/\(kind).csv"])
            try #require(run.status == 0, "importing \(kind).csv exited \(run.status): \(run.error)")
        }
    }

    /// Runs `abmboard --db STORE ARGUMENTS` to the end.
    func run(_ arguments: [String]) throws -> (status: Int32, output: String, error: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["--db", database] + arguments
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("ABMBOARD_") }
        environment["ABMBOARD_USER"] = "report-tests"
        process.environment = environment
        let output = directory.appendingPathComponent("out.txt")
        let error = directory.appendingPathComponent("err.txt")
        try Data().write(to: output)
        try Data().write(to: error)
        let outHandle = try FileHandle(forWritingTo: output)
        let errorHandle = try FileHandle(forWritingTo: error)
        process.standardOutput = outHandle
        process.standardError = errorHandle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try outHandle.close()
        try errorHandle.close()
        defer {
            try? FileManager.default.removeItem(at: output)
            try? FileManager.default.removeItem(at: error)
        }
        return (
            process.terminationStatus, try String(contentsOf: output, encoding: .utf8),
            try String(contentsOf: error, encoding: .utf8)
        )
    }
}
