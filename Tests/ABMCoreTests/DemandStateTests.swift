import ABMTestSupport
import Testing

@testable import ABMCore

/// A fixture of an account with `contacts` people making inbound touches `days` ago and an
/// intent record of `intent` observed `intentDays` ago.
private func engagedCandidate(touches: [(days: Double, contact: String?)], intent: Int?, intentDays: Double = 10)
    -> Programme
{
    var f = Fixture()
    f.account("A")
    for id in ["C1", "C2", "C3"] { f.contact(id, of: "A") }
    for touch in touches { f.touch("A", .content, at: daysAgo(touch.days), contact: touch.contact) }
    if let intent { f.intent("A", score: intent, at: daysAgo(intentDays)) }
    return f.build()
}

struct DemandStateTests {
    @Test("three people, three touches and a surge within 30 days: engaged")
    func engaged() {
        let p = engagedCandidate(touches: [(1, "C1"), (5, "C2"), (20, "C3")], intent: 72)
        #expect(p.evaluation("A").state == .engaged)
    }

    @Test("three touches from one contact are not engaged (the two-form-fills case): aware")
    func oneVoiceIsNotEngaged() {
        let p = engagedCandidate(touches: [(1, "C1"), (5, "C1"), (20, "C1")], intent: 90)
        let evaluation = p.evaluation("A")
        #expect(evaluation.state == .aware)
        let trace = DemandRule.trace(evaluation.demand, playbook: Playbook())
        let engagedRule = trace.first { $0.state == .engaged }
        #expect(engagedRule?.conditions.map(\.holds) == [true, false, true])
        #expect(
            engagedRule?.conditions.map(\.text) == [
                "3 inbound touches in 30 d ✓", "1 stakeholders in 30 d ✗ < 2", "surge in 30 d ✓ peak 90 ≥ 65",
            ])
    }

    @Test("touches without a contact count as touches but not as stakeholders")
    func anonymousTouches() {
        let p = engagedCandidate(touches: [(1, "C1"), (5, "C2"), (20, nil)], intent: 72)
        #expect(p.evaluation("A").state == .engaged)
        let twoTouches = engagedCandidate(touches: [(1, "C1"), (5, "C2")], intent: 72)
        #expect(twoTouches.evaluation("A").state == .aware)
    }

    @Test("a touch exactly 30 days old is outside the engaged window")
    func thirtyDayEdge() {
        let inside = engagedCandidate(touches: [(1, "C1"), (5, "C2"), (29.999, "C3")], intent: 72)
        let outside = engagedCandidate(touches: [(1, "C1"), (5, "C2"), (30, "C3")], intent: 72)
        #expect(inside.evaluation("A").state == .engaged)
        #expect(outside.evaluation("A").state == .aware)
        #expect(outside.evaluation("A").demand.engagedTouches == 2)
    }

    @Test(
        "the engaged surge is any intent ≥ 65 within 30 days (not the 7-day window); 64 is not a surge",
        arguments: [
            (65, 20.0, DemandState.engaged), (64, 20.0, .aware), (80, 29.9, .engaged), (80, 30.0, .aware),
        ])
    func engagedSurge(score: Int, days: Double, expected: DemandState) {
        let p = engagedCandidate(touches: [(1, "C1"), (5, "C2"), (6, "C3")], intent: score, intentDays: days)
        #expect(p.evaluation("A").state == expected)
    }

    @Test("with require_surge = false, breadth alone makes an account engaged")
    func withoutSurge() {
        var playbook = Playbook()
        playbook.engaged.requireSurge = false
        let p = engagedCandidate(touches: [(1, "C1"), (5, "C2"), (6, "C3")], intent: nil)
        #expect(p.evaluation("A", playbook: playbook).state == .engaged)
        #expect(p.evaluation("A").state == .aware)
    }

    @Test(
        "aware: an inbound touch or a surge record within 90 days; target otherwise",
        arguments: [
            (89.9, nil, DemandState.aware), (90.0, nil, .target), (nil, 89.9, .aware), (nil, 90.0, .target),
        ] as [(Double?, Double?, DemandState)])
    func aware(touchDays: Double?, surgeDays: Double?, expected: DemandState) {
        var f = Fixture()
        f.account("A")
        if let touchDays { f.touch("A", .web, at: daysAgo(touchDays)) }
        if let surgeDays { f.intent("A", score: 70, at: daysAgo(surgeDays)) }
        f.intent("A", score: 64, at: daysAgo(1))  // below the threshold: not awareness
        f.touch("A", .email, .outbound, at: daysAgo(1))  // ours: not awareness
        #expect(f.build().evaluation("A").state == expected)
    }

    @Test("opportunities: open, won (customer), won plus open expansion; order of precedence")
    func opportunityStates() {
        var f = Fixture()
        for id in ["OPEN", "WON", "EXP", "WONNEW", "LOST"] { f.account(id) }
        f.opportunity("O1", of: "OPEN", .open, created: daysAgo(10))
        f.opportunity("O2", of: "WON", .won, created: daysAgo(200), closed: daysAgo(100))
        f.opportunity("O3", of: "EXP", .won, created: daysAgo(200), closed: daysAgo(100))
        f.opportunity("O4", of: "EXP", .open, kind: .expansion, created: daysAgo(5))
        f.opportunity("O5", of: "WONNEW", .won, created: daysAgo(200), closed: daysAgo(100))
        f.opportunity("O6", of: "WONNEW", .open, kind: .new, created: daysAgo(5))
        f.opportunity("O7", of: "LOST", .lost, created: daysAgo(50), closed: daysAgo(5))
        let p = f.build()
        #expect(p.evaluation("OPEN").state == .opportunity)
        #expect(p.evaluation("WON").state == .customer)
        #expect(p.evaluation("EXP").state == .expansion)
        #expect(p.evaluation("WONNEW").state == .customer)  // an open *new* opportunity is no expansion
        #expect(p.evaluation("LOST").state == .target)
    }

    @Test("an opportunity closed exactly at as-of is closed; one created after as-of does not exist")
    func opportunityEdges() {
        var f = Fixture()
        for id in ["WONNOW", "LOSTNOW", "FUTURE", "WONLATER"] { f.account(id) }
        f.opportunity("O1", of: "WONNOW", .won, created: daysAgo(30), closed: asOf)
        f.opportunity("O2", of: "LOSTNOW", .lost, created: daysAgo(30), closed: asOf)
        f.opportunity("O3", of: "FUTURE", .open, created: asOf.adding(seconds: 1))
        f.opportunity("O4", of: "WONLATER", .won, created: daysAgo(30), closed: asOf.adding(seconds: 1))
        let p = f.build()
        #expect(p.evaluation("WONNOW").state == .customer)
        #expect(p.evaluation("LOSTNOW").state == .target)
        #expect(p.evaluation("FUTURE").state == .target)
        #expect(p.evaluation("WONLATER").state == .opportunity)  // not yet closed at as-of: open
        #expect(p.evaluation("WONLATER", asOf: asOf.adding(seconds: 1)).state == .customer)
    }

    @Test("records dated after as-of do not exist for the computation")
    func futureRecordsIgnored() {
        var f = Fixture()
        f.account("A")
        for id in ["C1", "C2", "C3"] { f.contact(id, of: "A") }
        for (n, id) in ["C1", "C2", "C3"].enumerated() {
            f.touch("A", .content, at: asOf.adding(seconds: Int64(n + 1)), contact: id)
        }
        f.intent("A", score: 90, at: asOf.adding(seconds: 60))
        let p = f.build()
        let now = p.evaluation("A")
        #expect(now.state == .target)
        #expect(now.engagementScore == 0)
        #expect(now.lastTouch == nil)
        #expect(!now.surging)
        #expect(p.evaluation("A", asOf: asOf.adding(days: 1)).state == .engaged)
    }

    @Test("the trace lists every rule down to the winner, condition by condition")
    func trace() {
        let p = engagedCandidate(touches: [(1, "C1"), (5, "C2"), (20, "C3")], intent: 61)
        let evaluation = p.evaluation("A")
        let trace = DemandRule.trace(evaluation.demand, playbook: Playbook())
        #expect(trace.map(\.state) == [.expansion, .customer, .opportunity, .engaged, .aware])
        #expect(trace.map(\.holds) == [false, false, false, false, true])
        #expect(trace.last?.state == evaluation.state)
        #expect(
            trace[3].conditions.map(\.text) == [
                "3 inbound touches in 30 d ✓", "3 stakeholders in 30 d ✓", "surge in 30 d ✗ peak 61 < 65",
            ])
        #expect(trace[4].conditions.map(\.text) == ["3 inbound touches in 90 d ✓", "surge in 90 d ✗ peak 61 < 65"])
    }
}

