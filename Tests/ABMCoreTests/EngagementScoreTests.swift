import ABMTestSupport
import Testing

@testable import ABMCore

#if canImport(Glibc)
    import Glibc
#endif

struct EngagementScoreTests {
    @Test("one inbound meeting two weeks old: 10 × 0.5 = 5 raw; round(100 × (1 − e^(−5/40))) = round(11.75) = 12")
    func oneMeetingAtOneHalfLife() {
        var f = Fixture()
        f.account("A")
        f.contact("C1", of: "A")
        f.touch("A", .meeting, at: daysAgo(14), contact: "C1")
        let score = f.build().evaluation("A").score
        #expect(abs(score.touchPoints - 5) < 1e-12)
        #expect(score.stakeholders == 1)
        #expect(score.breadthPoints == 0)  // 3 × clamp(1 − 1, 0, 5)
        #expect(score.intentPoints == 0)
        #expect(score.value == 12)
    }

    @Test("touches, breadth and intent add up: 1 + 0.75 + 3 + 8 = 12.75 raw → round(27.29) = 27")
    func allThreeComponents() {
        var f = Fixture()
        f.account("A")
        f.contact("C1", of: "A")
        f.contact("C2", of: "A")
        f.touch("A", .web, at: asOf, contact: "C1")  // 1 × 0.5^0 = 1
        f.touch("A", .email, at: daysAgo(28), contact: "C2")  // 3 × 0.5^2 = 0.75
        f.intent("A", score: 80, at: daysAgo(10))  // 10 × 80 / 100 = 8
        f.intent("A", score: 95, at: daysAgo(31))  // outside the 30-day intent window
        let score = f.build().evaluation("A").score
        #expect(abs(score.touchPoints - 1.75) < 1e-12)
        #expect(score.stakeholders == 2)
        #expect(score.breadthPoints == 3)  // 3 × clamp(2 − 1, 0, 5)
        #expect(score.peakIntent == 80)
        #expect(score.intentPoints == 8)
        #expect(abs(score.raw - 12.75) < 1e-12)
        #expect(score.value == 27)
    }

    @Test("fractional half-lives: 7.0711 + 2.1213 + 0.9057 touch points + 6 breadth + 7.2 intent = 23.298 raw → 44")
    func fractionalDecay() {
        var f = Fixture()
        f.account("A")
        for id in ["C1", "C2", "C3"] { f.contact(id, of: "A") }
        f.touch("A", .meeting, at: daysAgo(7), contact: "C1")  // 7.0711
        f.touch("A", .webinar, at: daysAgo(21), contact: "C2")  // 2.1213
        f.touch("A", .web, at: daysAgo(2), contact: "C3")  // 1 × 0.5^(2/14) = 0.9057
        f.intent("A", score: 72, at: daysAgo(3))
        let score = f.build().evaluation("A").score
        let expectedTouches = 10 * pow(0.5, 0.5) + 6 * pow(0.5, 1.5) + pow(0.5, 2.0 / 14)
        #expect(abs(score.touchPoints - expectedTouches) < 1e-12)
        #expect(score.breadthPoints == 6)  // 3 × clamp(3 − 1, 0, 5)
        let raw = expectedTouches + 6 + 7.2
        #expect(abs(score.raw - raw) < 1e-12)
        #expect(score.value == Int((100 * (1 - exp(-raw / 40))).rounded()))
        #expect(score.value == 44)  // 100 × (1 − e^(−23.298 / 40)) = 44.147
    }

    @Test(
        "each channel's weight, for one fresh inbound touch (decay 1)",
        arguments: [
            (Channel.web, 1.0), (.display, 1), (.linkedin, 2), (.email, 3), (.content, 4), (.directMail, 4),
            (.webinar, 6), (.event, 8), (.phone, 8), (.salesEmail, 6), (.meeting, 10),
        ])
    func channelWeights(channel: Channel, weight: Double) {
        var f = Fixture()
        f.account("A")
        f.touch("A", channel, at: asOf)
        let score = f.build().evaluation("A").score
        #expect(score.touchPoints == weight)
        #expect(score.value == Int((100 * (1 - exp(-weight / 40))).rounded()))
    }

    @Test("breadth is capped at max_breadth extra stakeholders: 8 people earn 3 × 5 = 15")
    func breadthCap() {
        var f = Fixture()
        f.account("A")
        for n in 1...8 {
            f.contact("C\(n)", of: "A")
            f.touch("A", .web, at: daysAgo(Double(n)), contact: "C\(n)")
        }
        let score = f.build().evaluation("A").score
        #expect(score.stakeholders == 8)
        #expect(score.breadthPoints == 15)
    }

    @Test("only inbound touches within the last 90 days count; outbound and future ones do not")
    func windowAndDirection() {
        var f = Fixture()
        f.account("A")
        f.contact("C1", of: "A")
        f.touch("A", .meeting, at: daysAgo(90), contact: "C1")  // exactly 90 days: outside
        f.touch("A", .meeting, .outbound, at: daysAgo(1), contact: "C1")  // ours, not theirs
        f.touch("A", .meeting, at: asOf.adding(seconds: 1), contact: "C1")  // after as-of
        f.touch("A", .web, at: daysAgo(89.99))  // inside, no contact
        let score = f.build().evaluation("A").score
        #expect(score.scoredTouches == 1)
        #expect(abs(score.touchPoints - pow(0.5, 89.99 / 14)) < 1e-12)
        #expect(score.stakeholders == 0)  // touches without a contact are no stakeholder
    }

    @Test("stakeholders_30d counts distinct contacts on inbound touches in 30 days, inactive ones too")
    func stakeholders() {
        var f = Fixture()
        f.account("A")
        f.contact("C1", of: "A")
        f.contact("C2", of: "A", active: false)
        f.contact("C3", of: "A")
        f.contact("C4", of: "A")
        f.touch("A", .web, at: daysAgo(1), contact: "C1")
        f.touch("A", .web, at: daysAgo(2), contact: "C1")
        f.touch("A", .web, at: daysAgo(3), contact: "C2")
        f.touch("A", .web, at: daysAgo(30), contact: "C3")  // exactly 30 days: outside
        f.touch("A", .email, .outbound, at: daysAgo(1), contact: "C4")  // outbound: not theirs
        #expect(f.build().evaluation("A").stakeholders30d == 2)
    }
}
