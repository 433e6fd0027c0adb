/// An export as a table: named columns and typed rows, in the order they are written, ready to
/// be rendered as CSV (`ExportCSV`) or JSON.
public struct ExportTable: Sendable, Hashable {
    /// The column names, in order (the CSV header, the JSON keys).
    public var columns: [String]
    /// The rows; each has one value per column, in the columns' order.
    public var rows: [[ExportValue]]

    /// A table of `rows` under `columns`.
    public init(columns: [String], rows: [[ExportValue]]) {
        self.columns = columns
        self.rows = rows
    }

    /// Every row's value in `column`, top to bottom; `nil` when there is no such column.
    public func values(of column: String) -> [ExportValue]? {
        guard let position = columns.firstIndex(of: column) else { return nil }
        return rows.map { $0[position] }
    }
}
