/// A member of a team store: the person a database login records as, and the role the
/// database grants it (`viewer`, `ae`, `marketing` or `manager`).
public struct StoreMember: Sendable, Hashable {
    /// The person name recorded as `by`.
    public var person: String
    /// The role.
    public var role: String

    /// A member.
    public init(person: String, role: String) {
        self.person = person
        self.role = role
    }
}
