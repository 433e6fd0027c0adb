import ABMCore

/// `contacts.csv` (SPEC §1): validated contacts with their account's store number.
public enum ContactsFile {
    /// The columns.
    public static let columns = ColumnSpec(
        required: ["contact_id", "account_id", "name"], optional: ["title", "buying_role", "email", "active"])

    /// A validated contact.
    public struct Row: Sendable {
        /// The contact.
        public var contact: Contact
        /// Its account's number in the store.
        public var account: Int32
        /// Its line in the file.
        public var line: Int
    }

    /// Reads and validates the file; every contact or every problem.
    public static func read(
        file: String, bytes: UnsafeBufferPointer<UInt8>, catalog: ImportCatalog
    ) -> Result<[Row], ImportProblems> {
        var problems = ImportProblems()
        guard var table = CSVTable(file: file, bytes: bytes, spec: columns, problems: &problems) else {
            return .failure(problems)
        }
        var rows: [Row] = []
        var seen: [String: Int] = [:]
        let roles = FieldParsers.choices(BuyingRole.self)
        table.forEachRow(problems: &problems) { row, problems in
            let id = checkedId(row, 0, seen: &seen, problems: &problems)
            let account = storedAccount(row, 1, catalog: catalog, problems: &problems)
            let name = row.required(2, "a name", problems: &problems)
            let role = row.parsed(4, required: false, expected: roles, problems: &problems) {
                FieldParsers.value($0, as: BuyingRole.self)
            }
            let active = row.parsed(
                6, required: false, expected: "true or false", problems: &problems, FieldParsers.boolean)
            guard let id, let account, let name, let role, let active else { return }
            let contact = Contact(
                id: id, accountId: account.id, name: name, title: row.text(3), buyingRole: role ?? .unknown,
                email: row.text(5), active: active ?? true)
            rows.append(Row(contact: contact, account: account.number, line: row.line))
        }
        return problems.isEmpty ? .success(rows) : .failure(problems)
    }
}
