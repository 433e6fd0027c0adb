import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The board as a person meets it (SPEC §6): the real `abmboard` binary in a real terminal — a
/// private tmux server per test, 140×40 — driven with keys and read back from the screen. The
/// first screen; a mark made with `w` reaching the store; another process's mark appearing on the
/// open board without a key press; `q`, Ctrl-C, SIGTERM and SIGHUP leaving the terminal as they
/// found it; a storm of resizes; account names full of escape sequences, CJK, emoji and combining
/// accents. Every wait polls the screen up to a generous deadline and asserts no duration. Needs
/// tmux (`apt-get install tmux`): without it every test fails and says so.
@Suite("the board in a real terminal (tmux)", .serialized)
struct BoardTerminalTests {
    /// The instant every board here is fixed at: the sample programme's own as-of.
    static let asOf = "2026-11-20T16:00:00Z"

    // MARK: - The first screen

    @Test("the first screen shows the header, the accounts in board order, the status bar and the keys")
    func firstScreen() throws {
        let board = try TmuxBoard()
        try board.importSample()
        let rows = try board.boardRows()
        try board.startBoard()
        let screen = try board.waitForScreen("the board's first screen") { $0.showsBoard }

        #expect(screen.lines.count == 40, "the pane is 40 lines high; the capture has \(screen.lines.count)")
        let header = screen.line(0)
        #expect(header.hasPrefix("account"), "the first line is not the header: \(header)")
        for column in ["tier", "owner", "state", "score", "last touch", "SLA", "decision"] {
            #expect(header.contains(column), "the header has no \"\(column)\": \(header)")
        }
        // Lines 1…37 are the first 37 accounts of `board --json`, in its order.
        try #require(rows.count >= 37, "the sample has only \(rows.count) accounts on the board")
        for (offset, row) in rows.prefix(37).enumerated() {
            let line = screen.line(offset + 1)
            let name = String((row["name"] as? String ?? "?").prefix(20))
            let tier = " T\(row["tier"] as? Int ?? 0) "
            #expect(
                line.hasPrefix(name) && line.contains(tier),
                "line \(offset + 1) should be \(row["account_id"] ?? "?") (\(name)…,\(tier)): \(line)")
        }
        let decided = rows.filter { $0["decision"] is [String: Any] }.count
        let status = screen.line(38)
        for part in [
            "store.sqlite", "as of \(Self.asOf)", "week 2026-W47", "tester", "\(decided)/\(rows.count) decided", "live",
        ] {
            #expect(status.contains(part), "the status bar does not say \"\(part)\": \(status)")
        }
        let footer = screen.line(39)
        for key in ["j/k", "Enter", "w/h/d/p", "u undo", "/ search", "? help", "q quit"] {
            #expect(footer.contains(key), "the footer does not list \"\(key)\": \(footer)")
        }
    }

    // MARK: - Marking

    @Test("w on an account found with / marks it work as the board's user: on screen and in the store; u takes it back")
    func markWithW() throws {
        let board = try TmuxBoard()
        try board.importSample()
        let target = try #require(
            try board.boardRows().first { $0["tier"] as? Int == 2 && $0["decision"] is NSNull },
            "the sample has no undecided Tier 2 account")
        let id = try #require(target["account_id"] as? String)
        let name = String(try #require(target["name"] as? String).prefix(20))
        try board.startBoard()
        try board.waitForScreen("the board") { $0.showsBoard }

        try board.sendKeys("/")
        try board.type(id)
        try board.sendKeys("Enter")
        let found = try board.waitForScreen("the search for \(id) to leave its row alone on the board") {
            $0.line(1).hasPrefix(name) && $0.line(2).isEmpty && $0.status.hasPrefix("store.sqlite")
        }
        #expect(!found.line(1).contains("work ·"), "\(id) already shows a decision: \(found.line(1))")

        try board.sendKeys("w")
        let marked = try board.waitForScreen("\(id)'s row to show the mark") { $0.line(1).contains("work · tester") }
        #expect(marked.line(1).hasPrefix(name), "the marked row is not \(id)'s: \(marked.line(1))")
        #expect(marked.status.contains("\(id): work by tester"), "the status bar: \(marked.status)")
        let decision = try #require(
            try board.boardRow(id)["decision"] as? [String: Any], "board --json shows no decision on \(id)")
        #expect(decision["mark"] as? String == "work", "\(decision)")
        #expect(decision["by"] as? String == "tester", "\(decision)")
        #expect(decision["at"] as? String == Self.asOf, "\(decision)")
        #expect(decision["note"] is NSNull, "\(decision)")

        try board.sendKeys("u")
        try board.waitForScreen("\(id)'s row to lose the mark after u") { $0.line(1) == found.line(1) }
        #expect(try board.boardRow(id)["decision"] is NSNull, "the undo did not reach the store")
    }

    @Test("y copies the selected account's id and Y its row through the terminal (OSC 52), saying so")
    func copyWithY() throws {
        let board = try TmuxBoard()
        try board.importSample()
        let target = try #require(try board.boardRows().first, "the sample has no account")
        let id = try #require(target["account_id"] as? String)
        let name = try #require(target["name"] as? String)
        try board.startBoard()
        try board.acceptClipboard()
        try board.waitForScreen("the board") { $0.showsBoard }
        try board.searchForOne(id)

        try board.sendKeys("y")
        try board.waitForScreen("the status bar to say the id was copied") {
            $0.status.contains("copied \(id) to the clipboard")
        }
        #expect(board.waitForClipboard { $0 == id } == id)

        try board.sendKeys("Y")
        try board.waitForScreen("the status bar to say the row was copied") {
            $0.status.contains("copied \(id)'s row to the clipboard")
        }
        let row = board.waitForClipboard { $0.hasPrefix(name) }.split(separator: "\t", omittingEmptySubsequences: false)
            .map(String.init)
        #expect(Array(row.prefix(3)) == [name, id, "T\(try #require(target["tier"] as? Int))"], "\(row)")
    }

    @Test(
        "Enter opens the account's card (header, committee, timeline), e its evidence, y copies from it; a view saved after it reopens with --view; :q quits"
    )
    func cardInTheTerminal() throws {
        let board = try TmuxBoard()
        try board.importSample()
        let target = try #require(try board.boardRows().first, "the sample has no account")
        let id = try #require(target["account_id"] as? String)
        let name = try #require(target["name"] as? String)
        try board.startBoard()
        try board.acceptClipboard()
        try board.waitForScreen("the board") { $0.showsBoard }
        try board.searchForOne(id)

        try board.sendKeys("Enter")
        let card = try board.waitForScreen("\(id)'s card with its footer") {
            $0.line(0).contains("  \(id) · ") && $0.lines.last?.contains("e evidence") == true
        }
        #expect(card.line(0).hasPrefix(name), "\(card.line(0))")
        #expect(card.lines.contains { $0.hasPrefix("recommends ") }, "no recommendation on the card")
        // At 140×40 the committee and the timeline sit side by side.
        #expect(
            card.lines.contains { $0.hasPrefix("Buying committee · ") && $0.contains("│ Timeline · ") },
            "no committee beside the timeline on the card")

        try board.sendKeys("e")
        try board.waitForScreen("\(id)'s full evidence") { $0.line(0).hasPrefix("\(id) · ") }
        try board.sendKeys("e")
        try board.waitForScreen("the card again") { $0.line(0).contains("  \(id) · ") }
        try board.sendKeys("y")
        try board.waitForScreen("the status bar to say the id was copied") {
            $0.status.contains("copied \(id) to the clipboard")
        }
        #expect(board.waitForClipboard { $0 == id } == id)

        try board.sendKeys("Escape")
        try board.waitForScreen("the board") { $0.showsBoard }
        try board.sendKeys(":")
        try board.type("view save one")
        try board.sendKeys("Enter")
        try board.waitForScreen("the status bar to say the view was saved") { $0.status.contains("saved view one in") }
        try board.sendKeys(":")
        try board.type("q")
        try board.sendKeys("Enter")
        try board.waitForScreen("the board to quit") { _ in board.paneState().contains("ended with status") }

        try board.restartBoard(arguments: ["--view", "one"])
        try board.waitForScreen("the board on the view") { $0.status.contains("view one") }
        try board.sendKeys("g")
        let reopened = try board.waitForScreen("the view's search") { $0.status.contains("search \"\(id)\"") }
        #expect(reopened.line(1).contains(String(name.prefix(12))) && reopened.line(2).isEmpty, "\(reopened.line(1))")
        try board.sendKeys(":")
        try board.type("q")
        try board.sendKeys("Enter")
        try board.waitForScreen("the board to quit") { _ in board.paneState().contains("ended with status") }
    }

    @Test(":view save keeps the board's search and sort; --view opens the board on it again; :q quits")
    func savedViewAcrossRuns() throws {
        let board = try TmuxBoard()
        try board.importSample()
        try board.startBoard()
        try board.waitForScreen("the board") { $0.showsBoard }
        for command in ["search !group", "sort score reverse", "view save calm"] {
            try board.sendKeys(":")
            try board.type(command)
            try board.sendKeys("Enter")
        }
        try board.waitForScreen("the status bar to say the view was saved") { $0.status.contains("saved view calm in") }
        #expect(try board.read("config/abmboard/config.toml").contains("[views.calm]"))
        try board.sendKeys(":")
        try board.type("q")
        try board.sendKeys("Enter")
        try board.waitForScreen("the board to quit") { _ in board.paneState().contains("ended with status") }

        try board.restartBoard(arguments: ["--view", "calm"])
        try board.waitForScreen("the board saying it opened the view") { $0.status.contains("view calm") }
        // A key clears the message: the status bar shows the view's search and sort.
        try board.sendKeys("g")
        let reopened = try board.waitForScreen("the board on the view") { $0.status.contains("search \"!group\"") }
        #expect(reopened.status.contains("sort score"), "\(reopened.status)")
        // The lowest score first, and no account of the search's text.
        let rows = reopened.lines.dropFirst().dropLast(2)
        #expect(
            reopened.line(1).contains("target") && !rows.contains { $0.lowercased().contains("group") },
            "\(reopened.line(1))")
        let unknown = try board.runAbmboard(["--view", "nope"])
        #expect(unknown.status == 64 && unknown.error.contains("no saved view named \"nope\"; saved views: calm"))
    }

    @Test("a mark made by another process appears on the open board without a key press, highlighted for a moment")
    func markFromAnotherProcess() throws {
        let board = try TmuxBoard()
        try board.importSample()
        let rows = try board.boardRows()
        let decided = rows.filter { $0["decision"] is [String: Any] }.count
        // An undecided account among the 37 rows of the first screen, not the selected first one.
        let index = try #require(
            rows.prefix(37).dropFirst().firstIndex { $0["decision"] is NSNull },
            "no undecided account on the first screen")
        let id = try #require(rows[index]["account_id"] as? String)
        let name = String(try #require(rows[index]["name"] as? String).prefix(20))
        let line = index + 1
        try board.startBoard()
        let first = try board.waitForScreen("the board") { $0.showsBoard }
        try #require(first.line(line).hasPrefix(name), "line \(line) is not \(id)'s: \(first.line(line))")

        let mark = try board.runAbmboard(["--as-of", Self.asOf, "mark", id, "work", "--by", "someone"])
        try #require(mark.status == 0, "abmboard mark exited \(mark.status): \(mark.error)")
        let shown = try board.waitForScreen("\(id)'s row to show the other process's mark", escapes: true) {
            $0.line(line).contains("work · someone")
        }
        #expect(shown.line(line).hasPrefix(name), "the changed row is not \(id)'s: \(shown.line(line))")
        #expect(
            shown.status.contains("\(decided + 1)/\(rows.count) decided"),
            "the status bar does not count the new decision: \(shown.status)")
        // The frame that first shows the change shows the row highlighted; the highlight then goes.
        let highlighted = shown.styledLine(line)
        try board.waitForScreen(
            "the highlight on \(id)'s row to go (the row has kept the look it had when the mark appeared: was it "
                + "ever highlighted?)", escapes: true
        ) { $0.line(line) == shown.line(line) && $0.styledLine(line) != highlighted }
    }

    // MARK: - The meeting

    @Test(
        "a Tier 1 meeting in the terminal: Enter accepts, n and h decide with a note, both reach the store; an account another process decides meanwhile drops out"
    )
    func meetingInTheTerminal() throws {
        let board = try TmuxBoard()
        try board.importSample()
        let rank = ["promote": 0, "work": 1, "demote": 2, "hold": 3]
        let queue = try board.boardRows().filter { $0["tier"] as? Int == 1 && $0["decision"] is NSNull }.sorted {
            a, b in
            let ra = rank[a["recommendation"] as? String ?? ""] ?? 4
            let rb = rank[b["recommendation"] as? String ?? ""] ?? 4
            if ra != rb { return ra < rb }
            let sa = a["engagement_score"] as? Int ?? 0
            let sb = b["engagement_score"] as? Int ?? 0
            if sa != sb { return sa > sb }
            return (a["account_id"] as? String ?? "") < (b["account_id"] as? String ?? "")
        }
        try #require(queue.count >= 4, "the sample has fewer than 4 undecided Tier 1 accounts")
        let ids = queue.map { $0["account_id"] as? String ?? "" }
        try board.startBoard()
        try board.waitForScreen("the board") { $0.showsBoard }

        try board.sendKeys("m")
        try board.waitForScreen("the meeting's menu") { $0.text.contains("Tier 1 · \(queue.count) to decide") }
        try board.sendKeys("Down", "Enter")
        try board.waitForScreen("the meeting's first account") {
            $0.line(0).hasPrefix("Meeting (Tier 1) · Tier 1 · 1 of \(queue.count) ·")
                && $0.line(1).contains("  \(ids[0]) · ")
        }
        try board.sendKeys("Enter")
        try board.waitForScreen("the second account") { $0.line(1).contains("  \(ids[1]) · ") }
        let accepted = try #require(try board.boardRow(ids[0])["decision"] as? [String: Any])
        #expect(accepted["mark"] as? String == queue[0]["recommendation"] as? String, "\(accepted)")
        #expect(accepted["by"] as? String == "tester", "\(accepted)")

        let other = try board.runAbmboard(["--as-of", Self.asOf, "mark", ids[2], "hold", "--by", "someone"])
        try #require(other.status == 0, "abmboard mark exited \(other.status): \(other.error)")
        try board.waitForScreen("the other process's decision to drop \(ids[2]) out of the queue") {
            $0.line(0).contains("· 2 of \(queue.count - 1) ·")
        }
        try board.sendKeys("n")
        try board.type("call the CFO")
        try board.sendKeys("Enter", "h")
        try board.waitForScreen("the account after the one dropped") { $0.line(1).contains("  \(ids[3]) · ") }
        let held = try #require(try board.boardRow(ids[1])["decision"] as? [String: Any])
        #expect(held["mark"] as? String == "hold", "\(held)")
        #expect(held["note"] as? String == "call the CFO", "\(held)")

        try board.sendKeys("Escape")
        let summary = try board.waitForScreen("the meeting's summary") { $0.line(0).hasPrefix("Meeting summary") }
        #expect(summary.text.contains("1 decided by others meanwhile"), "\(summary.text)")
        #expect(summary.text.contains("“call the CFO”"), "\(summary.text)")
        try board.sendKeys("Escape")
        try board.waitForScreen("the board again") { $0.showsBoard }
    }

    // MARK: - Leaving

    @Test(
        "leaving the board restores the terminal: the shell's tty settings, the normal screen, the cursor",
        arguments: ["q", "C-c", "SIGTERM", "SIGHUP"])
    func leavingRestoresTheTerminal(how: String) throws {
        let board = try TmuxBoard()
        try board.importSample()
        try board.startBoardInShell()
        try board.waitForScreen("the board") { $0.showsBoard }
        let during = try board.paneModes()
        #expect(during.alternateScreen, "the board is not drawn on the alternate screen: \(during)")

        var accepted: Set<Int> = [0]
        switch how {
        case "SIGTERM", "SIGHUP":
            let signal = how == "SIGTERM" ? SIGTERM : SIGHUP
            accepted.insert(128 + Int(signal))
            let pid = try board.boardProcessID()
            try #require(kill(pid, signal) == 0, "could not send \(how) to the board (pid \(pid))")
        default:
            if how == "C-c" { accepted.insert(128 + Int(SIGINT)) }
            try board.sendKeys(how)
        }
        let after = try board.waitForScreen("the shell to print the board's exit status after \(how)") {
            $0.lines.contains { $0.hasPrefix("EXIT=") }
        }
        let exit = after.lines.first { $0.hasPrefix("EXIT=") } ?? ""
        let status = Int(exit.dropFirst(5)) ?? -1
        #expect(
            accepted.contains(status), "after \(how) the board exited \(status), expected one of \(accepted.sorted())")
        // The normal screen is back as the shell left it: nothing of the board remains.
        #expect(after.nonEmptyLines == [exit], "the screen after \(how):\n\(after.text)")
        let modes = try board.paneModes()
        #expect(!modes.alternateScreen, "still on the alternate screen after \(how): \(modes)")
        #expect(modes.cursorVisible, "the cursor is still hidden after \(how): \(modes)")
        #expect(!modes.keypad, "the keypad is still in application mode after \(how): \(modes)")
        #expect(!modes.mouse, "mouse reporting is still on after \(how): \(modes)")

        let before = try board.read("stty-before.txt")
        let restored = try board.read("stty-after.txt")
        #expect(
            restored == before, "`stty -a` after \(how) differs from before the board:\n\(before)\n---\n\(restored)")
        let settings = Set(restored.split { " ;\n".contains($0) }.map(String.init))
        for setting in ["echo", "icanon", "isig", "icrnl", "opost", "onlcr"] {
            #expect(
                settings.contains(setting) && !settings.contains("-" + setting),
                "`stty -a` after \(how) does not have \(setting) on:\n\(restored)")
        }
    }

    @Test("the board leaves when its terminal goes away, even with SIGHUP ignored (a dropped SSH session)")
    func leavesWhenTheTerminalCloses() throws {
        let board = try TmuxBoard()
        try board.importSample()
        try board.startBoardInShell(ignoringHangup: true)
        try board.waitForScreen("the board") { $0.showsBoard }
        let pid = try board.boardProcessID()
        try board.closeTerminal()
        let deadline = Date().addingTimeInterval(15)
        while kill(pid, 0) == 0 && Date() < deadline { usleep(50_000) }
        #expect(kill(pid, 0) != 0, "the board (pid \(pid)) is still running after its terminal closed")
    }

    // MARK: - Resizing

    @Test("a storm of resizes, down to 1×1 and up to 300×100, leaves the board running and drawn right")
    func resizeStorm() throws {
        let board = try TmuxBoard()
        try board.importSample()
        try board.startBoard()
        let original = try board.waitForScreen("the board", escapes: true, stable: true) { $0.showsBoard }

        let storm = [
            (1, 1), (10, 3), (39, 7), (40, 8), (300, 100), (2, 60), (200, 2), (41, 9), (80, 24), (1, 1), (140, 40),
            (300, 100), (10, 3), (39, 8), (40, 7),
        ]
        for _ in 0..<3 {
            for (width, height) in storm { try board.resize(width: width, height: height) }
        }
        #expect(try board.isRunning, "the board died in the storm: \(board.paneState())")

        for (width, height) in [(10, 3), (39, 7), (20, 5), (40, 7), (39, 8)] {
            try board.resize(width: width, height: height)
            // Where the whole message fits, it also gives the size the terminal is now.
            let size = width * height >= 60 ? "\(width)×\(height)" : ""
            try board.waitForScreen("the \(width)×\(height) pane to say the size the board needs") {
                $0.lines.count == height && $0.lines.joined().contains("needs 40×8")
                    && (size.isEmpty || $0.lines.joined().contains(size))
            }
        }
        try board.resize(width: 1, height: 1)
        try board.waitForScreen("a 1×1 pane") { $0.lines.count == 1 }
        #expect(try board.isRunning, "the board died at 1×1: \(board.paneState())")

        // The smallest usable size shows the board: the header, five accounts, the status bar, the keys.
        try board.resize(width: 40, height: 8)
        let smallest = try board.waitForScreen("the board at 40×8") { $0.lines.count == 8 && $0.showsBoard }
        for line in 1...5 {
            #expect(smallest.line(line).contains(" T1 "), "40×8, line \(line):\n\(smallest.text)")
        }
        #expect(smallest.line(6).hasPrefix("store.sqlite · as of"), "40×8, the status bar:\n\(smallest.text)")

        try board.resize(width: 300, height: 100)
        let large = try board.waitForScreen("the board at 300×100") {
            $0.lines.count == 100 && $0.showsBoard && $0.line(98).contains("decided")
        }
        let accountLines = large.lines[1...97].filter { $0.contains(" T1 ") || $0.contains(" T2 ") }
        #expect(accountLines.count == 97, "300×100 shows \(accountLines.count) account rows of 97:\n\(large.text)")

        // Back at 140×40 the board is exactly as it was before the storm, colours included.
        try board.resize(width: 140, height: 40)
        let back = try board.waitForScreen("the board back at 140×40", escapes: true) { $0.showsBoard }
        if back.styledLines != original.styledLines {
            // Let a frame still being drawn finish before comparing.
            try board.waitForScreen("the board at 140×40 to look as it did before the storm", escapes: true) {
                $0.styledLines == original.styledLines
            }
        }
        #expect(try board.isRunning, "the board died after the storm: \(board.paneState())")
    }

    // MARK: - Text from the data

    @Test("names with escape sequences show as placeholders and never reach the terminal; wide names keep columns")
    func hostileAndWideNames() throws {
        let board = try TmuxBoard()
        // (id, name in the file, how the board shows it: `?` stands for any one visible placeholder).
        let accounts: [(id: String, name: String, shown: String)] = [
            ("X-0001", "Red\u{1B}[31mAlert Co", "Red␛[31mAlert Co"),
            ("X-0002", "Title\u{1B}]0;pwned\u{07}Co", "Title␛]0;pwned␇Co"),
            ("X-0003", "C1\u{9B}31mCorp", "C1?31mCorp"),
            ("X-0004", "Bidi\u{202E}kcatta Co", "Bidi?kcatta Co"),
            ("X-0005", "\"Line\r\nBreak Co\"", "Line␍␊Break Co"),
            ("X-0006", "Back\u{08}\u{08}\u{08}\u{08}Over\u{7F}Co", "Back␈␈␈␈Over␡Co"),
            ("X-0007", "東京データ株式会社", "東京データ株式会社"),
            ("X-0008", "😀 Smile Co 🚀", "😀 Smile Co 🚀"),
            ("X-0009", "Cafe\u{301} Ame\u{301}lie", "Cafe\u{301} Ame\u{301}lie"),
            ("X-0010", "Plain Trading Co", "Plain Trading Co"),
            // Wider than the name column: cut by display width, a wide character never split.
            ("X-0011", "株式会社東京データ分析研究所国際事業本部", "株式会社東京データ"),
            ("X-0012", "A株式会社東京データ分析研究所国際事業本部", "A株式会社東京データ"),
            ("X-0013", "🚀🎉😀🚀🎉😀🚀🎉😀🚀🎉😀🚀🎉😀🚀🎉😀 Co", "🚀🎉😀🚀🎉😀"),
            ("X-0014", String(repeating: "Ame\u{301}lie ", count: 6) + "SA", "Ame\u{301}lie Ame\u{301}lie"),
        ]
        try board.write(
            "accounts.csv", "account_id,name,tier,owner\n" + accounts.map { "\($0.id),\($0.name),2,dana\n" }.joined())
        let imported = try board.runAbmboard(["import", "accounts", board.path("accounts.csv")])
        try #require(imported.status == 0, "importing accounts.csv exited \(imported.status): \(imported.error)")
        try board.startBoard()
        let screen = try board.waitForScreen("the board with the imported names", stable: true) { screen in
            screen.showsBoard && accounts.allSatisfy { account in screen.lines.contains { shows($0, account.shown) } }
        }

        // Nothing reached the terminal as a control sequence: the title is the one the test set.
        #expect(try board.paneTitle() == TmuxBoard.title, "the pane's title was changed by an account name")
        #expect(!(try board.windowName().contains("pwned")), "the window was renamed by an account name")

        // The tier, owner and state columns start at the header's display column on every row.
        let header = screen.line(0)
        let columns = try ["tier", "owner", "state"].map { word in
            let range = try #require(header.range(of: " \(word) "), "the header has no \"\(word)\": \(header)")
            return try TerminalColumns.of(header[..<range.lowerBound]) + 1
        }
        for account in accounts {
            guard let line = screen.lines.first(where: { shows($0, account.shown) }) else { continue }
            #expect(!line.unicodeScalars.contains { $0.properties.generalCategory == .control }, "\(account.id)")
            var found: [Int] = []
            var rest = line[...]
            for cell in [" T2 ", " dana ", " target "] {
                guard let range = rest.range(of: cell) else { break }
                found.append(try TerminalColumns.of(line[..<range.lowerBound]) + 1)
                rest = line[range.upperBound...]
            }
            #expect(
                found == columns,
                "\(account.id)'s tier, owner and state columns are at \(found), not \(columns): \(line)")
        }

        // The detail view shows the name as text too.
        try board.sendKeys("/")
        try board.type("X-0002")
        try board.sendKeys("Enter")
        try board.waitForScreen("the search for X-0002") { $0.line(1).hasPrefix("Title") && $0.line(2).isEmpty }
        try board.sendKeys("Enter")
        let detail = try board.waitForScreen("X-0002's card") { $0.line(0).contains("  X-0002 · ") }
        #expect(detail.line(0).contains("]0;pwned"), "the detail does not show the name's text: \(detail.line(0))")
        #expect(try board.paneTitle() == TmuxBoard.title, "the pane's title was changed by the detail view")
    }
}

