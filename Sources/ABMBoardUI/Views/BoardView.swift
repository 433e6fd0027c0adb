import ABMCore

/// The board: a fixed header and one row per account, the selected row highlighted. Columns
/// are sized by display width; on a narrow terminal the least important give way first.
public enum BoardView {
    /// A column: its id (as the config names it), its header, its width, how soon it gives way
    /// (higher: sooner), and its cell.
    struct Column: Sendable {
        var id: ColumnID
        var title: String
        var width: Int
        var givesWay: Int
        var cell: @Sendable (AccountEvaluation, BoardState) -> (text: String, role: Role)
    }

    /// Account `account`'s row as the board shows it, one tab-separated value per configured
    /// column (the sparkline left out; tabs and line breaks in a value become spaces): what `Y`
    /// copies.
    public static func copyText(of account: Int, in state: BoardState) -> String {
        let row = state.data.rows[account]
        return state.columns.filter { $0 != .trend }.compactMap { id in
            columns.first { $0.id == id }.map { column in
                let text = column.cell(row, state).text.trimmingCharacters(in: " ")
                return String(text.map { $0 == "\t" || $0.isNewline ? " " : $0 })
            }
        }.joined(separator: "\t")
    }

    /// Sparkline blocks from low to high.
    static let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// Every column, in the default order.
    static let columns: [Column] = [
        Column(id: .account, title: "account", width: 24, givesWay: 0) { row, state in
            (state.data.programme.accounts[row.account].name, .text)
        },
        Column(id: .id, title: "id", width: 9, givesWay: 9) { row, state in
            (state.data.programme.accounts[row.account].id, .dim)
        },
        Column(id: .tier, title: "tier", width: 4, givesWay: 0) { row, _ in
            (row.tier.map { "T\($0.rawValue)" } ?? "—", Role.tier(row.tier))
        },
        Column(id: .owner, title: "owner", width: 8, givesWay: 6) { row, state in
            (state.data.programme.accounts[row.account].owner ?? "—", .text)
        },
        Column(id: .state, title: "state", width: 11, givesWay: 0) { row, _ in
            (row.state.rawValue, Role.state(row.state))
        },
        Column(id: .score, title: "score", width: 5, givesWay: 0) { row, _ in
            (pad(left: "\(row.engagementScore)", 5), .text)
        },
        Column(id: .trend, title: "8 weeks", width: 8, givesWay: 8) { row, state in
            let history =
                state.sparklines[row.account]
                ?? state.data.evaluator.scoreHistory(
                    account: row.account, in: state.data.programme, asOf: state.data.asOf)
            return (String(history.map { blocks[min($0 * blocks.count / 101, blocks.count - 1)] }), .sparkline)
        },
        Column(id: .surge, title: "surge", width: 5, givesWay: 3) { row, _ in (row.surging ? "▲" : "", .surge) },
        Column(id: .lastTouch, title: "last touch", width: 18, givesWay: 5) { row, state in
            (BoardText.lastTouch(row.lastTouch, asOf: state.data.asOf), .text)
        },
        Column(id: .sla, title: "SLA", width: 14, givesWay: 4) { row, state in
            (BoardText.sla(row.sla, asOf: state.data.asOf), Role.sla(row.sla.status))
        },
        Column(id: .suggests, title: "suggests", width: 9, givesWay: 2) { row, _ in
            (row.recommendation.rawValue, .text)
        },
        Column(id: .decision, title: "decision", width: 14, givesWay: 1) { row, _ in
            (row.decision.map { "\($0.action.rawValue) · \($0.by)" } ?? "", .text)
        },
    ]

    /// The columns of `ids`, in that order, that fit `width`: those quickest to give way are
    /// dropped first, and the account column (else the first) takes what is left over.
    static func layout(width: Int, ids: [ColumnID] = ColumnID.defaultOrder) -> [(column: Column, width: Int)] {
        var shown = ids.compactMap { id in columns.first { $0.id == id } }
        func total(_ list: [Column]) -> Int { list.reduce(0) { $0 + $1.width + 1 } }
        while total(shown) > width,
            let drop = shown.indices.filter({ shown[$0].givesWay > 0 }).max(by: {
                shown[$0].givesWay < shown[$1].givesWay
            })
        {
            shown.remove(at: drop)
        }
        let spare = max(width - total(shown), 0)
        let widest = shown.firstIndex { $0.id == .account } ?? 0
        return shown.enumerated().map { index, column in
            (column, index == widest ? column.width + spare : column.width)
        }
    }

    /// Draws the table into rows `y ..< y + height` of `buffer`.
    public static func render(_ state: BoardState, into buffer: inout ScreenBuffer, y: Int, height: Int) {
        let layout = layout(width: buffer.width, ids: state.columns)
        var x = 0
        buffer.fill(x: 0, y: y, count: buffer.width, role: .header)
        for (column, width) in layout {
            buffer.write(column.title, x: x, y: y, role: .header, limit: width)
            x += width + 1
        }
        guard height > 1 else { return }
        if state.order.isEmpty {
            let text =
                state.search.isEmpty
                ? (state.filter.isEmpty ? "no accounts to show" : "no account matches the filter (f to change it)")
                : "no account matches \"\(state.search)\""
            buffer.write(text, x: 1, y: y + 1, role: .dim)
            return
        }
        for line in 0..<(height - 1) {
            let position = state.top + line
            guard position < state.order.count else { break }
            let account = state.order[position]
            let row = state.data.rows[account]
            let rowY = y + 1 + line
            x = 0
            for (column, width) in layout {
                let cell = column.cell(row, state)
                buffer.write(cell.text, x: x, y: rowY, role: cell.role, limit: width)
                x += width + 1
            }
            if account == state.selected {
                buffer.paint(row: rowY, role: .selected)
            } else if state.highlighted.contains(account) {
                buffer.paint(row: rowY, role: .changed)
            }
        }
    }

    static func pad(left text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(width - DisplayWidth.of(text), 0)) + text
    }
}
