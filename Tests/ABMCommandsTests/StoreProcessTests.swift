import ABMCore
import ABMSQLiteStore
import ABMStore
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The real `abmboard` binary on a real store, driven with `Process`: several processes marking
/// at once, a SIGKILL in the middle of an import, exit statuses and the JSON of SPEC §5.
@Suite("the abmboard binary on a store", .serialized)
struct StoreProcessTests {
    // MARK: - Concurrent marking

    @Test("processes marking at once (some on the same accounts) are never refused, lost or duplicated")
    func concurrentMarking() throws {
        let workspace = try ProcessWorkspace()
        try workspace.importSample()
        let store = try SQLiteStore(path: workspace.database, create: false)
        let before = try store.loadProgramme()
        let beforeHistory = try store.rowCounts()["history"] ?? 0
        // Accounts on the programme (not removed) whatever the clock says.
        let live = (0..<before.accountCount).filter { index in
            MarkReplay(
                records: before.history(of: index), importedTier: before.accounts[index].importedTier,
                asOf: .distantFuture
            ).tier != nil
        }.map { before.accounts[$0].id }.sorted()
        let processes = 4
        let marksEach = 120
        let ownEach = 3
        try #require(live.count >= 3 + processes * ownEach)
        let shared = Array(live.prefix(3))

        // Each process runs one shell script of sequential `abmboard mark` commands, every third on
        // a shared account; each mark carries a note unique to it.
        var expected: [String: (account: String, action: String, process: Int, step: Int)] = [:]
        var scripts: [String] = []
        for process in 0..<processes {
            let own = Array(live.dropFirst(3 + process * ownEach).prefix(ownEach))
            var lines = [
                "set -u",
                "while [ ! -e \(shellQuoted(workspace.path("go"))) ]; do sleep 0.01; done",
                "m() { \(shellQuoted(workspace.binary)) --db \(shellQuoted(workspace.database)) mark \"$1\" \"$2\" "
                    + "--by racer-\(process) --note \"$3\" >/dev/null 2>>"
                    + "\(shellQuoted(workspace.path("errors-\(process).txt"))); echo \"$3 $?\"; }",
            ]
            for step in 0..<marksEach {
                let account = step % 3 == 2 ? shared[(step / 3 + process) % shared.count] : own[step % ownEach]
                let action = (step + process) % 2 == 0 ? "work" : "hold"
                let note = "racer-\(process)-\(step)"
                expected[note] = (account, action, process, step)
                lines.append("m \(account) \(action) \(note)")
            }
            scripts.append(lines.joined(separator: "\n") + "\n")
        }
        let started = Date()
        let runs = try scripts.enumerated().map { offset, script in
            try workspace.start(["/bin/bash", "-c", script], name: "racer-\(offset)", direct: true)
        }
        _ = FileManager.default.createFile(atPath: workspace.path("go"), contents: Data())
        for run in runs { run.wait(timeout: 240) }
        let elapsed = Date().timeIntervalSince(started)

        for (offset, run) in runs.enumerated() {
            #expect(run.status == 0, "racer \(offset) ended with \(run.status): \(run.error)")
            let lines = run.output.split(separator: "\n")
            #expect(lines.count == marksEach, "racer \(offset) ran \(lines.count) of \(marksEach) commands")
            let failed = lines.filter { !$0.hasSuffix(" 0") }
            #expect(failed.isEmpty, "racer \(offset): commands that failed: \(failed.prefix(5))")
            let errors = (try? String(contentsOfFile: workspace.path("errors-\(offset).txt"), encoding: .utf8)) ?? ""
            #expect(errors.isEmpty, "racer \(offset) wrote to stderr: \(errors.prefix(500))")
        }

        // The history holds every mark exactly once, in each process's own order.
        let after = try store.loadProgramme()
        #expect(try store.rowCounts()["history"] == beforeHistory + processes * marksEach)
        var notesSeen: [String: Int] = [:]
        var latestStep: [Int: Int] = [:]
        for index in 0..<after.accountCount {
            let history = after.history(of: index)
            let id = after.accounts[index].id
            #expect(history.map(\.at) == history.map(\.at).sorted(), "\(id)'s stamps are out of recording order")
            for record in history where record.by.hasPrefix("racer-") {
                guard case .mark(let action, let note?) = record.event, let mark = expected[note] else {
                    Issue.record("an unexpected record on \(id): \(record)")
                    continue
                }
                notesSeen[note, default: 0] += 1
                #expect(mark.account == id, "\(note) landed on \(id), not \(mark.account)")
                #expect(action.rawValue == mark.action, "\(note) was recorded as \(action)")
                #expect(record.by == "racer-\(mark.process)")
                if id == mark.account, let previous = latestStep[mark.process * 10_000 + index] {
                    #expect(previous < mark.step, "racer \(mark.process)'s marks on \(id) are out of order")
                }
                latestStep[mark.process * 10_000 + index] = mark.step
            }
        }
        let lost = Set(expected.keys).subtracting(notesSeen.keys)
        let duplicated = notesSeen.filter { $0.value > 1 }.map(\.key)
        #expect(lost.isEmpty, "marks lost: \(lost.sorted().prefix(10))")
        #expect(duplicated.isEmpty, "marks recorded twice: \(duplicated.sorted().prefix(10))")

        // The tiers stored with each record and shown on the board equal a sequential replay.
        try expectStoredTiersMatchReplay(workspace: workspace, programme: after)
        let newest = after.accounts.indices.compactMap { after.history(of: $0).last?.at }.max() ?? .distantPast
        let board = try workspace.boardJSON(asOf: newest.iso8601, includeRemoved: true)
        let rows = try #require(board["accounts"] as? [[String: Any]])
        #expect(rows.count == after.accountCount)
        for row in rows {
            guard let id = row["account_id"] as? String, let index = after.index(ofAccount: id) else {
                Issue.record("a board row without a known account_id: \(row)")
                continue
            }
            let replay = MarkReplay(
                records: after.history(of: index), importedTier: after.accounts[index].importedTier, asOf: newest)
            #expect((row["tier"] as? Int) == replay.tier?.rawValue, "\(id): the board's tier is not the replay's")
            if let last = after.history(of: index).last, last.by.hasPrefix("racer-"),
                case .mark(let action, let note) = last.event
            {
                let decision = row["decision"] as? [String: Any]
                #expect(decision?["mark"] as? String == action.rawValue, "\(id)'s decision")
                #expect(decision?["by"] as? String == last.by, "\(id)'s decision")
                #expect(decision?["note"] as? String == note, "\(id)'s decision")
            }
        }
        #expect(try store.integrityCheck() == "ok")
        #expect(elapsed < 200, "the concurrent marks took \(Int(elapsed)) s")
    }

