import ABMCore

/// The as-of of most tests: Friday 2026-11-20 12:00:00 UTC (review week 2026-W47).
let asOf = at("2026-11-20T12:00:00Z")

/// An instant from ISO 8601 text (tests only: a malformed literal is a test bug).
func at(_ text: String) -> Instant {
    guard let instant = Instant.parseISO8601(text) else {
        preconditionFailure("bad test time \(text)")
    }
    return instant
}

/// `asOf` minus a number of days (fractional allowed).
func daysAgo(_ days: Double, from base: Instant = asOf) -> Instant {
    base.adding(seconds: -Int64((days * 86_400).rounded()))
}

/// `asOf` minus a number of hours.
func hoursAgo(_ hours: Double, from base: Instant = asOf) -> Instant {
    base.adding(seconds: -Int64((hours * 3_600).rounded()))
}

/// Builds small programmes for rule tests, one record per line.
struct Fixture {
    private var builder = ProgrammeBuilder()
    private var touchNumber = 0

    /// An account (Tier 1 unless told).
    mutating func account(_ id: String, tier: Tier = .one, holdout: Bool = false, owner: String = "dana") {
        try! builder.addAccount(
            Account(id: id, name: "Account \(id)", importedTier: tier, owner: owner, holdout: holdout))
    }

    /// A contact of `account`.
    mutating func contact(_ id: String, of account: String, role: BuyingRole = .unknown, active: Bool = true) {
        try! builder.addContact(
            Contact(id: id, accountId: account, name: "Person \(id)", buyingRole: role, active: active))
    }

    /// A touch; ids are `T0001`, `T0002`, … unless given.
    mutating func touch(
        _ account: String, _ channel: Channel, _ direction: Direction = .inbound, at time: Instant,
        contact: String? = nil, id: String? = nil
    ) {
        touchNumber += 1
        let touchId =
            id ?? "T" + String(repeating: "0", count: max(0, 4 - String(touchNumber).count)) + String(touchNumber)
        try! builder.addTouch(
            Touch(
                id: touchId, accountId: account, channel: channel, direction: direction, occurredAt: time,
                contactId: contact))
    }

    /// An intent record.
    mutating func intent(_ account: String, _ topic: String = "data observability", score: Int, at time: Instant) {
        try! builder.addIntent(IntentRecord(accountId: account, topic: topic, score: score, observedAt: time))
    }

    /// An opportunity.
    mutating func opportunity(
        _ id: String, of account: String, _ status: OpportunityStatus, kind: OpportunityKind = .new,
        created: Instant, closed: Instant? = nil
    ) {
        try! builder.addOpportunity(
            Opportunity(id: id, accountId: account, status: status, kind: kind, createdAt: created, closedAt: closed))
    }

    /// A history record (not checked against the rules: tests of the rules check separately).
    mutating func record(_ account: String, _ event: HistoryEvent, at time: Instant, by: String = "dana") {
        try! builder.addHistory(HistoryRecord(accountId: account, at: time, by: by, event: event))
    }

    /// A mark.
    mutating func mark(
        _ account: String, _ action: MarkAction, at time: Instant, note: String? = nil, by: String = "dana"
    ) {
        record(account, .mark(action, note: note), at: time, by: by)
    }

    /// The programme.
    func build() -> Programme {
        let copy = builder
        return copy.build()
    }
}

extension Programme {
    /// The evaluation of account `id` as of `instant` under `playbook`.
    func evaluation(_ id: String, asOf instant: Instant = asOf, playbook: Playbook = Playbook()) -> AccountEvaluation {
        guard let index = index(ofAccount: id) else { preconditionFailure("no account \(id)") }
        return Evaluator(playbook: playbook).evaluate(account: index, in: self, asOf: instant)
    }
}
