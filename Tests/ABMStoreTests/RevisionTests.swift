import ABMCore
import ABMImport
import Foundation
import Testing

@testable import ABMPostgresStore
@testable import ABMSQLiteStore
@testable import ABMStore

/// `revision()` moves on after every write that changes something, and only then (SPEC §3: other
/// boards poll it to show a change within a second).
@Suite("the store's revision")
struct RevisionTests {
    @Test("the revision moves on after each write and names the accounts it changed", arguments: Backend.all)
    func movesOnAfterEachWrite(backend: Backend) throws {
        let clock = ManualClock(instant("2026-11-10T12:00:00Z"))
        let fixture = try StoreFixture(backend, clock: clock.function)
        var revision = try fixture.store.revision()
        var seen: [Int64] = [revision]

        func wrote(_ what: String, changed accounts: [String], sourceLocation: SourceLocation = #_sourceLocation)
            throws
        {
            let now = try fixture.store.revision()
            #expect(now > revision, "\(what) did not move the revision on", sourceLocation: sourceLocation)
            #expect(
                try fixture.store.accountsChanged(since: revision) == accounts, "\(what)",
                sourceLocation: sourceLocation)
            revision = now
            seen.append(now)
        }

        try fixture.importAccounts(SmallProgramme.accounts)
        try wrote("importing accounts", changed: ["A1", "A2", "A3"])
        try fixture.importContacts(SmallProgramme.contacts)
        try wrote("importing contacts", changed: ["A1", "A2"])
        try fixture.importTouches(SmallProgramme.touches)
        try wrote("importing touches", changed: ["A1", "A2"])
        try fixture.importIntent(SmallProgramme.intent)
        try wrote("importing intent", changed: ["A1"])
        try fixture.importOpportunities(SmallProgramme.opportunities)
        try wrote("importing opportunities", changed: ["A2"])
        try fixture.importMarks(SmallProgramme.marks)
        try wrote("importing marks", changed: ["A2"])
        _ = try fixture.store.record(.mark(.hold, note: nil), account: "A1", by: "dana", stamp: .now)
        try wrote("a mark", changed: ["A1"])
        _ = try fixture.store.record(.note("budget in Q1"), account: "A1", by: "dana", stamp: .now)
        try wrote("a note", changed: ["A1"])
        _ = try fixture.store.record(.undo, account: "A1", by: "dana", stamp: .now)
        try wrote("an undo", changed: ["A1"])
        _ = try fixture.store.logTouch(NewTouch(accountId: "A3", channel: .phone, by: "dana"), stamp: .now)
        try wrote("a logged touch", changed: ["A3"])
        try fixture.importAccounts(csv("account_id,name,tier", "A3,Initech,2"))
        try wrote("a re-import that changes the tier", changed: ["A3"])
        try fixture.importAccounts(csv("account_id,name,tier", "A3,Initech Corp,2"))
        try wrote("a re-import that changes the name", changed: ["A3"])
        try fixture.importTouches(
            csv("touch_id,account_id,channel,direction,occurred_at", "T1,A2,web,inbound,2026-11-02"))
        try wrote("a touch that moves", changed: ["A1", "A2"])

        #expect(seen == seen.sorted())
        #expect(Set(seen).count == seen.count)
    }

    @Test("writes that change nothing, refusals and failed imports leave the revision alone", arguments: Backend.all)
    func standsStillOtherwise(backend: Backend) throws {
        let fixture = try SmallProgramme.fixture(backend)
        let revision = try fixture.store.revision()
        try fixture.importAccounts(SmallProgramme.accounts)
        try fixture.importContacts(SmallProgramme.contacts)
        try fixture.importTouches(SmallProgramme.touches)
        _ = refusal { () throws(StoreError) in
            try fixture.store.record(.mark(.promote, note: nil), account: "A1", by: "x", stamp: .now)
        }
        _ = refusal { () throws(StoreError) in
            try fixture.store.record(.undo, account: "A1", by: "x", stamp: .now)
        }
        #expect(throws: StoreError.self) {
            try fixture.importMarks(csv("account_id,action,by,at", "A1,undo,x,2026-11-10"))
        }
        #expect(try fixture.store.revision() == revision)
        #expect(try fixture.store.accountsChanged(since: revision).isEmpty)
    }

    @Test("a second store object on the same file sees the revision move")
    func seenFromAnotherConnection() throws {
        let fixture = try SmallProgramme.fixture()
        let other = try SQLiteStore(path: fixture.path, create: false)
        let before = try other.revision()
        #expect(before == (try fixture.store.revision()))
        _ = try fixture.store.record(.mark(.work, note: nil), account: "A2", by: "lee", stamp: .now)
        #expect(try other.revision() > before)
        let programme = try other.loadProgramme()
        let a2 = try #require(programme.index(ofAccount: "A2"))
        #expect(programme.history(of: a2).count == 1)
    }

    @Test("opening a missing store without create is refused")
    func noStore() throws {
        let fixture = try StoreFixture()
        let missing = fixture.directory.appendingPathComponent("missing.sqlite").path
        do {
            _ = try SQLiteStore(path: missing, create: false)
            Issue.record("a missing store was opened")
        } catch .noStore(let path) {
            #expect(path == missing)
        } catch {
            Issue.record("expected noStore, got \(error)")
        }
        #expect(!FileManager.default.fileExists(atPath: missing))
    }
}
