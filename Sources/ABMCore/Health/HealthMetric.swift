/// A number of tier health, so the board can list the accounts behind it.
public enum HealthMetric: Sendable, Hashable {
    /// All accounts of the tier.
    case accounts
    /// Accounts in one demand state.
    case state(DemandState)
    /// Accounts counted in the engaged share.
    case engaged
    /// Thin accounts (Tier 1).
    case thin
    /// Accounts with at least one clock of this status.
    case sla(SLAStatus)
    /// Accounts with this decision this week (`nil`: undecided).
    case decision(MarkAction?)
    /// Accounts whose state rose since Monday.
    case rose
    /// Accounts whose state fell since Monday.
    case fell
    /// Tier 2 holdout accounts (`pipelineOnly`: those with pipeline).
    case holdout(pipelineOnly: Bool)
    /// Tier 2 accounts outside the holdout (`pipelineOnly`: those with pipeline).
    case rest(pipelineOnly: Bool)

    /// Whether the account counts towards this number of its tier.
    public func includes(_ evaluation: AccountEvaluation, stateAtWeekStart before: DemandState) -> Bool {
        switch self {
        case .accounts: return true
        case .state(let state): return evaluation.state == state
        case .engaged: return evaluation.state.countsAsEngaged
        case .thin: return evaluation.thin
        case .sla(let status):
            let tally = evaluation.sla.tally
            switch status {
            case .met: return tally.met > 0
            case .late: return tally.late > 0
            case .breached: return tally.breached > 0
            case .due: return tally.due > 0
            case .held: return tally.held > 0
            case .none: return tally.clocks == 0
            }
        case .decision(let action): return evaluation.decision?.action == action
        case .rose: return evaluation.state > before
        case .fell: return evaluation.state < before
        case .holdout(let pipelineOnly):
            return evaluation.holdout && (!pipelineOnly || evaluation.state.hasPipeline)
        case .rest(let pipelineOnly):
            return !evaluation.holdout && (!pipelineOnly || evaluation.state.hasPipeline)
        }
    }

    /// The accounts of `tier` behind this number, in board order.
    public func accounts(
        of tier: Tier, evaluations: [AccountEvaluation], weekStartStates: [DemandState],
        programme: Programme
    ) -> [AccountEvaluation] {
        BoardOrder.sorted(
            evaluations.filter {
                $0.tier == tier && includes($0, stateAtWeekStart: weekStartStates[$0.account])
            }, in: programme)
    }
}
