extension Evaluator {
    /// Tier health as of `asOf`, computed from scratch (every account evaluated at as-of and
    /// its state at the start of the review week).
    public func health(_ programme: Programme, asOf: Instant) -> HealthReport {
        let pass = evaluateAll(programme, asOf: asOf, alsoStatesAt: ReviewWeek(containing: asOf).start)
        return health(evaluations: pass.evaluations, weekStartStates: pass.states, asOf: asOf)
    }

    /// Every account's demand state at the start (Monday 00:00:00) of the review week that
    /// contains `asOf`, for movement.
    public func weekStartStates(_ programme: Programme, asOf: Instant) -> [DemandState] {
        states(programme, asOf: ReviewWeek(containing: asOf).start)
    }

    /// Tier health from evaluations already made (all accounts, in index order) and the
    /// states at the start of the week.
    public func health(
        evaluations: [AccountEvaluation], weekStartStates: [DemandState], asOf: Instant
    ) -> HealthReport {
        var tiers = Tier.allCases.map { TierHealth(tier: $0) }
        tiers[1].holdout = HoldoutComparison()
        for index in tiers.indices { tiers[index].followUpTarget = playbook.sla.followUpTarget }
        for evaluation in evaluations {
            guard let tier = evaluation.tier else { continue }
            tiers[tier.rawValue - 1].add(evaluation, stateAtWeekStart: weekStartStates[evaluation.account])
        }
        tiers[0].redFlag =
            tiers[0].accounts == 0
            || tiers[0].engagedShare < playbook.health.tier1EngagedRedFlag
        return HealthReport(asOf: asOf, week: ReviewWeek(containing: asOf), tiers: tiers)
    }
}

extension TierHealth {
    /// Counts one account of this tier.
    mutating func add(_ evaluation: AccountEvaluation, stateAtWeekStart before: DemandState) {
        accounts += 1
        states[evaluation.state] += 1
        if evaluation.state.countsAsEngaged { engaged += 1 }
        if evaluation.thin { thin += 1 }
        sla.add(evaluation.sla.tally)
        decisions.add(evaluation.decision?.action)
        if evaluation.state > before { movement.rose += 1 }
        if evaluation.state < before { movement.fell += 1 }
        if holdout != nil {
            let pipeline = evaluation.state.hasPipeline ? 1 : 0
            if evaluation.holdout {
                holdout?.holdout.accounts += 1
                holdout?.holdout.withPipeline += pipeline
            } else {
                holdout?.rest.accounts += 1
                holdout?.rest.withPipeline += pipeline
            }
        }
    }
}
