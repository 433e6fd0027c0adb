import ABMImport

/// A touch file's rows grouped by account (by counting), each group sorted by time then id.
package struct TouchGroups: Sendable {
    /// Row numbers, grouped.
    package var order: [Int32]
    /// Each account's range of `order`.
    package var accounts: [(account: Int32, range: Range<Int>)] = []

    /// Groups the rows.
    package init(_ rows: TouchRows) {
        let maxAccount = Int(rows.account.max() ?? 0)
        var counts = [Int](repeating: 0, count: maxAccount + 2)
        for account in rows.account { counts[Int(account) + 1] += 1 }
        for index in 1..<counts.count { counts[index] += counts[index - 1] }
        var next = counts
        order = [Int32](repeating: 0, count: rows.count)
        for row in 0..<rows.count {
            let account = Int(rows.account[row])
            order[next[account]] = Int32(row)
            next[account] += 1
        }
        for account in 0...maxAccount where counts[account + 1] > counts[account] {
            let range = counts[account]..<counts[account + 1]
            accounts.append((Int32(account), range))
            let precedes: (Int32, Int32) -> Bool = { a, b in
                let (x, y) = (Int(a), Int(b))
                if rows.time[x] != rows.time[y] { return rows.time[x] < rows.time[y] }
                return rows.ids[x].utf8.lexicographicallyPrecedes(rows.ids[y].utf8)
            }
            let slice = order[range]
            if !zip(slice, slice.dropFirst()).allSatisfy({ precedes($0, $1) }) {
                order[range].sort(by: precedes)
            }
        }
    }
}
