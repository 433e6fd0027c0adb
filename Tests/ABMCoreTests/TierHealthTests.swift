import ABMTestSupport
import Testing

@testable import ABMCore

/// A small programme whose health is worked out by hand below (the week-changes tests use it too). As-of is Friday 2026-11-20
/// 12:00; the review week began on Monday 2026-11-16 00:00.
func smallProgramme() -> Programme {
    var f = Fixture()
    // Tier 1
    f.account("T1A", tier: .one)  // engaged, surging, clock breached, work; aware on Monday
    for id in ["A1", "A2", "A3"] { f.contact(id, of: "T1A") }
    f.touch("T1A", .web, at: daysAgo(20), contact: "A1")
    f.touch("T1A", .content, at: daysAgo(1), contact: "A1")
    f.touch("T1A", .content, at: daysAgo(2), contact: "A2")
    f.touch("T1A", .webinar, at: daysAgo(3), contact: "A3")
    f.intent("T1A", score: 70, at: daysAgo(2))
    f.mark("T1A", .work, at: hoursAgo(3))
    f.account("T1B", tier: .one)  // opportunity, thin (one active contact), undecided
    f.contact("B1", of: "T1B")
    f.contact("B2", of: "T1B", active: false)
    f.opportunity("O1", of: "T1B", .open, created: daysAgo(30))
    f.account("T1C", tier: .one)  // target, thin (no contacts), hold
    f.mark("T1C", .hold, at: hoursAgo(4))
    // Tier 2
    f.account("T2A", tier: .two)  // customer on Monday, expansion now; a met clock
    f.opportunity("O2", of: "T2A", .won, created: daysAgo(300), closed: daysAgo(100))
    f.opportunity("O3", of: "T2A", .open, kind: .expansion, created: daysAgo(2))
    f.intent("T2A", score: 68, at: daysAgo(10))
    f.touch("T2A", .phone, .outbound, at: daysAgo(10).adding(seconds: 3600))
    f.account("T2B", tier: .two, holdout: true)  // opportunity in the holdout; its surge opens no clock
    f.opportunity("O4", of: "T2B", .open, created: daysAgo(10))
    f.intent("T2B", score: 90, at: daysAgo(1))
    f.account("T2C", tier: .two)  // aware; clock overdue but held by this week's hold
    f.touch("T2C", .web, at: daysAgo(5))
    f.intent("T2C", score: 66, at: daysAgo(3))
    f.mark("T2C", .hold, at: daysAgo(1))
    f.account("T2D", tier: .two)  // engaged on Monday, aware now: the window rolled past its touches
    for id in ["D1", "D2", "D3"] { f.contact(id, of: "T2D") }
    f.touch("T2D", .content, at: daysAgo(31), contact: "D1")
    f.touch("T2D", .content, at: daysAgo(31.5), contact: "D2")
    f.touch("T2D", .content, at: daysAgo(32), contact: "D3")
    f.intent("T2D", score: 70, at: daysAgo(31))
    f.account("T2E", tier: .two)  // demoted this week to Tier 3; aware now, target on Monday
    f.touch("T2E", .web, at: daysAgo(3))
    f.mark("T2E", .demote, at: daysAgo(1))
    // Tier 3
    f.account("T3A", tier: .three)  // promoted this week to Tier 2; aware all week
    f.touch("T3A", .web, at: daysAgo(40))
    f.mark("T3A", .promote, at: daysAgo(2), by: "marketing")
    f.account("T3B", tier: .three)  // removed last week: in no tier
    f.touch("T3B", .web, at: daysAgo(40))
    f.mark("T3B", .demote, at: daysAgo(8))
    f.account("T3C", tier: .three)  // target, undecided
    return f.build()
}

struct TierHealthTests {
    let report = Evaluator().health(smallProgramme(), asOf: asOf)

