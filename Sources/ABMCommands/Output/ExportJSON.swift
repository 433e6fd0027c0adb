import ABMCore
import ABMImport

/// The JSON of the exports: one object with the header members (as-of, review week), the
/// column names, then the rows as objects keyed by column, one per line:
/// `{"as_of": TIME, "review_week": "2026-W47", "columns": [NAME, …], "accounts": [{NAME: VALUE, …}, …]}`.
///
/// Values keep their types: numbers and booleans bare, times as ISO 8601 UTC strings, lists as
/// arrays of strings, and `null` for absent values.
enum ExportJSON {
    /// The document of `table`, its rows under `rowsKey` after the `header` members.
    static func render(_ table: ExportTable, header: [(String, JSONText.Value)], rowsKey: String) -> [UInt8] {
        var out = JSONText()
        out.open("{")
        for (name, value) in header {
            out.key(name)
            out.write(value)
        }
        out.key("columns")
        out.write(.array(table.columns.map(JSONText.Value.string)))
        out.key(rowsKey)
        out.raw("[")
        for (position, row) in table.rows.enumerated() {
            out.raw(position == 0 ? "\n  " : ",\n  ")
            out.open("{")
            for (name, value) in zip(table.columns, row) {
                out.key(name)
                write(value, to: &out)
            }
            out.close("}")
        }
        out.raw(table.rows.isEmpty ? "]}\n" : "\n]}\n")
        return out.bytes
    }

    /// Writes one value.
    static func write(_ value: ExportValue, to out: inout JSONText) {
        switch value {
        case .text(let text): out.string(text)
        case .int(let number): out.int(number)
        case .bool(let flag): out.bool(flag)
        case .time(let instant): out.time(instant)
        case .list(let items):
            out.open("[")
            for item in items { out.string(item) }
            out.close("]")
        case .null: out.null()
        }
    }
}