    /// Each history row's `tier_before`/`tier_after` (read with `sqlite3`) equals a replay of the
    /// account's history up to it, and each row's `tier_before` is the previous row's `tier_after`.
    private func expectStoredTiersMatchReplay(workspace: ProcessWorkspace, programme: Programme) throws {
        guard
            let stored = try workspace.sqlite(
                """
                SELECT a.account_id, coalesce(h.tier_before, 0), coalesce(h.tier_after, 0)
                FROM history h JOIN account a ON a.number = h.account ORDER BY h.account, h.seq
                """)
        else { return }
        var rowsByAccount: [String: [(before: Int, after: Int)]] = [:]
        for line in stored.output.split(separator: "\n") {
            let fields = line.split(separator: "|").map(String.init)
            guard fields.count == 3, let before = Int(fields[1]), let after = Int(fields[2]) else {
                Issue.record("an unreadable history row: \(line)")
                continue
            }
            rowsByAccount[fields[0], default: []].append((before, after))
        }
        var mismatches: [String] = []
        for index in 0..<programme.accountCount {
            let id = programme.accounts[index].id
            let history = programme.history(of: index)
            let rows = rowsByAccount[id] ?? []
            guard rows.count == history.count else {
                mismatches.append("\(id): \(rows.count) stored rows, \(history.count) records")
                continue
            }
            for (offset, row) in rows.enumerated() {
                let replay = MarkReplay(
                    records: Array(history.prefix(offset + 1)), importedTier: programme.accounts[index].importedTier,
                    asOf: .distantFuture)
                let previous = offset == 0 ? nil : rows[offset - 1].after
                if row.after != (replay.tier?.rawValue ?? 0) || (previous != nil && previous != row.before) {
                    mismatches.append("\(id) record \(offset): stored \(row.before)→\(row.after)")
                }
            }
        }
        #expect(mismatches.isEmpty, "stored tiers that disagree with the replay: \(mismatches.prefix(10))")
    }

    // MARK: - SIGKILL during an import

