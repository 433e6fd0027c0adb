import ABMCore
import ABMTestSupport
import Testing

@testable import ABMReport

/// The report model on a hand-built programme: every number agrees with tier health and the
/// week's changes, grouped as the report shows them.
struct ReportModelTests {
    let programme = smallProgramme()
    var report: WeeklyReport {
        WeeklyReport(programme: programme, evaluator: Evaluator(), period: ReportPeriod(present: asOf), store: "test")
    }

    @Test(
        "the week's as-of: its last second, never later than the present; a week not started has none",
        arguments: [
            ("2026-W47", "2026-11-20T12:00:00Z", "2026-11-20T12:00:00Z", false),  // this week: so far
            ("2026-W46", "2026-11-20T12:00:00Z", "2026-11-15T23:59:59Z", true),  // a past week: its end
            ("2026-W47", "2026-11-22T23:59:59Z", "2026-11-22T23:59:59Z", true),  // the very last second
            ("2026-W47", "2026-11-16T00:00:00Z", "2026-11-16T00:00:00Z", false),  // its first second
            ("2026-W01", "2026-11-20T12:00:00Z", "2026-01-04T23:59:59Z", true),  // week 1 of 2026
        ])
    func period(label: String, present: String, expected: String, complete: Bool) throws {
        let week = try #require(ReviewWeek(label: label))
        let period = try #require(ReportPeriod(week: week, present: at(present)))
        #expect(period.asOf == at(expected))
        #expect(period.isComplete == complete)
        #expect(period.week == week)
    }

    @Test("a week that starts after the present has no period; without a week, the present's week")
    func periodEdges() throws {
        let next = try #require(ReviewWeek(label: "2026-W48"))
        #expect(ReportPeriod(week: next, present: at("2026-11-22T23:59:59Z")) == nil)
        let period = ReportPeriod(present: asOf)
        #expect(period.week.label == "2026-W47")
        #expect(period.asOf == asOf)
        #expect(!period.isComplete)
    }

    @Test("decisions by tier: the tier's counts are tier health's, the owners' add up to them")
    func decisionCountsAgreeWithHealth() {
        let report = report
        let health = Evaluator().health(programme, asOf: asOf)
        for tier in report.decisions {
            #expect(tier.counts == health[tier.tier].decisions)
            for owner in tier.owners {
                #expect(owner.lines.count == owner.counts.decided)
                #expect(owner.accounts == owner.counts.decided + owner.counts.undecided)
            }
            #expect(DecisionCounts.sum(tier.owners.map(\.counts)) == tier.counts, "\(tier.tier)")
            #expect(tier.owners.map(\.accounts).reduce(0, +) == health[tier.tier].accounts)
        }
    }

    @Test(
        "decisions by tier, then owner (by name, no owner last), each with who decided and the note",
        arguments: [
            (Tier.one, ["amy: 0/1", "zoe: 2/2 T1A work zoe -, T1C hold zoe waiting for budget"]),
            (Tier.two, ["amy: 1/2 T2C hold amy -", "zoe: 1/2 T3A promote marketing surging", "(no owner): 0/1"]),
            (Tier.three, ["amy: 1/2 T2E demote amy no fit"]),
        ])
    func decisionGroups(tier: Tier, expected: [String]) {
        let group = report.decisions[tier.rawValue - 1]
        #expect(group.tier == tier)
        let described = group.owners.map { owner in
            "\(owner.owner ?? "(no owner)"): \(owner.counts.decided)/\(owner.accounts)"
                + (owner.lines.isEmpty
                    ? ""
                    : " "
                        + owner.lines.map {
                            "\($0.account.id) \($0.decision.action.rawValue) \($0.decision.by) \($0.decision.note ?? "-")"
                        }.joined(separator: ", "))
        }
        #expect(described == expected)
    }

    @Test("promotions and demotions are the week's tier changes, with who moved them and the note")
    func tierMoves() {
        let report = report
        #expect(report.promotions.map(\.account.id) == ["T3A"])
        #expect(report.promotions.first?.from == .three)
        #expect(report.promotions.first?.to == .two)
        #expect(report.promotions.first?.entries.map(\.record.by) == ["marketing"])
        #expect(report.promotions.first?.entries.compactMap(\.note) == ["surging"])
        #expect(report.demotions.map(\.account.id) == ["T2E"])
        #expect(report.demotions.first?.entries.compactMap(\.note) == ["no fit"])
        let changes = Evaluator().weekChanges(programme, asOf: asOf)
        #expect(report.promotions.count + report.demotions.count == changes.tierChanges.count)
    }

    @Test("states up and down are tier health's movement, tier by tier")
    func stateMoves() {
        let report = report
        let health = Evaluator().health(programme, asOf: asOf)
        #expect(
            report.rose.map { "\($0.account.id) \($0.from)→\($0.to)" } == [
                "T1A aware→engaged", "T2A customer→expansion", "T2E target→aware",
            ])
        #expect(report.fell.map { "\($0.account.id) \($0.from)→\($0.to)" } == ["T2D engaged→aware"])
        for tier in Tier.allCases {
            #expect(report.rose.filter { $0.tier == tier }.count == health[tier].movement.rose)
            #expect(report.fell.filter { $0.tier == tier }.count == health[tier].movement.fell)
        }
    }

    @Test("breaches: every clock breached at as-of (tier health's count), the week's new ones marked")
    func breaches() {
        let report = report
        let health = Evaluator().health(programme, asOf: asOf)
        #expect(report.breaches.count == health.tiers.map(\.sla.breached).reduce(0, +))
        // Both are zoe's: last week's T2D first (due earlier), then this week's T1A; T2C's is held.
        #expect(report.breaches.map(\.account.id) == ["T2D", "T1A"])
        #expect(report.breaches.map(\.isNew) == [false, true])
        #expect(report.breaches.map(\.account.owner) == ["zoe", "zoe"])
        #expect(report.breaches.map(\.clock.dueAt) == [at("2026-11-10T12:00:00Z"), at("2026-11-19T12:00:00Z")])
        let changes = Evaluator().weekChanges(programme, asOf: asOf)
        #expect(report.newBreachCount == changes.newBreaches.count)
    }

    @Test("tier health and the engaged-share history are the engine's, the last point at as-of")
    func health() {
        let report = report
        let evaluator = Evaluator()
        #expect(report.health == evaluator.health(programme, asOf: asOf))
        #expect(report.engagedShares == evaluator.engagedShareHistory(programme, asOf: asOf))
        for tier in Tier.allCases {
            #expect(report.engagedShares.shares(of: tier).last == report.health[tier].engagedShare)
        }
        #expect(report.redFlagShare == 0.20)
        #expect(report.followUpTarget == 0.60)
    }

    @Test("a past week is reported as of its end: that week's decisions, not this week's")
    func pastWeek() throws {
        let week = try #require(ReviewWeek(label: "2026-W46"))
        let period = try #require(ReportPeriod(week: week, present: asOf))
        let report = WeeklyReport(programme: programme, evaluator: Evaluator(), period: period, store: "test")
        #expect(report.health.asOf == at("2026-11-15T23:59:59Z"))
        // Only T3B's demote (Thursday of W46) was decided that week; it removed the account.
        #expect(report.decisions.map(\.counts.decided) == [0, 0, 0])
        #expect(report.demotions.map(\.account.id) == ["T3B"])
        #expect(report.demotions.first?.to == nil)
    }
}