// MARK: - Support

/// Whether `line` starts with `pattern`, where `?` in the pattern is any one character that is not
/// a control or format character (a visible placeholder).
private func shows(_ line: String, _ pattern: String) -> Bool {
    var characters = line.makeIterator()
    for expected in pattern {
        guard let character = characters.next() else { return false }
        if expected == "?" {
            let hidden = character.unicodeScalars.contains {
                [.control, .format].contains($0.properties.generalCategory)
            }
            if hidden { return false }
        } else if character != expected {
            return false
        }
    }
    return true
}

/// `text` quoted for the POSIX shell.
func quotedForShell(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
}

/// Display columns as the terminal counts them: the C library's `wcwidth` in a UTF-8 locale, as
/// tmux does — independent of the board's own width table.
enum TerminalColumns {
    private typealias WidthFunction = @convention(c) (Int32) -> Int32

    static func of(_ text: some StringProtocol) throws -> Int {
        let symbol = try #require(dlsym(dlopen(nil, RTLD_NOW), "wcwidth"), "the C library has no wcwidth")
        let wcwidth = unsafeBitCast(symbol, to: WidthFunction.self)
        let locale = try #require(
            newlocale(LC_CTYPE_MASK, "C.UTF-8", nil) ?? newlocale(LC_CTYPE_MASK, "en_US.UTF-8", nil),
            "no UTF-8 locale (C.UTF-8 or en_US.UTF-8) to measure text with")
        defer { freelocale(locale) }
        // The locale of this thread only, for the duration of the count.
        let previous = uselocale(locale)
        defer { uselocale(previous) }
        return text.unicodeScalars.reduce(0) { $0 + max(Int(wcwidth(Int32(bitPattern: $1.value))), 0) }
    }
}

