import ABMBoardUI
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

                Without a subcommand, abmboard opens the board in the terminal (its summary when not run in a
                terminal) on the store (--db, $ABMBOARD_DB, else ./abmboard.sqlite), or on the bundled DEMO
                programme when there is no store yet. Exit status: 0 success, 64 usage error, 65 bad input data, 1
                otherwise (a refused mark, an unknown account).

                USAGE: abmboard [--db <db>] [--playbook <playbook>] [--as-of <as-of>] [--theme <theme>] [--view <view>] <subcommand>

                OPTIONS:
                  --db <db>               The store: a SQLite file, or postgres://USER@HOST:PORT/DB (default:
                                          $ABMBOARD_DB, else ./abmboard.sqlite).
                  --playbook <playbook>   A playbook TOML file with the rules the team agreed (default: the
                                          built-in rules).
                  --as-of <as-of>         Evaluate (and stamp records) as of this time: 2026-11-20T16:00:00Z, or a
                                          date meaning 23:59:59 UTC.
                  --theme <theme>         The board's theme: default, light, high-contrast, mono, NAME for
                                          NAME.toml in $XDG_CONFIG_HOME/abmboard/themes, or a .toml file (default:
                                          the theme in $XDG_CONFIG_HOME/abmboard/config.toml, else default).
                  --view <view>           Open the board on the saved view NAME ([views.NAME] in config.toml; :view
                                          save NAME keeps one).
                  --version               Show the version.
                  -h, --help              Show help information.

                SUBCOMMANDS:
                  import                  Import CSV files: accounts, contacts, touches, intent, opportunities (or
                                          marks).
                  board                   The board: every account's row, as a table or JSON.
                  explain                 Every number on an account's row with the evidence behind it.
                  mark                    Record a decision on an account: work, hold, demote or promote.
                  undo                    Take back an account's latest mark (with its tier change).
                  note                    Add a note to an account's latest mark (appended; never an edit).
                  log-touch               Record a touch: a call, a meeting, an e-mail …
                  health                  Tier health: states, engaged share, SLA follow-up, decisions, movement.
                  report                  The weekly report: decisions, moves, SLA breaches, tier health.
                  export                  Export the board or the mark history as CSV or JSON (for a CRM, an audit).
                  sample                  Write the sample programme as CSV files (what sample-data/ holds).
                  db                      Back up or check a SQLite store; migrate a PostgreSQL schema.
                  members                 Manage a team store's members: database logins with a person name and a
                                          role.
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

    @Test("the DEMO summary, built through the real import path, shows the demo's as-of, every tier and the board")
    func demoSummary() throws {
        let demo = try DemoStore()
        defer { demo.remove() }
        let session = Session(
            store: demo.store, programme: try demo.store.loadProgramme(), playbook: Playbook(),
            asOf: SampleOptions.demoAsOf)
        let text = BoardSummary.render(session: session, label: "DEMO", rows: 5)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "abmboard \(AbmboardCommand.version) · DEMO · as of 2026-11-20T16:00:00Z")
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
