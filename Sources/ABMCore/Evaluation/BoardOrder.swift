/// The board's row order (SPEC §5): tier 1, 2, 3, removed last; then engagement score, highest
/// first; then account id by code point.
public enum BoardOrder {
    /// Whether `a` comes before `b` on the board.
    public static func precedes(_ a: AccountEvaluation, _ b: AccountEvaluation, in programme: Programme) -> Bool {
        let ta = a.tier?.rawValue ?? 4
        let tb = b.tier?.rawValue ?? 4
        if ta != tb { return ta < tb }
        if a.score.value != b.score.value { return a.score.value > b.score.value }
        return codePointPrecedes(programme.accounts[a.account].id, programme.accounts[b.account].id)
    }

    /// `evaluations` in board order; removed accounts are dropped unless `includeRemoved`.
    public static func sorted(
        _ evaluations: [AccountEvaluation], in programme: Programme, includeRemoved: Bool = false
    ) -> [AccountEvaluation] {
        evaluations.filter { includeRemoved || $0.tier != nil }
            .sorted { precedes($0, $1, in: programme) }
    }
}

/// Whether `a` sorts before `b` by Unicode code points (UTF-8 byte order is code-point order).
public func codePointPrecedes(_ a: String, _ b: String) -> Bool {
    a.utf8.lexicographicallyPrecedes(b.utf8)
}
