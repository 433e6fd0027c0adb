import ABMTestSupport
import Testing

@testable import ABMCore

/// A Tier `tier` account with a surge at `trigger` and outbound touches at `followUps`.
private func clockProgramme(
    tier: Tier = .one, holdout: Bool = false, triggers: [Instant], followUps: [(Instant, Channel, Direction)] = [],
    marks: [(MarkAction, Instant)] = []
) -> Programme {
    var f = Fixture()
    f.account("A", tier: tier, holdout: holdout)
    for trigger in triggers { f.intent("A", score: 70, at: trigger) }
    for (time, channel, direction) in followUps { f.touch("A", channel, direction, at: time) }
    for (action, time) in marks { f.mark("A", action, at: time) }
    return f.build()
}

struct SLATests {
    @Test("met: a phone call within 24 h of a Tier 1 surge")
    func met() {
        let opened = hoursAgo(30)
        let p = clockProgramme(triggers: [opened], followUps: [(opened.adding(seconds: 5 * 3600), .phone, .outbound)])
        let sla = p.evaluation("A").sla
        #expect(sla.status == .met)
        #expect(sla.dueAt == opened.adding(seconds: 24 * 3600))
        #expect(sla.tally.met == 1)
    }

    @Test("a follow-up exactly at due_at is met; a second later is late")
    func dueEdge() {
        let opened = hoursAgo(72)
        let onTime = clockProgramme(
            triggers: [opened], followUps: [(opened.adding(seconds: 24 * 3600), .meeting, .outbound)])
        let late = clockProgramme(
            triggers: [opened], followUps: [(opened.adding(seconds: 24 * 3600 + 1), .salesEmail, .outbound)])
        #expect(onTime.evaluation("A").sla.status == .met)
        #expect(late.evaluation("A").sla.status == .late)
    }

    @Test(
        "due while as-of ≤ due_at, breached after; Tier 2 has 48 hours",
        arguments: [
            (Tier.one, 23.0, SLAStatus.due), (.one, 24.0, .due), (.one, 24.001, .breached), (.two, 47.0, .due),
            (.two, 49.0, .breached),
        ])
    func openClock(tier: Tier, hours: Double, status: SLAStatus) {
        let opened = hoursAgo(hours)
        let evaluation = clockProgramme(tier: tier, triggers: [opened]).evaluation("A")
        #expect(evaluation.sla.status == status)
        #expect(evaluation.sla.dueAt == opened.adding(seconds: (tier == .one ? 24 : 48) * 3600))
    }

    @Test("held: an open clock with this week's decision hold, whether or not it is overdue", arguments: [10.0, 60.0])
    func held(hours: Double) {
        let p = clockProgramme(triggers: [hoursAgo(hours)], marks: [(.hold, hoursAgo(1))])
        #expect(p.evaluation("A").sla.status == .held)
        #expect(p.evaluation("A").sla.tally.held == 1)
    }

    @Test("a hold in last week does not hold this week's clock; a hold on a closed clock changes nothing")
    func holdScope() {
        let lastWeek = at("2026-11-15T10:00:00Z")
        let p = clockProgramme(triggers: [hoursAgo(60)], marks: [(.hold, lastWeek)])
        #expect(p.evaluation("A").sla.status == .breached)
        let opened = hoursAgo(60)
        let closed = clockProgramme(
            triggers: [opened], followUps: [(opened.adding(seconds: 3600), .phone, .outbound)],
            marks: [(.hold, hoursAgo(1))])
        #expect(closed.evaluation("A").sla.status == .met)
    }

    @Test("after a follow-up, the next surge opens a new clock")
    func newClockAfterFollowUp() {
        let first = daysAgo(5)
        let followUp = first.adding(seconds: 2 * 3600)
        let second = daysAgo(2)
        let p = clockProgramme(triggers: [first, second], followUps: [(followUp, .phone, .outbound)])
        let evidence = Evaluator().explain(account: 0, in: p, asOf: asOf)
        #expect(evidence.clocks.map(\.status) == [.met, .breached])
        #expect(evidence.clocks.map(\.openedAt) == [first, second])
        #expect(evidence.evaluation.sla.status == .breached)
        #expect(evidence.evaluation.sla.tally.met == 1 && evidence.evaluation.sla.tally.breached == 1)
    }

