import ABMCore
import ABMImport
import Foundation
import Testing

@testable import ABMPostgresStore
@testable import ABMSQLiteStore
@testable import ABMStore

/// `changes(since:)`: what an open board reads instead of the whole store when others only
/// marked or logged touches (SPEC §7.1: a change re-evaluates only the accounts it touches).
@Suite("the store's change feed")
struct ChangeFeedTests {
    @Test(
        "records and logged touches come back in order; the programme with them applied equals a fresh load",
        arguments: Backend.all)
    func recordsAndTouches(backend: Backend) throws {
        let clock = ManualClock(instant("2026-11-10T12:00:00Z"))
        let fixture = try SmallProgramme.fixture(backend, clock: clock.function)
        let start = try fixture.store.revision()
        var programme = try fixture.store.loadProgramme()

        _ = try fixture.store.record(.mark(.work, note: nil), account: "A1", by: "dana", stamp: .now)
        let touch = try fixture.store.logTouch(
            NewTouch(accountId: "A2", channel: .meeting, contactId: "C3", by: "lee", topic: "pricing", note: "demo"),
            stamp: .now)
        _ = try fixture.store.record(.note("called back"), account: "A1", by: "dana", stamp: .now)

        let changes = try #require(try fixture.store.changes(since: start))
        #expect(changes.revision == start + 3)
        #expect(changes.records.map(\.event) == [.mark(.work, note: nil), .note("called back")])
        // On PostgreSQL the record's `by` is the database login's person, whatever `by` says.
        let recorder = try fixture.recorder(claimed: "dana")
        #expect(changes.records.allSatisfy { $0.accountId == "A1" && $0.by == recorder })
        #expect(changes.touches == [touch])
        #expect(try fixture.store.changes(since: start + 2)?.records.map(\.event) == [.note("called back")])
        #expect(try fixture.store.changes(since: start + 3)?.records.isEmpty == true)

        for record in changes.records { try programme.appendHistory(record) }
        for touch in changes.touches { try programme.appendTouch(touch) }
        let fresh = try fixture.store.loadProgramme()
        let evaluator = Evaluator()
        let asOf = instant("2026-11-10T13:00:00Z")
        for index in 0..<fresh.accountCount {
            let a = evaluator.evaluate(account: index, in: programme, asOf: asOf)
            let b = evaluator.evaluate(account: index, in: fresh, asOf: asOf)
            #expect(a.decision == b.decision && a.lastTouch == b.lastTouch && a.score == b.score)
            #expect(programme.history(of: index) == fresh.history(of: index))
        }
    }

    @Test("an import since the revision means reading everything again", arguments: Backend.all)
    func importNeedsFullLoad(backend: Backend) throws {
        let fixture = try SmallProgramme.fixture(backend, clock: ManualClock(instant("2026-11-10T12:00:00Z")).function)
        let start = try fixture.store.revision()
        _ = try fixture.store.record(.mark(.hold, note: nil), account: "A1", by: "dana", stamp: .now)
        try fixture.importAccounts(csv("account_id,name,tier", "A3,Initech Corp,2"))
        #expect(try fixture.store.changes(since: start) == nil)
        #expect(try fixture.store.changes(since: start + 1) == nil)
        #expect(try fixture.store.changes(since: start + 2)?.records.isEmpty == true)
    }

    @Test("a refused record leaves no change behind", arguments: Backend.all)
    func refusalLeavesNothing(backend: Backend) throws {
        let fixture = try SmallProgramme.fixture(backend, clock: ManualClock(instant("2026-11-10T12:00:00Z")).function)
        let start = try fixture.store.revision()
        _ = refusal { () throws(StoreError) in try fixture.store.record(.undo, account: "A1", by: "dana", stamp: .now) }
        #expect(try fixture.store.revision() == start)
        #expect(try fixture.store.changes(since: start)?.records.isEmpty == true)
    }
}
