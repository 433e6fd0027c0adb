/// A programme tier; an account removed from the programme has no tier (`Tier?` is `nil`).
public enum Tier: Int, CaseIterable, Sendable, Hashable, Comparable, Codable {
    case one = 1
    case two = 2
    case three = 3

    /// The tier one step down (1→2, 2→3); `nil` below Tier 3, which means removed.
    public var demoted: Tier? { Tier(rawValue: rawValue + 1) }

    /// The tier one step up (3→2, 2→1); `nil` above Tier 1.
    public var promoted: Tier? { Tier(rawValue: rawValue - 1) }

    /// Orders tiers by number (Tier 1 first).
    public static func < (lhs: Tier, rhs: Tier) -> Bool { lhs.rawValue < rhs.rawValue }

    /// `Tier 1`, `Tier 2`, `Tier 3`.
    public var label: String { "Tier \(rawValue)" }
}

/// A contact's role in the buying committee (SPEC §1).
public enum BuyingRole: String, CaseIterable, Sendable, Hashable, Codable {
    case economicBuyer = "economic_buyer"
    case technicalEvaluator = "technical_evaluator"
    case endUser = "end_user"
    case champion, finance, procurement, influencer, blocker, unknown

    /// A dense index 0..<9, the order of `allCases`.
    public var index: Int {
        switch self {
        case .economicBuyer: 0
        case .technicalEvaluator: 1
        case .endUser: 2
        case .champion: 3
        case .finance: 4
        case .procurement: 5
        case .influencer: 6
        case .blocker: 7
        case .unknown: 8
        }
    }

    /// The role with dense index `index`; `unknown` outside 0..<9.
    public init(index: Int) {
        switch index {
        case 0: self = .economicBuyer
        case 1: self = .technicalEvaluator
        case 2: self = .endUser
        case 3: self = .champion
        case 4: self = .finance
        case 5: self = .procurement
        case 6: self = .influencer
        case 7: self = .blocker
        default: self = .unknown
        }
    }
}

/// A set of buying roles, as a bit set over `BuyingRole.index`.
public struct RoleSet: OptionSet, Sendable, Hashable {
    /// The bits, one per `BuyingRole.index`.
    public var rawValue: UInt16
    /// Creates a set from its bits.
    public init(rawValue: UInt16) { self.rawValue = rawValue }
    /// The set holding only `role`.
    public init(_ role: BuyingRole) { self.rawValue = 1 << UInt16(role.index) }

    /// The roles in the set, sorted by the code points of their spellings (SPEC §5).
    public var sortedRoles: [BuyingRole] {
        BuyingRole.allCases.filter { contains(RoleSet($0)) }.sorted { $0.rawValue < $1.rawValue }
    }
}

/// An opportunity's status in the CRM (SPEC §1).
public enum OpportunityStatus: String, CaseIterable, Sendable, Hashable, Codable {
    case open, won, lost
}

/// Whether an opportunity is new business or an expansion of a customer.
public enum OpportunityKind: String, CaseIterable, Sendable, Hashable, Codable {
    case new, expansion
}

/// An account's demand state (SPEC §2.3), ordered target < aware < … < expansion (SPEC §4).
public enum DemandState: String, CaseIterable, Sendable, Hashable, Comparable, Codable {
    case target, aware, engaged, opportunity, customer, expansion

    /// The rank used for movement: target 0 … expansion 5.
    public var rank: Int {
        switch self {
        case .target: 0
        case .aware: 1
        case .engaged: 2
        case .opportunity: 3
        case .customer: 4
        case .expansion: 5
        }
    }

    /// Orders states by rank.
    public static func < (lhs: DemandState, rhs: DemandState) -> Bool { lhs.rank < rhs.rank }

    /// Whether the state counts towards the engaged share (engaged, opportunity, expansion).
    public var countsAsEngaged: Bool {
        self == .engaged || self == .opportunity || self == .expansion
    }

    /// Whether the state means pipeline for the holdout comparison (opportunity or later).
    public var hasPipeline: Bool {
        self == .opportunity || self == .customer || self == .expansion
    }
}

/// The status of an SLA clock, or of an account's latest clock (SPEC §2.4).
public enum SLAStatus: String, CaseIterable, Sendable, Hashable, Codable {
    case met, late, due, breached, held, none
}

/// A decision an account executive (or marketing) marks for the week (SPEC §3).
public enum MarkAction: String, CaseIterable, Sendable, Hashable, Codable {
    case work, hold, demote, promote
}

/// The engine's suggested move for an account (SPEC §2.5).
public enum Recommendation: String, CaseIterable, Sendable, Hashable, Codable {
    case promote, work, demote, hold, none
}
