/// A person at an account (SPEC §1 `contacts`).
public struct Contact: Sendable, Hashable {
    /// The contact's id (case-sensitive).
    public var id: String
    /// The id of the account the contact works for.
    public var accountId: String
    /// The contact's name.
    public var name: String
    /// Job title.
    public var title: String?
    /// Role in the buying committee (`unknown` by default).
    public var buyingRole: BuyingRole
    /// E-mail address.
    public var email: String?
    /// Whether the contact is still active (true by default).
    public var active: Bool

    /// Creates a contact record.
    public init(
        id: String, accountId: String, name: String, title: String? = nil,
        buyingRole: BuyingRole = .unknown, email: String? = nil, active: Bool = true
    ) {
        self.id = id
        self.accountId = accountId
        self.name = name
        self.title = title
        self.buyingRole = buyingRole
        self.email = email
        self.active = active
    }
}
