import ABMTestSupport
import Testing

@testable import ABMCore

struct ProgrammeBuilderTests {
    @Test("records in any order come out grouped by account and sorted by time, then id")
    func sortsAnyOrder() {
        var f = Fixture()
        f.account("A")
        f.account("B")
        f.contact("CB", of: "B")
        f.contact("CA", of: "A")
        f.touch("B", .web, at: daysAgo(1), contact: "CB", id: "T9")
        f.touch("A", .web, at: daysAgo(2), contact: "CA", id: "T8")
        f.touch("A", .meeting, .outbound, at: daysAgo(1), id: "T2")
        f.touch("A", .phone, .outbound, at: daysAgo(1), id: "T10")
        f.intent("B", score: 10, at: daysAgo(1))
        f.intent("A", score: 20, at: daysAgo(3))
        f.intent("A", score: 30, at: daysAgo(4))
        let p = f.build()
        #expect(p.touches(of: 0).map(\.id) == ["T8", "T10", "T2"])  // equal times: by id code point
        #expect(p.touches(of: 0).first?.contactId == "CA")
        #expect(p.touches(of: 1).map(\.id) == ["T9"])
        #expect(p.touches(of: 1).first?.contactId == "CB")
        #expect(p.contacts(of: 0).map(\.id) == ["CA"])
        #expect(p.intent(of: 0).map(\.score) == [30, 20])
        #expect(p.earliestTouch == daysAgo(2))
    }

    @Test("last touch: the latest at or before as-of, inbound or outbound; at equal times the greater touch id")
    func lastTouch() {
        var f = Fixture()
        f.account("A")
        f.touch("A", .web, at: daysAgo(1), id: "T-B")
        f.touch("A", .meeting, .outbound, at: daysAgo(1), id: "T-A")
        f.touch("A", .phone, .outbound, at: asOf.adding(seconds: 5), id: "T-C")
        let last = f.build().evaluation("A").lastTouch
        #expect(last == LastTouch(at: daysAgo(1), channel: .web, direction: .inbound))
    }

