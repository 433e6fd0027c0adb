import ABMCore

/// Which accounts a meeting covers: the accounts on the board when it began (after search,
/// filter and "only mine"), narrowed to one tier or one owner so each AE's slot can run in turn.
public enum MeetingScope: Sendable, Hashable {
    /// Every account on the board.
    case everyone
    /// One tier.
    case tier(Tier)
    /// One owner's accounts ("" for accounts without an owner).
    case owner(String)

    /// The scope as the progress line and the summary name it.
    public var label: String {
        switch self {
        case .everyone: return "everyone"
        case .tier(let tier): return tier.label
        case .owner(let owner): return owner.isEmpty ? "accounts without an owner" : "\(owner)'s accounts"
        }
    }

    /// Whether `row`, owned by `owner`, is in the scope.
    func includes(_ row: AccountEvaluation, owner: String?) -> Bool {
        switch self {
        case .everyone: return true
        case .tier(let tier): return row.tier == tier
        case .owner(let name): return (owner ?? "") == name
        }
    }
}

/// One decision the meeting made.
public struct MeetingDecision: Sendable, Hashable {
    /// The account's index.
    public var account: Int
    /// What was decided.
    public var action: MarkAction
    /// Its note (given with the mark or added after), if any.
    public var note: String?
    /// The account's tier in the meeting's queue (before the mark moved it).
    public var tier: Tier
}

/// The weekly meeting (`m`): steps through the accounts in scope that still need a decision
/// this week, in `MeetingOrder`, and keeps what it decided for the summary it ends on.
public struct Meeting: Sendable {
    /// The accounts covered.
    public let scope: MeetingScope
    /// Every account in scope when the meeting began, decided or not (for "N decided this week").
    public let scopeAccounts: [Int]
    /// The accounts to step through, in meeting order: those undecided when the meeting began;
    /// accounts someone else decides meanwhile drop out ahead of the current one.
    public internal(set) var queue: [Int]
    /// Each queued account's tier when the meeting began (the progress line's tier).
    public let tiers: [Int: Tier]
    /// The position in `queue`; `queue.count` means the meeting has ended on its summary.
    public internal(set) var position = 0
    /// What the meeting decided, in the order decided (one entry per account, the latest).
    public internal(set) var decisions: [MeetingDecision] = []
    /// Accounts skipped with `s` (and not decided since).
    public internal(set) var skipped: Set<Int> = []
    /// Accounts someone else decided while they waited in the queue.
    public internal(set) var decidedByOthers: [Int] = []
    /// A note typed with `n` before deciding, recorded with the decision.
    public internal(set) var pendingNote: String?
    /// Where `b` on the summary comes back to when the meeting was ended early.
    var resumeAt: Int?
    /// How many accounts in scope have a decision this week (the progress line's count), kept
    /// by `recount` when rows change rather than counted for every frame.
    public private(set) var decidedThisWeek = 0

    /// A meeting over `rows` (the accounts on the board, any order) narrowed to `scope`.
    public init(scope: MeetingScope, rows: [AccountEvaluation], programme: Programme) {
        self.scope = scope
        let covered = rows.filter { scope.includes($0, owner: programme.accounts[$0.account].owner) }
        scopeAccounts = covered.map(\.account)
        let queued = MeetingOrder.queue(covered, in: programme)
        queue = queued.map(\.account)
        var tiers: [Int: Tier] = [:]
        for row in queued { tiers[row.account] = row.tier }
        self.tiers = tiers
        decidedThisWeek = covered.reduce(0) { $0 + ($1.decision == nil ? 0 : 1) }
    }

    /// Counts the accounts in scope with a decision this week again, from `rows` (every
    /// account's row, by index).
    mutating func recount(_ rows: [AccountEvaluation]) {
        decidedThisWeek = scopeAccounts.reduce(0) { $0 + (rows[$1].decision == nil ? 0 : 1) }
    }

    /// The account being decided; `nil` on the summary.
    public var current: Int? { position < queue.count ? queue[position] : nil }

    /// Whether the meeting has ended on its summary.
    public var ended: Bool { position >= queue.count }

    /// The progress line's figures for the current account: its tier, its place among the
    /// queued accounts of that tier, and how many of them there are.
    public var progress: (tier: Tier, place: Int, of: Int)? {
        guard let current, let tier = tiers[current] else { return nil }
        let ofTier = queue.filter { tiers[$0] == tier }
        return (tier, (ofTier.firstIndex(of: current) ?? 0) + 1, ofTier.count)
    }

    /// The meeting's decision on `account`, if it made one.
    public func decision(of account: Int) -> MeetingDecision? {
        decisions.last { $0.account == account }
    }

    /// Moves to the next account (or the summary).
    mutating func advance() {
        pendingNote = nil
        position = min(position + 1, queue.count)
    }

    /// Moves back one account (from the summary: to the account the meeting was ended on, or
    /// the last).
    mutating func goBack() {
        pendingNote = nil
        if ended, let resume = resumeAt, resume < queue.count {
            position = resume
        } else {
            position = max(min(position, queue.count) - 1, 0)
        }
        resumeAt = nil
    }

    /// Skips the current account (one this meeting decided keeps its decision).
    mutating func skip() {
        if let current, decision(of: current) == nil { skipped.insert(current) }
        advance()
    }

    /// Ends the meeting early on its summary; `b` there comes back to the current account.
    mutating func end() {
        resumeAt = current == nil ? nil : position
        pendingNote = nil
        position = queue.count
    }

    /// Keeps a decision this meeting recorded on `account`.
    mutating func decided(_ account: Int, action: MarkAction, note: String?) {
        decisions.removeAll { $0.account == account }
        decisions.append(
            MeetingDecision(account: account, action: action, note: note, tier: tiers[account] ?? .three))
        skipped.remove(account)
    }

    /// Keeps a note added to the meeting's decision on `account`.
    mutating func noted(_ account: Int, note: String) {
        guard let index = decisions.lastIndex(where: { $0.account == account }) else { return }
        decisions[index].note = note
    }

    /// Forgets the meeting's decision on `account` (it was undone).
    mutating func undone(_ account: Int) {
        decisions.removeAll { $0.account == account }
    }

    /// Keeps the note typed before the decision.
    mutating func holdNote(_ text: String) { pendingNote = text }

    /// Drops from the rest of the queue (the current account and those after it) the accounts
    /// that `decidedNow` says have a decision this week that this meeting did not make.
    /// Returns the current account if it was dropped.
    @discardableResult
    mutating func dropDecided(_ decidedNow: (Int) -> Bool) -> Int? {
        let wasCurrent = current
        resumeAt = nil
        var kept = Array(queue[..<min(position, queue.count)])
        for account in queue[min(position, queue.count)...] {
            if decision(of: account) == nil && decidedNow(account) {
                decidedByOthers.append(account)
            } else {
                kept.append(account)
            }
        }
        queue = kept
        if let wasCurrent, current != wasCurrent {
            pendingNote = nil
            return wasCurrent
        }
        return nil
    }
}
