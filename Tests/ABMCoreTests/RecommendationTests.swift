import ABMTestSupport
import Testing

@testable import ABMCore

struct RecommendationTests {
    /// A programme whose earliest touch is `programmeDays` before as-of, plus one account
    /// "A" shaped by `shape`.
    private func programme(
        tier: Tier = .one, holdout: Bool = false, programmeDays: Double = 60, _ shape: (inout Fixture) -> Void
    ) -> Programme {
        var f = Fixture()
        f.account("A", tier: tier, holdout: holdout)
        for id in ["C1", "C2", "C3"] { f.contact(id, of: "A") }
        f.account("OLD", tier: .three)
        f.touch("OLD", .email, .outbound, at: daysAgo(programmeDays))
        shape(&f)
        return f.build()
    }

    private func engage(_ f: inout Fixture) {
        f.touch("A", .content, at: daysAgo(1), contact: "C1")
        f.touch("A", .content, at: daysAgo(2), contact: "C2")
        f.touch("A", .webinar, at: daysAgo(3), contact: "C3")
        f.intent("A", score: 70, at: daysAgo(20))  // a surge in 30 days, not in the last 7
    }

    @Test("promote: Tier 2 or 3 and surging or engaged", arguments: [Tier.two, .three])
    func promote(tier: Tier) {
        let surging = programme(tier: tier) { $0.intent("A", score: 72, at: daysAgo(1)) }
        #expect(surging.evaluation("A").recommendation == .promote)
        let engaged = programme(tier: tier) { engage(&$0) }
        #expect(engaged.evaluation("A").recommendation == .promote)
        // Tier 2 has an SLA: the surge 20 days ago opened a clock nobody followed up.
        let overdue = tier == .two ? "; follow-up overdue by 18d" : ""
        #expect(
            engaged.evaluation("A").reason.text == "\(tier.label) account 3 stakeholders engaged in 30 days\(overdue)")
    }

    @Test("work: Tier 1 surging or engaged, or any tier-1/2 account with a follow-up due or breached")
    func work() {
        let surging = programme { $0.intent("A", "data observability", score: 72, at: hoursAgo(30)) }
        let evaluation = surging.evaluation("A")
        #expect(evaluation.recommendation == .work)
        #expect(evaluation.sla.status == .breached)
        #expect(evaluation.reason.text == "surging on \"data observability\" (72); follow-up overdue by 6h")

        let engaged = programme { engage(&$0) }
        #expect(engaged.evaluation("A").recommendation == .work)
        #expect(engaged.evaluation("A").state == .engaged)

        // A surge 10 days ago is no longer surging, but its clock is still breached.
        let breached = programme { $0.intent("A", score: 66, at: daysAgo(10)) }
        #expect(breached.evaluation("A").surging == false)
        #expect(breached.evaluation("A").recommendation == .work)
        #expect(breached.evaluation("A").reason.text == "follow-up overdue by 9d")
    }

    @Test("the reason quotes each surging topic with its score and the stakeholders engaged")
    func reasonText() {
        let p = programme {
            engage(&$0)
            $0.intent("A", "data observability", score: 72, at: daysAgo(2))
            $0.touch("A", .phone, .outbound, at: daysAgo(1.5))  // closes the clock
        }
        #expect(
            p.evaluation("A").reason.text == "surging on \"data observability\" (72); 3 stakeholders engaged in 30 days"
        )
    }

    @Test(
        "demote: a target once the programme is 6 weeks old (exactly 6 weeks counts)",
        arguments: [
            (43.0, Recommendation.demote), (42.0, .demote), (41.9, .hold),
        ])
    func demote(programmeDays: Double, expected: Recommendation) {
        let p = programme(tier: .two, programmeDays: programmeDays) { _ in }
        #expect(p.evaluation("A").state == .target)
        #expect(p.evaluation("A").recommendation == expected)
    }

    @Test("demote uses campaign_start when set; with no touch at all nothing is demoted")
    func programmeStart() {
        var playbook = Playbook()
        playbook.review.campaignStart = daysAgo(50)
        let young = programme(programmeDays: 10) { _ in }
        #expect(young.evaluation("A", playbook: playbook).recommendation == .demote)
        #expect(young.evaluation("A").recommendation == .hold)
        var f = Fixture()
        f.account("A", tier: .two)
        #expect(f.build().evaluation("A").recommendation == .hold)
        // The earliest touch counts only if it is at or before as-of.
        var g = Fixture()
        g.account("A", tier: .two)
        g.touch("A", .email, .outbound, at: daysAgo(50))
        let p = g.build()
        #expect(p.evaluation("A").recommendation == .demote)
        #expect(p.evaluation("A", asOf: daysAgo(51)).recommendation == .hold)
    }

    @Test("hold otherwise; holdout accounts hold with their reason; removed accounts get none")
    func holdAndNone() {
        let aware = programme { $0.touch("A", .web, at: daysAgo(3)) }
        #expect(aware.evaluation("A").recommendation == .hold)
        let holdout = programme(tier: .two, holdout: true) { $0.intent("A", score: 90, at: hoursAgo(3)) }
        #expect(holdout.evaluation("A").recommendation == .hold)
        #expect(holdout.evaluation("A").reason.text == "holdout: left unworked to measure lift")
        #expect(holdout.evaluation("A").sla == .none)
        let removed = programme(tier: .three) {
            $0.intent("A", score: 90, at: hoursAgo(3))
            $0.mark("A", .demote, at: hoursAgo(1))
        }
        let evaluation = removed.evaluation("A")
        #expect(evaluation.tier == nil)
        #expect(evaluation.recommendation == .none)
        #expect(evaluation.surging)  // computed fields are kept
    }

    @Test("a decision changes the recommendation only through its tier and a hold pausing the clock")
    func decisionsAndRecommendation() {
        let p = programme(tier: .one) {
            $0.intent("A", score: 66, at: daysAgo(10))
            $0.mark("A", .hold, at: hoursAgo(2))
        }
        #expect(p.evaluation("A").sla.status == .held)
        #expect(p.evaluation("A").recommendation == .hold)
        #expect(p.evaluation("A", asOf: hoursAgo(3)).recommendation == .work)
    }
}
