// The real binary on the team store (PostgreSQL): the same output as on SQLite, the roles
// through the command line, connection mistakes in one line, and killed clients leaving nothing.

import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `abmboard` against a PostgreSQL database, compared with the same commands on a SQLite file.
@Suite("the abmboard binary on a team store")
struct TeamStoreProcessTests {
    /// The time every command is evaluated at (the sample programme's week 47).
    static let asOf = "2026-11-20T16:00:00Z"

    // MARK: - The same output from both backends

    @Test("the same files and marks give byte-identical output from SQLite and PostgreSQL")
    func sameOutputFromBothBackends() throws {
        let local = try ProcessWorkspace(user: TeamServer.settings().owner)
        let sample = try local.run(["sample", "--out", "sample"])
        try #require(sample.status == 0, "abmboard sample: \(sample.error)")
        let database = try TeamDatabase(binary: local.binary)
        let team = try ProcessWorkspace(database: database.url(), user: TeamServer.settings().owner)
        try FileManager.default.copyItem(atPath: local.path("sample"), toPath: team.path("sample"))
        try local.importSample(generate: false)
        try team.importSample(generate: false)

        // The same writes on both: marks with and without notes, an undo, a note, a touch.
        let rows = try #require(local.boardJSON(asOf: Self.asOf, includeRemoved: false)["accounts"] as? [[String: Any]])
        let ids = rows.compactMap { $0["account_id"] as? String }
        try #require(ids.count >= 4)
        let writes: [[String]] = [
            ["mark", ids[0], "work", "--note", "agreed with the AE"],
            ["mark", ids[1], "hold"],
            ["mark", ids[2], "work"],
            ["undo", ids[2]],
            ["note", ids[1], "waiting for the budget — Q1"],
            ["log-touch", ids[3], "--channel", "phone", "--direction", "outbound", "--topic", "pricing"],
        ]
        for workspace in [local, team] {
            for write in writes {
                let run = try workspace.run(["--as-of", Self.asOf] + write)
                #expect(run.status == 0, "\(write) on \(workspace.database.prefix(10)): \(run.error)")
            }
        }

        let reads: [[String]] = [
            [], ["board"], ["board", "--json", "--include-removed"], ["health"], ["health", "--json"],
            ["explain", ids[0]], ["explain", ids[1]], ["explain", ids[3]], ["report"], ["report", "--format", "html"],
            ["report", "--week", "2026-W46"], ["export", "board", "--format", "csv"],
            ["export", "board", "--format", "json", "--include-removed"], ["export", "history", "--format", "csv"],
            ["export", "history", "--format", "json"],
        ]
        // The headers name the store: its path or its URL, which are the one thing allowed to differ.
        for read in reads {
            let mine = try local.run(["--as-of", Self.asOf] + read)
            let theirs = try team.run(["--as-of", Self.asOf] + read)
            #expect(mine.status == 0 && theirs.status == 0, "\(read): \(mine.error) \(theirs.error)")
            #expect(!mine.output.isEmpty, "\(read) printed nothing")
            let mineText = mine.output.replacingOccurrences(of: local.database, with: "STORE")
            let theirsText = theirs.output.replacingOccurrences(of: database.shown, with: "STORE")
                .replacingOccurrences(of: markdownEscaped(database.shown), with: "STORE")
            #expect(
                mineText == theirsText,
                "\(read) differs between the backends: \(firstDifference(mineText, theirsText))")
        }
    }

    // MARK: - Roles through the binary

    /// Each action as a command line on `account`.
    static func command(_ action: String, account: String) -> [String] {
        switch action {
        case "touch": return ["log-touch", account, "--channel", "phone"]
        case "undo": return ["undo", account]
        case "note": return ["note", account, "called"]
        default: return ["mark", account, action, "--note", "agreed"]
        }
    }

    @Test(
        "each role may do exactly its actions through the binary, on its own accounts and on others'; a refusal is one line, exit 1",
        arguments: ["viewer", "ae", "marketing", "manager"])
    func rolesThroughTheBinary(role: String) throws {
        let owner = try TeamServer.settings().owner
        let setup = try ProcessWorkspace(user: owner)
        let database = try TeamDatabase(binary: setup.binary)
        let workspace = try ProcessWorkspace(database: database.url(), user: owner)
        try workspace.importSample()
        let rows = try #require(
            workspace.boardJSON(asOf: Self.asOf, includeRemoved: false)["accounts"] as? [[String: Any]])
        // An account of the member's (dana is its owner) and one of someone else's, both Tier 3 so
        // that promote and demote are both possible marks.
        let tierThree = rows.filter { ($0["tier"] as? Int) == 3 }
        let mine = try #require(tierThree.first, "no Tier 3 account")
        let person = try #require(mine["owner"] as? String)
        let other = try #require(
            tierThree.first { ($0["owner"] as? String) != person && ($0["sdr"] as? String) != person },
            "no Tier 3 account of another owner")
        let otherOwner = try #require(other["owner"] as? String)
        let memberURL = try database.addMember(binary: workspace.binary, person: person, role: role)
        let member = try ProcessWorkspace(database: memberURL, user: person)

        for (account, own, accountOwner) in [
            (try #require(mine["account_id"] as? String), true, person),
            (try #require(other["account_id"] as? String), false, otherOwner),
        ] {
            for action in ["hold", "work", "note", "touch", "promote", "undo", "demote"] {
                if action == "undo" {
                    // Something to take back, made by the database's owner.
                    let hold = try workspace.run(["mark", account, "hold"])
                    try #require(hold.status == 0, "the owner's hold: \(hold.error)")
                }
                let run = try member.run(Self.command(action, account: account))
                let allowed = Self.allowed(role: role, action: action, own: own)
                if allowed {
                    #expect(run.status == 0, "\(role) \(action) \(account) was refused: \(run.error)")
                } else {
                    #expect(run.status == 1, "\(role) \(action) \(account) exited \(run.status): \(run.error)")
                    #expect(
                        run.error
                            == "abmboard: "
                            + Self.refusal(
                                person: person, role: role, action: action, account: account, owner: accountOwner)
                            + "\n")
                }
            }
        }
        // Imports are a manager's; --by cannot claim to be someone else.
        let sampleCopy = try member.run(["sample", "--out", "sample"])
        try #require(sampleCopy.status == 0)
        let again = try member.run(["import", "touches", "sample/touches.csv"])
        if role == "manager" {
            #expect(again.status == 0, "a manager's import was refused: \(again.error)")
        } else {
            #expect(again.status == 1, "\(role)'s import exited \(again.status): \(again.error)")
            #expect(again.error.contains("\(person) (\(role)) may not import"), "\(again.error)")
        }
        let claim = try member.run(["note", try #require(mine["account_id"] as? String), "x", "--by", "someone-else"])
        #expect(claim.status == 1)
        #expect(
            claim.error.contains("--by \"someone-else\": on this store you record as \(person) (\(role))"),
            "\(claim.error)")
    }

    /// What each role may do on an account it owns and on another's (SPEC, issue 17).
    static func allowed(role: String, action: String, own: Bool) -> Bool {
        switch role {
        case "manager": return true
        case "ae": return own
        case "marketing": return ["promote", "hold", "note", "touch"].contains(action)
        default: return false
        }
    }

    /// The refusal's wording.
    static func refusal(person: String, role: String, action: String, account: String, owner: String) -> String {
        let what: String
        switch action {
        case "work": what = "mark \(account) work"
        case "undo": what = "undo the latest mark on \(account)"
        case "note": what = "add a note to \(account)"
        case "touch": what = "log a touch on \(account)"
        default: what = "\(action) \(account)"
        }
        let why: String
        switch role {
        case "ae": why = "its owner is \(owner)"
        case "marketing": why = "marketing may promote, hold, add notes and log touches"
        default: why = "a viewer only reads the board"
        }
        return "\(person) (\(role)) may not \(what): \(why)"
    }

    // MARK: - Connection mistakes

    @Test(
        "a wrong password, an unknown host, a refused TLS and a missing database: one line naming what to fix, no password"
    )
    func connectionMistakes() throws {
        let settings = try TeamServer.settings()
        let scratch = try ProcessWorkspace()
        let database = try TeamDatabase(binary: scratch.binary)
        let secret = "s3cret-not-shown"
        let base = "\(settings.host):\(settings.port)"
        let cases: [(url: String, says: String)] = [
            (
                "postgres://\(settings.owner):\(secret)@\(base)/\(database.name)?sslmode=disable",
                "check the user name and the password (PGPASSWORD or ~/.pgpass)"
            ),
            (
                "postgres://\(settings.owner):\(secret)@no-such-host.invalid:5432/\(database.name)",
                "unknown host \"no-such-host.invalid\": check the host name in --db or PGHOST"
            ),
            (
                "postgres://\(settings.owner):\(secret)@localhost:\(settings.port)/\(database.name)?sslmode=verify-full",
                "the server's certificate was refused"
            ),
            (
                "postgres://\(settings.owner):\(settings.password)@\(base)/\(database.name)_missing?sslmode=disable",
                "create it (createdb \(database.name)_missing) or give the right name in --db"
            ),
            (
                "postgres://\(settings.owner):\(secret)@127.0.0.1:1/\(database.name)?sslmode=disable",
                "nothing is listening there (connection refused): is the server running, and is the port right?"
            ),
        ]
        for (url, says) in cases {
            for arguments in [["board"], ["mark", "A-0001", "work"]] {
                let run = try scratch.run(["--db", url] + arguments)
                #expect(run.status == 1, "\(url) \(arguments) exited \(run.status): \(run.error)")
                let lines = run.error.split(separator: "\n")
                #expect(lines.count == 1, "\(url): \(run.error)")
                #expect(run.error.hasPrefix("abmboard: postgres://"), "\(run.error)")
                #expect(run.error.contains(says), "\(url): \(run.error)")
                #expect(!run.error.contains(secret) && !run.error.contains(settings.password), "\(run.error)")
                #expect(run.output.isEmpty)
            }
        }
    }

    // MARK: - Killed clients

    @Test("a client killed in the middle of an import leaves the store as it was; the import then runs whole")
    func killedImportLeavesNothing() throws {
        let owner = try TeamServer.settings().owner
        let setup = try ProcessWorkspace(user: owner)
        let database = try TeamDatabase(binary: setup.binary)
        let workspace = try ProcessWorkspace(database: database.url(), user: owner)
        try workspace.importSample()
        let before = try workspace.run(["--as-of", Self.asOf, "export", "board", "--format", "json"])
        let history = try workspace.run(["export", "history", "--format", "csv"])
        try #require(before.status == 0 && history.status == 0)
        let rows = try #require(
            workspace.boardJSON(asOf: Self.asOf, includeRemoved: false)["accounts"] as? [[String: Any]])
        let big = try workspace.writeBigTouches(
            rows: 400_000, accounts: rows.compactMap { $0["account_id"] as? String })

        // Killed while it streams the ids (COPY), while it merges them, and once it has written
        // the blocks, before its commit: held there by a lock on the revision, which the change's
        // last statement takes (the blocks go in statements too short to catch by polling).
        for stage in ["COPY \"touch_stage\"", "INSERT INTO abmboard.touch_key", "SELECT abmboard.commit_change"] {
            let beforeCommit = stage.hasPrefix("SELECT abmboard.commit_change")
            let lock = beforeCommit ? try RevisionLock(database: database.name, directory: setup.directory) : nil
            let child = try workspace.start(["import", "touches", big])
            let reached = waitForStatement(
                stage, database: database.name, while: child, timeout: 120, waitingForLock: beforeCommit)
            let killed = child.kill()
            child.wait(timeout: 30)
            lock?.release()
            #expect(reached && killed, "the import ended before it reached \(stage)")
            #expect(child.killedBySignal)
            let after = try workspace.run(["--as-of", Self.asOf, "export", "board", "--format", "json"])
            #expect(after.output == before.output, "the board changed after an import killed at \(stage)")
            let historyAfter = try workspace.run(["export", "history", "--format", "csv"])
            #expect(historyAfter.output == history.output, "the history changed after an import killed at \(stage)")
        }
        let whole = try workspace.run(["import", "touches", big], timeout: 300)
        #expect(whole.status == 0, "the import after the killed ones: \(whole.error)")
        #expect(whole.output.contains("400,000 touches (400,000 new"), "\(whole.output)")
    }

    @Test("clients killed at random moments of a loop of marks: every acknowledged mark is in the history, no half")
    func killedMarksLoseNothingAcknowledged() throws {
        let owner = try TeamServer.settings().owner
        let setup = try ProcessWorkspace(user: owner)
        let database = try TeamDatabase(binary: setup.binary)
        let workspace = try ProcessWorkspace(database: database.url(), user: owner)
        try workspace.importSample()
        let rows = try #require(
            workspace.boardJSON(asOf: Self.asOf, includeRemoved: false)["accounts"] as? [[String: Any]])
        let ids = rows.prefix(4).compactMap { $0["account_id"] as? String }
        var script = ["set -u"]
        for step in 0..<400 {
            let action = step % 2 == 0 ? "work" : "hold"
            script.append(
                "\(shellQuote(workspace.binary)) mark \(ids[step % ids.count]) \(action) --note loop-\(step) "
                    + ">/dev/null 2>&1 && echo ack-\(step)")
        }
        try workspace.write("loop.sh", script.joined(separator: "\n") + "\n")
        var acknowledged: [String] = []
        for round in 0..<3 {
            let child = try workspace.start(
                ["/bin/bash", workspace.path("loop.sh")], name: "loop-\(round)", direct: true)
            usleep(useconds_t(700_000 + round * 450_000))
            // Kill the loop's shell and whatever mark it is running.
            killTree(child.process.processIdentifier)
            child.wait(timeout: 30)
            acknowledged += child.output.split(separator: "\n").map {
                "\($0)".replacingOccurrences(of: "ack-", with: "loop-")
            }
        }
        try #require(!acknowledged.isEmpty, "no mark was acknowledged before the kills")
        let history = try workspace.run(["export", "history", "--format", "csv"])
        try #require(history.status == 0, "\(history.error)")
        let notes = history.output.split(separator: "\n").compactMap { line in
            line.split(separator: ",").first { $0.hasPrefix("loop-") }.map(String.init)
        }
        for note in Set(acknowledged) {
            #expect(notes.contains(note), "\(note) was acknowledged but is not in the history")
        }
        // Each round replays the same notes; every record is whole (it has its note and action).
        #expect(notes.count >= acknowledged.count)
        #expect(notes.count <= acknowledged.count + 3, "more marks than acknowledged plus one per kill")
    }
}

