import ABMCore

/// One record of the history export: the account it is about, the record with its tiers
/// (from `MarkReplay.entries`), and for a mark taken back, when the undo was stamped.
public struct HistoryRow: Sendable, Hashable {
    /// The account's index in the programme.
    public var account: Int
    /// The record, with the tier before and after it.
    public var entry: HistoryEntry
    /// For a mark taken back by the as-of: the undo's stamp.
    public var takenBackAt: Instant?

    /// A row of account `account`.
    public init(account: Int, entry: HistoryEntry, takenBackAt: Instant?) {
        self.account = account
        self.entry = entry
        self.takenBackAt = takenBackAt
    }
}

/// `abmboard export history`: every mark, undo, note and re-import tier change of every
/// account stamped at or before the as-of, as a table for audit.
public enum HistoryExport {
    /// The records of every account stamped at or before `asOf`, in time order; at equal times
    /// by account id (code point), then in recording order. An account's records keep their
    /// recording order, which SPEC §3 makes agree with time order.
    public static func rows(of programme: Programme, asOf: Instant) -> [HistoryRow] {
        var rows: [HistoryRow] = []
        for index in 0..<programme.accountCount {
            let records = programme.history(of: index)
            guard let first = records.first, first.at <= asOf else { continue }
            let replay = MarkReplay(records: records, importedTier: programme.accounts[index].importedTier, asOf: asOf)
            for entry in replay.entries {
                rows.append(
                    HistoryRow(account: index, entry: entry, takenBackAt: entry.takenBackBy.map { records[$0].at }))
            }
        }
        let rank = idRanks(of: programme)
        rows.sort { a, b in
            if a.entry.record.at != b.entry.record.at { return a.entry.record.at < b.entry.record.at }
            if a.account != b.account { return rank[a.account] < rank[b.account] }
            return a.entry.index < b.entry.index
        }
        return rows
    }

    /// The table of `rows` in `columns`.
    public static func table(
        _ rows: [HistoryRow], programme: Programme, columns: [HistoryColumn] = HistoryColumn.defaults
    ) -> ExportTable {
        let values = rows.map { row in
            let account = programme.accounts[row.account]
            return columns.map { $0.value(of: row, account: account) }
        }
        return ExportTable(columns: columns.map(\.rawValue), rows: values)
    }

    /// Each account's position when the accounts are sorted by id (code point order).
    private static func idRanks(of programme: Programme) -> [Int] {
        let order = programme.accounts.indices.sorted {
            codePointPrecedes(programme.accounts[$0].id, programme.accounts[$1].id)
        }
        var rank = [Int](repeating: 0, count: order.count)
        for (position, index) in order.enumerated() { rank[index] = position }
        return rank
    }
}
