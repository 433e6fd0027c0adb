/// Accounts per demand state, all six, zeros included.
public struct StateCounts: Sendable, Hashable {
    /// Counts indexed by `DemandState.rank`.
    public private(set) var counts = [Int](repeating: 0, count: DemandState.allCases.count)

    /// No accounts.
    public init() {}

    /// The count of `state`.
    public subscript(state: DemandState) -> Int {
        get { counts[state.rank] }
        set { counts[state.rank] = newValue }
    }
}

/// This week's decisions by kind, with the accounts not yet decided.
public struct DecisionCounts: Sendable, Hashable {
    /// Marked work.
    public var work = 0
    /// Marked hold.
    public var hold = 0
    /// Marked demote.
    public var demote = 0
    /// Marked promote.
    public var promote = 0
    /// No decision this week.
    public var undecided = 0

    /// None counted.
    public init() {}

    /// Counts one account's decision (or its absence).
    public mutating func add(_ action: MarkAction?) {
        switch action {
        case .work: work += 1
        case .hold: hold += 1
        case .demote: demote += 1
        case .promote: promote += 1
        case nil: undecided += 1
        }
    }

    /// Accounts with a decision.
    public var decided: Int { work + hold + demote + promote }

    /// Accounts counted, decided or not.
    public var total: Int { decided + undecided }

    /// The counts of `parts` added up, kind by kind.
    ///
    /// ```swift
    /// let all = DecisionCounts.sum(health.tiers.map(\.decisions))
    /// ```
    public static func sum(_ parts: [DecisionCounts]) -> DecisionCounts {
        var total = DecisionCounts()
        for part in parts {
            total.work += part.work
            total.hold += part.hold
            total.demote += part.demote
            total.promote += part.promote
            total.undecided += part.undecided
        }
        return total
    }
}

/// How many accounts' demand state rose and fell since the start of the review week.
public struct Movement: Sendable, Hashable {
    /// States that rose (target < aware < engaged < opportunity < customer < expansion).
    public var rose = 0
    /// States that fell.
    public var fell = 0

    /// No movement.
    public init() {}
}

/// One side of the Tier 2 holdout comparison.
public struct HoldoutGroup: Sendable, Hashable {
    /// Accounts in the group.
    public var accounts = 0
    /// Accounts with pipeline (opportunity, customer or expansion).
    public var withPipeline = 0

    /// An empty group.
    public init() {}

    /// withPipeline ÷ accounts; `nil` for an empty group.
    public var share: Double? { accounts == 0 ? nil : Double(withPipeline) / Double(accounts) }
}

/// The Tier 2 holdout comparison: the holdout accounts against the rest.
public struct HoldoutComparison: Sendable, Hashable {
    /// Accounts with `holdout = true`.
    public var holdout = HoldoutGroup()
    /// The other accounts of the tier.
    public var rest = HoldoutGroup()

    /// Empty groups.
    public init() {}
}

/// One tier's health (SPEC §4).
public struct TierHealth: Sendable, Hashable {
    /// The tier.
    public var tier: Tier
    /// Accounts whose tier at as-of is this one (holdout included).
    public var accounts = 0
    /// Accounts per demand state.
    public var states = StateCounts()
    /// Accounts in engaged, opportunity or expansion.
    public var engaged = 0
    /// Tier 1 only: a red flag when the engaged share is below the playbook's threshold
    /// (an empty Tier 1 is flagged).
    public var redFlag = false
    /// Tier 1 only: accounts with thin buying-committee coverage.
    public var thin = 0
    /// Every clock opened within the trigger window, by status.
    public var sla = SLATally()
    /// This week's decisions.
    public var decisions = DecisionCounts()
    /// Movement since Monday 00:00:00.
    public var movement = Movement()
    /// Tier 2 only: the holdout comparison.
    public var holdout: HoldoutComparison?
    /// The playbook's follow-up target (`sla.follow_up_target`) the rate is held against.
    public var followUpTarget = 0.60

    /// An empty tier.
    public init(tier: Tier) {
        self.tier = tier
    }

    /// engaged ÷ accounts; 0 for an empty tier.
    public var engagedShare: Double { accounts == 0 ? 0 : Double(engaged) / Double(accounts) }

    /// Whether the follow-up rate reaches the target; `nil` while there is no rate.
    public var followUpOnTarget: Bool? { sla.followUpRate.map { $0 >= followUpTarget } }
}

/// Tier health for all three tiers as of one instant.
public struct HealthReport: Sendable, Hashable {
    /// The instant computed.
    public var asOf: Instant
    /// The review week that contains as-of.
    public var week: ReviewWeek
    /// Tiers 1, 2 and 3, in order.
    public var tiers: [TierHealth]

    /// The health of `tier`.
    public subscript(tier: Tier) -> TierHealth { tiers[tier.rawValue - 1] }
}