/// What the pane shows: its lines as text and, when captured with `-e`, with their styles.
struct TerminalScreen: Equatable {
    /// The lines as text (tmux trims trailing spaces).
    let lines: [String]
    /// The lines with tmux's SGR escapes (only from `capture-pane -e`; else the same as `lines`).
    let styledLines: [String]

    init(captured: String, escapes: Bool) {
        var raw = captured.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if raw.last == "" { raw.removeLast() }
        styledLines = raw
        lines = escapes ? raw.map(TerminalScreen.withoutEscapes) : raw
    }

    func line(_ index: Int) -> String { index >= 0 && index < lines.count ? lines[index] : "" }
    func styledLine(_ index: Int) -> String { index >= 0 && index < styledLines.count ? styledLines[index] : "" }

    /// The status bar: the second line from the bottom.
    var status: String { line(lines.count - 2) }
    var text: String { lines.joined(separator: "\n") }
    var nonEmptyLines: [String] { lines.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty } }

    /// The board's table is up: its header on top and its keys at the bottom.
    var showsBoard: Bool {
        line(0).hasPrefix("account") && (lines.last ?? "").hasPrefix("j/k move")
    }

    /// `line` without CSI and OSC escape sequences.
    static func withoutEscapes(_ line: String) -> String {
        var out = String.UnicodeScalarView()
        var scalars = line.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            guard scalar == "\u{1B}" else {
                out.append(scalar)
                continue
            }
            switch scalars.next() {
            case "[":  // CSI: parameters, then a final byte in @…~
                while let next = scalars.next(), !(0x40...0x7E).contains(next.value) {}
            case "]":  // OSC: up to BEL or ESC \
                while let next = scalars.next(), next != "\u{07}" {
                    if next == "\u{1B}" {
                        _ = scalars.next()
                        break
                    }
                }
            default: break
            }
        }
        return String(out)
    }
}

