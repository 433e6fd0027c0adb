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

    /// Groups the tier's rows (in board order) by owner.
    init(tier: Tier, counts: DecisionCounts, rows: [AccountEvaluation], programme: Programme) {
        self.tier = tier
        self.counts = counts
        var byOwner: [String?: OwnerDecisions] = [:]
        for row in rows {
            let account = AccountRef(row.account, in: programme)
            var group = byOwner[account.owner] ?? OwnerDecisions(owner: account.owner)
            group.accounts += 1
            group.counts.add(row.decision?.action)
            if let decision = row.decision { group.lines.append(DecisionLine(account: account, decision: decision)) }
            byOwner[account.owner] = group
        }
        owners = byOwner.values.sorted { a, b in
            switch (a.owner, b.owner) {
            case (let x?, let y?): return codePointPrecedes(x, y)
            case (.some, nil): return true
            case (nil, _): return false
            }
        }
    }
}
