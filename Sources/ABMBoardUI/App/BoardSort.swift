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
            let p = data.sortNames[a]
            let q = data.sortNames[b]
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
