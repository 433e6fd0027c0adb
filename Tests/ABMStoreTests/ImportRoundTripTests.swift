import ABMCore
import ABMImport
import Foundation
import Testing

@testable import ABMPostgresStore
@testable import ABMSQLiteStore
@testable import ABMStore

/// Import through the store and read back with `loadProgramme()` (SPEC §1, §3).
@Suite("importing into the store")
struct ImportRoundTripTests {
    @Test("the accounts, contacts and touches come back as imported", arguments: Backend.all)
    func roundTrip(backend: Backend) throws {
        let fixture = try SmallProgramme.fixture(backend)
        let programme = try fixture.store.loadProgramme()
        #expect(programme.accounts.map(\.id).sorted() == ["A1", "A2", "A3"])

        let expectedAccounts = [
            Account(id: "A1", name: "Acme", importedTier: .one, domain: "acme.example", owner: "dana"),
            Account(id: "A2", name: "Globex", importedTier: .two, domain: "globex.example", owner: "lee"),
            Account(id: "A3", name: "Initech", importedTier: .three, owner: "dana", holdout: true),
        ]
        for expected in expectedAccounts {
            let index = try #require(programme.index(ofAccount: expected.id))
            #expect(programme.accounts[index] == expected)
        }

        let a1 = try #require(programme.index(ofAccount: "A1"))
        let a2 = try #require(programme.index(ofAccount: "A2"))
        let a3 = try #require(programme.index(ofAccount: "A3"))
        #expect(
            Set(programme.contacts(of: a1)) == [
                Contact(
                    id: "C1", accountId: "A1", name: "Ann Lee", title: "VP Data", buyingRole: .champion, email: nil,
                    active: true),
                Contact(
                    id: "C2", accountId: "A1", name: "Bob Ray", title: "CFO", buyingRole: .economicBuyer, email: nil,
                    active: true),
            ])
        #expect(
            programme.contacts(of: a2) == [
                Contact(
                    id: "C3", accountId: "A2", name: "Cid Roe", title: nil, buyingRole: .unknown, email: nil,
                    active: false)
            ])
        #expect(programme.contacts(of: a3).isEmpty)

        #expect(
            programme.touches(of: a1) == [
                Touch(
                    id: "T1", accountId: "A1", channel: .meeting, direction: .outbound,
                    occurredAt: instant("2026-11-02T10:00:00Z"), contactId: "C1", topic: "data observability",
                    by: "dana", note: "kick-off, agenda"),
                Touch(
                    id: "T2", accountId: "A1", channel: .web, direction: .inbound,
                    occurredAt: instant("2026-11-03T00:00:00Z")),
            ])
        #expect(
            programme.touches(of: a2) == [
                Touch(
                    id: "T3", accountId: "A2", channel: .email, direction: .inbound,
                    occurredAt: instant("2026-11-04T08:30:00Z"), contactId: "C3", topic: "pricing")
            ])
        #expect(programme.touches(of: a3).isEmpty)
        #expect(programme.touchCount == 3)
        #expect(programme.accounts.allSatisfy { programme.history(of: programme.index(ofAccount: $0.id)!).isEmpty })

        let counts = try fixture.store.rowCounts()
        #expect(counts["account"] == 3)
        #expect(counts["contact"] == 3)
        #expect(counts["touches"] == 3)
        #expect(counts["touch_key"] == 3)
        #expect(counts["history"] == 0)
        #expect(try fixture.store.integrityCheck() == "ok")
    }

    @Test("intent, opportunities and marks come back as imported", arguments: Backend.all)
    func roundTripOthers(backend: Backend) throws {
        let fixture = try SmallProgramme.fixture(backend)
        try fixture.importIntent(SmallProgramme.intent)
        try fixture.importOpportunities(SmallProgramme.opportunities)
        let marks = try fixture.importMarks(SmallProgramme.marks)
        #expect(marks.added == 1)
        #expect(marks.recorded == 1)
        let programme = try fixture.store.loadProgramme()
        let a1 = try #require(programme.index(ofAccount: "A1"))
        let a2 = try #require(programme.index(ofAccount: "A2"))
        #expect(
            programme.intent(of: a1) == [
                IntentRecord(
                    accountId: "A1", topic: "data observability", score: 72,
                    observedAt: instant("2026-11-05T08:00:00Z"))
            ])
        #expect(programme.opportunities(of: a2).map(\.id) == ["O1"])
        #expect(programme.opportunities(of: a2).first?.status == .open)
        #expect(
            programme.history(of: a2) == [
                HistoryRecord(
                    accountId: "A2", at: instant("2026-11-09T09:00:00Z"), by: "lee", event: .mark(.work, note: nil))
            ])
    }

    @Test(
        "re-importing the same rows reports 0 new and 0 changed and leaves the revision alone", arguments: Backend.all)
    func reimportChangesNothing(backend: Backend) throws {
        let fixture = try SmallProgramme.fixture(backend)
        try fixture.importIntent(SmallProgramme.intent)
        try fixture.importOpportunities(SmallProgramme.opportunities)
        try fixture.importMarks(SmallProgramme.marks)
        let revision = try fixture.store.revision()
        let counts = try fixture.store.rowCounts()
        let programme = try fixture.store.loadProgramme()

        let summaries = [
            try fixture.importAccounts(SmallProgramme.accounts),
            try fixture.importContacts(SmallProgramme.contacts),
            try fixture.importTouches(SmallProgramme.touches),
            try fixture.importIntent(SmallProgramme.intent),
            try fixture.importOpportunities(SmallProgramme.opportunities),
            try fixture.importMarks(SmallProgramme.marks),
        ]
        for summary in summaries {
            #expect(summary.added == 0, "\(summary)")
            #expect(summary.updated == 0, "\(summary)")
            #expect(summary.recorded == 0, "\(summary)")
            #expect(summary.rows > 0, "\(summary)")
        }
        #expect(try fixture.store.revision() == revision)
        #expect(try fixture.store.rowCounts() == counts)
        let again = try fixture.store.loadProgramme()
        #expect(again.accounts == programme.accounts)
        for index in 0..<again.accountCount {
            #expect(again.touches(of: index) == programme.touches(of: index))
            #expect(again.contacts(of: index) == programme.contacts(of: index))
            #expect(again.intent(of: index) == programme.intent(of: index))
            #expect(again.history(of: index) == programme.history(of: index))
        }
    }

    @Test("a changed row is reported as changed, not new", arguments: Backend.all)
    func changedRows(backend: Backend) throws {
        let fixture = try SmallProgramme.fixture(backend)
        let contacts = try fixture.importContacts(
            csv(
                "contact_id,account_id,name,buying_role,active,title",
                "C1,A1,Ann Lee,champion,false,VP Data"))
        #expect(contacts.added == 0)
        #expect(contacts.updated == 1)
        let touches = try fixture.importTouches(
            csv(
                "touch_id,account_id,channel,direction,occurred_at",
                "T2,A1,web,inbound,2026-11-03T12:00:00Z",
                "T4,A2,phone,outbound,2026-11-06T12:00:00Z"))
        #expect(touches.added == 1)
        #expect(touches.updated == 1)
        let programme = try fixture.store.loadProgramme()
        let a1 = try #require(programme.index(ofAccount: "A1"))
        #expect(
            programme.touches(of: a1).map(\.occurredAt) == [
                instant("2026-11-02T10:00:00Z"), instant("2026-11-03T12:00:00Z"),
            ])
        #expect(programme.contacts(of: a1).first { $0.id == "C1" }?.active == false)
    }

    @Test(
        "a contact re-imported under another account no longer stands on its old account's touches",
        arguments: Backend.all)
    func contactMoves(backend: Backend) throws {
        let fixture = try SmallProgramme.fixture(backend)
        try fixture.importContacts(
            csv("contact_id,account_id,name,buying_role,active,title", "C1,A2,Ann Lee,champion,true,VP Data"))
        let programme = try fixture.store.loadProgramme()
        let a1 = try #require(programme.index(ofAccount: "A1"))
        let a2 = try #require(programme.index(ofAccount: "A2"))
        #expect(programme.touches(of: a1).map(\.contactId) == [nil, nil])
        #expect(programme.touches(of: a2).map(\.contactId) == ["C3"])
        #expect(programme.contacts(of: a2).map(\.id).sorted() == ["C1", "C3"])
    }

    @Test("a touch re-imported under another account moves: the old account loses it", arguments: Backend.all)
    func touchMoves(backend: Backend) throws {
        let fixture = try SmallProgramme.fixture(backend)
        let revision = try fixture.store.revision()
        // T2 moves from A1 to A2 (which has touches already).
        let moved = try fixture.importTouches(
            csv(
                "touch_id,account_id,channel,direction,occurred_at",
                "T2,A2,web,inbound,2026-11-03"))
        #expect(moved.added == 0)
        #expect(moved.updated == 1)
        #expect(try fixture.store.revision() > revision)
        var programme = try fixture.store.loadProgramme()
        var a1 = try #require(programme.index(ofAccount: "A1"))
        var a2 = try #require(programme.index(ofAccount: "A2"))
        #expect(programme.touches(of: a1).map(\.id) == ["T1"])
        #expect(programme.touches(of: a2).map(\.id) == ["T2", "T3"])
        #expect(programme.touches(of: a2).first?.accountId == "A2")
        #expect(programme.touchCount == 3)
        #expect(try fixture.store.rowCounts()["touches"] == 3)
        #expect(try fixture.store.rowCounts()["touch_key"] == 3)

        // T1 moves from A1 to A3, which has no touches yet; A1 is not in the file.
        let since = try fixture.store.revision()
        try fixture.importTouches(
            csv(
                "touch_id,account_id,channel,direction,occurred_at,topic",
                "T1,A3,meeting,outbound,2026-11-02T10:00:00Z,data observability"))
        #expect(try fixture.store.accountsChanged(since: since) == ["A1", "A3"])
        programme = try fixture.store.loadProgramme()
        a1 = try #require(programme.index(ofAccount: "A1"))
        a2 = try #require(programme.index(ofAccount: "A2"))
        let a3 = try #require(programme.index(ofAccount: "A3"))
        #expect(programme.touches(of: a1).isEmpty)
        #expect(programme.touches(of: a2).map(\.id) == ["T2", "T3"])
        #expect(programme.touches(of: a3).map(\.id) == ["T1"])
        #expect(programme.touches(of: a3).first?.contactId == nil)
        #expect(programme.touchCount == 3)
        #expect(try fixture.store.rowCounts()["touches"] == 3)

        // Importing the same move again changes nothing.
        let settled = try fixture.store.revision()
        let again = try fixture.importTouches(
            csv(
                "touch_id,account_id,channel,direction,occurred_at,topic",
                "T1,A3,meeting,outbound,2026-11-02T10:00:00Z,data observability"))
        #expect(again.added == 0 && again.updated == 0)
        #expect(try fixture.store.revision() == settled)
        #expect(try fixture.store.integrityCheck() == "ok")
    }

    @Test("a re-import with another tier appends a retier record; the same tier records nothing")
    func retier() throws {
        let clock = ManualClock(instant("2026-11-10T09:00:00Z"))
        let fixture = try SmallProgramme.fixture(clock: clock.function)
        let revision = try fixture.store.revision()

        // The same tier (and the same fields): nothing recorded, nothing changed.
        let same = try fixture.importAccounts(SmallProgramme.accounts, by: "ops")
        #expect(same.recorded == 0)
        #expect(same.updated == 0)
        #expect(try fixture.history("A2").isEmpty)
        #expect(try fixture.store.revision() == revision)

        // A2 re-imported at Tier 1.
        clock.set(instant("2026-11-11T09:00:00Z"))
        let retiered = try fixture.importAccounts(
            csv("account_id,name,tier,owner,holdout,domain", "A2,Globex,1,lee,,globex.example"), by: "ops")
        #expect(retiered.recorded == 1)
        #expect(retiered.updated == 1)
        #expect(retiered.added == 0)
        #expect(try fixture.store.revision() > revision)
        #expect(
            try fixture.history("A2") == [
                HistoryRecord(accountId: "A2", at: instant("2026-11-11T09:00:00Z"), by: "ops", event: .retier(.one))
            ])
        #expect(try fixture.tier("A2") == .one)
        // The first import's tier stays the account's starting point (SPEC §7.2).
        let programme = try fixture.store.loadProgramme()
        #expect(programme.accounts[try #require(programme.index(ofAccount: "A2"))].importedTier == .two)
        guard
            let stored = try SQLiteShell.run(
                fixture.path,
                "SELECT event, tier, tier_before, tier_after, by FROM history ORDER BY seq")
        else { return }
        #expect(stored.output == "retier|1|2|1|ops")

        // Tier 1 again: the same as the last import, so nothing.
        let afterRetier = try fixture.store.revision()
        let again = try fixture.importAccounts(
            csv("account_id,name,tier,owner,holdout,domain", "A2,Globex,1,lee,,globex.example"), by: "ops")
        #expect(again.recorded == 0)
        #expect(again.updated == 0)
        #expect(try fixture.history("A2").count == 1)
        #expect(try fixture.store.revision() == afterRetier)

        // The original file again (Tier 2): a second retier, back to Tier 2.
        clock.set(instant("2026-11-12T09:00:00Z"))
        let back = try fixture.importAccounts(SmallProgramme.accounts, by: "ops")
        #expect(back.recorded == 1)
        #expect(try fixture.history("A2").map(\.event) == [.retier(.one), .retier(.two)])
        #expect(try fixture.tier("A2") == .two)
        // A1 and A3 kept their tiers: nothing recorded for them.
        #expect(try fixture.history("A1").isEmpty)
        #expect(try fixture.history("A3").isEmpty)
    }

    @Test("a retier cannot be undone, and a mark after it starts from the new tier", arguments: Backend.all)
    func retierAndMarks(backend: Backend) throws {
        let clock = ManualClock(instant("2026-11-10T09:00:00Z"))
        let fixture = try SmallProgramme.fixture(backend, clock: clock.function)
        try fixture.importAccounts(csv("account_id,name,tier", "A3,Initech,2"), by: "ops")
        #expect(try fixture.tier("A3") == .two)
        let undo = refusal { () throws(StoreError) in
            try fixture.store.record(.undo, account: "A3", by: "dana", stamp: .now)
        }
        #expect(undo == .nothingToUndo(account: "A3"))
        let promoted = try fixture.store.record(.mark(.promote, note: nil), account: "A3", by: "dana", stamp: .now)
        #expect(promoted.tierBefore == .two)
        #expect(promoted.tierAfter == .one)
    }

    @Test("a re-import stamped before the account's latest record is refused whole", arguments: Backend.all)
    func retierStampedEarly(backend: Backend) throws {
        let fixture = try SmallProgramme.fixture(backend)
        _ = try fixture.store.record(
            .mark(.work, note: nil), account: "A2", by: "lee", stamp: .at(instant("2026-11-10T09:00:00Z")))
        let counts = try fixture.store.rowCounts()
        let revision = try fixture.store.revision()
        do {
            try fixture.importAccounts(
                csv("account_id,name,tier", "A2,Globex Renamed,1", "A9,New,3"),
                stamp: .at(instant("2026-11-09T09:00:00Z")))
            Issue.record("the early re-import was stored")
        } catch let error as StoreError {
            guard case .badRows(let problems) = error else {
                Issue.record("expected badRows, got \(error)")
                return
            }
            #expect(problems.problems.map(\.line) == [2])
        }
        #expect(try fixture.store.rowCounts() == counts)
        #expect(try fixture.store.revision() == revision)
        let programme = try fixture.store.loadProgramme()
        #expect(programme.index(ofAccount: "A9") == nil)
        #expect(programme.accounts[try #require(programme.index(ofAccount: "A2"))].name == "Globex")
    }
}