/// The terminal modes tmux tracks for the pane.
struct PaneModes: CustomStringConvertible {
    var alternateScreen: Bool
    var cursorVisible: Bool
    var keypad: Bool
    var mouse: Bool
    var description: String {
        "alternate screen \(alternateScreen), cursor visible \(cursorVisible), keypad \(keypad), mouse \(mouse)"
    }
}

/// A command's exit status and output.
struct CommandResult {
    var status: Int32
    var output: String
    var error: String
}

/// A temporary directory with a store, and a private tmux server whose one session runs the board
/// there. Everything is removed at the end, even when the test fails: the server is killed, the
/// server and the pane's processes waited for (and killed if they linger), the socket and the
/// directory deleted.
final class TmuxBoard {
    /// The pane's title, set before the board starts; nothing the board shows may change it.
    static let title = "abm-e2e"

    let directory: URL
    let binary: String
    let tmux: String
    /// The `--db` value of every command: `store.sqlite` in the directory, or the team store given.
    let database: String
    /// Who the board and the commands record as (`ABMBOARD_USER`).
    let user: String
    private let server = "abm-\(UUID().uuidString)"
    private var socket: String?
    private var serverPID: pid_t?
    private var panePID: pid_t?
    private var commands = 0

    /// A board on `database` (default: a new `store.sqlite` in its directory), recording as `user`.
    init(database: String? = nil, user: String = "tester", sourceLocation: SourceLocation = #_sourceLocation) throws {
        tmux = try #require(
            AbmboardBinary.tmux,
            """
            tmux is not installed: these end-to-end tests drive the board in it; install it \
            (apt-get install tmux, brew install tmux)
            """, sourceLocation: sourceLocation)
        binary = try #require(AbmboardBinary.path, AbmboardBinary.missing, sourceLocation: sourceLocation)
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("abmboard-terminal-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        self.database = database ?? directory.appendingPathComponent("store.sqlite").path
        self.user = user
    }

