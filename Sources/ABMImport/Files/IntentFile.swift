import ABMCore

/// `intent.csv` (SPEC §1): validated intent observations. A row with the same account, topic
/// and time as an earlier one in the file replaces it (as it would a stored one).
public enum IntentFile {
    /// The columns.
    public static let columns = ColumnSpec(required: ["account_id", "topic", "score", "observed_at"], optional: [])

    /// Validated intent rows in columns.
    public struct Rows: Sendable {
        /// Store number of each row's account.
        public var account: [Int32] = []
        /// Number of the topic in `topics`.
        public var topic: [Int32] = []
        /// Score 0–100.
        public var score: [UInt8] = []
        /// Seconds since 1970.
        public var time: [Int64] = []
        /// The distinct topics.
        public var topics: [String] = []

        /// The number of rows.
        public var count: Int { account.count }
    }

    /// Reads and validates the file; every row or every problem.
    public static func read(
        file: String, bytes: UnsafeBufferPointer<UInt8>, catalog: ImportCatalog
    ) -> Result<Rows, ImportProblems> {
        var problems = ImportProblems()
        guard var table = CSVTable(file: file, bytes: bytes, spec: columns, problems: &problems) else {
            return .failure(problems)
        }
        var rows = Rows()
        var topics = TermTable()
        table.forEachRow(problems: &problems) { row, problems in
            let account = storedAccount(row, 0, catalog: catalog, problems: &problems)
            let topic = row.required(1, "a topic", problems: &problems)
            let score = row.parsed(
                2, required: true, expected: "a whole number from 0 to 100", problems: &problems, FieldParsers.score)
            let time = row.parsed(
                3, required: true, expected: FieldParsers.timeExpected, problems: &problems, FieldParsers.time)
            guard let account, let topic, let score = score ?? nil, let time = time ?? nil, problems.isEmpty else {
                return
            }
            rows.account.append(account.number)
            rows.topic.append(topics.number(topic))
            rows.score.append(UInt8(score))
            rows.time.append(time.seconds)
        }
        rows.topics = topics.terms
        return problems.isEmpty ? .success(rows) : .failure(problems)
    }
}
