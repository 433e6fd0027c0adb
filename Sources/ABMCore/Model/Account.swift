/// A target account as imported (SPEC §1 `accounts`); its tier over time comes from the mark
/// history, starting at `importedTier`.
public struct Account: Sendable, Hashable {
    /// The account's id (case-sensitive).
    public var id: String
    /// The company name.
    public var name: String
    /// The tier of the account's first import (SPEC §7.2).
    public var importedTier: Tier
    /// The company's web domain.
    public var domain: String?
    /// The industry.
    public var industry: String?
    /// Number of employees.
    public var employees: Int?
    /// Annual revenue, in the programme's currency.
    public var annualRevenue: Double?
    /// The sales region.
    public var region: String?
    /// The account executive who owns the account.
    public var owner: String?
    /// The sales development rep.
    public var sdr: String?
    /// Ideal-customer-profile fit, 0–100.
    public var icpScore: Int?
    /// Whether the account is in the holdout group, left unworked to measure lift.
    public var holdout: Bool
    /// The parent account's id, when the account belongs to a group.
    public var parentAccountId: String?

    /// Creates an account record.
    public init(
        id: String, name: String, importedTier: Tier, domain: String? = nil,
        industry: String? = nil, employees: Int? = nil, annualRevenue: Double? = nil,
        region: String? = nil, owner: String? = nil, sdr: String? = nil, icpScore: Int? = nil,
        holdout: Bool = false, parentAccountId: String? = nil
    ) {
        self.id = id
        self.name = name
        self.importedTier = importedTier
        self.domain = domain
        self.industry = industry
        self.employees = employees
        self.annualRevenue = annualRevenue
        self.region = region
        self.owner = owner
        self.sdr = sdr
        self.icpScore = icpScore
        self.holdout = holdout
        self.parentAccountId = parentAccountId
    }
}
