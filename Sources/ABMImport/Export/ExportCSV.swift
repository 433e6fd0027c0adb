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
        String(decoding: bytes(table, guardFormulas: guardFormulas), as: UTF8.self)
    }

    /// The CSV of `table` as UTF-8 bytes (what `render` returns as text).
    public static func bytes(_ table: ExportTable, guardFormulas: Bool = false) -> [UInt8] {
        var out = CSVText(header: table.columns).bytes
        out.reserveCapacity(out.count + table.rows.count * table.columns.count * 16)
        for row in table.rows {
            for (position, value) in row.enumerated() {
                if position > 0 { out.append(UInt8(ascii: ",")) }
                switch value {
                case .time(let instant): instant.appendISO8601(to: &out)
                case .int(let number): out.append(contentsOf: String(number).utf8)
                case .null: break
                default:
                    guard let field = value.csvField else { break }
                    CSVText.appendField(guardFormulas && value.looksLikeFormula ? "'" + field : field, to: &out)
                }
            }
            out.append(UInt8(ascii: "\n"))
        }
        return out
    }
}