    @Test("a SIGKILL during an import's write leaves the store as it was, and sound")
    func sigkillDuringImport() throws {
        let workspace = try ProcessWorkspace()
        try workspace.importSample()
        // Read in a scope of its own, so that no connection of this process stays open.
        let (counts, revision, accounts) = try {
            let store = try SQLiteStore(path: workspace.database, create: false)
            #expect(try store.integrityCheck() == "ok")
            return (try store.rowCounts(), try store.revision(), try store.loadProgramme().accounts.map(\.id))
        }()
        let big = try workspace.writeBigTouches(rows: 300_000, accounts: accounts)

        // 1. Killed while it holds the write lock (validation done, rows being written).
        let first = try workspace.start(["import", "touches", big], name: "import-1")
        let locked = workspace.waitForWriteLock(while: first, timeout: 120)
        if locked { usleep(300_000) }
        let killedFirst = first.kill()
        first.wait(timeout: 60)
        #expect(locked, "the import never took the write lock: \(first.error)")
        #expect(killedFirst && first.killedBySignal, "the import ended before it could be killed: \(first.output)")
        try expectUnchanged(workspace: workspace, counts: counts, revision: revision)

        // 2. Killed as soon as its commit starts filling the WAL (when the poll catches it): the
        //    store holds either none or all of the file, never part of it.
        let second = try workspace.start(["import", "touches", big], name: "import-2")
        _ = workspace.waitForWriteLock(while: second, timeout: 120)
        let wal = workspace.database + "-wal"
        let walBefore = fileSize(wal)
        while second.isRunning && fileSize(wal) < walBefore + 1 << 20 { usleep(1_000) }
        let killedSecond = second.kill()
        second.wait(timeout: 60)
        var complete = !(killedSecond && second.killedBySignal)
        if !complete {
            let now = try SQLiteStore(path: workspace.database, create: false).rowCounts()
            complete = now["touches"] == (counts["touches"] ?? 0) + 300_000
            if !complete { try expectUnchanged(workspace: workspace, counts: counts, revision: revision) }
        } else {
            #expect(second.status == 0, "the uninterrupted import failed: \(second.error)")
        }

        // 3. The store takes the import whole afterwards, and a mark right away.
        if !complete {
            let third = try workspace.run(["import", "touches", big])
            #expect(third.status == 0, "\(third.error)")
        }
        let reopened = try SQLiteStore(path: workspace.database, create: false)
        let final = try reopened.rowCounts()
        #expect(final["touches"] == (counts["touches"] ?? 0) + 300_000)
        #expect(final["touch_key"] == (counts["touch_key"] ?? 0) + 300_000)
        #expect(try reopened.integrityCheck() == "ok")
        let mark = try workspace.run(["mark", accounts[0], "work", "--by", "after-kill"])
        #expect(mark.status == 0, "\(mark.error)")
    }

    @Test("a mark made while an import writes waits for it and is recorded (SPEC §7.7)")
    func markDuringImport() throws {
        let workspace = try ProcessWorkspace()
        try workspace.importSample()
        let (touches, accounts) = try {
            let store = try SQLiteStore(path: workspace.database, create: false)
            return (try store.rowCounts()["touches"] ?? 0, try store.loadProgramme().accounts.map(\.id))
        }()
        let big = try workspace.writeBigTouches(rows: 200_000, accounts: accounts)
        let history = try workspace.historyCount()
        let importing = try workspace.start(["import", "touches", big], name: "import")
        let locked = workspace.waitForWriteLock(while: importing, timeout: 120)
        let board = try workspace.start(["board", "--json"], name: "board")
        let mark = try workspace.run(["mark", accounts[1], "hold", "--by", "waiter", "--note", "during the import"])
        board.wait(timeout: 120)
        importing.wait(timeout: 120)
        #expect(locked, "the import never took the write lock (it ended first?): \(importing.error)")
        #expect(mark.status == 0, "the mark failed: \(mark.error)")
        #expect(mark.error.isEmpty, "\(mark.error)")
        #expect(board.status == 0, "the board failed during the import: \(board.error)")
        #expect(importing.status == 0, "the import failed: \(importing.error)")
        let store = try SQLiteStore(path: workspace.database, create: false)
        #expect(try store.rowCounts()["touches"] == touches + 200_000)
        #expect(try workspace.historyCount() == history + 1)
        let programme = try store.loadProgramme()
        let last = programme.history(of: try #require(programme.index(ofAccount: accounts[1]))).last
        #expect(last?.by == "waiter")
        #expect(last?.event == .mark(.hold, note: "during the import"))
    }

    private func expectUnchanged(
        workspace: ProcessWorkspace, counts: [String: Int], revision: Int64,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let reopened = try SQLiteStore(path: workspace.database, create: false)
        #expect(try reopened.rowCounts() == counts, sourceLocation: sourceLocation)
        #expect(try reopened.revision() == revision, sourceLocation: sourceLocation)
        #expect(try reopened.integrityCheck() == "ok", sourceLocation: sourceLocation)
        if let check = try workspace.sqlite("PRAGMA foreign_key_check") {
            #expect(
                check.output.isEmpty, "rows breaking a foreign key: \(check.output)", sourceLocation: sourceLocation)
        }
    }

