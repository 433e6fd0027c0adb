/// A third-party intent observation: how strongly an account researched a topic (SPEC §1
/// `intent`). Identified by account, topic and time.
public struct IntentRecord: Sendable, Hashable {
    /// The id of the account observed.
    public var accountId: String
    /// The topic researched.
    public var topic: String
    /// The intent score, 0–100.
    public var score: Int
    /// When it was observed.
    public var observedAt: Instant

    /// Creates an intent record.
    public init(accountId: String, topic: String, score: Int, observedAt: Instant) {
        self.accountId = accountId
        self.topic = topic
        self.score = score
        self.observedAt = observedAt
    }
}
