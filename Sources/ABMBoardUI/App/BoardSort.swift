import ABMCore

/// The board's sort (`s`): a column, and whether it is reversed. Ties fall back to the board
/// order of SPEC §5 (tier, score, id).
public struct BoardSort: Sendable, Hashable {
    /// The columns the board sorts by.
    public enum Column: String, CaseIterable, Sendable, Hashable {
        case board = "board order (tier, score)"
        case account, owner, state, score
        case lastTouch = "last touch"
        case sla = "SLA"
        case suggests, decision
    }

    /// The column.
    public var column: Column = .board
    /// Reversed.
    public var reversed = false

    /// The board order.
    public init() {}

    /// The sort in words for the status bar (`sort score ↓`); empty for the board order.
    public var summary: String {
        if column == .board && !reversed { return "" }
        return "sort \(column == .board ? "board" : column.rawValue) \(reversed ? "↑" : "↓")"
    }

    /// Whether account `a` comes before account `b` (by index) in `data`.
    public func precedes(_ a: Int, _ b: Int, in data: BoardData) -> Bool {
        reversed ? forward(b, a, in: data) : forward(a, b, in: data)
    }

    private func forward(_ a: Int, _ b: Int, in data: BoardData) -> Bool {
        let x = data.rows[a]
        let y = data.rows[b]
        let accounts = data.programme.accounts
        switch column {
        case .board: break
        case .account:
            let p = data.nameRank[a]
            let q = data.nameRank[b]
            if p != q { return p < q }
        case .owner:
            let p = accounts[a].owner ?? "\u{10FFFF}"
            let q = accounts[b].owner ?? "\u{10FFFF}"
            if p != q { return codePointPrecedes(p, q) }
        case .state:
            if x.state != y.state { return x.state > y.state }
        case .score:
            if x.score.value != y.score.value { return x.score.value > y.score.value }
        case .lastTouch:
            let p = x.lastTouch?.at
            let q = y.lastTouch?.at
            if p != q { return (p ?? .distantPast) > (q ?? .distantPast) }
        case .sla:
            let p = BoardSort.slaRank(x.sla)
            let q = BoardSort.slaRank(y.sla)
            if p != q { return p < q }
        case .suggests:
            if x.recommendation != y.recommendation {
                return BoardSort.rank(x.recommendation) < BoardSort.rank(y.recommendation)
            }
        case .decision:
            let p = x.decision.map { BoardSort.rank($0.action) } ?? Int.max
            let q = y.decision.map { BoardSort.rank($0.action) } ?? Int.max
            if p != q { return p < q }
        }
        return BoardOrder.precedes(x, y, in: data.programme)
    }

    /// `accounts` (indexes of accounts on the board, not removed) in this sort's order: one
    /// sort of small keys for the board order (tier, score, the id's first bytes), then, for
    /// another column, one of the column's value as a number and the place in the board order,
    /// so that Strings are compared only on ties (`precedes` gives the same order, pair by pair).
    public func sorted(_ accounts: [Int], in data: BoardData) -> [Int] {
        let board = BoardOrder.sorted(
            accounts: accounts, rows: data.rows, idPrefixes: data.idPrefix, in: data.programme)
        guard column != .board else { return reversed ? board.reversed() : board }
        var keys: [(value: Int64, place: Int32)] = []
        keys.reserveCapacity(board.count)
        for (place, account) in board.enumerated() {
            keys.append((key(account, in: data), Int32(place)))
        }
        keys.sort { $0.value != $1.value ? $0.value < $1.value : $0.place < $1.place }
        let ordered = keys.map { board[Int($0.place)] }
        return reversed ? ordered.reversed() : ordered
    }

    /// The column's value of `account` as a number that orders as `forward` does (`~` turns a
    /// descending value into an ascending one without overflowing).
    private func key(_ account: Int, in data: BoardData) -> Int64 {
        switch column {
        case .board: return 0
        case .account: return Int64(data.nameRank[account])
        case .owner: return Int64(data.ownerRank[account])
        case .state: return ~Int64(data.rows[account].state.rank)
        case .score: return ~Int64(data.rows[account].score.value)
        case .lastTouch: return ~(data.rows[account].lastTouch?.at ?? .distantPast).seconds
        case .sla: return BoardSort.slaRank(data.rows[account].sla)
        case .suggests: return Int64(BoardSort.rank(data.rows[account].recommendation))
        case .decision: return data.rows[account].decision.map { Int64(BoardSort.rank($0.action)) } ?? .max
        }
    }

    /// Most urgent first: breached, due, late, met, held, none; within one, the earliest due.
    static func slaRank(_ sla: SLASummary) -> Int64 {
        let base: Int64
        switch sla.status {
        case .breached: base = 0
        case .due: base = 1
        case .late: base = 2
        case .met: base = 3
        case .held: base = 4
        case .none: base = 5
        }
        // Statuses apart by more than any two due times (2^40 s is about 35,000 years).
        return base << 41 + min(max(sla.dueAt?.seconds ?? 0, 0), 1 << 40)
    }

    static func rank(_ recommendation: Recommendation) -> Int {
        Recommendation.allCases.firstIndex(of: recommendation) ?? 0
    }

    static func rank(_ action: MarkAction) -> Int {
        MarkAction.allCases.firstIndex(of: action) ?? 0
    }
}