    // MARK: - Exit statuses

    @Test("an unknown account exits 1 with one line on stderr that suggests the closest ids")
    func unknownAccount() throws {
        let workspace = try ProcessWorkspace()
        try workspace.importSample()
        let history = try workspace.historyCount()
        for arguments in [["mark", "A-001", "work"], ["undo", "a-0001"], ["explain", "A-001"]] {
            let run = try workspace.run(arguments)
            #expect(run.status == 1, "\(arguments): \(run.status) \(run.error)")
            let lines = run.error.split(separator: "\n", omittingEmptySubsequences: true)
            #expect(lines.count == 1, "\(arguments): \(run.error)")
            #expect(run.error.contains("did you mean"), "\(arguments): \(run.error)")
            #expect(run.error.contains("\"A-0001\""), "\(arguments): \(run.error)")
        }
        #expect(try workspace.historyCount() == history)
    }

    @Test("a refused mark exits 1 with one line and records nothing")
    func refusedMark() throws {
        let workspace = try ProcessWorkspace()
        try workspace.importSample()
        let board = try workspace.boardJSON(asOf: nil, includeRemoved: false)
        let rows = try #require(board["accounts"] as? [[String: Any]])
        let tierOne = try #require(rows.first { $0["tier"] as? Int == 1 }?["account_id"] as? String)
        let history = try workspace.historyCount()
        for arguments in [
            ["mark", tierOne, "promote"], ["mark", tierOne, "demote"], ["mark", tierOne, "demote", "--note", " "],
        ] {
            let run = try workspace.run(arguments)
            #expect(run.status == 1, "\(arguments): \(run.status) \(run.error)")
            #expect(run.error.split(separator: "\n").count == 1, "\(arguments): \(run.error)")
            #expect(run.error.contains("nothing recorded"), "\(arguments): \(run.error)")
        }
        #expect(try workspace.historyCount() == history)
    }

