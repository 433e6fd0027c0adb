import ABMTestSupport
import Testing

@testable import ABMCore

struct SampleGeneratorTests {
    static let demo = SampleGenerator.generate(.demo)
    static let evaluations = Evaluator().evaluateAll(demo, asOf: SampleOptions.demoAsOf)

    @Test("the demo is a believable programme: ~300 accounts, 30/90/180 by tier, 4–6 AEs, committees")
    func shape() {
        let p = Self.demo
        #expect(p.accountCount == 300)
        let tiers = Dictionary(grouping: p.accounts, by: \.importedTier).mapValues(\.count)
        #expect(tiers[.one] == 30 && tiers[.two] == 90 && tiers[.three] == 180)
        let owners = Set(p.accounts.compactMap(\.owner))
        #expect((4...6).contains(owners.count))
        #expect(p.contacts.count >= 3 * 300 / 2)
        #expect(p.touchCount > 5_000)
        let channels = Set((0..<p.accountCount).flatMap { p.touches(of: $0).map(\.channel) })
        #expect(channels == Set(Channel.allCases))
        let directions = Set((0..<p.accountCount).flatMap { p.touches(of: $0).map(\.direction) })
        #expect(directions == [.inbound, .outbound])
        #expect(p.accounts.contains { $0.holdout })
        #expect(p.accounts.contains { $0.name.unicodeScalars.contains { $0.value > 0x2E80 } })
    }

    @Test("as of its own as-of, the demo shows every demand state, SLA status and recommendation")
    func everythingOccurs() {
        let e = Self.evaluations
        #expect(Set(e.map(\.state)) == Set(DemandState.allCases))
        #expect(Set(e.map(\.sla.status)) == Set(SLAStatus.allCases))
        #expect(Set(e.map(\.recommendation)) == Set(Recommendation.allCases))
        #expect(Set(e.compactMap(\.decision?.action)) == Set(MarkAction.allCases))
        #expect(e.contains { $0.tier == nil })
        #expect(e.contains { $0.thin })
    }

    @Test("a benchmark-shaped programme (120 days, 100 touches an account) also shows everything")
    func benchmarkShapeShowsEverything() {
        let options = SampleOptions.benchmark(accounts: 2_000, touches: 200_000)
        let programme = SampleGenerator.generate(options)
        let e = Evaluator().evaluateAll(programme, asOf: options.asOf)
        #expect(programme.touchCount == 200_000)
        #expect(Set(e.map(\.state)) == Set(DemandState.allCases))
        #expect(Set(e.map(\.sla.status)) == Set(SLAStatus.allCases))
        #expect(Set(e.map(\.recommendation)) == Set(Recommendation.allCases))
    }

    @Test("nothing in the demo is dated after its as-of")
    func nothingInTheFuture() {
        let p = Self.demo
        let asOf = SampleOptions.demoAsOf
        for index in 0..<p.accountCount {
            #expect(p.touches(of: index).allSatisfy { $0.occurredAt <= asOf })
            #expect(p.intent(of: index).allSatisfy { $0.observedAt <= asOf })
            #expect(p.history(of: index).allSatisfy { $0.at <= asOf })
            #expect(p.opportunities(of: index).allSatisfy { $0.createdAt <= asOf && ($0.closedAt ?? asOf) <= asOf })
        }
    }

    @Test("every generated mark passes the rules of SPEC §3")
    func marksAreValid() throws {
        let p = Self.demo
        for index in 0..<p.accountCount {
            var history: [HistoryRecord] = []
            for record in p.history(of: index) {
                _ = try MarkRules.check(
                    record.event, at: record.at, account: record.accountId, history: history,
                    importedTier: p.accounts[index].importedTier)
                history.append(record)
            }
        }
    }

    @Test("the same seed gives the same programme; another seed another")
    func deterministic() {
        let options = SampleOptions(seed: 5, accounts: 80, touches: 4_000)
        let a = SampleGenerator.generate(options)
        let b = SampleGenerator.generate(options)
        let c = SampleGenerator.generate(SampleOptions(seed: 6, accounts: 80, touches: 4_000))
        #expect(a.accounts == b.accounts)
        #expect(
            (0..<80).allSatisfy { a.touches(of: $0) == b.touches(of: $0) && a.history(of: $0) == b.history(of: $0) })
        #expect(
            (0..<80).allSatisfy { a.intent(of: $0) == b.intent(of: $0) && a.contacts(of: $0) == b.contacts(of: $0) })
        #expect(a.accounts != c.accounts || (0..<80).contains { a.touches(of: $0) != c.touches(of: $0) })
    }

    @Test("a requested touch count is met exactly", arguments: [1_000, 12_345])
    func exactTouches(touches: Int) {
        let p = SampleGenerator.generate(SampleOptions(accounts: 120, touches: touches, days: 120))
        #expect(p.touchCount == touches)
    }
}
