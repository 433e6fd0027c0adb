import ABMCore

extension WeeklyReport {
    /// Builds the report of `period` from the programme through the engine: one evaluation of
    /// every account as of as-of and one as of Monday 00:00:00, one board order, and from them
    /// tier health, the week's changes and the engaged share at the sparkline's instants.
    public init(programme: Programme, evaluator: Evaluator, period: ReportPeriod, store: String) {
        let asOf = period.asOf
        let now = evaluator.evaluateAll(programme, asOf: asOf)
        let monday = evaluator.evaluateAll(programme, asOf: period.week.start)
        let health = evaluator.health(evaluations: now, weekStartStates: monday.map(\.state), asOf: asOf)
        // Removed accounts sort last: the board is the rows before them.
        let order = BoardOrder.sorted(now, in: programme, includeRemoved: true)
        let board = order.prefix { $0.tier != nil }
        let changes = evaluator.weekChanges(programme, asOf: asOf, order: order, before: monday)

        self.store = store
        self.period = period
        redFlagShare = evaluator.playbook.health.tier1EngagedRedFlag
        followUpTarget = evaluator.playbook.sla.followUpTarget
        self.health = health
        engagedShares = evaluator.engagedShareHistory(programme, asOf: asOf, health: health)
        decisions = TierDecisions.all(board: board, health: health, programme: programme)
        let tierMove = { (change: TierChange) in
            TierMove(account: AccountRef(change.account, in: programme), change: change)
        }
        promotions = changes.tierChanges.filter(\.promoted).map(tierMove)
        demotions = changes.tierChanges.filter { !$0.promoted }.map(tierMove)
        let stateMove = { (change: StateChange) in
            StateMove(
                account: AccountRef(change.account, in: programme), tier: change.tier, from: change.from,
                to: change.to)
        }
        rose = changes.rose.map(stateMove)
        fell = changes.fell.map(stateMove)
        breaches = Self.breaches(changes.breaches, in: programme)
    }

    /// The week's breaches (in board order) by owner, then due time.
    private static func breaches(_ breaches: [Breach], in programme: Programme) -> [BreachLine] {
        let lines = breaches.map { breach in
            BreachLine(
                account: AccountRef(breach.account, in: programme), tier: breach.tier, clock: breach.clock,
                isNew: breach.isNew)
        }
        // Stable: within an owner and a due time, board order stays.
        return lines.enumerated().sorted { a, b in
            let (x, y) = (a.element, b.element)
            if x.account.owner != y.account.owner { return ownerPrecedes(x.account.owner, y.account.owner) }
            if x.clock.dueAt != y.clock.dueAt { return x.clock.dueAt < y.clock.dueAt }
            return a.offset < b.offset
        }.map(\.element)
    }
}
