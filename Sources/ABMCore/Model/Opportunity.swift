/// A sales opportunity from the CRM (SPEC §1 `opportunities`).
public struct Opportunity: Sendable, Hashable {
    /// The opportunity's id (case-sensitive).
    public var id: String
    /// The id of its account.
    public var accountId: String
    /// Open, won or lost, as the CRM has it now.
    public var status: OpportunityStatus
    /// New business or an expansion.
    public var kind: OpportunityKind
    /// The CRM's stage name.
    public var stage: String?
    /// The amount.
    public var amount: Double?
    /// When it was created.
    public var createdAt: Instant
    /// When it was won or lost; absent while open.
    public var closedAt: Instant?

    /// Creates an opportunity record.
    public init(
        id: String, accountId: String, status: OpportunityStatus, kind: OpportunityKind = .new,
        stage: String? = nil, amount: Double? = nil, createdAt: Instant, closedAt: Instant? = nil
    ) {
        self.id = id
        self.accountId = accountId
        self.status = status
        self.kind = kind
        self.stage = stage
        self.amount = amount
        self.createdAt = createdAt
        self.closedAt = closedAt
    }

    /// Whether the opportunity exists as of `asOf` (created at or before it).
    public func exists(asOf: Instant) -> Bool { createdAt <= asOf }

    /// Open as of `asOf`: created at or before it and not closed at or before it (SPEC §2.3).
    public func isOpen(asOf: Instant) -> Bool {
        guard createdAt <= asOf else { return false }
        guard let closedAt else { return true }
        return closedAt > asOf
    }

    /// Won as of `asOf`: status won and closed at or before it (SPEC §2.3).
    public func isWon(asOf: Instant) -> Bool {
        guard status == .won, let closedAt else { return false }
        return closedAt <= asOf && createdAt <= asOf
    }
}