    @Test("Tier 1: accounts, states, engaged share, red flag, thin, SLA, decisions, movement")
    func tierOne() {
        let t = report[.one]
        #expect(t.accounts == 3)
        #expect(DemandState.allCases.map { t.states[$0] } == [1, 0, 1, 1, 0, 0])
        #expect(t.engaged == 2)  // engaged + opportunity
        #expect(t.engagedShare == 2.0 / 3.0)
        #expect(!t.redFlag)
        #expect(t.thin == 2)
        #expect(t.sla == SLATally(met: 0, late: 0, breached: 1, due: 0, held: 0))
        #expect(t.sla.followUpRate == 0)
        #expect(t.decisions == DecisionCounts(work: 1, hold: 1, demote: 0, promote: 0, undecided: 1))
        #expect(t.movement == Movement(rose: 1, fell: 0))
        #expect(t.holdout == nil)
    }

    @Test(
        "Tier 2: a promotion counts here, a demotion does not; held and met clocks; movement both ways; the holdout comparison"
    )
    func tierTwo() {
        let t = report[.two]
        #expect(t.accounts == 5)  // T2A T2B T2C T2D and T3A promoted; T2E left
        #expect(DemandState.allCases.map { t.states[$0] } == [0, 3, 0, 1, 0, 1])
        #expect(t.engagedShare == 0.4)  // opportunity + expansion; a customer alone would not count
        #expect(!t.redFlag)
        #expect(t.thin == 0)
        #expect(t.sla == SLATally(met: 1, late: 0, breached: 0, due: 0, held: 1))
        #expect(t.sla.followUpRate == 1)
        #expect(t.decisions == DecisionCounts(work: 0, hold: 1, demote: 0, promote: 1, undecided: 3))
        #expect(t.movement == Movement(rose: 1, fell: 1))
        let holdout = t.holdout
        #expect(holdout?.holdout.accounts == 1)
        #expect(holdout?.holdout.withPipeline == 1)
        #expect(holdout?.holdout.share == 1)
        #expect(holdout?.rest.accounts == 4)
        #expect(holdout?.rest.withPipeline == 1)
        #expect(holdout?.rest.share == 0.25)
    }

    @Test("Tier 3: the demoted account counts here with its demote; the removed one is in no tier")
    func tierThree() {
        let t = report[.three]
        #expect(t.accounts == 2)
        #expect(DemandState.allCases.map { t.states[$0] } == [1, 1, 0, 0, 0, 0])
        #expect(t.engagedShare == 0)
        #expect(t.sla.clocks == 0)
        #expect(t.sla.followUpRate == nil)
        #expect(t.decisions == DecisionCounts(work: 0, hold: 0, demote: 1, promote: 0, undecided: 1))
        #expect(t.movement == Movement(rose: 1, fell: 0))
        #expect(t.holdout == nil)
        #expect(report.tiers.map(\.accounts).reduce(0, +) == 10)  // 11 accounts, one removed
    }

    @Test("the follow-up rate is held against the 60 % target (none without a rate)")
    func followUpTarget() {
        #expect(report[.one].followUpOnTarget == false)  // 0 of 1
        #expect(report[.two].followUpOnTarget == true)  // 1 of 1
        #expect(report[.three].followUpOnTarget == nil)
        var health = TierHealth(tier: .one)
        for status in [SLAStatus.met, .met, .met, .late, .breached] { health.sla.add(status) }
        #expect(health.followUpOnTarget == true)  // 3 / 5 = 60 %
        health.sla.add(.late)
        #expect(health.followUpOnTarget == false)  // 3 / 6 = 50 %
    }

    @Test("thin: a Tier 1 account with fewer than 3 active contacts", arguments: [(2, true), (3, false)])
    func thin(active: Int, thin: Bool) {
        var f = Fixture()
        f.account("A", tier: .one)
        f.account("B", tier: .two)
        for n in 0..<active {
            f.contact("A\(n)", of: "A")
            f.contact("B\(n)", of: "B")
        }
        f.contact("AX", of: "A", active: false)
        let p = f.build()
        #expect(p.evaluation("A").thin == thin)
        #expect(p.evaluation("A").activeContacts == active)
        #expect(!p.evaluation("B").thin)  // only Tier 1 accounts can be thin
    }

