import ABMCore

/// What a cell shows, which a theme turns into colours and attributes (SPEC §6 themes): views
/// say what things are, never which colour they have.
public enum Role: String, CaseIterable, Sendable, Hashable {
    /// Ordinary text.
    case text
    /// Secondary text (ids, hints).
    case dim
    /// The table header.
    case header
    /// The selected row.
    case selected
    /// A row another process just changed, for a moment.
    case changed
    /// The status bar.
    case statusBar = "status_bar"
    /// The footer of keys.
    case footer
    /// A message in the status bar: a refusal or an error.
    case error
    /// Tier 1, 2 and 3 labels.
    case tier1 = "tier_1"
    case tier2 = "tier_2"
    case tier3 = "tier_3"
    /// Demand states.
    case target, aware, engaged, opportunity, customer, expansion
    /// The surge marker.
    case surge
    /// SLA statuses.
    case slaDue = "sla_due"
    case slaBreached = "sla_breached"
    case slaMet = "sla_met"
    case slaLate = "sla_late"
    case slaHeld = "sla_held"
    /// A red flag in tier health.
    case redFlag = "red_flag"
    /// The score sparkline.
    case sparkline
    /// Bars in tier health.
    case bar

    /// The role of a demand state.
    public static func state(_ state: DemandState) -> Role {
        switch state {
        case .target: return .target
        case .aware: return .aware
        case .engaged: return .engaged
        case .opportunity: return .opportunity
        case .customer: return .customer
        case .expansion: return .expansion
        }
    }

    /// The role of a tier (removed accounts are dim).
    public static func tier(_ tier: Tier?) -> Role {
        switch tier {
        case .one: return .tier1
        case .two: return .tier2
        case .three: return .tier3
        case nil: return .dim
        }
    }

    /// The role of an SLA status.
    public static func sla(_ status: SLAStatus) -> Role {
        switch status {
        case .due: return .slaDue
        case .breached: return .slaBreached
        case .met: return .slaMet
        case .late: return .slaLate
        case .held: return .slaHeld
        case .none: return .dim
        }
    }
}
