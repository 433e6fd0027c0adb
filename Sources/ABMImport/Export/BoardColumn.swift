import ABMCore

/// A column of `abmboard export board`, named so that a CRM import can map it; the values are
/// those of `board --json` (SPEC §5), flattened to one level.
public enum BoardColumn: String, ExportColumn {
    /// The account's id.
    case accountId = "account_id"
    /// The company name.
    case name
    /// The company's web domain.
    case domain
    /// The tier at as-of; `null` when removed from the programme.
    case tier
    /// The account executive.
    case owner
    /// The sales development rep.
    case sdr
    /// The sales region.
    case region
    /// Whether the account is in the holdout.
    case holdout
    /// The demand state.
    case demandState = "demand_state"
    /// The engagement score, 0–100.
    case engagementScore = "engagement_score"
    /// Whether the account is surging.
    case surging
    /// The surging topics, by code point.
    case surgingTopics = "surging_topics"
    /// Distinct contacts on inbound touches in the last 30 days.
    case stakeholders30d = "stakeholders_30d"
    /// Active contacts.
    case activeContacts = "active_contacts"
    /// The buying roles covered by active contacts, by code point.
    case rolesCovered = "roles_covered"
    /// Tier 1 with too few active contacts.
    case thin
    /// When the latest touch happened.
    case lastTouchAt = "last_touch_at"
    /// The latest touch's channel.
    case lastTouchChannel = "last_touch_channel"
    /// The latest touch's direction.
    case lastTouchDirection = "last_touch_direction"
    /// The SLA column's status.
    case slaStatus = "sla_status"
    /// The latest clock's due time; `null` when the status is `none`.
    case slaDueAt = "sla_due_at"
    /// The engine's suggested move.
    case recommendation
    /// The recommendation's reason in words.
    case recommendationReason = "recommendation_reason"
    /// The decision in the review week: work, hold, demote or promote; `null` when none.
    case decision
    /// Who made the decision.
    case decidedBy = "decided_by"
    /// When the decision was recorded.
    case decidedAt = "decided_at"
    /// The decision's latest note.
    case note
    /// The review week of the as-of, e.g. `2026-W47`.
    case reviewWeek = "review_week"
    /// The instant the board is computed for.
    case asOf = "as_of"

    /// What a CRM import usually wants: who the account is, where it stands, and this week's
    /// decision with its note.
    public static let defaults: [BoardColumn] = [
        .accountId, .name, .tier, .owner, .demandState, .engagementScore, .surging, .lastTouchAt, .slaStatus,
        .recommendation, .decision, .decidedBy, .decidedAt, .note, .reviewWeek,
    ]

    /// This column's value on `row` (of `account`); `week` is the review week's label.
    public func value(of row: AccountEvaluation, account: Account, week: String) -> ExportValue {
        switch self {
        case .accountId: .text(account.id)
        case .name: .text(account.name)
        case .domain: .optional(account.domain)
        case .tier: .tier(row.tier)
        case .owner: .optional(account.owner)
        case .sdr: .optional(account.sdr)
        case .region: .optional(account.region)
        case .holdout: .bool(account.holdout)
        case .demandState: .text(row.state.rawValue)
        case .engagementScore: .int(row.engagementScore)
        case .surging: .bool(row.surging)
        case .surgingTopics: .list(row.surgingTopics.map(\.topic))
        case .stakeholders30d: .int(row.stakeholders30d)
        case .activeContacts: .int(row.activeContacts)
        case .rolesCovered: .list(row.roleNames)
        case .thin: .bool(row.thin)
        case .lastTouchAt: .optional(row.lastTouch?.at)
        case .lastTouchChannel: .optional(row.lastTouch?.channel.rawValue)
        case .lastTouchDirection: .optional(row.lastTouch?.direction.rawValue)
        case .slaStatus: .text(row.sla.status.rawValue)
        case .slaDueAt: .optional(row.slaDueAt)
        case .recommendation: .text(row.recommendation.rawValue)
        case .recommendationReason: .text(row.reason.text)
        case .decision: .optional(row.decision?.action.rawValue)
        case .decidedBy: .optional(row.decision?.by)
        case .decidedAt: .optional(row.decision?.at)
        case .note: .optional(row.decision?.note)
        case .reviewWeek: .text(week)
        case .asOf: .time(row.asOf)
        }
    }
}
