import ABMCore
import ArgumentParser
import Testing

@testable import ABMCommands

struct CommandLineTests {
    @Test("--version prints the version")
    func version() {
        #expect(throws: (any Error).self) { try AbmboardCommand.parseAsRoot(["--version"]) }
        do {
            _ = try AbmboardCommand.parseAsRoot(["--version"])
        } catch {
            #expect(AbmboardCommand.message(for: error) == AbmboardCommand.version)
            #expect(AbmboardCommand.exitCode(for: error) == .success)
        }
    }

    @Test("the help text is pinned")
    func help() {
        #expect(
            AbmboardCommand.helpMessage(columns: 100) == """
                OVERVIEW: The board for the weekly account-based-marketing review.

                Without a subcommand, abmboard shows the board. Until the terminal UI and the store arrive, it
                prints the bundled DEMO programme's tier health and top accounts.

                USAGE: abmboard <subcommand>

                OPTIONS:
                  --version               Show the version.
                  -h, --help              Show help information.

                SUBCOMMANDS:
                  bench                   Measure the engine on a generated programme (run a release build).

                  See 'abmboard help <subcommand>' for detailed help.
                """)
    }

    @Test(
        "bad bench sizes are usage errors (exit 64) that say what was expected",
        arguments: [
            (["--accounts", "0"], "--accounts must be at least 1, found 0"),
            (["--days", "3"], "--days must be at least 7, found 3"),
            (["--repeat=-1"], "--repeat must be at least 1, found -1"),
        ])
    func benchValidation(arguments: [String], message: String) {
        do {
            _ = try AbmboardCommand.parseAsRoot(["bench"] + arguments)
            Issue.record("expected a usage error")
        } catch {
            #expect(AbmboardCommand.exitCode(for: error) == ExitCode(64))
            #expect(AbmboardCommand.message(for: error) == message)
        }
    }

    @Test("the DEMO summary shows the demo programme's as-of, every tier and the top of the board")
    func demoSummary() {
        let text = DemoSummary.render(rows: 5)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(
            lines.first
                == "abmboard \(AbmboardCommand.version) · DEMO · as of 2026-11-20T16:00:00Z · review week 2026-W47")
        #expect(text.contains("Tier 1") && text.contains("Tier 2") && text.contains("Tier 3"))
        #expect(lines.filter { $0.hasPrefix("A-") }.count == 5)
    }

    @Test("text tables line up by display width, wide characters counting two columns")
    func tableAlignment() {
        let table = TextTable.render(
            header: ["name", "n"], rows: [["株式会社", "1"], ["Zürich", "22"]], rightAligned: [1])
        #expect(
            table == """
                name       n
                ────────  ──
                株式会社   1
                Zürich    22
                """)
    }
}

struct EngineBenchmarkTests {
    @Test("the benchmark runs end to end on a small programme and reports what it generated")
    func smallRun() {
        var options = SampleOptions.benchmark(accounts: 200, touches: 5_000)
        options.days = 60
        let report = EngineBenchmark(options: options, repetitions: 1, singleAccountSamples: 10).run()
        #expect(report.accounts == 200)
        #expect(report.touches == 5_000)
        #expect(report.singleAccount.samples.count == 10)
        #expect(
            report.breakdown.map(\.part) == ["touches", "intent", "contacts", "accounts", "opportunities and history"])
        let text = BenchCommand.format(report)
        #expect(text.hasPrefix("programme: 200 accounts, 5000 touches"))
    }
}
