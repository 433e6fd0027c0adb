import ABMCore

/// An account as the report names it: id, name and owner (the AE who owns it).
public struct AccountRef: Sendable, Hashable {
    /// The account's id.
    public var id: String
    /// The company name.
    public var name: String
    /// The owner, `nil` when the account has none.
    public var owner: String?

    /// The account at `index` of `programme`.
    public init(_ index: Int, in programme: Programme) {
        let account = programme.accounts[index]
        id = account.id
        name = account.name
        owner = account.owner
    }
}

/// Whether owner `a` comes before owner `b` in the report: by name in code-point order, accounts
/// without an owner last.
func ownerPrecedes(_ a: String?, _ b: String?) -> Bool {
    switch (a, b) {
    case (let x?, let y?): return codePointPrecedes(x, y)
    case (.some, nil): return true
    case (nil, _): return false
    }
}

/// One account whose tier changed during the week, with the marks (or re-imports) that moved it.
public struct TierMove: Sendable, Hashable {
    /// The account.
    public var account: AccountRef
    /// The engine's tier change: the tiers and the records that made it.
    public var change: TierChange

    /// The tier at the start of the week (`nil`: removed).
    public var from: Tier? { change.from }
    /// The tier at as-of (`nil`: removed from the programme).
    public var to: Tier? { change.to }
    /// The standing records that changed the tier, in recording order, each with its latest note.
    public var entries: [HistoryEntry] { change.entries }
    /// The notes of the entries, in order.
    public var notes: [String] { change.notes }
}

/// One account whose demand state rose or fell during the week.
public struct StateMove: Sendable, Hashable {
    /// The account.
    public var account: AccountRef
    /// Its tier at as-of.
    public var tier: Tier
    /// The state at the start of the week.
    public var from: DemandState
    /// The state at as-of.
    public var to: DemandState
}

/// One SLA clock open and overdue at as-of: the follow-up its account's owner owes.
public struct BreachLine: Sendable, Hashable {
    /// The account (with the owner who owes the follow-up).
    public var account: AccountRef
    /// Its tier at as-of.
    public var tier: Tier
    /// The clock.
    public var clock: SLAClock
    /// Whether the clock fell due this week (after Monday 00:00:00): a new breach of the week.
    public var isNew: Bool
}
