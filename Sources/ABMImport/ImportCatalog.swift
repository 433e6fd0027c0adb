/// What the store already holds that an import file may refer to: account and contact ids with
/// the store's numbers for them (SPEC §1: a reference must exist in the store or the same file).
public struct ImportCatalog: Sendable {
    /// A stored contact: its number and its account's number.
    public struct ContactEntry: Sendable, Hashable {
        /// The contact's number in the store.
        public var number: Int32
        /// The number of the account it belongs to.
        public var account: Int32

        /// An entry.
        public init(number: Int32, account: Int32) {
            self.number = number
            self.account = account
        }
    }

    /// Account id → the store's number for it.
    public var accounts: [String: Int32]
    /// Contact id → its number and account.
    public var contacts: [String: ContactEntry]
    /// Account number → id (for messages naming a contact's account).
    public var accountIds: [Int32: String]

    /// A catalog of the given accounts and contacts.
    public init(accounts: [String: Int32] = [:], contacts: [String: ContactEntry] = [:]) {
        self.accounts = accounts
        self.contacts = contacts
        var ids: [Int32: String] = [:]
        ids.reserveCapacity(accounts.count)
        for (id, number) in accounts { ids[number] = id }
        accountIds = ids
    }
}

/// The longest id accepted, in UTF-8 bytes (ids are stored with a 16-bit length).
public let maximumIdBytes = 255

/// The id of `column` checked: present, at most `maximumIdBytes`, not seen earlier in the file.
func checkedId(
    _ row: ImportRow, _ column: Int, seen: inout [String: Int], problems: inout ImportProblems
) -> String? {
    guard let id = row.required(column, "an id", problems: &problems) else { return nil }
    guard id.utf8.count <= maximumIdBytes else {
        row.problem(column, expected: "an id of at most \(maximumIdBytes) bytes", problems: &problems)
        return nil
    }
    if let first = seen[id] {
        row.problem(
            column, expected: "an id not already used in this file (it is on line \(first))", problems: &problems)
        return nil
    }
    seen[id] = row.line
    return id
}

/// The account number of `column`'s id, or `nil` with a problem when the store has no such account.
func storedAccount(
    _ row: ImportRow, _ column: Int, catalog: ImportCatalog, problems: inout ImportProblems
) -> (id: String, number: Int32)? {
    guard let id = row.reference(column) else {
        row.problem(column, expected: "an account id", problems: &problems)
        return nil
    }
    guard let number = catalog.accounts[id] else {
        row.problem(column, expected: "the id of an imported account (import accounts first)", problems: &problems)
        return nil
    }
    return (id, number)
}