    @Test(
        "surges while a clock is open join it; a surge at the very instant of the follow-up joins the clock it closes")
    func joining() {
        let first = daysAgo(5)
        let followUp = first.adding(seconds: 3 * 3600)
        let p = clockProgramme(
            triggers: [first, first.adding(seconds: 3600), followUp], followUps: [(followUp, .meeting, .outbound)])
        let evidence = Evaluator().explain(account: 0, in: p, asOf: asOf)
        #expect(evidence.clocks.count == 1)
        #expect(evidence.clocks.first?.triggers == 3)
        #expect(evidence.clocks.first?.status == .met)
        #expect(evidence.clocks.first?.closedAt == followUp)
    }

    @Test("only an outbound touch on a follow-up channel at or after the clock opened closes it")
    func whatCloses() {
        let opened = hoursAgo(30)
        let notFollowUps: [(Instant, Channel, Direction)] = [
            (opened.adding(seconds: -60), .phone, .outbound),  // before the surge
            (opened.adding(seconds: 60), .phone, .inbound),  // they called us
            (opened.adding(seconds: 120), .email, .outbound),  // marketing e-mail
            (opened.adding(seconds: 180), .linkedin, .outbound),
        ]
        #expect(clockProgramme(triggers: [opened], followUps: notFollowUps).evaluation("A").sla.status == .breached)
        let atOpening = clockProgramme(triggers: [opened], followUps: [(opened, .salesEmail, .outbound)])
        #expect(atOpening.evaluation("A").sla.status == .met)
    }

    @Test("the follow-up channels are the playbook's")
    func playbookChannels() {
        var playbook = Playbook()
        playbook.sla.followUpChannels = [.linkedin]
        let opened = hoursAgo(30)
        let p = clockProgramme(triggers: [opened], followUps: [(opened.adding(seconds: 60), .linkedin, .outbound)])
        #expect(p.evaluation("A", playbook: playbook).sla.status == .met)
        #expect(p.evaluation("A").sla.status == .breached)
    }

    @Test("no clock: Tier 3, holdout, removed, a surge 30 days old, a surge after as-of, intent below 65")
    func noClock() {
        #expect(clockProgramme(tier: .three, triggers: [hoursAgo(5)]).evaluation("A").sla == .none)
        #expect(clockProgramme(tier: .two, holdout: true, triggers: [hoursAgo(5)]).evaluation("A").sla == .none)
        #expect(
            clockProgramme(tier: .three, triggers: [hoursAgo(5)], marks: [(.demote, hoursAgo(1))]).evaluation("A").sla
                == .none)
        #expect(clockProgramme(triggers: [daysAgo(30)]).evaluation("A").sla == .none)
        #expect(clockProgramme(triggers: [asOf.adding(seconds: 1)]).evaluation("A").sla == .none)
        var f = Fixture()
        f.account("A")
        f.intent("A", score: 64, at: hoursAgo(5))
        #expect(f.build().evaluation("A").sla == .none)
    }

    @Test("a follow-up after as-of does not exist yet")
    func futureFollowUp() {
        let opened = hoursAgo(5)
        let p = clockProgramme(triggers: [opened], followUps: [(asOf.adding(seconds: 60), .phone, .outbound)])
        #expect(p.evaluation("A").sla.status == .due)
    }

    @Test("the SLA follows the tier at as-of: a promotion to Tier 1 shortens every clock to 24 h")
    func tierAtAsOf() {
        let p = clockProgramme(tier: .two, triggers: [hoursAgo(30)], marks: [(.promote, hoursAgo(1))])
        let evaluation = p.evaluation("A")
        #expect(evaluation.tier == .one)
        #expect(evaluation.sla.status == .breached)
        #expect(p.evaluation("A", asOf: hoursAgo(2)).sla.status == .due)  // still Tier 2 then
    }

    @Test("follow-up rate = met ÷ (met + late + breached), nil when that is 0")
    func followUpRate() {
        var tally = SLATally()
        #expect(tally.followUpRate == nil)
        tally.add(.due)
        tally.add(.held)
        #expect(tally.followUpRate == nil)
        tally.add(.met)
        tally.add(.met)
        tally.add(.late)
        tally.add(.breached)
        #expect(tally.followUpRate == 0.5)
        #expect(tally.clocks == 6)
    }
}