/// Polls the server until a statement starting with `prefix` runs on `database` (and, with
/// `waitingForLock`, waits for a lock) (`true`), or `child` ends or `timeout` passes (`false`).
private func waitForStatement(
    _ prefix: String, database: String, while child: ChildProcess, timeout: TimeInterval,
    waitingForLock: Bool = false
) -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    let sql = """
        SELECT count(*) FROM pg_stat_activity WHERE datname = '\(database)' AND state = 'active'
        AND pid <> pg_backend_pid() AND ltrim(query, E' \\n') LIKE '\(prefix)%'
        \(waitingForLock ? "AND wait_event_type = 'Lock'" : "")
        """
    while child.isRunning && Date() < deadline {
        if let running = try? TeamServer.psql(sql), running.output != "0" { return true }
        usleep(10_000)
    }
    return false
}

/// Sends SIGKILL to `pid` and its children (the mark a loop's shell is running).
private func killTree(_ pid: pid_t) {
    let children = (try? String(contentsOfFile: "/proc/\(pid)/task/\(pid)/children", encoding: .utf8)) ?? ""
    kill(pid, SIGKILL)
    for child in children.split(separator: " ").compactMap({ pid_t($0) }) { kill(child, SIGKILL) }
}

/// `text` quoted for bash.
private func shellQuote(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
}

