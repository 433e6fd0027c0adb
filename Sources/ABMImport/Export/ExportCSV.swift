/// Writes an export table as CSV (RFC 4180): a header row of the column names, then one line
/// per row; see `ExportValue.csvField` for how each value is written.
public enum ExportCSV {
    /// The CSV text of `table`.
    ///
    /// Values are written as they are, so that a CRM re-imports exactly what the board shows.
    /// With `guardFormulas`, text that a spreadsheet would run as a formula (it starts with `=`,
    /// `+`, `-`, `@`, a tab or a carriage return) is prefixed with `'`, which spreadsheets show
    /// as text; numbers and times are never changed.
    public static func render(_ table: ExportTable, guardFormulas: Bool = false) -> String {
        var out = CSVText(header: table.columns)
        var fields: [String?] = []
        fields.reserveCapacity(table.columns.count)
        for row in table.rows {
            fields.removeAll(keepingCapacity: true)
            for value in row {
                if guardFormulas && value.looksLikeFormula, let field = value.csvField {
                    fields.append("'" + field)
                } else {
                    fields.append(value.csvField)
                }
            }
            out.row(fields)
        }
        return out.text
    }
}
