import ABMSQLiteStore
import Foundation
import Testing

/// `abmboard db backup` and `db check` through the real binary, and the mode new stores get.
@Suite("backup, check and private stores", .serialized)
struct BackupProcessTests {
    @Test("a backup taken while another process marks is a sound store holding every mark made before it")
    func backupWhileMarking() throws {
        let workspace = try ProcessWorkspace()
        try workspace.importSample()
        let board = try #require(
            try JSONSerialization.jsonObject(with: Data(workspace.run(["board", "--json"]).output.utf8))
                as? [String: Any])
        let accounts = try #require(board["accounts"] as? [[String: Any]]).compactMap { $0["account_id"] as? String }
        try #require(accounts.count >= 10)
        // Marks before the backup: each must be in it.
        for id in accounts.prefix(5) {
            #expect(try workspace.run(["mark", id, "hold", "--note", "before \(id)"]).status == 0)
        }
        // A loop of marks in another process while the backup runs.
        let script = accounts.dropFirst(5).prefix(5).map {
            "'\(workspace.binary)' --db '\(workspace.database)' mark \($0) work"
        }
        .joined(separator: "\n")
        try workspace.write("marks.sh", script + "\n")
        let marker = try workspace.start(["/bin/sh", workspace.path("marks.sh")], direct: true)
        let backup = try workspace.run(["db", "backup", "copy.sqlite"])
        marker.wait(timeout: 120)
        #expect(backup.status == 0, "\(backup.error)")
        #expect(backup.output.contains("backed up to copy.sqlite"), "\(backup.output)")
        #expect(!FileManager.default.fileExists(atPath: workspace.path("copy.sqlite.partial")))

        let check = try workspace.run(["db", "check", "--db", workspace.path("copy.sqlite")])
        #expect(
            check.status == 0 && check.output.contains(": ok · integrity ok · schema version 2 of 2"), "\(check.output)"
        )
        let copy = try SQLiteStore(path: workspace.path("copy.sqlite"), create: false).loadProgramme()
        for id in accounts.prefix(5) {
            let index = try #require(copy.index(ofAccount: id))
            #expect(copy.history(of: index).contains { $0.event == .mark(.hold, note: "before \(id)") }, "\(id)")
        }
    }

    @Test("a backup never overwrites a file, and says so")
    func backupRefusesExistingFile() throws {
        let workspace = try ProcessWorkspace()
        try workspace.importSample()
        try workspace.write("taken.sqlite", "mine")
        let run = try workspace.run(["db", "backup", "taken.sqlite"])
        #expect(run.status == 1)
        #expect(run.error.contains("taken.sqlite exists already: choose another name"), "\(run.error)")
        #expect(try String(contentsOfFile: workspace.path("taken.sqlite"), encoding: .utf8) == "mine")
    }

    @Test("db check finds (seeded) random bytes in the middle of a store: damaged, restore from a backup, exit 65")
    func checkFindsDamage() throws {
        let workspace = try ProcessWorkspace()
        try workspace.importSample()
        #expect(try workspace.run(["db", "backup", "damaged.sqlite"]).status == 0)
        let path = workspace.path("damaged.sqlite")
        let handle = try #require(FileHandle(forUpdatingAtPath: path))
        let size = try handle.seekToEnd()
        try handle.seek(toOffset: size / 2)
        // Seeded bytes, so the damage is the same on every run: four pages' worth.
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        let bytes = (0..<16_384).map { _ -> UInt8 in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 56)
        }
        try handle.write(contentsOf: Data(bytes))
        try handle.close()
        let check = try workspace.run(["db", "check", "--db", path])
        #expect(check.status == 65, "\(check.output) \(check.error)")
        #expect(
            check.error.contains(
                "damaged.sqlite is not a store this abmboard can open: damaged: restore from a backup"),
            "\(check.error)")
    }

    @Test("a new store is private by default: the user's umask, and never writable by others even under umask 000")
    func newStoresArePrivate() throws {
        let workspace = try ProcessWorkspace()
        #expect(try workspace.run(["sample", "--out", "sample"]).status == 0)
        for (mask, expected) in [("022", 0o644), ("077", 0o600), ("000", 0o664)] {
            let store = workspace.path("store-\(mask).sqlite")
            let command =
                "umask \(mask); exec '\(workspace.binary)' --db '\(store)' import accounts '\(workspace.path("sample/accounts.csv"))'"
            let run = try workspace.start(["/bin/sh", "-c", command], direct: true)
            run.wait(timeout: 120)
            #expect(run.status == 0, "\(run.error)")
            let mode = try #require(try FileManager.default.attributesOfItem(atPath: store)[.posixPermissions] as? Int)
            #expect(mode == expected, "umask \(mask): mode \(String(mode, radix: 8))")
        }
    }

    @Test(
        "a file that is not an abmboard store, a truncated one and a newer abmboard's are refused, with the path and what to do, and left as they were"
    )
    func storesRefused() throws {
        let workspace = try ProcessWorkspace()
        try workspace.importSample()
        #expect(try workspace.run(["db", "backup", "good.sqlite"]).status == 0)
        let good = try Data(contentsOf: URL(fileURLWithPath: workspace.path("good.sqlite")))
        // Another program's SQLite file.
        let other = workspace.path("other.sqlite")
        let sqlite = try workspace.start(
            ["/usr/bin/sqlite3", other, "CREATE TABLE notes(x); INSERT INTO notes VALUES (1);"], direct: true)
        sqlite.wait(timeout: 60)
        try #require(sqlite.status == 0, "\(sqlite.error)")
        let before = try Data(contentsOf: URL(fileURLWithPath: other))
        // The first 40 KB of a store.
        try good.prefix(40_000).write(to: URL(fileURLWithPath: workspace.path("truncated.sqlite")))
        // A store with a migration this abmboard does not know.
        try good.write(to: URL(fileURLWithPath: workspace.path("newer.sqlite")))
        let newer = try workspace.start(
            ["/usr/bin/sqlite3", workspace.path("newer.sqlite"), "INSERT INTO grdb_migrations VALUES ('v9 future');"],
            direct: true)
        newer.wait(timeout: 60)
        for (file, words) in [
            ("other.sqlite", "not an abmboard store (it holds other tables: notes)"),
            ("truncated.sqlite", "damaged: restore from a backup"),
            ("newer.sqlite", "written by a newer abmboard (schema version 3); this one reads up to version 2"),
        ] {
            let board = try workspace.run(["board", "--db", workspace.path(file)])
            #expect(
                board.status == 1 && board.error.contains("\(file) is not a store this abmboard can open: \(words)"),
                "\(file): \(board.error)")
            let check = try workspace.run(["db", "check", "--db", workspace.path(file)])
            #expect(check.status == 65 && check.error.contains(words), "\(file): \(check.error)")
            let mark = try workspace.run(["mark", "A-0001", "work", "--db", workspace.path(file)])
            #expect(mark.status != 0 && mark.error.contains(words), "\(file): \(mark.error)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: other)) == before, "the other program's file was changed")
    }
}
