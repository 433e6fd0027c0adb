import ABMTestSupport
import Testing

@testable import ABMCore

/// The meeting's queue (SPEC §6, meeting mode).
struct MeetingOrderTests {
    /// Accounts with every recommendation, scores chosen so that score alone would order them
    /// differently. The programme started 50 days ago, so a target account is demoted.
    func programme() -> Programme {
        var f = Fixture()
        f.account("OLD", tier: .three)
        f.touch("OLD", .web, at: daysAgo(50))
        f.mark("OLD", .demote, at: daysAgo(20))  // removed: not on the board
        f.account("H1", tier: .one)  // aware, hold, the highest score of Tier 1, last of it
        for day in 1...12 { f.touch("H1", .content, at: daysAgo(Double(day) / 2)) }
        f.account("W1a", tier: .one)  // surging: work, score 0
        f.intent("W1a", score: 80, at: daysAgo(1))
        f.account("W1b", tier: .one)  // surging with a touch: work, a higher score
        f.intent("W1b", score: 80, at: daysAgo(1))
        f.touch("W1b", .web, at: daysAgo(1))
        f.account("D1", tier: .one)  // target after six weeks: demote
        f.account("X1", tier: .one)  // surging but decided this week: not in the queue
        f.intent("X1", score: 80, at: daysAgo(1))
        f.mark("X1", .work, at: hoursAgo(1))
        f.account("H2", tier: .two)  // target after six weeks: demote
        f.account("P2", tier: .two)  // surging: promote
        f.intent("P2", score: 90, at: daysAgo(1))
        f.account("P3", tier: .three)  // surging: promote
        f.intent("P3", score: 90, at: daysAgo(1))
        return f.build()
    }

    @Test("the undecided accounts on the board: Tier 1 first, promote/work/demote before hold, then score")
    func queue() {
        let programme = programme()
        let rows = Evaluator().evaluateAll(programme, asOf: asOf)
        let queue = MeetingOrder.queue(rows, in: programme)
        #expect(
            queue.map { "\(programme.accounts[$0.account].id) \($0.recommendation) \($0.score.value)" } == [
                "W1b work 20", "W1a work 18", "D1 demote 0", "H1 hold 64", "P2 promote 20", "H2 demote 0",
                "P3 promote 20",
            ])
    }
}
