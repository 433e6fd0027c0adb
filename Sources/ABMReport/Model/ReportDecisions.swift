import ABMCore

/// One account's decision of the week, as the report lists it.
public struct DecisionLine: Sendable, Hashable {
    /// The account.
    public var account: AccountRef
    /// The decision: action, who, when and the latest note.
    public var decision: Decision
}

/// One owner's accounts in a tier: how many, their decisions by kind, and the decided ones.
public struct OwnerDecisions: Sendable, Hashable {
    /// The owner (`nil`: accounts without an owner).
    public var owner: String?
    /// The owner's accounts in the tier.
    public var accounts = 0
    /// Their decisions by kind, undecided included.
    public var counts = DecisionCounts()
    /// The decided accounts, in board order.
    public var lines: [DecisionLine] = []

    /// Counts one of the owner's accounts (the next in board order), listing it when decided.
    mutating func add(_ row: AccountEvaluation, in programme: Programme) {
        accounts += 1
        counts.add(row.decision?.action)
        if let decision = row.decision {
            lines.append(DecisionLine(account: AccountRef(row.account, in: programme), decision: decision))
        }
    }
}

/// One tier's decisions of the week, by owner.
public struct TierDecisions: Sendable, Hashable {
    /// The tier (at as-of, after the mark's own tier change, as tier health counts it).
    public var tier: Tier
    /// The tier's decisions by kind: tier health's numbers.
    public var counts: DecisionCounts
    /// The owners with accounts in the tier: by name in code-point order, accounts without an
    /// owner last.
    public var owners: [OwnerDecisions]

    /// Tiers 1, 2 and 3 with the rows of `board` (in board order) grouped by owner, in one pass;
    /// each tier's counts are `health`'s.
    static func all(board: some Sequence<AccountEvaluation>, health: HealthReport, programme: Programme)
        -> [TierDecisions]
    {
        var byOwner = Tier.allCases.map { _ in [String?: OwnerDecisions]() }
        for row in board {
            guard let tier = row.tier else { continue }
            let owner = programme.accounts[row.account].owner
            byOwner[tier.rawValue - 1][owner, default: OwnerDecisions(owner: owner)].add(row, in: programme)
        }
        return Tier.allCases.map { tier in
            TierDecisions(
                tier: tier, counts: health[tier].decisions,
                owners: byOwner[tier.rawValue - 1].values.sorted { ownerPrecedes($0.owner, $1.owner) })
        }
    }
}
