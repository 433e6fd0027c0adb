/// What an import did, for the one-line summary the commands print.
public struct ImportSummary: Sendable, Hashable {
    /// The kind of records (`touches`, `accounts` …).
    public var kind: String
    /// Rows in the file.
    public var rows: Int
    /// Records that were not stored before.
    public var added: Int
    /// Stored records that the file changed.
    public var updated: Int
    /// History records added (tier changes of a re-import, marks of a marks file).
    public var recorded: Int = 0
    /// Seconds from start to end of the whole import (set by the caller).
    public var seconds: Double = 0

    /// A summary of an import.
    public init(kind: String, rows: Int, added: Int, updated: Int, recorded: Int = 0) {
        self.kind = kind
        self.rows = rows
        self.added = added
        self.updated = updated
        self.recorded = recorded
    }
}
