/// Contacts stored column by column, grouped by account (rows of one account are contiguous).
public struct ContactTable: Sendable {
    /// Contact ids.
    public internal(set) var ids = StringArena()
    /// Names.
    public internal(set) var names = StringArena()
    /// E-mail addresses (empty when none).
    public internal(set) var emails = StringArena()
    /// Job titles: numbers in the programme's title interner, −1 when none.
    public internal(set) var titles: [Int32] = []
    /// Buying roles (`BuyingRole.index`).
    public internal(set) var roles: [UInt8] = []
    /// Whether each contact is active.
    public internal(set) var active: [Bool] = []
    /// The account index of each contact.
    public internal(set) var account: [Int32] = []

    /// An empty table.
    public init() {}

    /// The number of contacts.
    public var count: Int { roles.count }

    /// The buying role of row `row`.
    public func role(_ row: Int) -> BuyingRole {
        BuyingRole(index: Int(roles[row]))
    }

    /// Appends one contact.
    mutating func append(
        id: String, name: String, email: String?, title: Int32, role: BuyingRole, active: Bool,
        account: Int32
    ) {
        ids.append(id)
        names.append(name)
        emails.append(email ?? "")
        titles.append(title)
        roles.append(UInt8(role.index))
        self.active.append(active)
        self.account.append(account)
    }

    /// Appends one contact given as UTF-8 bytes (an empty `email`: none).
    mutating func append(
        id: UnsafeBufferPointer<UInt8>, name: UnsafeBufferPointer<UInt8>, email: UnsafeBufferPointer<UInt8>,
        title: Int32, role: BuyingRole, active: Bool, account: Int32
    ) {
        ids.append(bytes: id)
        names.append(bytes: name)
        emails.append(bytes: email)
        titles.append(title)
        roles.append(UInt8(role.index))
        self.active.append(active)
        self.account.append(account)
    }

    /// New table holding the rows at `order`, in that order.
    func permuted(_ order: [Int]) -> ContactTable {
        var result = ContactTable()
        result.ids = ids.permuted(order)
        result.names = names.permuted(order)
        result.emails = emails.permuted(order)
        result.titles = order.map { titles[$0] }
        result.roles = order.map { roles[$0] }
        result.active = order.map { active[$0] }
        result.account = order.map { account[$0] }
        return result
    }

    /// The same contacts in buffers of exactly the size they need.
    func compacted() -> ContactTable {
        var result = self
        result.ids = ids.compacted()
        result.names = names.compacted()
        result.emails = emails.compacted()
        result.titles = titles.compacted()
        result.roles = roles.compacted()
        result.active = active.compacted()
        result.account = account.compacted()
        return result
    }

    /// Bytes held, counting capacity.
    public var memoryFootprint: Int {
        ids.memoryFootprint + names.memoryFootprint + emails.memoryFootprint + titles.capacity * 4
            + roles.capacity + active.capacity + account.capacity * 4
    }
}