    @Test("refusals name the record: unknown account, unknown contact, a contact of another account, duplicates")
    func refusals() throws {
        var builder = ProgrammeBuilder()
        try builder.addAccount(Account(id: "A", name: "A", importedTier: .one))
        try builder.addAccount(Account(id: "B", name: "B", importedTier: .one))
        try builder.addContact(Contact(id: "CB", accountId: "B", name: "x"))
        #expect(throws: ProgrammeError.duplicateAccount(id: "A")) {
            try builder.addAccount(Account(id: "A", name: "again", importedTier: .two))
        }
        #expect(throws: ProgrammeError.unknownAccount(id: "Z", record: "contact \"C\"")) {
            try builder.addContact(Contact(id: "C", accountId: "Z", name: "x"))
        }
        #expect(
            throws: ProgrammeError.contactOfAnotherAccount(contact: "CB", contactAccount: "B", record: "touch \"T1\"")
        ) {
            try builder.addTouch(
                Touch(id: "T1", accountId: "A", channel: .web, direction: .inbound, occurredAt: asOf, contactId: "CB"))
        }
        #expect(throws: ProgrammeError.unknownContact(id: "CX", record: "touch \"T1\"")) {
            try builder.addTouch(
                Touch(id: "T1", accountId: "A", channel: .web, direction: .inbound, occurredAt: asOf, contactId: "CX"))
        }
        #expect(throws: ProgrammeError.timeOutOfRange(at("1900-01-01"), record: "touch \"T1\"")) {
            try builder.addTouch(
                Touch(id: "T1", accountId: "A", channel: .web, direction: .inbound, occurredAt: at("1900-01-01")))
        }
        #expect(throws: ProgrammeError.scoreOutOfRange(101, record: "intent record of account \"A\"")) {
            try builder.addIntent(IntentRecord(accountId: "A", topic: "x", score: 101, observedAt: asOf))
        }
        #expect(
            ProgrammeError.contactOfAnotherAccount(contact: "CB", contactAccount: "B", record: "touch \"T1\"")
                .description
                == "touch \"T1\" names contact \"CB\", who belongs to account \"B\"; a touch's contact must belong to the touched account"
        )
    }

    @Test("a touch logged after the build is evaluated at once, in time order; the same id updates it")
    func appendTouch() throws {
        var f = Fixture()
        f.account("A")
        f.account("B")
        f.contact("C1", of: "A")
        f.touch("A", .web, at: daysAgo(3), id: "T1")
        f.touch("B", .web, at: daysAgo(3), id: "T2")
        var p = f.build()
        try p.appendTouch(
            Touch(
                id: "T5", accountId: "A", channel: .meeting, direction: .inbound, occurredAt: daysAgo(1),
                contactId: "C1", note: "demo"))
        try p.appendTouch(
            Touch(id: "T4", accountId: "A", channel: .phone, direction: .outbound, occurredAt: daysAgo(2), by: "dana"))
        #expect(p.touches(of: 0).map(\.id) == ["T1", "T4", "T5"])
        #expect(p.touches(of: 0).last?.note == "demo")
        #expect(p.touches(of: 0)[1].by == "dana")
        #expect(p.touchCount == 4)
        #expect(p.evaluation("A").lastTouch?.channel == .meeting)
        try p.appendTouch(
            Touch(id: "T5", accountId: "A", channel: .event, direction: .inbound, occurredAt: daysAgo(0.5)))
        #expect(p.touches(of: 0).map(\.id) == ["T1", "T4", "T5"])
        #expect(p.touches(of: 0).last?.channel == .event)
        #expect(p.touches(of: 1).map(\.id) == ["T2"])
        #expect(throws: ProgrammeError.self) {
            try p.appendTouch(
                Touch(id: "T6", accountId: "B", channel: .web, direction: .inbound, occurredAt: asOf, contactId: "C1"))
        }
    }

    @Test("updating the earliest touch to a later time moves the programme's start")
    func earliestTouchUpdated() throws {
        var f = Fixture()
        f.account("A", tier: .two)
        f.account("B", tier: .two)
        f.touch("A", .email, .outbound, at: daysAgo(100), id: "T-1")
        f.touch("B", .email, .outbound, at: daysAgo(10), id: "T-2")
        var p = f.build()
        #expect(p.evaluation("B").recommendation == .demote)
        try p.appendTouch(
            Touch(id: "T-1", accountId: "A", channel: .email, direction: .outbound, occurredAt: daysAgo(5)))
        #expect(p.earliestTouch == daysAgo(10))
        #expect(p.evaluation("B").recommendation == .hold)
        p.removeTouch(id: "T-2", fromAccount: 1)
        #expect(p.earliestTouch == daysAgo(5))
        #expect(p.touchCount == 1)
    }

    @Test("an update that moves a touch or an opportunity to another account takes it off the first")
    func moves() throws {
        var f = Fixture()
        f.account("A")
        f.account("B")
        f.touch("A", .meeting, at: daysAgo(1), id: "T-1")
        f.opportunity("O-1", of: "A", .open, created: daysAgo(3))
        var p = f.build()
        try p.appendTouch(
            Touch(id: "T-1", accountId: "B", channel: .meeting, direction: .inbound, occurredAt: daysAgo(1)),
            previousAccount: "A")
        #expect(p.touches(of: 0).isEmpty)
        #expect(p.touches(of: 1).map(\.id) == ["T-1"])
        #expect(p.touchCount == 1)
        try p.upsertOpportunity(
            Opportunity(id: "O-1", accountId: "B", status: .open, createdAt: daysAgo(3)), previousAccount: "A")
        #expect(p.opportunities(of: 0).isEmpty)
        #expect(p.opportunities(of: 1).map(\.id) == ["O-1"])
        #expect(p.evaluation("A").state == .target)
        #expect(p.evaluation("B").state == .opportunity)
    }

    @Test("equal-time ties break by touch id code point whether built or appended")
    func tieBreakByCodePoint() throws {
        var f = Fixture()
        f.account("A")
        f.touch("A", .web, at: daysAgo(1), id: "T-f")
        f.touch("A", .meeting, at: daysAgo(1), id: "T-e\u{301}")
        let built = f.build()
        #expect(built.evaluation("A").lastTouch?.channel == .web)  // "f" (0x66) > "e" (0x65)
        var g = Fixture()
        g.account("A")
        g.touch("A", .web, at: daysAgo(1), id: "T-f")
        var appended = g.build()
        try appended.appendTouch(
            Touch(id: "T-e\u{301}", accountId: "A", channel: .meeting, direction: .inbound, occurredAt: daysAgo(1)))
        #expect(appended.evaluation("A").lastTouch?.channel == .web)
        #expect(appended.touches(of: 0).map(\.id) == built.touches(of: 0).map(\.id))
    }

    @Test("an arena of ids keeps working when lengths stop being uniform")
    func arenaWidths() {
        var arena = StringArena()
        arena.append("T001")
        arena.append("T002")
        #expect(arena[1] == "T002")
        arena.append("T10000")
        arena.append("")
        arena.append("Zürich")
        #expect((0..<arena.count).map { arena[$0] } == ["T001", "T002", "T10000", "", "Zürich"])
        #expect(arena.lessThan(0, 1) && !arena.lessThan(2, 1) && arena.lessThan(3, 0))
        #expect(arena.equals(4, "Zürich") && !arena.equals(4, "Zurich"))
    }
}

struct BoardOrderTests {
    @Test("rows order by tier (removed last), score highest first, then account id by code point")
    func order() {
        var f = Fixture()
        for (id, tier) in [("b", Tier.two), ("a", .two), ("Z", .two), ("x", .one), ("r", .three)] {
            f.account(id, tier: tier)
        }
        f.touch("b", .meeting, at: daysAgo(1))
        f.mark("r", .demote, at: daysAgo(1))
        let p = f.build()
        let evaluations = Evaluator().evaluateAll(p, asOf: asOf)
        let ids = BoardOrder.sorted(evaluations, in: p, includeRemoved: true).map { p.accounts[$0.account].id }
        #expect(ids == ["x", "b", "Z", "a", "r"])
        #expect(BoardOrder.sorted(evaluations, in: p).count == 4)
    }
}
