import ABMCore

/// Lines up columns of text for people, by display width (`DisplayWidth`).
public enum TextTable {
    /// The table with a header row and a rule under it; columns in `rightAligned` are
    /// right-aligned. Control characters in cells are made visible (`SafeText`), so text from
    /// the data never reaches a terminal as an escape sequence.
    public static func render(header: [String], rows: [[String]], rightAligned: Set<Int> = []) -> String {
        let header = header.map(SafeText.visible)
        let rows = rows.map { $0.map(SafeText.visible) }
        let all = [header] + rows
        var widths = [Int](repeating: 0, count: header.count)
        for row in all {
            for (column, cell) in row.enumerated() where column < widths.count {
                widths[column] = max(widths[column], DisplayWidth.of(cell))
            }
        }
        func line(_ row: [String]) -> String {
            row.enumerated().map { column, cell in
                let pad = String(repeating: " ", count: widths[column] - DisplayWidth.of(cell))
                return rightAligned.contains(column) ? pad + cell : cell + pad
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
        let rule = widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")
        return ([line(header), rule] + rows.map(line)).joined(separator: "\n")
    }

}

extension String {
    /// The string without trailing spaces.
    public func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