    @Test("decisions add up to the number of accounts in every tier")
    func decisionsAddUp() {
        for t in report.tiers {
            #expect(t.decisions.decided + t.decisions.undecided == t.accounts)
        }
    }

    @Test("the red flag: Tier 1 below 20 % engaged, or empty; never on other tiers")
    func redFlag() {
        var f = Fixture()
        for n in 1...5 { f.account("T\(n)", tier: .one) }
        f.opportunity("O1", of: "T1", .open, created: daysAgo(3))
        let oneInFive = Evaluator().health(f.build(), asOf: asOf)
        #expect(oneInFive[.one].engagedShare == 0.2)
        #expect(!oneInFive[.one].redFlag)  // 20 % is not below 20 %
        var g = Fixture()
        for n in 1...6 { g.account("T\(n)", tier: .one) }
        g.opportunity("O1", of: "T1", .open, created: daysAgo(3))
        #expect(Evaluator().health(g.build(), asOf: asOf)[.one].redFlag)
        var h = Fixture()
        h.account("X", tier: .two)
        let empty = Evaluator().health(h.build(), asOf: asOf)
        #expect(empty[.one].accounts == 0 && empty[.one].engagedShare == 0 && empty[.one].redFlag)
        #expect(!empty[.two].redFlag)
        #expect(empty[.two].holdout?.holdout.share == nil)
    }

    @Test("the accounts behind a number are the ones it counts")
    func accountsBehindNumbers() {
        let programme = smallProgramme()
        let evaluator = Evaluator()
        let evaluations = evaluator.evaluateAll(programme, asOf: asOf)
        let starts = evaluator.weekStartStates(programme, asOf: asOf)
        func ids(_ metric: HealthMetric, _ tier: Tier) -> [String] {
            metric.accounts(of: tier, evaluations: evaluations, weekStartStates: starts, programme: programme)
                .map { programme.accounts[$0.account].id }
        }
        #expect(Set(ids(.thin, .one)) == ["T1B", "T1C"])
        #expect(ids(.rose, .two) == ["T2A"])
        #expect(ids(.fell, .two) == ["T2D"])
        #expect(ids(.sla(.held), .two) == ["T2C"])
        #expect(ids(.decision(.promote), .two) == ["T3A"])
        #expect(ids(.holdout(pipelineOnly: true), .two) == ["T2B"])
        #expect(Set(ids(.decision(nil), .two)) == ["T2A", "T2B", "T2D"])
    }
}

extension SLATally {
    init(met: Int, late: Int, breached: Int, due: Int, held: Int) {
        self.init()
        self.met = met
        self.late = late
        self.breached = breached
        self.due = due
        self.held = held
    }
}

extension DecisionCounts {
    init(work: Int, hold: Int, demote: Int, promote: Int, undecided: Int) {
        self.init()
        self.work = work
        self.hold = hold
        self.demote = demote
        self.promote = promote
        self.undecided = undecided
    }
}

extension Movement {
    init(rose: Int, fell: Int) {
        self.init()
        self.rose = rose
        self.fell = fell
    }
}

struct FusedPassTests {
    @Test("the fused pass gives the same rows and Monday states as two separate passes")
    func fusedAgrees() {
        let programme = SampleGenerator.generate(SampleOptions(accounts: 150, touches: 6_000))
        let evaluator = Evaluator()
        let instant = SampleOptions.demoAsOf
        let fused = evaluator.evaluateAll(programme, asOf: instant, alsoStatesAt: ReviewWeek(containing: instant).start)
        let separate = evaluator.evaluateAll(programme, asOf: instant)
        #expect(fused.states == evaluator.weekStartStates(programme, asOf: instant))
        #expect(fused.evaluations.map(\.score) == separate.map(\.score))
        #expect(fused.evaluations.map(\.sla) == separate.map(\.sla))
        #expect(fused.evaluations.map(\.state) == separate.map(\.state))
    }
}
