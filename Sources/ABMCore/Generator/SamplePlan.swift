/// How an account of a sample programme behaves over the period.
enum SampleProfile: CaseIterable {
    /// Only outbound touches, no surge: a target, demoted after six weeks.
    case cold
    /// Some inbound, intent below the surge threshold.
    case aware
    /// Inbound from one person only, with a surge: the "two form fills" case (not engaged).
    case oneVoice
    /// A recent surge with little breadth.
    case surging
    /// Several people engaging and a surge within 30 days.
    case engaged
    /// An open opportunity.
    case opportunity
    /// A won opportunity.
    case customer
    /// A won opportunity and an open expansion.
    case expansion

    /// Touches over twelve weeks before scaling.
    var nominalTouches: Double {
        switch self {
        case .cold: 4
        case .aware: 25
        case .oneVoice: 30
        case .surging: 35
        case .engaged: 70
        case .opportunity: 90
        case .customer: 50
        case .expansion: 90
        }
    }

    /// The share of touches that are inbound.
    var inboundShare: Double {
        switch self {
        case .cold: 0
        case .aware, .oneVoice: 0.55
        case .surging, .customer: 0.5
        case .engaged: 0.6
        case .opportunity, .expansion: 0.55
        }
    }

    /// How many contacts engage (send inbound touches with a contact).
    var engagingContacts: ClosedRange<Int> {
        switch self {
        case .cold: 0...0
        case .aware: 1...3
        case .oneVoice, .surging: 1...1
        case .engaged, .opportunity: 2...5
        case .customer: 2...4
        case .expansion: 3...6
        }
    }

    /// Profile weights per tier (cold, aware, oneVoice, surging, engaged, opportunity,
    /// customer, expansion).
    static func weights(for tier: Tier) -> [Double] {
        switch tier {
        case .one: [12, 22, 5, 10, 25, 14, 7, 5]
        case .two: [24, 36, 4, 8, 12, 8, 5, 3]
        case .three: [44, 38, 3, 4, 5, 3, 2, 1]
        }
    }
}

/// Scripted accounts that make sure every state, SLA status and recommendation appears.
enum SampleScenario: CaseIterable {
    case slaDue, slaBreached, slaHeld, slaMet, slaLate
    case expansion, customer, opportunity, engagedTierOne, engagedPromote, surgingPromote
    case coldDemote, removed, awareHold, twoFormFills, holdoutSurge
    case promotedToTierOne, demotedFromTierOne, undone

    /// The tier the account is imported with.
    var tier: Tier {
        switch self {
        case .slaDue, .slaBreached, .slaHeld, .slaMet, .expansion, .opportunity, .engagedTierOne,
            .twoFormFills, .demotedFromTierOne:
            .one
        case .slaLate, .customer, .engagedPromote, .coldDemote, .holdoutSurge, .promotedToTierOne:
            .two
        case .surgingPromote, .removed, .awareHold, .undone:
            .three
        }
    }

    /// The behaviour behind it.
    var profile: SampleProfile {
        switch self {
        case .slaDue, .slaBreached, .slaHeld, .slaMet, .slaLate, .surgingPromote, .holdoutSurge:
            .surging
        case .expansion: .expansion
        case .customer: .customer
        case .opportunity: .opportunity
        case .engagedTierOne, .engagedPromote, .promotedToTierOne: .engaged
        case .coldDemote, .removed, .demotedFromTierOne: .cold
        case .awareHold, .undone: .aware
        case .twoFormFills: .oneVoice
        }
    }

    /// When the scripted surge that opens an SLA clock was observed, in hours before as-of.
    var triggerHoursBeforeAsOf: Double? {
        switch self {
        case .slaDue: 5
        case .slaBreached: 72
        case .slaHeld: 50
        case .slaMet: 240
        case .slaLate: 288
        default: nil
        }
    }

    /// The scripted follow-up after the trigger, in hours (nil: none).
    var followUpHoursAfterTrigger: Double? {
        switch self {
        case .slaMet: 4
        case .slaLate: 72
        default: nil
        }
    }
}

/// One account's plan before its records are generated.
struct AccountPlan {
    var tier: Tier
    var profile: SampleProfile
    var scenario: SampleScenario?
    var holdout = false
    var owner = ""
    var sdr = ""
    var nominalTouches = 0.0
    var touchCount = 0
}
