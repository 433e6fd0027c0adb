/// The latest touch at or before as-of (at equal times, the greater touch id).
public struct LastTouch: Sendable, Hashable {
    /// When it happened.
    public var at: Instant
    /// Its channel.
    public var channel: Channel
    /// Its direction.
    public var direction: Direction

    /// Creates a last-touch summary.
    public init(at: Instant, channel: Channel, direction: Direction) {
        self.at = at
        self.channel = channel
        self.direction = direction
    }
}

/// Everything the board shows on one account's row, as of one instant, with the facts behind
/// each number (SPEC §2, §5).
public struct AccountEvaluation: Sendable {
    /// The account's index in the programme.
    public var account: Int
    /// The instant evaluated.
    public var asOf: Instant
    /// The tier at as-of; `nil` when removed from the programme.
    public var tier: Tier?
    /// Whether the account is in the holdout.
    public var holdout: Bool
    /// The engagement score and its components.
    public var score: ScoreBreakdown
    /// The facts the demand-state rule looked at.
    public var demand: DemandFacts
    /// The demand state.
    public var state: DemandState
    /// Surging topics, sorted by code point (empty when not surging).
    public var surgingTopics: [SurgeTopic]
    /// The latest touch at or before as-of.
    public var lastTouch: LastTouch?
    /// Active contacts.
    public var activeContacts: Int
    /// Distinct non-unknown buying roles among active contacts.
    public var rolesCovered: RoleSet
    /// Tier 1 with fewer active contacts than the playbook's minimum.
    public var thin: Bool
    /// The SLA column and this account's clocks by status.
    public var sla: SLASummary
    /// The engine's suggested move.
    public var recommendation: Recommendation
    /// Why.
    public var reason: RecommendationReason
    /// The decision in the review week that contains as-of.
    public var decision: Decision?

    /// Whether the account is surging.
    public var surging: Bool { !surgingTopics.isEmpty }

    /// The engagement score, 0–100.
    public var engagementScore: Int { score.value }

    /// Distinct contacts on inbound touches in the stakeholder window (`stakeholders_30d`).
    public var stakeholders30d: Int { score.stakeholders }

    /// `roles_covered` as the board's JSON and the exports give it: names sorted by code point.
    public var roleNames: [String] { rolesCovered.sortedRoles.map(\.rawValue).sorted(by: codePointPrecedes) }

    /// `sla.due_at` as the board's JSON and the exports give it: `nil` when the status is `none`.
    public var slaDueAt: Instant? { sla.status == .none ? nil : sla.dueAt }
}