struct SurgeTests {
    @Test(
        "surging needs an intent record ≥ 65 within the last 7 days",
        arguments: [
            (65, 6.99, true), (64, 1.0, false), (90, 7.0, false), (100, 0.0, true),
        ])
    func surge(score: Int, days: Double, surging: Bool) {
        var f = Fixture()
        f.account("A")
        f.intent("A", score: score, at: daysAgo(days))
        #expect(f.build().evaluation("A").surging == surging)
    }

    @Test("surging topics are distinct, sorted by code point, each with its highest score")
    func topics() {
        var f = Fixture()
        f.account("A")
        f.intent("A", "zero trust", score: 70, at: daysAgo(1))
        f.intent("A", "Zeta", score: 66, at: daysAgo(2))
        f.intent("A", "data observability", score: 72, at: daysAgo(3))
        f.intent("A", "data observability", score: 81, at: daysAgo(4))
        f.intent("A", "data observability", score: 99, at: daysAgo(8))  // outside the window
        f.intent("A", "ai governance", score: 60, at: daysAgo(1))  // below the threshold
        f.intent("A", "cloud", score: 95, at: asOf.adding(seconds: 10))  // after as-of
        let topics = f.build().evaluation("A").surgingTopics
        #expect(
            topics == [
                SurgeTopic(topic: "Zeta", score: 66), SurgeTopic(topic: "data observability", score: 81),
                SurgeTopic(topic: "zero trust", score: 70),
            ])
    }
}
