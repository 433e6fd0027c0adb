import ABMTestSupport
import Testing

@testable import ABMCore

struct EvidenceTests {
    @Test("explain shows the same numbers as the row, with each touch's contribution")
    func explainAgreesWithRow() throws {
        var f = Fixture()
        f.account("A")
        f.contact("C1", of: "A", role: .champion)
        f.contact("C2", of: "A", role: .economicBuyer)
        f.contact("C3", of: "A", role: .unknown)
        f.contact("C4", of: "A", role: .blocker, active: false)
        f.touch("A", .meeting, at: daysAgo(14), contact: "C1")
        f.touch("A", .web, at: daysAgo(2), contact: "C2")
        f.touch("A", .email, .outbound, at: daysAgo(1), contact: "C1")
        f.intent("A", score: 72, at: daysAgo(3))
        f.mark("A", .work, at: hoursAgo(2), note: "call the CFO")
        let p = f.build()
        let evidence = Evaluator().explain(account: 0, in: p, asOf: asOf)
        let row = p.evaluation("A")
        #expect(evidence.evaluation.score == row.score)
        #expect(evidence.scoredTouches.count == 2)
        let sum = evidence.scoredTouches.reduce(0) { $0 + $1.contribution }
        #expect(abs(sum - row.score.touchPoints) < 1e-12)
        let meeting = try #require(evidence.scoredTouches.first { $0.touch.channel == .meeting })
        #expect(meeting.ageDays == 14)
        #expect(meeting.weight == 10)
        #expect(abs(meeting.decay - 0.5) < 1e-15)
        #expect(evidence.stateTrace.last?.state == row.state)
        #expect(row.activeContacts == 3)
        #expect(row.rolesCovered.sortedRoles == [.champion, .economicBuyer])
        #expect(evidence.contacts.map(\.isStakeholder) == [true, true, false, false])
        #expect(evidence.clocks.count == 1)
        #expect(evidence.history.count == 1)
        #expect(row.decision?.note == "call the CFO")
        let times = evidence.timeline.map(\.at)
        #expect(times == times.sorted(by: >))
        #expect(evidence.timeline.count == 3 + 1 + 1)  // touches, intent, the mark
    }
}

struct ScoreHistoryTests {
    @Test("the sparkline: the end of each of the last seven review weeks, then as-of")
    func instants() {
        let instants = ScoreHistories.instants(asOf: asOf)
        #expect(instants.count == 8)
        #expect(instants.first == at("2026-10-04T23:59:59Z"))
        #expect(instants[6] == at("2026-11-15T23:59:59Z"))
        #expect(instants.last == asOf)
    }

    @Test("each point is the score as of that instant, for one account and for all")
    func values() {
        let programme = SampleGenerator.generate(SampleOptions(accounts: 60, touches: 3_000, days: 84))
        let evaluator = Evaluator()
        let all = evaluator.scoreHistories(programme, asOf: SampleOptions.demoAsOf)
        for index in [0, 7, 33, 59] {
            let expected = all.instants.map {
                evaluator.evaluate(account: index, in: programme, asOf: $0).engagementScore
            }
            #expect(all[index] == expected)
            #expect(evaluator.scoreHistory(account: index, in: programme, asOf: SampleOptions.demoAsOf) == expected)
        }
    }
}
