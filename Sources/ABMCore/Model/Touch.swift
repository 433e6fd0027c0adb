/// One interaction with an account (SPEC §1 `touches`): inbound (they engage) or outbound (we
/// reach them).
public struct Touch: Sendable, Hashable {
    /// The touch's id (case-sensitive).
    public var id: String
    /// The id of the account touched.
    public var accountId: String
    /// The channel.
    public var channel: Channel
    /// Inbound or outbound.
    public var direction: Direction
    /// When it happened.
    public var occurredAt: Instant
    /// The contact involved, if known; must belong to the same account.
    public var contactId: String?
    /// What it was about.
    public var topic: String?
    /// Who logged it.
    public var by: String?
    /// A free-text note.
    public var note: String?

    /// Creates a touch record.
    public init(
        id: String, accountId: String, channel: Channel, direction: Direction,
        occurredAt: Instant, contactId: String? = nil, topic: String? = nil, by: String? = nil,
        note: String? = nil
    ) {
        self.id = id
        self.accountId = accountId
        self.channel = channel
        self.direction = direction
        self.occurredAt = occurredAt
        self.contactId = contactId
        self.topic = topic
        self.by = by
        self.note = note
    }
}
