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
        // Sorting small keys and gathering once beats moving whole evaluations about; the
        // first 8 bytes of each id settle most ties without comparing whole strings.
        var keys: [(tier: Int, score: Int, prefix: UInt64, position: Int)] = []
        keys.reserveCapacity(evaluations.count)
        for (position, row) in evaluations.enumerated() where includeRemoved || row.tier != nil {
            let prefix = idPrefix(programme.accounts[row.account].id)
            keys.append((row.tier?.rawValue ?? 4, row.score.value, prefix, position))
        }
        keys.sort { a, b in
            if a.tier != b.tier { return a.tier < b.tier }
            if a.score != b.score { return a.score > b.score }
            if a.prefix != b.prefix { return a.prefix < b.prefix }
            return codePointPrecedes(
                programme.accounts[evaluations[a.position].account].id,
                programme.accounts[evaluations[b.position].account].id)
        }
        return keys.map { evaluations[$0.position] }
    }
}

/// The first 8 UTF-8 bytes of `id` as a big-endian number (zero-padded), which orders like
/// the bytes themselves.
private func idPrefix(_ id: String) -> UInt64 {
    var prefix: UInt64 = 0
    var taken = 0
    for byte in id.utf8.prefix(8) {
        prefix = prefix << 8 | UInt64(byte)
        taken += 1
    }
    return taken == 8 ? prefix : prefix << (8 * UInt64(8 - taken))
}

/// Whether `a` sorts before `b` by Unicode code points (UTF-8 byte order is code-point order).
public func codePointPrecedes(_ a: String, _ b: String) -> Bool {
    var a = a
    var b = b
    return a.withUTF8 { x in
        b.withUTF8 { y in
            for i in 0..<min(x.count, y.count) where x[i] != y[i] { return x[i] < y[i] }
            return x.count < y.count
        }
    }
}