    deinit {
        if socket != nil { _ = try? run(tmux, tmuxArguments(["kill-server"]), timeout: 30) }
        // The server ends and hangs up the pane; what outlives that for 10 s is killed (the board run
        // by a shell too: its pid is in board.pid).
        let deadline = Date().addingTimeInterval(10)
        let board = (try? read("board.pid")).flatMap { pid_t($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        for pid in [serverPID, panePID, board].compactMap(\.self) {
            while kill(pid, 0) == 0 && Date() < deadline { usleep(20_000) }
            if kill(pid, 0) == 0 { kill(pid, SIGKILL) }
        }
        if let socket { try? FileManager.default.removeItem(atPath: socket) }
        try? FileManager.default.removeItem(at: directory)
    }

    // MARK: The store

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: directory.appendingPathComponent(name))
    }

    func read(_ name: String) throws -> String {
        try String(contentsOfFile: path(name), encoding: .utf8)
    }

    /// Runs `abmboard --db STORE ARGUMENTS` to its end.
    func runAbmboard(_ arguments: [String]) throws -> CommandResult {
        try run(binary, ["--db", database] + arguments, timeout: 120)
    }

    /// Imports the six files of `sample-data/` in order; a failed import fails the test.
    func importSample(sourceLocation: SourceLocation = #_sourceLocation) throws {
        let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("sample-data")
        for kind in ["accounts", "contacts", "touches", "intent", "opportunities", "marks"] {
            let file = sample.appendingPathComponent("\(kind).csv").path
            let result = try runAbmboard(["import", kind, file])
            try #require(
                result.status == 0, "importing \(file) exited \(result.status): \(result.error)",
                sourceLocation: sourceLocation)
        }
    }

    /// The rows of `board --json` at the tests' as-of.
    func boardRows(sourceLocation: SourceLocation = #_sourceLocation) throws -> [[String: Any]] {
        let result = try runAbmboard(["--as-of", BoardTerminalTests.asOf, "board", "--json"])
        try #require(
            result.status == 0, "board --json exited \(result.status): \(result.error)", sourceLocation: sourceLocation)
        let object = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
        return try #require(
            object?["accounts"] as? [[String: Any]], "board --json has no accounts", sourceLocation: sourceLocation)
    }

    /// One account's row of `board --json`.
    func boardRow(_ id: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
        try #require(
            try boardRows(sourceLocation: sourceLocation).first { $0["account_id"] as? String == id },
            "board --json has no row for \(id)", sourceLocation: sourceLocation)
    }

    // MARK: The terminal

    /// The board's command line, in the environment a person's UTF-8, 256-colour terminal gives; the
    /// store by its name in the directory the pane starts in, as the status bar shows it.
    private var boardCommand: [String] {
        [
            "/usr/bin/env", "LANG=C.UTF-8", "LC_ALL=C.UTF-8", "TERM=tmux-256color", "ABMBOARD_USER=\(user)", binary,
            "--db", database.hasPrefix("postgres") ? database : "store.sqlite", "--as-of", BoardTerminalTests.asOf,
        ]
    }

    /// Starts the board as the pane's process, in a 140×40 window.
    func startBoard() throws {
        try startSession(boardCommand)
    }

    /// Runs the board again in the pane (whose board has ended), with `arguments` added.
    func restartBoard(arguments: [String]) throws {
        try tmuxCommand(["respawn-pane", "-k", "-t", "board", "-c", directory.path, "--"] + boardCommand + arguments)
    }

    /// Starts a shell in the pane that saves `stty -a`, runs the board (saving its pid), then
    /// saves `stty -a` again and prints `EXIT=STATUS`.
    func startBoardInShell(ignoringHangup: Bool = false) throws {
        try write(
            "board.sh",
            (ignoringHangup ? "trap '' HUP\n" : "") + "echo $$ > board.pid\nexec "
                + boardCommand.map(quotedForShell).joined(separator: " ") + "\n")
        try write(
            "session.sh",
            """
            trap : INT
            stty -a > stty-before.txt
            /bin/sh board.sh
            status=$?
            stty -a > stty-after.txt
            echo "EXIT=$status"
            exec sleep 600

            """)
        try startSession(["/bin/sh", path("session.sh")])
    }

    private func startSession(_ command: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
        // One tmux invocation, so that the pane is kept when its process ends (a crash stays
        // visible) and has its title before the board can draw anything.
        let result = try run(
            tmux,
            tmuxArguments(
                ["new-session", "-d", "-s", "board", "-x", "140", "-y", "40", "-c", directory.path, "--"] + command
                    + [";", "set-option", "-w", "-t", "board", "remain-on-exit", "on"]
                    + [";", "select-pane", "-t", "board", "-T", TmuxBoard.title]),
            timeout: 30)
        socket = try? tmuxQuery("#{socket_path}")
        try #require(
            result.status == 0, "tmux new-session exited \(result.status): \(result.error)",
            sourceLocation: sourceLocation)
        serverPID = pid_t(try tmuxQuery("#{pid}"))
        panePID = pid_t(try tmuxQuery("#{pane_pid}"))
    }

    func sendKeys(_ keys: String...) throws {
        try tmuxCommand(["send-keys", "-t", "board"] + keys)
    }

    /// Types `text` literally.
    func type(_ text: String) throws {
        try tmuxCommand(["send-keys", "-t", "board", "-l", text])
    }

    func resize(width: Int, height: Int) throws {
        try tmuxCommand(["resize-window", "-t", "board", "-x", "\(width)", "-y", "\(height)"])
    }

    func capture(escapes: Bool = false) throws -> TerminalScreen {
        let output = try tmuxCommand(["capture-pane", "-p", "-t", "board"] + (escapes ? ["-e"] : []))
        return TerminalScreen(captured: output, escapes: escapes)
    }

    /// Captures the pane until `condition` holds (on two captures in a row with `stable`) or
    /// `timeout` seconds pass; then the test fails with what the pane showed.
    @discardableResult
    func waitForScreen(
        _ what: String, escapes: Bool = false, stable: Bool = false, timeout: TimeInterval = 15,
        sourceLocation: SourceLocation = #_sourceLocation, until condition: (TerminalScreen) -> Bool
    ) throws -> TerminalScreen {
        let deadline = Date().addingTimeInterval(timeout)
        var previous: TerminalScreen?
        var screen = try capture(escapes: escapes)
        while !(condition(screen) && (!stable || previous == screen)) && Date() < deadline {
            usleep(50_000)
            previous = screen
            screen = try capture(escapes: escapes)
        }
        let met = condition(screen)
        try #require(
            met, "waited \(Int(timeout)) s for \(what); the pane (\(paneState())) shows:\n\(screen.text)",
            sourceLocation: sourceLocation)
        return screen
    }

    /// Whether the pane's process is running.
    var isRunning: Bool {
        get throws { try tmuxQuery("#{pane_dead}") == "0" }
    }

    /// The pane's size and whether its process runs, for messages.
    func paneState() -> String {
        let state = try? tmuxQuery(
            "pane #{pane_width}×#{pane_height}, process #{?pane_dead,ended with status #{pane_dead_status},running}")
        return state ?? "tmux did not answer"
    }

    func paneModes() throws -> PaneModes {
        let flags = try tmuxQuery("#{alternate_on}#{cursor_flag}#{keypad_flag}#{keypad_cursor_flag}#{mouse_any_flag}")
            .map { $0 == "1" }
        try #require(flags.count == 5, "tmux's mode flags: \(flags)")
        return PaneModes(
            alternateScreen: flags[0], cursorVisible: flags[1], keypad: flags[2] || flags[3], mouse: flags[4])
    }

    /// Lets the programs in the pane set tmux's paste buffer through OSC 52 (`set-clipboard on`).
    func acceptClipboard() throws {
        try tmuxCommand(["set-option", "-g", "set-clipboard", "on"])
    }

    /// tmux's newest paste buffer ("" when there is none).
    /// Searches the board for `text` (`/`, the text, Enter) and waits until it shows one row.
    func searchForOne(_ text: String) throws {
        try sendKeys("/")
        try type(text)
        try sendKeys("Enter")
        try waitForScreen("the search for \(text)") { $0.line(2).isEmpty && $0.status.hasPrefix("store.sqlite") }
    }

    /// The clipboard once `done` says it holds what was copied (or after 10 seconds).
    func waitForClipboard(_ done: (String) -> Bool) -> String {
        let deadline = Date().addingTimeInterval(10)
        while !done(clipboard()) && Date() < deadline { usleep(20_000) }
        return clipboard()
    }

    func clipboard() -> String {
        (try? tmuxCommand(["show-buffer"])) ?? ""
    }

    func paneTitle() throws -> String { try tmuxQuery("#{pane_title}") }
    func windowName() throws -> String { try tmuxQuery("#{window_name}") }

    /// Closes the terminal under the board: the tmux server goes, and with it the pane's tty.
    func closeTerminal() throws {
        _ = try tmuxCommand(["kill-server"])
    }

    /// The board's process id, written by `board.sh` (`startBoardInShell`).
    func boardProcessID() throws -> pid_t {
        let text = try read("board.pid").trimmingCharacters(in: .whitespacesAndNewlines)
        return try #require(pid_t(text), "board.pid holds \"\(text)\"")
    }

    private func tmuxQuery(_ format: String) throws -> String {
        try tmuxCommand(["display-message", "-p", "-t", "board", format])
            .trimmingCharacters(in: .newlines)
    }

    @discardableResult
    private func tmuxCommand(_ arguments: [String]) throws -> String {
        let result = try run(tmux, tmuxArguments(arguments), timeout: 30)
        guard result.status == 0 else {
            throw TmuxFailure(
                description: "tmux \(arguments.joined(separator: " ")) exited \(result.status): \(result.error)")
        }
        return result.output
    }

    private func tmuxArguments(_ arguments: [String]) -> [String] {
        ["-u", "-L", server, "-f", "/dev/null"] + arguments
    }

    /// Runs a command to its end (killed after `timeout` seconds), its output in files.
    private func run(_ executable: String, _ arguments: [String], timeout: TimeInterval) throws -> CommandResult {
        commands += 1
        let output = path("command-\(commands).out")
        let error = path("command-\(commands).err")
        defer {
            try? FileManager.default.removeItem(atPath: output)
            try? FileManager.default.removeItem(atPath: error)
        }
        let status = try Spawn.run(
            executable, arguments, environment: environment, output: output, error: error, timeout: timeout)
        return CommandResult(
            status: status, output: (try? String(contentsOfFile: output, encoding: .utf8)) ?? "",
            error: (try? String(contentsOfFile: error, encoding: .utf8)) ?? "")
    }

    /// The environment of tmux and of `abmboard`: this process's, in a UTF-8 locale, without what
    /// would change the board (an enclosing tmux, `NO_COLOR`, `ABMBOARD_*`, the user's settings).
    private var environment: [String: String] {
        var environment = ProcessInfo.processInfo.environment.filter { key, _ in
            !["TMUX", "TMUX_PANE", "NO_COLOR", "COLUMNS", "LINES"].contains(key) && !key.hasPrefix("ABMBOARD_")
        }
        environment["LANG"] = "C.UTF-8"
        environment["LC_ALL"] = "C.UTF-8"
        environment["XDG_CONFIG_HOME"] = path("config")
        return environment
    }
}

