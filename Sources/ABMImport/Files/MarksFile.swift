import ABMCore

/// `marks.csv` (SPEC §7.4): `account_id,action,by,at,note`, action work, hold, demote, promote
/// or undo — and `note`, which adds its note to the latest mark (SPEC §7.3). The rules of §3 are
/// applied by the store, in file order, when the rows are recorded.
public enum MarksFile {
    /// The columns.
    public static let columns = ColumnSpec(required: ["account_id", "action", "by", "at"], optional: ["note"])

    /// A validated row.
    public struct Row: Sendable {
        /// The account's id.
        public var accountId: String
        /// What is recorded.
        public var event: HistoryEvent
        /// Who recorded it.
        public var by: String
        /// Its stamp.
        public var at: Instant
        /// Its line in the file.
        public var line: Int
    }

    /// Reads and validates the file; every row or every problem.
    public static func read(
        file: String, bytes: UnsafeBufferPointer<UInt8>, catalog: ImportCatalog
    ) -> Result<[Row], ImportProblems> {
        var problems = ImportProblems()
        guard var table = CSVTable(file: file, bytes: bytes, spec: columns, problems: &problems) else {
            return .failure(problems)
        }
        var rows: [Row] = []
        table.forEachRow(problems: &problems) { row, problems in
            let account = storedAccount(row, 0, catalog: catalog, problems: &problems)
            let action = row.parsed(
                1, required: true, expected: "one of work, hold, demote, promote, undo or note", problems: &problems
            ) { bytes -> String? in
                let word = FieldParsers.word(bytes)
                return ["work", "hold", "demote", "promote", "undo", "note"].contains(word) ? word : nil
            }
            let by = row.required(2, "who recorded it", problems: &problems)
            let at = row.parsed(
                3, required: true, expected: FieldParsers.timeExpected, problems: &problems, FieldParsers.time)
            let note = MarkRules.meaningfulNote(row.text(4))
            guard let account, let action = action ?? nil, let by, let at = at ?? nil else { return }
            let event: HistoryEvent
            switch action {
            case "undo":
                event = .undo
            case "note":
                guard let note else {
                    row.problem(4, expected: "the note's text (action note)", problems: &problems)
                    return
                }
                event = .note(note)
            default:
                guard let mark = MarkAction(rawValue: action) else { return }
                event = .mark(mark, note: note)
            }
            rows.append(Row(accountId: account.id, event: event, by: by, at: at, line: row.line))
        }
        return problems.isEmpty ? .success(rows) : .failure(problems)
    }
}
