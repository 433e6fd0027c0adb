/// Each tier's engaged share at the sparkline's eight instants: the end (Sunday 23:59:59 UTC)
/// of each of the seven review weeks before the current one, then as-of (SPEC §4, §6, §7.6).
/// The weekly report draws it; every point is the engaged share tier health reports as of
/// that instant.
public struct EngagedShareHistory: Sendable, Hashable {
    /// The eight instants, oldest first (`ScoreHistories.instants(asOf:)`).
    public let instants: [Instant]
    /// Per instant, the tier counts that make the share (accounts and engaged; the rest zero).
    public let points: [[TierHealth]]

    /// The engaged share of `tier` at point `index` (0 is the oldest).
    public func share(of tier: Tier, at index: Int) -> Double {
        points[index][tier.rawValue - 1].engagedShare
    }

    /// The engaged shares of `tier`, oldest first.
    public func shares(of tier: Tier) -> [Double] {
        points.indices.map { share(of: tier, at: $0) }
    }
}

extension Evaluator {
    /// Each tier's engaged share at the sparkline's instants for `asOf`: only each account's
    /// tier and demand state are computed at each instant, not its whole row. `health` is tier
    /// health as of `asOf` when the caller has it: the last point is then taken from it.
    public func engagedShareHistory(
        _ programme: Programme, asOf: Instant, health: HealthReport? = nil
    ) -> EngagedShareHistory {
        precondition(health.map { $0.asOf == asOf } ?? true, "tier health as of another instant")
        let instants = ScoreHistories.instants(asOf: asOf)
        let known = health.map { health in
            health.tiers.map { tier in
                var point = TierHealth(tier: tier.tier)
                point.accounts = tier.accounts
                point.engaged = tier.engaged
                return point
            }
        }
        let engines = instants.dropLast(known == nil ? 0 : 1).map { engine(programme, asOf: $0) }
        var points = engines.map { _ in Tier.allCases.map { TierHealth(tier: $0) } }
        var scratch = EvaluationScratch()
        for index in 0..<programme.accountCount {
            for (point, engine) in engines.enumerated() {
                guard let tier = engine.marks(index, in: programme).0 else { continue }
                let state = engine.state(index, in: programme, scratch: &scratch)
                points[point][tier.rawValue - 1].accounts += 1
                if state.countsAsEngaged { points[point][tier.rawValue - 1].engaged += 1 }
            }
        }
        if let known { points.append(known) }
        return EngagedShareHistory(instants: instants, points: points)
    }
}