/// `text` as the Markdown report writes it (`_` and other punctuation escaped).
private func markdownEscaped(_ text: String) -> String {
    text.replacingOccurrences(of: "_", with: "\\_")
}

/// Where two texts first differ, for a failure message.
func firstDifference(_ left: String, _ right: String) -> String {
    let a = left.split(separator: "\n", omittingEmptySubsequences: false)
    let b = right.split(separator: "\n", omittingEmptySubsequences: false)
    for index in 0..<max(a.count, b.count) {
        let x = index < a.count ? String(a[index]) : "<end>"
        let y = index < b.count ? String(b[index]) : "<end>"
        if x != y { return "line \(index + 1):\n  sqlite:   \(x.prefix(300))\n  postgres: \(y.prefix(300))" }
    }
    return "no difference"
}

/// A psql session holding the revision row of `abmboard.meta` locked (FOR UPDATE), so that a
/// write stops at its commit; `release` ends it.
private final class RevisionLock {
    private let child: ChildProcess
    private static let name = "abm-test-revision-lock"

    init(database: String, directory: URL) throws {
        let server = try TeamServer.settings()
        var environment = ProcessInfo.processInfo.environment
        environment["PGPASSWORD"] = server.password
        environment["PGAPPNAME"] = Self.name
        child = try ChildProcess(
            executable: "/usr/bin/env",
            arguments: [
                "psql", "-X", "-q", "-h", server.host, "-p", String(server.port), "-U", server.owner, "-d", database,
                "-c",
                "BEGIN; SELECT 1 FROM abmboard.meta WHERE key = 'revision' FOR UPDATE; SELECT pg_sleep(300); COMMIT;",
            ], directory: directory, environment: environment, name: Self.name)
        let held = """
            SELECT count(*) FROM pg_stat_activity WHERE application_name = '\(Self.name)' AND state = 'active'
            AND query LIKE '%pg_sleep%' AND wait_event = 'PgSleep'
            """
        let deadline = Date().addingTimeInterval(30)
        while child.isRunning && Date() < deadline {
            if let running = try? TeamServer.psql(held), running.output != "0" { return }
            usleep(10_000)
        }
        throw TeamServer.Failed(message: "psql did not take the lock on the revision: \(child.error)")
    }

    /// Ends the session, and with it the lock.
    func release() {
        _ = try? TeamServer.psql(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '\(Self.name)'")
        child.wait(timeout: 30)
    }

    deinit { release() }
}
