import ABMCore
import Foundation
import Testing

@testable import ABMSQLiteStore
@testable import ABMStore

/// The store's file as another program sees it: an append-only history enforced by the schema,
/// WAL mode, and foreign keys on the store's own connections.
@Suite("the store's schema")
struct SchemaTests {
    /// A store with one account and two history records (a mark and a note).
    private func storeWithHistory() throws -> StoreFixture {
        let fixture = try SmallProgramme.fixture()
        _ = try fixture.store.record(.mark(.work, note: "first call"), account: "A1", by: "dana", stamp: .now)
        _ = try fixture.store.record(.note("agreed a demo"), account: "A1", by: "dana", stamp: .now)
        return fixture
    }

    @Test("an UPDATE of the history through raw SQL fails and changes nothing")
    func updateRefused() throws {
        let fixture = try storeWithHistory()
        let before = try fixture.history("A1")
        #expect(before.count == 2)
        let revision = try fixture.store.revision()
        for sql in [
            "UPDATE history SET by = 'mallory'",
            "UPDATE history SET event = 'hold' WHERE event = 'work'",
            "UPDATE history SET at = at - 86400",
        ] {
            guard let outcome = try SQLiteShell.run(fixture.path, sql) else { return }
            #expect(outcome.status != 0, "\(sql) succeeded")
            #expect(outcome.error.contains("append-only"), "\(sql): \(outcome.error)")
        }
        #expect(try fixture.history("A1") == before)
        #expect(try fixture.store.revision() == revision)
    }

    @Test("a DELETE FROM history through raw SQL fails and deletes nothing")
    func deleteRefused() throws {
        let fixture = try storeWithHistory()
        let before = try fixture.history("A1")
        for sql in ["DELETE FROM history", "DELETE FROM history WHERE event = 'note'"] {
            guard let outcome = try SQLiteShell.run(fixture.path, sql) else { return }
            #expect(outcome.status != 0, "\(sql) succeeded")
            #expect(outcome.error.contains("append-only"), "\(sql): \(outcome.error)")
        }
        guard let count = try SQLiteShell.run(fixture.path, "SELECT count(*) FROM history") else { return }
        #expect(count.output == "2")
        #expect(try fixture.history("A1") == before)
        #expect(try fixture.store.rowCounts()["history"] == 2)
    }

    @Test("appending to the history through raw SQL still works (the triggers refuse only changes)")
    func insertAllowed() throws {
        let fixture = try storeWithHistory()
        let sql = """
            INSERT INTO history (account, at, by, event, tier_before, tier_after)
            SELECT number, 1794000000, 'script', 'hold', 1, 1 FROM account WHERE account_id = 'A1'
            """
        guard let outcome = try SQLiteShell.run(fixture.path, sql) else { return }
        #expect(outcome.status == 0, "\(outcome.error)")
        #expect(try fixture.history("A1").count == 3)
    }

    @Test("the file is in WAL mode")
    func walMode() throws {
        let fixture = try SmallProgramme.fixture()
        guard let outcome = try SQLiteShell.run(fixture.path, "PRAGMA journal_mode") else { return }
        #expect(outcome.output == "wal")
        let mode = try fixture.sqlite().read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
    }

    @Test("foreign keys are on in the store's connections, and the stored rows satisfy them")
    func foreignKeys() throws {
        let fixture = try SmallProgramme.fixture()
        #expect(try fixture.sqlite().pool.configuration.foreignKeysEnabled)
        let enabled = try fixture.sqlite().read { db in try Int.fetchOne(db, sql: "PRAGMA foreign_keys") }
        #expect(enabled == 1)
        guard let check = try SQLiteShell.run(fixture.path, "PRAGMA foreign_key_check") else { return }
        #expect(check.status == 0)
        #expect(check.output.isEmpty, "rows breaking a foreign key: \(check.output)")
    }

    @Test("a row that breaks a foreign key is refused by the store's own connection")
    func foreignKeyEnforced() throws {
        let fixture = try SmallProgramme.fixture()
        let before = try fixture.store.rowCounts()
        let revision = try fixture.store.revision()
        do {
            _ = try fixture.sqlite().write { db -> (Int, changed: [Int32]) in
                try db.execute(
                    sql: """
                        INSERT INTO contact (contact_id, account, name, buying_role, active)
                        VALUES ('ghost', 9999, 'Nobody', 'unknown', 1)
                        """)
                return (0, [9999])
            }
            Issue.record("a contact of a missing account was stored")
        } catch {
            #expect("\(error)".localizedCaseInsensitiveContains("foreign key"), "\(error)")
        }
        #expect(try fixture.store.rowCounts() == before)
        #expect(try fixture.store.revision() == revision)
    }

    @Test("the history table's triggers and foreign keys are in the schema")
    func schemaText() throws {
        let fixture = try SmallProgramme.fixture()
        guard
            let triggers = try SQLiteShell.run(
                fixture.path, "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'history'")
        else { return }
        #expect(Set(triggers.output.split(separator: "\n").map(String.init)).count == 2)
        guard let keys = try SQLiteShell.run(fixture.path, "PRAGMA foreign_key_list(history)") else { return }
        #expect(keys.output.contains("account"))
    }
}
