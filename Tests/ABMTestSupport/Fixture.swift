import ABMCore

/// Builds small programmes for tests, one record per line. Records go in as they are (the
/// history is not checked against the rules: tests of the rules check separately).
public struct Fixture {
    private var builder = ProgrammeBuilder()
    private var touchNumber = 0

    /// An empty programme.
    public init() {}

    /// An account (Tier 1 unless told); `owner: nil` for none.
    public mutating func account(
        _ id: String, tier: Tier = .one, holdout: Bool = false, owner: String? = "dana", name: String? = nil
    ) {
        try! builder.addAccount(
            Account(id: id, name: name ?? "Account \(id)", importedTier: tier, owner: owner, holdout: holdout))
    }

    /// A contact of `account`.
    public mutating func contact(_ id: String, of account: String, role: BuyingRole = .unknown, active: Bool = true) {
        try! builder.addContact(
            Contact(id: id, accountId: account, name: "Person \(id)", buyingRole: role, active: active))
    }

    /// A touch; ids are `T0001`, `T0002`, … unless given.
    public mutating func touch(
        _ account: String, _ channel: Channel, _ direction: Direction = .inbound, at time: Instant,
        contact: String? = nil, id: String? = nil
    ) {
        touchNumber += 1
        let number = String(touchNumber)
        try! builder.addTouch(
            Touch(
                id: id ?? "T" + String(repeating: "0", count: max(0, 4 - number.count)) + number, accountId: account,
                channel: channel, direction: direction, occurredAt: time, contactId: contact))
    }

    /// An intent record.
    public mutating func intent(
        _ account: String, _ topic: String = "data observability", score: Int, at time: Instant
    ) {
        try! builder.addIntent(IntentRecord(accountId: account, topic: topic, score: score, observedAt: time))
    }

    /// An opportunity.
    public mutating func opportunity(
        _ id: String, of account: String, _ status: OpportunityStatus, kind: OpportunityKind = .new,
        created: Instant, closed: Instant? = nil
    ) {
        try! builder.addOpportunity(
            Opportunity(id: id, accountId: account, status: status, kind: kind, createdAt: created, closedAt: closed))
    }

    /// A history record.
    public mutating func record(_ account: String, _ event: HistoryEvent, at time: Instant, by: String = "dana") {
        try! builder.addHistory(HistoryRecord(accountId: account, at: time, by: by, event: event))
    }

    /// A mark.
    public mutating func mark(
        _ account: String, _ action: MarkAction, at time: Instant, note: String? = nil, by: String = "dana"
    ) {
        record(account, .mark(action, note: note), at: time, by: by)
    }

    /// The programme.
    public func build() -> Programme {
        let copy = builder
        return copy.build()
    }
}
