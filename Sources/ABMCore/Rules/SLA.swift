/// One SLA clock (SPEC §2.4): opened by a trigger, closed by the first follow-up at or after.
public struct SLAClock: Sendable, Hashable {
    /// When the trigger that opened it was observed.
    public var openedAt: Instant
    /// openedAt plus the account's SLA; it never moves.
    public var dueAt: Instant
    /// The follow-up that closed it, if any (at or before as-of).
    public var closedAt: Instant?
    /// How many triggers it covers (the opener and those that joined it).
    public var triggers: Int
    /// met, late, due, breached or held.
    public var status: SLAStatus

    /// Creates a clock.
    public init(openedAt: Instant, dueAt: Instant, closedAt: Instant?, triggers: Int, status: SLAStatus) {
        self.openedAt = openedAt
        self.dueAt = dueAt
        self.closedAt = closedAt
        self.triggers = triggers
        self.status = status
    }
}

/// Counts of clocks by status, for tier health.
public struct SLATally: Sendable, Hashable {
    /// Closed at or before due.
    public var met = 0
    /// Closed after due.
    public var late = 0
    /// Open and past due.
    public var breached = 0
    /// Open and not yet due.
    public var due = 0
    /// Open and held by this week's hold decision.
    public var held = 0

    /// No clocks.
    public init() {}

    /// All clocks counted.
    public var clocks: Int { met + late + breached + due + held }

    /// met ÷ (met + late + breached); `nil` when that is 0.
    public var followUpRate: Double? {
        let decided = met + late + breached
        return decided == 0 ? nil : Double(met) / Double(decided)
    }

    /// Counts one clock of `status` (`none` is not a clock).
    public mutating func add(_ status: SLAStatus) {
        switch status {
        case .met: met += 1
        case .late: late += 1
        case .breached: breached += 1
        case .due: due += 1
        case .held: held += 1
        case .none: break
        }
    }

    /// Adds another tally.
    public mutating func add(_ other: SLATally) {
        met += other.met
        late += other.late
        breached += other.breached
        due += other.due
        held += other.held
    }
}

/// What the board's SLA column shows: the latest clock's status and due time.
public struct SLASummary: Sendable, Hashable {
    /// The latest clock's status, `none` without one.
    public var status: SLAStatus
    /// The latest clock's due time; `nil` when the status is `none`.
    public var dueAt: Instant?
    /// Every clock of the account within the trigger window, by status.
    public var tally: SLATally

    /// No clock.
    public static let none = SLASummary(status: .none, dueAt: nil, tally: SLATally())

    /// Creates a summary.
    public init(status: SLAStatus, dueAt: Instant?, tally: SLATally) {
        self.status = status
        self.dueAt = dueAt
        self.tally = tally
    }
}

/// The SLA clock rule of SPEC §2.4 as a small state machine: feed triggers in time order,
/// then `finish`.
struct ClockMachine {
    let slaSeconds: Int64
    let asOf: Int64
    let held: Bool
    private(set) var openedAt: Int64?
    private(set) var triggers = 0

    init(slaSeconds: Int64, asOf: Int64, held: Bool) {
        self.slaSeconds = slaSeconds
        self.asOf = asOf
        self.held = held
    }

    /// Handles a trigger at `time`; `followUp(atOrAfter:)` gives the first follow-up at or after
    /// an instant (at or before as-of). Returns a clock that this trigger's arrival closed.
    mutating func trigger(at time: Int64, followUp: (Int64) -> Int64?) -> SLAClock? {
        var closed: SLAClock?
        if let opened = openedAt {
            if let f = followUp(opened), f < time {
                closed = clock(opened: opened, closedAt: f)
                openedAt = nil
            } else {
                triggers += 1  // joins the open clock
                return nil
            }
        }
        openedAt = time
        triggers = 1
        return closed
    }

    /// The last clock, closed or open, once every trigger has been fed.
    mutating func finish(followUp: (Int64) -> Int64?) -> SLAClock? {
        guard let opened = openedAt else { return nil }
        openedAt = nil
        return clock(opened: opened, closedAt: followUp(opened))
    }

    private func clock(opened: Int64, closedAt: Int64?) -> SLAClock {
        let due = opened + slaSeconds
        let status: SLAStatus
        if let closedAt {
            status = closedAt <= due ? .met : .late
        } else if held {
            status = .held
        } else {
            status = asOf <= due ? .due : .breached
        }
        return SLAClock(
            openedAt: CompactTime.decode64(opened), dueAt: CompactTime.decode64(due),
            closedAt: closedAt.map(CompactTime.decode64), triggers: triggers, status: status)
    }
}

extension CompactTime {
    /// The instant of a compact time widened to 64 bits.
    static func decode64(_ compact: Int64) -> Instant { Instant(seconds: epoch + compact) }
}
