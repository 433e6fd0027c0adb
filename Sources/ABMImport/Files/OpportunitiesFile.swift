import ABMCore

/// `opportunities.csv` (SPEC §1): validated opportunities with their account's store number.
public enum OpportunitiesFile {
    /// The columns.
    public static let columns = ColumnSpec(
        required: ["opportunity_id", "account_id", "status", "created_at"],
        optional: ["kind", "stage", "amount", "closed_at"])

    /// A validated opportunity.
    public struct Row: Sendable {
        /// The opportunity.
        public var opportunity: Opportunity
        /// Its account's number in the store.
        public var account: Int32
    }

    /// Reads and validates the file; every opportunity or every problem.
    public static func read(
        file: String, bytes: UnsafeBufferPointer<UInt8>, catalog: ImportCatalog
    ) -> Result<[Row], ImportProblems> {
        var problems = ImportProblems()
        guard var table = CSVTable(file: file, bytes: bytes, spec: columns, problems: &problems) else {
            return .failure(problems)
        }
        var rows: [Row] = []
        var seen: [String: Int] = [:]
        table.forEachRow(problems: &problems) { row, problems in
            let id = checkedId(row, 0, seen: &seen, problems: &problems)
            let account = storedAccount(row, 1, catalog: catalog, problems: &problems)
            let status = row.parsed(2, required: true, expected: "open, won or lost", problems: &problems) {
                FieldParsers.value($0, as: OpportunityStatus.self)
            }
            let created = row.parsed(
                3, required: true, expected: FieldParsers.timeExpected, problems: &problems, FieldParsers.time)
            let kind = row.parsed(4, required: false, expected: "new or expansion", problems: &problems) {
                FieldParsers.value($0, as: OpportunityKind.self)
            }
            let amount = row.parsed(6, required: false, expected: "a number", problems: &problems, FieldParsers.number)
            let closed = row.parsed(
                7, required: false, expected: FieldParsers.timeExpected, problems: &problems, FieldParsers.time)
            guard let id, let account, let status = status ?? nil, let created = created ?? nil, let kind, let amount,
                let closed
            else { return }
            switch (status, closed) {
            case (.open, .some):
                row.problem(
                    7, expected: "no closed_at on an open opportunity (or status won or lost)", problems: &problems)
                return
            case (.won, nil), (.lost, nil):
                row.problem(
                    7, expected: "the time a \(status.rawValue) opportunity closed (or status open)",
                    problems: &problems)
                return
            case (_, .some(let closedAt)) where closedAt < created:
                row.problem(7, expected: "a time at or after created_at (\(created.iso8601))", problems: &problems)
                return
            default:
                break
            }
            let opportunity = Opportunity(
                id: id, accountId: account.id, status: status, kind: kind ?? .new, stage: row.text(5), amount: amount,
                createdAt: created, closedAt: closed)
            rows.append(Row(opportunity: opportunity, account: account.number))
        }
        return problems.isEmpty ? .success(rows) : .failure(problems)
    }
}
