import ABMCore

// What these tests need of ABMCoreTests' fixture (a test target cannot import another's).

/// The as-of of most tests: Friday 2026-11-20 12:00:00 UTC (review week 2026-W47).
let asOf = at("2026-11-20T12:00:00Z")

/// An instant from ISO 8601 text (tests only: a malformed literal is a test bug).
func at(_ text: String) -> Instant {
    guard let instant = Instant.parseISO8601(text) else { preconditionFailure("bad test time \(text)") }
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

/// Builds small programmes, one record per line.
struct Fixture {
    private var builder = ProgrammeBuilder()
    private var touchNumber = 0

    /// An account (Tier 1 unless told); `owner: nil` for none.
    mutating func account(
        _ id: String, tier: Tier = .one, holdout: Bool = false, owner: String? = "dana", name: String? = nil
    ) {
        try! builder.addAccount(
            Account(id: id, name: name ?? "Account \(id)", importedTier: tier, owner: owner, holdout: holdout))
    }

    /// A contact of `account`.
    mutating func contact(_ id: String, of account: String, active: Bool = true) {
        try! builder.addContact(Contact(id: id, accountId: account, name: "Person \(id)", active: active))
    }

    /// A touch; ids are `T0001`, `T0002`, ….
    mutating func touch(
        _ account: String, _ channel: Channel, _ direction: Direction = .inbound, at time: Instant,
        contact: String? = nil
    ) {
        touchNumber += 1
        let number = String(touchNumber)
        try! builder.addTouch(
            Touch(
                id: "T" + String(repeating: "0", count: max(0, 4 - number.count)) + number, accountId: account,
                channel: channel, direction: direction, occurredAt: time, contactId: contact))
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

    /// A history record.
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

/// The programme tier health is worked out on in ABMCoreTests (TierHealthTests), with owners
/// spread out and one account without an owner: as-of Friday 2026-11-20 12:00.
func smallProgramme() -> Programme {
    var f = Fixture()
    // Tier 1
    f.account("T1A", tier: .one, owner: "zoe")  // engaged, surging, clock breached this week, work
    for id in ["A1", "A2", "A3"] { f.contact(id, of: "T1A") }
    f.touch("T1A", .web, at: daysAgo(20), contact: "A1")
    f.touch("T1A", .content, at: daysAgo(1), contact: "A1")
    f.touch("T1A", .content, at: daysAgo(2), contact: "A2")
    f.touch("T1A", .webinar, at: daysAgo(3), contact: "A3")
    f.intent("T1A", score: 70, at: daysAgo(2))
    f.mark("T1A", .work, at: hoursAgo(3), by: "zoe")
    f.account("T1B", tier: .one, owner: "amy")  // opportunity, thin, undecided
    f.contact("B1", of: "T1B")
    f.opportunity("O1", of: "T1B", .open, created: daysAgo(30))
    f.account("T1C", tier: .one, owner: "zoe")  // target, thin, hold with a note
    f.mark("T1C", .hold, at: hoursAgo(4), note: "waiting for budget", by: "zoe")
    // Tier 2
    f.account("T2A", tier: .two, owner: "amy")  // customer on Monday, expansion now; a met clock
    f.opportunity("O2", of: "T2A", .won, created: daysAgo(300), closed: daysAgo(100))
    f.opportunity("O3", of: "T2A", .open, kind: .expansion, created: daysAgo(2))
    f.intent("T2A", score: 68, at: daysAgo(10))
    f.touch("T2A", .phone, .outbound, at: daysAgo(10).adding(seconds: 3600))
    f.account("T2B", tier: .two, holdout: true, owner: nil)  // opportunity in the holdout, no owner
    f.opportunity("O4", of: "T2B", .open, created: daysAgo(10))
    f.intent("T2B", score: 90, at: daysAgo(1))
    f.account("T2C", tier: .two, owner: "amy")  // aware; clock overdue but held by this week's hold
    f.touch("T2C", .web, at: daysAgo(5))
    f.intent("T2C", score: 66, at: daysAgo(3))
    f.mark("T2C", .hold, at: daysAgo(1), by: "amy")
    f.account("T2D", tier: .two, owner: "zoe")  // engaged on Monday, aware now; a breach from last week
    for id in ["D1", "D2", "D3"] { f.contact(id, of: "T2D") }
    f.touch("T2D", .content, at: daysAgo(31), contact: "D1")
    f.touch("T2D", .content, at: daysAgo(31.5), contact: "D2")
    f.touch("T2D", .content, at: daysAgo(32), contact: "D3")
    f.intent("T2D", score: 70, at: daysAgo(12))
    f.account("T2E", tier: .two, owner: "amy")  // demoted this week to Tier 3, with a note
    f.touch("T2E", .web, at: daysAgo(3))
    f.mark("T2E", .demote, at: daysAgo(1), note: "no fit", by: "amy")
    // Tier 3
    f.account("T3A", tier: .three, owner: "zoe")  // promoted this week to Tier 2 by marketing
    f.touch("T3A", .web, at: daysAgo(40))
    f.mark("T3A", .promote, at: daysAgo(2), note: "surging", by: "marketing")
    f.account("T3B", tier: .three, owner: "amy")  // removed last week: in no tier
    f.touch("T3B", .web, at: daysAgo(40))
    f.mark("T3B", .demote, at: daysAgo(8), by: "amy")
    f.account("T3C", tier: .three, owner: "amy")  // target, undecided
    return f.build()
}
