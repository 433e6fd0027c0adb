import ABMTestSupport
import Testing

@testable import ABMCore

/// The engaged share at the sparkline's instants is, point by point, the engaged share of tier
/// health as of that instant.
struct EngagedShareHistoryTests {
    @Test("eight points: the ends of the seven weeks before as-of's, then as-of")
    func instants() {
        let history = Evaluator().engagedShareHistory(smallProgramme(), asOf: asOf)
        #expect(history.instants.count == 8)
        #expect(history.instants.first == at("2026-10-04T23:59:59Z"))
        #expect(history.instants[6] == at("2026-11-15T23:59:59Z"))
        #expect(history.instants.last == asOf)
    }

    @Test("every point equals tier health's engaged share at its instant", arguments: ["small", "demo"])
    func agreesWithHealth(name: String) {
        let (programme, asOf) =
            name == "small" ? (smallProgramme(), asOf) : (SampleGenerator.generate(.demo), SampleOptions.demoAsOf)
        let evaluator = Evaluator()
        let history = evaluator.engagedShareHistory(programme, asOf: asOf)
        for (point, instant) in history.instants.enumerated() {
            let health = evaluator.health(programme, asOf: instant)
            for tier in Tier.allCases {
                #expect(history.share(of: tier, at: point) == health[tier].engagedShare, "\(name) \(instant) \(tier)")
                #expect(history.points[point][tier.rawValue - 1].accounts == health[tier].accounts)
            }
        }
    }

    @Test("a tier change inside the window moves the account between the tiers' points")
    func tierChanges() {
        let history = Evaluator().engagedShareHistory(smallProgramme(), asOf: asOf)
        // T3B was removed last week (Thursday); T3A promoted to Tier 2 and T2E demoted to Tier 3
        // this week.
        #expect(history.points[5].map(\.accounts) == [3, 5, 3])
        #expect(history.points[6].map(\.accounts) == [3, 5, 2])
        #expect(history.points[7].map(\.accounts) == [3, 5, 2])
        #expect(history.points[6][1].engaged == 2)  // T2B opportunity, T2D engaged; T2A only a customer
        #expect(history.points[7][1].engaged == 2)  // T2A expansion, T2B opportunity; T2D aware now
        #expect(history.shares(of: .one).last == 2.0 / 3.0)
    }
}
