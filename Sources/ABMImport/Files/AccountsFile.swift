import ABMCore

/// `accounts.csv` (SPEC §1): validated accounts, each with its line.
public enum AccountsFile {
    /// The columns.
    public static let columns = ColumnSpec(
        required: ["account_id", "name", "tier"],
        optional: [
            "domain", "industry", "employees", "annual_revenue", "region", "owner", "sdr", "icp_score", "holdout",
            "parent_account_id",
        ])

    /// Reads and validates the file; every account or every problem.
    public static func read(
        file: String, bytes: UnsafeBufferPointer<UInt8>, catalog: ImportCatalog
    ) -> Result<[(account: Account, line: Int)], ImportProblems> {
        var problems = ImportProblems()
        guard var table = CSVTable(file: file, bytes: bytes, spec: columns, problems: &problems) else {
            return .failure(problems)
        }
        var rows: [(account: Account, line: Int)] = []
        var seen: [String: Int] = [:]
        var parents: [(parent: String, line: Int)] = []
        table.forEachRow(problems: &problems) { row, problems in
            let id = checkedId(row, 0, seen: &seen, problems: &problems)
            let name = row.required(1, "a name", problems: &problems)
            let tier = row.parsed(2, required: true, expected: "1, 2 or 3", problems: &problems) {
                FieldParsers.integer($0).flatMap(Tier.init(rawValue:))
            }
            let employees = row.parsed(5, required: false, expected: "a whole number", problems: &problems) {
                FieldParsers.integer($0).flatMap { $0 >= 0 ? $0 : nil }
            }
            let revenue = row.parsed(6, required: false, expected: "a number", problems: &problems, FieldParsers.number)
            let icp = row.parsed(
                10, required: false, expected: "a whole number from 0 to 100", problems: &problems, FieldParsers.score)
            let holdout = row.parsed(
                11, required: false, expected: "true or false", problems: &problems, FieldParsers.boolean)
            guard let id, let name, let tier = tier ?? nil, let employees, let revenue, let icp, let holdout else {
                return
            }
            let parent = row.reference(12)
            if let parent { parents.append((parent, row.line)) }
            rows.append(
                (
                    Account(
                        id: id, name: name, importedTier: tier, domain: row.text(3), industry: row.text(4),
                        employees: employees, annualRevenue: revenue, region: row.text(7), owner: row.text(8),
                        sdr: row.text(9), icpScore: icp, holdout: holdout ?? false, parentAccountId: parent),
                    row.line
                ))
        }
        for (parent, line) in parents where seen[parent] == nil && catalog.accounts[parent] == nil {
            problems.insertInLineOrder(
                ImportProblem(
                    file: file, line: line, column: "parent_account_id",
                    expected: "the id of an account in this file or already imported", found: parent))
        }
        return problems.isEmpty ? .success(rows) : .failure(problems)
    }
}
