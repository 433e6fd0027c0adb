// Two boards on one PostgreSQL server in two real terminals, as two database logins: issue 17's
// "done when". The server is a cluster of the test's own, since it is stopped and started again.

import Foundation
import Testing

/// An AE's board and a manager's on one team store, each in its own tmux.
@Suite("two boards on a team store, in real terminals", .serialized)
struct TeamBoardTerminalTests {
    @Test(
        "an AE's mark shows on the manager's board; the AE is refused on another's account with the reason; the server restarts and both boards carry on, losing no mark"
    )
    func twoBoardsTwoLogins() throws {
        let cluster = try PrivateCluster()
        let binary = try #require(AbmboardBinary.path, AbmboardBinary.missing)
        let database = try TeamDatabase(binary: binary, server: cluster.settings)
        let setup = try TmuxBoard(database: database.url(), user: cluster.settings.owner)
        try setup.importSample()
        let rows = try setup.boardRows()
        // The AE's account (undecided, on the first screen) and an undecided one of another owner's.
        let mine = try #require(rows.prefix(30).first { $0["decision"] is NSNull })
        let person = try #require(mine["owner"] as? String)
        let other = try #require(
            rows.prefix(30).first {
                $0["decision"] is NSNull && ($0["owner"] as? String) != person && ($0["sdr"] as? String) != person
            })
        let (mineID, otherID) = (
            try #require(mine["account_id"] as? String), try #require(other["account_id"] as? String)
        )
        let otherOwner = try #require(other["owner"] as? String)
        let historyBefore = try historyLines(binary, database.url(), account: mineID)
        let otherBefore = try historyLines(binary, database.url(), account: otherID)
        let aeURL = try database.addMember(binary: binary, person: person, role: "ae")
        let managerURL = try database.addMember(binary: binary, person: "morgan", role: "manager")

        let ae = try TmuxBoard(database: aeURL, user: person)
        let manager = try TmuxBoard(database: managerURL, user: "morgan")
        for board in [ae, manager] {
            try board.startBoard()
            try board.waitForScreen("the board") { $0.showsBoard }
            try board.search(mineID)
        }
        // A mark made with w on the AE's board shows on the manager's, without a key press.
        try ae.sendKeys("w")
        try ae.waitForScreen("\(mineID) marked on the AE's board") { $0.line(1).contains("work · \(person)") }
        try manager.waitForScreen("the AE's mark on the manager's board") { $0.line(1).contains("work · \(person)") }

        // The AE is refused on another owner's account, with the reason in the status bar.
        try ae.search(otherID)
        try ae.sendKeys("w")
        let refused = try ae.waitForScreen("the refusal in the AE's status bar") {
            $0.status.contains("may not mark \(otherID) work")
        }
        #expect(
            refused.status.contains("\(person) (ae) may not mark \(otherID) work: its owner is \(otherOwner)"),
            "\(refused.status)")
        #expect(!refused.line(1).contains("work ·"), "the refused mark shows: \(refused.line(1))")

        // The server stops: both boards say they are reconnecting, and keep their rows.
        try cluster.stopServer()
        for board in [ae, manager] {
            try board.waitForScreen("the board to say it is reconnecting", timeout: 30) {
                $0.status.contains("reconnecting")
            }
        }
        // It starts again; a mark made before the boards are back reaches both.
        try cluster.resumeServer()
        let hold = try TeamDatabase.run(
            binary,
            ["--db", managerURL, "--as-of", BoardTerminalTests.asOf, "mark", mineID, "hold", "--note", "budget"])
        try #require(hold.status == 0, "the manager's mark after the restart: \(hold.error)")
        try ae.search(mineID)
        for board in [ae, manager] {
            let back = try board.waitForScreen("the board to reconnect and show the manager's hold", timeout: 30) {
                $0.line(1).contains("hold · morgan") && !$0.status.contains("reconnecting")
            }
            #expect(!back.line(1).contains("work ·"), "\(back.line(1))")
        }
        // And marks made on a board after the restart still reach the other.
        try ae.sendKeys("w")
        try manager.waitForScreen("the AE's mark after the restart on the manager's board") {
            $0.line(1).contains("work · \(person)")
        }
        let added = try historyLines(binary, database.url(), account: mineID).dropFirst(historyBefore.count)
        #expect(added.count == 3, "\(mineID)'s new records: \(added)")
        #expect(try historyLines(binary, database.url(), account: otherID) == otherBefore)
    }

    /// The lines of `export history` about one account.
    private func historyLines(_ binary: String, _ url: String, account: String) throws -> [String] {
        let history = try TeamDatabase.run(binary, ["--db", url, "export", "history", "--format", "csv"])
        try #require(history.status == 0, "export history: \(history.error)")
        return history.output.split(separator: "\n").map(String.init).filter { $0.hasPrefix("\(account),") }
    }
}

extension TmuxBoard {
    /// Searches the board for `id` (`/`, the text, Enter): its row is then the first.
    func search(_ id: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try sendKeys("Escape")
        try sendKeys("/")
        try type(id)
        try sendKeys("Enter")
        try waitForScreen("the search for \(id)", sourceLocation: sourceLocation) {
            $0.line(2).isEmpty && !$0.line(1).isEmpty
        }
    }
}