/// Starting a child process with `posix_spawn`, not `Process`: Foundation's `Process` learns that
/// its child ended when a socket the child inherits closes, and the tmux server the first tmux
/// command starts keeps it open, so that command would never be seen to end. Here the child gets
/// no descriptor but its standard ones, the default signal mask and default dispositions (a
/// test's thread blocks SIGINT, SIGTERM and SIGHUP, and the board would inherit that through tmux).
enum Spawn {
    #if os(Linux)
        private typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    #endif

    /// Runs `executable ARGUMENTS` with its standard output and error in the files `output` and
    /// `error`; returns its exit status (128 + the signal when a signal ended it). It is killed after
    /// `timeout` seconds, and the test fails.
    static func run(
        _ executable: String, _ arguments: [String], environment: [String: String], output: String, error: String,
        timeout: TimeInterval
    ) throws -> Int32 {
        #if os(Linux)
            var actions = posix_spawn_file_actions_t()
            var attributes = posix_spawnattr_t()
        #else
            var actions: posix_spawn_file_actions_t?
            var attributes: posix_spawnattr_t?
        #endif
        posix_spawn_file_actions_init(&actions)
        posix_spawnattr_init(&attributes)
        defer {
            posix_spawn_file_actions_destroy(&actions)
            posix_spawnattr_destroy(&attributes)
        }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, error, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        #if os(Linux)
            let flags = Int32(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF)
            let closeFrom = dlsym(dlopen(nil, RTLD_NOW), "posix_spawn_file_actions_addclosefrom_np")
            if let closeFrom {
                _ = unsafeBitCast(closeFrom, to: CloseFrom.self)(&actions, 3)
            } else {
                // An older C library: close what is open now and not closed on exec.
                for descriptor in 3..<min(getdtablesize(), 65_536) {
                    let descriptorFlags = fcntl(descriptor, F_GETFD)
                    if descriptorFlags >= 0 && descriptorFlags & FD_CLOEXEC == 0 {
                        posix_spawn_file_actions_addclose(&actions, descriptor)
                    }
                }
            }
        #else
            let flags = Int32(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_CLOEXEC_DEFAULT)
        #endif
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGHUP, SIGINT, SIGQUIT, SIGPIPE, SIGTERM, SIGCHLD, SIGTSTP, SIGTTIN, SIGTTOU, SIGWINCH] {
            sigaddset(&defaults, signal)
        }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(flags))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for string in argv + envp { free(string) }
        }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard spawned == 0 else {
            throw TmuxFailure(description: "could not start \(executable): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        let deadline = Date().addingTimeInterval(timeout)
        var waited = waitpid(pid, &status, WNOHANG)
        var killed = false
        while waited == 0 || (waited == -1 && errno == EINTR) {
            if Date() >= deadline && !killed {
                killed = true
                kill(pid, SIGKILL)
                Issue.record("\(executable) \(arguments) ran longer than \(Int(timeout)) s; killed")
            }
            usleep(2_000)
            waited = waitpid(pid, &status, WNOHANG)
        }
        guard waited == pid else {
            throw TmuxFailure(description: "could not wait for \(executable): \(String(cString: strerror(errno)))")
        }
        return status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    }
}

/// A tmux command that failed.
struct TmuxFailure: Error, CustomStringConvertible {
    let description: String
}
