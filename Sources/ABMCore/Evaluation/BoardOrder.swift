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
        var keys: [Key] = []
        keys.reserveCapacity(evaluations.count)
        for (position, row) in evaluations.enumerated() where includeRemoved || row.tier != nil {
            keys.append(Key(row, prefix: codePointPrefix(programme.accounts[row.account].id), tag: position))
        }
        return sort(keys, in: programme).map { evaluations[$0] }
    }

    /// The accounts `accounts` (indexes into `rows`, the evaluations by account index) in board
    /// order, `idPrefixes` being each account id's `codePointPrefix` (worked out once by the
    /// caller).
    public static func sorted(
        accounts: [Int], rows: [AccountEvaluation], idPrefixes: [UInt64], in programme: Programme
    ) -> [Int] {
        var keys: [Key] = []
        keys.reserveCapacity(accounts.count)
        // Fields read in place: a whole row copied 50,000 times would cost more than the sort.
        for account in accounts { keys.append(Key(rows[account], prefix: idPrefixes[account], tag: account)) }
        return sort(keys, in: programme)
    }

    /// What the board order sorts: small keys rather than whole evaluations, gathered once;
    /// the first 8 bytes of each id settle most ties without comparing whole strings.
    private struct Key {
        var tier: Int8
        var score: Int32
        var prefix: UInt64
        var account: Int32
        /// What the caller gets back for the key (a position, an account).
        var tag: Int

        init(_ row: borrowing AccountEvaluation, prefix: UInt64, tag: Int) {
            tier = Int8(row.tier?.rawValue ?? 4)
            score = Int32(clamping: row.score.value)
            self.prefix = prefix
            account = Int32(clamping: row.account)
            self.tag = tag
        }
    }

    /// The keys' tags in board order.
    private static func sort(_ keys: consuming [Key], in programme: Programme) -> [Int] {
        keys.sort { a, b in
            if a.tier != b.tier { return a.tier < b.tier }
            if a.score != b.score { return a.score > b.score }
            if a.prefix != b.prefix { return a.prefix < b.prefix }
            return codePointPrecedes(programme.accounts[Int(a.account)].id, programme.accounts[Int(b.account)].id)
        }
        return keys.map(\.tag)
    }
}

/// The first 8 UTF-8 bytes of `text` as a big-endian number (zero-padded), which orders like
/// the bytes themselves up to ties: a cheap first comparison for `codePointPrecedes`.
public func codePointPrefix(_ text: String) -> UInt64 {
    var prefix: UInt64 = 0
    var taken = 0
    for byte in text.utf8.prefix(8) {
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
