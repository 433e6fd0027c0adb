import ABMTestSupport
import Testing

@testable import ABMCore

/// "Since last week" on the programme tier health is worked out on (TierHealthTests): as-of
/// Friday 2026-11-20 12:00, the week began Monday 2026-11-16 00:00.
struct WeekChangesTests {
    let programme = smallProgramme()
    var changes: WeekChanges { Evaluator().weekChanges(programme, asOf: asOf) }

    func ids(_ accounts: [Int]) -> [String] { accounts.map { programme.accounts[$0].id } }

    @Test("it compares as-of with the start of the review week")
    func interval() {
        #expect(changes.from == at("2026-11-16T00:00:00Z"))
        #expect(changes.to == asOf)
    }

    @Test("state changes up and down, in board order, are exactly tier health's movement")
    func states() {
        let changes = changes
        #expect(
            changes.rose.map { "\(programme.accounts[$0.account].id) \($0.from)→\($0.to)" } == [
                "T1A aware→engaged", "T2A customer→expansion", "T2E target→aware",
            ])
        #expect(
            changes.fell.map { "\(programme.accounts[$0.account].id) \($0.from)→\($0.to)" } == ["T2D engaged→aware"])
        let health = Evaluator().health(programme, asOf: asOf)
        for tier in Tier.allCases {
            #expect(changes.rose.filter { $0.tier == tier }.count == health[tier].movement.rose)
            #expect(changes.fell.filter { $0.tier == tier }.count == health[tier].movement.fell)
        }
    }

    @Test("tier changes this week, in board order; last week's removal is not one")
    func tiers() {
        let changes = changes
        #expect(ids(changes.tierChanges.map(\.account)) == ["T3A", "T2E"])
        #expect(changes.tierChanges.map(\.from) == [.three, .two])
        #expect(changes.tierChanges.map(\.to) == [.two, .three])
        #expect(changes.tierChanges.map(\.promoted) == [true, false])
        #expect(changes.tierChanges[0].entries.map(\.record.by) == ["marketing"])
    }

    @Test("a tier change keeps the mark's latest note; a mark taken back is no change")
    func notes() {
        var f = Fixture()
        f.account("A", tier: .one)
        f.mark("A", .demote, at: daysAgo(2), note: "budget frozen")
        f.record("A", .note("until Q2"), at: daysAgo(1))
        f.account("B", tier: .two)
        f.mark("B", .demote, at: daysAgo(2))
        f.record("B", .undo, at: daysAgo(1))
        f.account("C", tier: .three)
        f.record("C", .retier(.one), at: daysAgo(3), by: "import")
        let programme = f.build()
        let changes = Evaluator().weekChanges(programme, asOf: asOf)
        #expect(changes.tierChanges.map { programme.accounts[$0.account].id } == ["C", "A"])
        #expect(changes.tierChanges.map(\.notes) == [[], ["until Q2"]])
        #expect(changes.tierChanges[0].entries.map(\.record.event) == [.retier(.one)])
    }

    @Test("new surges and new SLA breaches")
    func surgesAndBreaches() {
        let changes = changes
        #expect(ids(changes.newSurges.map(\.account)) == ["T1A", "T2B", "T2C"])
        // T2C's clock is overdue too, but held by this week's hold.
        #expect(ids(changes.newBreaches.map(\.account)) == ["T1A"])
        #expect(changes.newBreaches.first?.clock.dueAt == at("2026-11-19T12:00:00Z"))
    }
}