    @Test("usage errors exit 64 with one line that says what was expected")
    func usageErrors() throws {
        let workspace = try ProcessWorkspace()
        try workspace.importSample()
        let history = try workspace.historyCount()
        let cases: [([String], String)] = [
            (["board", "--bogus"], "--bogus"),
            (["mark", "A-0001", "sideways"], "promote"),
            (["import", "bogus", "sample/accounts.csv"], "opportunities"),
            (["log-touch", "A-0001", "--channel", "telepathy"], "meeting"),
            (["log-touch", "A-0001", "--channel", "phone", "--direction", "sideways"], "outbound"),
        ]
        for (arguments, expected) in cases {
            let run = try workspace.run(arguments)
            #expect(run.status == 64, "\(arguments): \(run.status) \(run.error)")
            #expect(run.error.split(separator: "\n").count == 1, "\(arguments): \(run.error)")
            #expect(
                run.error.contains(expected), "\(arguments): the message does not say \"\(expected)\": \(run.error)")
        }
        #expect(try workspace.historyCount() == history)
    }

    @Test("a missing playbook exits 64, a bad one 65")
    func playbooks() throws {
        let workspace = try ProcessWorkspace()
        try workspace.importSample()
        let missing = try workspace.run(["--playbook", "no-such-playbook.toml", "board"])
        #expect(missing.status == 64, "\(missing.status) \(missing.error)")
        try workspace.write("bad.toml", "[score]\nhalf_life_days = -1\n")
        let bad = try workspace.run(["--playbook", "bad.toml", "board"])
        #expect(bad.status == 65, "\(bad.status) \(bad.error)")
        #expect(bad.error.contains("score.half_life_days"), "\(bad.error)")
    }

    @Test("processes importing into a store that does not exist yet, at once, all succeed")
    func createAtOnce() throws {
        let workspace = try ProcessWorkspace()
        let sample = try workspace.run(["sample", "--out", "sample"])
        try #require(sample.status == 0, "\(sample.error)")
        var failures: [String] = []
        for round in 0..<8 {
            let database = workspace.path("race-\(round).sqlite")
            let go = workspace.path("go-\(round)")
            let command =
                "while [ ! -e \(shellQuoted(go)) ]; do sleep 0.005; done; exec \(shellQuoted(workspace.binary)) "
                + "--db \(shellQuoted(database)) import accounts sample/accounts.csv"
            let runs = try (0..<4).map { _ in try workspace.start(["/bin/bash", "-c", command], direct: true) }
            usleep(100_000)
            _ = FileManager.default.createFile(atPath: go, contents: Data())
            for run in runs {
                run.wait(timeout: 60)
                if run.status != 0 { failures.append(run.error.replacingOccurrences(of: database, with: "STORE")) }
            }
            let store = try SQLiteStore(path: database, create: false)
            #expect(try store.rowCounts()["account"] == 300)
        }
        #expect(failures.count == 0, "\(failures.count) of 32 imports failed: \(Set(failures).sorted())")
    }

    @Test("a bad --as-of exits 64 with one line and records nothing")
    func badAsOf() throws {
        let workspace = try ProcessWorkspace()
        try workspace.importSample()
        let history = try workspace.historyCount()
        for value in ["bogus", "2026-13-01", "2026-11-31T10:00:00Z", ""] {
            for arguments in [
                ["--as-of", value, "board"], ["board", "--json", "--as-of", value],
                ["--as-of", value, "mark", "A-0001", "work"],
            ] {
                let run = try workspace.run(arguments)
                #expect(run.status == 64, "\(arguments): \(run.status) \(run.error)")
                #expect(run.output.isEmpty, "\(arguments)")
                #expect(run.error.split(separator: "\n").count == 1, "\(arguments): \(run.error)")
            }
        }
        #expect(try workspace.historyCount() == history)
    }

    @Test("a missing import file exits 64 and creates no store")
    func missingFile() throws {
        let workspace = try ProcessWorkspace()
        let run = try workspace.run(["import", "accounts", "no-such-file.csv"])
        #expect(run.status == 64, "\(run.status) \(run.error)")
        #expect(run.error.contains("no-such-file.csv"), "\(run.error)")
        #expect(run.error.split(separator: "\n").count == 1, "\(run.error)")
        #expect(!FileManager.default.fileExists(atPath: workspace.database))

        try workspace.importSample()
        let counts = try SQLiteStore(path: workspace.database, create: false).rowCounts()
        let again = try workspace.run(["import", "touches", "missing-touches.csv"])
        #expect(again.status == 64, "\(again.status) \(again.error)")
        #expect(try SQLiteStore(path: workspace.database, create: false).rowCounts() == counts)
    }

    @Test("a bad CSV row exits 65, names FILE:LINE and the column, and stores nothing from the file")
    func badRows() throws {
        let workspace = try ProcessWorkspace()
        try workspace.importSample()
        let store = try SQLiteStore(path: workspace.database, create: false)
        let counts = try store.rowCounts()
        let revision = try store.revision()

        try workspace.write(
            "bad-touches.csv",
            """
            touch_id,account_id,channel,direction,occurred_at
            NEW-1,A-0001,meeting,outbound,2026-11-10T10:00:00Z
            NEW-2,A-0001,telepathy,outbound,2026-11-10T11:00:00Z
            NEW-3,A-0002,web,sideways,2026-11-10T12:00:00Z
            NEW-4,NO-SUCH-ACCOUNT,web,inbound,2026-11-10T13:00:00Z

            """)
        let touches = try workspace.run(["import", "touches", "bad-touches.csv"])
        #expect(touches.status == 65, "\(touches.status) \(touches.error)")
        let lines = touches.error.split(separator: "\n").map(String.init)
        let rowLines = lines.filter { $0.hasPrefix("bad-touches.csv:") && $0.dropFirst(16).first?.isNumber == true }
        #expect(rowLines.count == 3, "\(touches.error)")
        #expect(lines.count <= 4, "\(touches.error)")
        for (line, column) in [(3, "channel"), (4, "direction"), (5, "account_id")] {
            let prefix = "bad-touches.csv:\(line): column \"\(column)\": expected "
            #expect(lines.contains { $0.hasPrefix(prefix) }, "no \(prefix)… in \(touches.error)")
        }
        #expect(lines.contains { $0.contains("found \"telepathy\"") }, "\(touches.error)")

        try workspace.write(
            "bad-accounts.csv", "account_id,name,tier\nNEW-A,Good Co,2\nNEW-B,Bad Co,4\nA-0001,Renamed,1\n")
        let accounts = try workspace.run(["import", "accounts", "bad-accounts.csv"])
        #expect(accounts.status == 65, "\(accounts.status) \(accounts.error)")
        let accountLines = accounts.error.split(separator: "\n")
        #expect(accountLines.first == "bad-accounts.csv:3: column \"tier\": expected 1, 2 or 3, found \"4\"")
        #expect(accountLines.count <= 2, "\(accounts.error)")

        #expect(try store.rowCounts() == counts)
        #expect(try store.revision() == revision)
        let programme = try store.loadProgramme()
        #expect(programme.index(ofAccount: "NEW-A") == nil)
        #expect(programme.accounts[try #require(programme.index(ofAccount: "A-0001"))].name != "Renamed")
    }

    // MARK: - JSON

    @Test("board --json has the keys of SPEC §5 on every row")
    func boardJSONKeys() throws {
        let workspace = try ProcessWorkspace()
        try workspace.importSample()
        let board = try workspace.boardJSON(asOf: "2026-11-20T16:00:00Z", includeRemoved: true)
        #expect(board["as_of"] as? String == "2026-11-20T16:00:00Z")
        let rows = try #require(board["accounts"] as? [[String: Any]])
        #expect(rows.count == 300)
        let keys: Set<String> = [
            "account_id", "name", "tier", "owner", "demand_state", "engagement_score", "surging", "surging_topics",
            "last_touch", "stakeholders_30d", "active_contacts", "roles_covered", "sla", "recommendation",
            "recommendation_reason", "decision",
        ]
        var notes = 0
        var dueAts = 0
        for row in rows {
            let id = row["account_id"] as? String ?? "?"
            #expect(Set(row.keys) == keys, "\(id): \(Set(row.keys).symmetricDifference(keys))")
            let roles = row["roles_covered"] as? [String]
            #expect(roles != nil, "\(id): roles_covered is not a list of strings")
            #expect(roles == roles?.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }, "\(id): roles_covered")
            let sla = row["sla"] as? [String: Any]
            #expect(Set(sla?.keys.map { $0 } ?? []) == ["status", "due_at"], "\(id): sla \(String(describing: sla))")
            if let sla, sla["status"] as? String == "none" {
                #expect(sla["due_at"] is NSNull, "\(id): sla.due_at must be null when the status is none")
            } else if sla?["due_at"] is String {
                dueAts += 1
            }
            if let decision = row["decision"] as? [String: Any] {
                #expect(Set(decision.keys) == ["mark", "by", "at", "note"], "\(id): \(decision)")
                #expect(decision["note"] is NSNull || decision["note"] is String, "\(id): decision.note")
                if decision["note"] is String { notes += 1 }
            } else {
                #expect(row["decision"] is NSNull, "\(id): decision")
            }
            if let last = row["last_touch"] as? [String: Any] {
                #expect(Set(last.keys) == ["at", "channel", "direction"], "\(id): \(last)")
            } else {
                #expect(row["last_touch"] is NSNull, "\(id): last_touch")
            }
        }
        #expect(notes > 0, "no decision carries a note")
        #expect(dueAts > 0, "no SLA has a due_at")

        // Ordered by tier (removed last), then score (highest first), then id.
        let order = rows.map { row -> (Int, Int, String) in
            ((row["tier"] as? Int) ?? 4, -((row["engagement_score"] as? Int) ?? 0), row["account_id"] as? String ?? "")
        }
        #expect(zip(order, order.dropFirst()).allSatisfy { $0 <= $1 }, "the rows are not in SPEC §5's order")
        // Without --include-removed no row has a null tier.
        let visible = try #require(
            try workspace.boardJSON(asOf: "2026-11-20T16:00:00Z", includeRemoved: false)["accounts"]
                as? [[String: Any]])
        #expect(visible.allSatisfy { $0["tier"] is Int })
        #expect(visible.count == rows.filter { $0["tier"] is Int }.count)
        #expect(visible.count < rows.count)
    }

    @Test("health --json has movement and holdout on every tier (holdout only on Tier 2)")
    func healthJSONKeys() throws {
        let workspace = try ProcessWorkspace()
        try workspace.importSample()
        let run = try workspace.run(["--as-of", "2026-11-20T16:00:00Z", "health", "--json"])
        #expect(run.status == 0, "\(run.error)")
        let health = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        #expect(health["as_of"] as? String == "2026-11-20T16:00:00Z")
        let tiers = try #require(health["tiers"] as? [[String: Any]])
        #expect(tiers.compactMap { $0["tier"] as? Int } == [1, 2, 3])
        for tier in tiers {
            let number = tier["tier"] as? Int ?? 0
            let movement = tier["movement"] as? [String: Any]
            #expect(movement?["rose"] is Int && movement?["fell"] is Int, "tier \(number): movement")
            #expect(tier.keys.contains("holdout"), "tier \(number): no holdout key")
            if number == 2 {
                let holdout = try #require(tier["holdout"] as? [String: Any], "tier 2: holdout is not an object")
                for group in ["holdout", "rest"] {
                    let entry = holdout[group] as? [String: Any]
                    #expect(Set(entry?.keys.map { $0 } ?? []) == ["accounts", "with_pipeline", "share"], "\(group)")
                }
            } else {
                #expect(tier["holdout"] is NSNull, "tier \(number): holdout should be null")
            }
            let sla = tier["sla"] as? [String: Any]
            #expect(sla?.keys.contains("follow_up_rate") == true, "tier \(number): sla")
        }
    }

    // MARK: - The sample data

    @Test("the sample's six files import and show every state, SLA status and recommendation")
    func sampleImport() throws {
        let workspace = try ProcessWorkspace()
        let summaries = try workspace.importSample()
        for (kind, line) in summaries {
            #expect(line.contains("imported"), "\(kind): \(line)")
        }
        let board = try workspace.boardJSON(asOf: "2026-11-20T16:00:00Z", includeRemoved: true)
        let rows = try #require(board["accounts"] as? [[String: Any]])
        let states = Set(rows.compactMap { $0["demand_state"] as? String })
        let statuses = Set(rows.compactMap { ($0["sla"] as? [String: Any])?["status"] as? String })
        let recommendations = Set(rows.compactMap { $0["recommendation"] as? String })
        #expect(states == ["target", "aware", "engaged", "opportunity", "customer", "expansion"])
        #expect(statuses == ["met", "late", "breached", "due", "held", "none"])
        #expect(recommendations == ["promote", "work", "demote", "hold", "none"])
        #expect(rows.contains { $0["tier"] is NSNull }, "no removed account")

        // Importing the same six files again changes nothing.
        let revision = try SQLiteStore(path: workspace.database, create: false).revision()
        for (kind, line) in try workspace.importSample(generate: false) {
            #expect(line.contains("(0 new, 0 changed"), "\(kind): \(line)")
        }
        #expect(try SQLiteStore(path: workspace.database, create: false).revision() == revision)
    }
}

