import ABMStore
import GRDB
import GRDBSQLite

/// Steps through a query's rows with SQLite's own column calls: the loader's way of reading
/// hundreds of thousands of rows without building a GRDB `Row` for each.
struct RawRows {
    private let statement: Statement
    private let raw: OpaquePointer
    private let what: String
    private let db: Database

    /// Prepares `sql`; `what` names the rows in errors ("contacts").
    init(_ db: Database, sql: String, what: String) throws {
        statement = try db.makeStatement(sql: sql)
        raw = statement.sqliteStatement
        self.what = what
        self.db = db
    }

    /// Moves to the next row; `false` after the last.
    /// - Throws: `StoreError.database` when SQLite fails.
    func next() throws -> Bool {
        switch sqlite3_step(raw) {
        case SQLITE_ROW: return true
        case SQLITE_DONE:
            sqlite3_reset(raw)
            return false
        default:
            let message = String(cString: sqlite3_errmsg(db.sqliteConnection))
            sqlite3_reset(raw)
            throw StoreError.database("reading \(what): \(message)")
        }
    }

    /// Column `column` as an integer (0 when NULL).
    func int(_ column: Int32) -> Int { Int(sqlite3_column_int64(raw, column)) }

    /// Column `column` as an integer, or `nil` when NULL.
    func optionalInt(_ column: Int32) -> Int? { isNull(column) ? nil : int(column) }

    /// Column `column` as a double, or `nil` when NULL.
    func optionalDouble(_ column: Int32) -> Double? {
        isNull(column) ? nil : sqlite3_column_double(raw, column)
    }

    /// Column `column` as text ("" when NULL).
    func text(_ column: Int32) -> String { optionalText(column) ?? "" }

    /// Column `column` as text, or `nil` when NULL.
    func optionalText(_ column: Int32) -> String? {
        guard let pointer = sqlite3_column_text(raw, column) else { return nil }
        return String(
            decoding: UnsafeBufferPointer(start: pointer, count: Int(sqlite3_column_bytes(raw, column))),
            as: UTF8.self)
    }

    /// Column `column`'s text as UTF-8 bytes, valid until the next step; empty when NULL.
    func utf8(_ column: Int32) -> UnsafeBufferPointer<UInt8> {
        let count = Int(sqlite3_column_bytes(raw, column))
        guard count > 0, let base = sqlite3_column_text(raw, column) else {
            return UnsafeBufferPointer(start: nil, count: 0)
        }
        return UnsafeBufferPointer(start: base, count: count)
    }

    /// Column `column`'s bytes, valid until the next step; empty when NULL.
    func blob(_ column: Int32) -> UnsafeRawBufferPointer {
        let count = Int(sqlite3_column_bytes(raw, column))
        guard count > 0, let base = sqlite3_column_blob(raw, column) else {
            return UnsafeRawBufferPointer(start: nil, count: 0)
        }
        return UnsafeRawBufferPointer(start: base, count: count)
    }

    /// Whether column `column` is NULL.
    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(raw, column) == SQLITE_NULL }
}