// MARK: - Support

/// The size of the file at `path`, 0 when there is none.
private func fileSize(_ path: String) -> Int {
    var info = stat()
    return stat(path, &info) == 0 ? Int(info.st_size) : 0
}

/// `text` quoted for bash.
private func shellQuoted(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
}

/// A child process whose standard output and error go to files.
final class ChildProcess {
    let process = Process()
    let outputPath: String
    let errorPath: String

    init(executable: String, arguments: [String], directory: URL, environment: [String: String], name: String)
        throws
    {
        outputPath = directory.appendingPathComponent("\(name).out").path
        errorPath = directory.appendingPathComponent("\(name).err").path
        _ = FileManager.default.createFile(atPath: outputPath, contents: Data())
        _ = FileManager.default.createFile(atPath: errorPath, contents: Data())
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errorPath))
        try process.run()
    }

    var isRunning: Bool { process.isRunning }

    /// Waits for the process to end; kills it after `timeout` seconds.
    func wait(timeout: TimeInterval) {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(5_000) }
        if process.isRunning {
            Issue.record("\(process.arguments ?? []) ran longer than \(Int(timeout)) s; killed")
            _ = kill()
        }
        process.waitUntilExit()
    }

    /// Sends SIGKILL; `false` when the process had already ended.
    func kill() -> Bool {
        guard process.isRunning else { return false }
        #if canImport(Glibc)
            return Glibc.kill(process.processIdentifier, SIGKILL) == 0
        #else
            return Darwin.kill(process.processIdentifier, SIGKILL) == 0
        #endif
    }

    var status: Int32 { process.terminationStatus }
    var killedBySignal: Bool { process.terminationReason == .uncaughtSignal && status == SIGKILL }
    var output: String { (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "" }
    var error: String { (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? "" }
}

/// A temporary directory with a store path, and the binary to run there.
final class ProcessWorkspace {
    let directory: URL
    let binary: String
    /// The `--db` value: the SQLite file in the directory, or the team store given.
    let database: String
    /// Who records (`ABMBOARD_USER`).
    let user: String
    private var started = 0

    /// A workspace on `database` (default: `store.sqlite` in the directory), recording as `user`.
    init(database: String? = nil, user: String = "process-tests", sourceLocation: SourceLocation = #_sourceLocation)
        throws
    {
        binary = try #require(AbmboardBinary.path, AbmboardBinary.missing, sourceLocation: sourceLocation)
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("abmboard-process-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        self.database = database ?? directory.appendingPathComponent("store.sqlite").path
        self.user = user
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    func path(_ name: String) -> String {
        directory.appendingPathComponent(name).path
    }

    func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: directory.appendingPathComponent(name))
    }

    /// The environment of every child: the store and the user set, nothing inherited that could
    /// change what the binary does.
    private var environment: [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["ABMBOARD_DB"] = database
        environment["ABMBOARD_USER"] = user
        environment["NO_COLOR"] = "1"
        return environment
    }

    /// Starts `abmboard ARGUMENTS` (or, with `direct`, the executable in `arguments[0]`).
    func start(_ arguments: [String], name: String? = nil, direct: Bool = false) throws -> ChildProcess {
        started += 1
        let name = name ?? "run-\(started)"
        if direct {
            return try ChildProcess(
                executable: arguments[0], arguments: Array(arguments.dropFirst()), directory: directory,
                environment: environment, name: name)
        }
        return try ChildProcess(
            executable: binary, arguments: ["--db", database] + arguments, directory: directory,
            environment: environment, name: name)
    }

    /// Runs `abmboard ARGUMENTS` to the end.
    func run(_ arguments: [String], timeout: TimeInterval = 120) throws -> ChildProcess {
        let child = try start(arguments)
        child.wait(timeout: timeout)
        return child
    }

    /// Writes the sample programme (unless `generate` is false) and imports its six files in order;
    /// returns each kind's summary line. A failed import fails the test.
    @discardableResult
    func importSample(generate: Bool = true, sourceLocation: SourceLocation = #_sourceLocation) throws
        -> [(String, String)]
    {
        if generate {
            let sample = try run(["sample", "--out", "sample"])
            try #require(sample.status == 0, "abmboard sample failed: \(sample.error)", sourceLocation: sourceLocation)
        }
        var summaries: [(String, String)] = []
        for kind in ["accounts", "contacts", "touches", "intent", "opportunities", "marks"] {
            let run = try run(["import", kind, "sample/\(kind).csv"])
            try #require(
                run.status == 0, "importing sample/\(kind).csv exited \(run.status): \(run.error)",
                sourceLocation: sourceLocation)
            summaries.append((kind, run.output))
        }
        return summaries
    }

    /// `board --json` parsed.
    func boardJSON(asOf: String?, includeRemoved: Bool, sourceLocation: SourceLocation = #_sourceLocation) throws
        -> [String: Any]
    {
        var arguments = asOf.map { ["--as-of", $0] } ?? []
        arguments += ["board", "--json"] + (includeRemoved ? ["--include-removed"] : [])
        let run = try run(arguments)
        try #require(run.status == 0, "board --json exited \(run.status): \(run.error)", sourceLocation: sourceLocation)
        let object = try JSONSerialization.jsonObject(with: Data(run.output.utf8))
        return try #require(object as? [String: Any], "board --json is not an object", sourceLocation: sourceLocation)
    }

    /// The number of history records.
    func historyCount() throws -> Int {
        try SQLiteStore(path: database, create: false).rowCounts()["history"] ?? 0
    }

    /// Writes a touches file of `rows` touches spread over `accounts` (no contacts), in the
    /// last weeks of the sample's programme; returns its name.
    func writeBigTouches(rows: Int, accounts: [String]) throws -> String {
        let channels = ["web", "display", "linkedin", "email", "content", "webinar", "event", "phone", "meeting"]
        let topics = ["data observability", "pricing", "security review", "migration"]
        let start = Instant.parseISO8601("2026-09-01T00:00:00Z")?.seconds ?? 0
        var text = "touch_id,account_id,channel,direction,occurred_at,topic\n"
        text.reserveCapacity(rows * 70)
        for row in 0..<rows {
            let time = Instant(seconds: start + Int64(row) * 23 % (80 * 86_400))
            text += "BIG-\(row),\(accounts[row % accounts.count]),\(channels[row % channels.count]),"
            text += row % 3 == 0 ? "outbound," : "inbound,"
            text += "\(time.iso8601),\(topics[row % topics.count])\n"
        }
        try write("big-touches.csv", text)
        return "big-touches.csv"
    }

    /// Polls with `sqlite3` until another connection holds the store's write lock (`true`), or
    /// `child` ends or `timeout` passes (`false`). The lock must be seen held on two probes 50 ms
    /// apart, so that a moment's lock (opening the store) does not count as the write phase.
    func waitForWriteLock(while child: ChildProcess, timeout: TimeInterval) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        var seen = false
        while child.isRunning && Date() < deadline {
            let probe = try? sqlite("BEGIN IMMEDIATE; ROLLBACK;", timeoutMilliseconds: 0)
            let locked = probe.map { $0.status != 0 && $0.error.contains("locked") } ?? false
            if locked && seen { return true }
            seen = locked
            usleep(locked ? 50_000 : 20_000)
        }
        return false
    }

    /// Runs `sql` with the `sqlite3` tool on the store; `nil` (with an issue) when it is missing.
    func sqlite(_ sql: String, timeoutMilliseconds: Int = 10_000) throws -> ChildProcess? {
        guard let tool = AbmboardBinary.sqlite3 else {
            Issue.record("the sqlite3 command-line tool is not installed")
            return nil
        }
        let child = try start([tool, "-batch", "-cmd", ".timeout \(timeoutMilliseconds)", database, sql], direct: true)
        child.wait(timeout: 60)
        return child
    }
}
