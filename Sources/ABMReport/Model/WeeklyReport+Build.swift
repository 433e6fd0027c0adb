import ABMCore

extension WeeklyReport {
    /// Builds the report of `period` from the programme through the engine: one evaluation of
    /// every account as of as-of (with each state at the start of the week), tier health and
    /// the week's changes from it, and the engaged share at the sparkline's instants.
    public init(programme: Programme, evaluator: Evaluator, period: ReportPeriod, store: String) {
        let asOf = period.asOf
        let pass = evaluator.evaluateAll(programme, asOf: asOf, alsoStatesAt: period.week.start)
        let health = evaluator.health(evaluations: pass.evaluations, weekStartStates: pass.states, asOf: asOf)
        let changes = evaluator.weekChanges(programme, asOf: asOf, rows: pass.evaluations)
        let board = BoardOrder.sorted(pass.evaluations, in: programme)

        self.store = store
        self.period = period
        redFlagShare = evaluator.playbook.health.tier1EngagedRedFlag
        followUpTarget = evaluator.playbook.sla.followUpTarget
        self.health = health
        engagedShares = evaluator.engagedShareHistory(programme, asOf: asOf)
        decisions = Tier.allCases.map { tier in
            TierDecisions(
                tier: tier, counts: health[tier].decisions, rows: board.filter { $0.tier == tier },
                programme: programme)
        }
        let moves = changes.tierChanges.map { change in
            TierMove(
                account: AccountRef(change.account, in: programme), from: change.from, to: change.to,
                entries: change.entries)
        }
        promotions = zip(moves, changes.tierChanges).filter { $0.1.promoted }.map(\.0)
        demotions = zip(moves, changes.tierChanges).filter { !$0.1.promoted }.map(\.0)
        let stateMoves = { (list: [StateChange]) in
            list.map {
                StateMove(account: AccountRef($0.account, in: programme), tier: $0.tier, from: $0.from, to: $0.to)
            }
        }
        rose = stateMoves(changes.rose)
        fell = stateMoves(changes.fell)
        breaches = Self.breaches(board: board, changes: changes, programme: programme, evaluator: evaluator)
    }

    /// Every breached clock at as-of, each marked new when the week's changes list it.
    private static func breaches(
        board: [AccountEvaluation], changes: WeekChanges, programme: Programme, evaluator: Evaluator
    ) -> [BreachLine] {
        let new = Set(changes.newBreaches.map { NewKey(account: $0.account, openedAt: $0.clock.openedAt) })
        var lines: [BreachLine] = []
        for row in board where row.sla.tally.breached > 0 {
            guard let tier = row.tier else { continue }
            for clock in evaluator.clocks(account: row.account, in: programme, asOf: changes.to)
            where clock.status == .breached {
                lines.append(
                    BreachLine(
                        account: AccountRef(row.account, in: programme), tier: tier, clock: clock,
                        isNew: new.contains(NewKey(account: row.account, openedAt: clock.openedAt))))
            }
        }
        // Stable: within an owner and a due time, board order stays.
        return lines.enumerated().sorted { a, b in
            let (x, y) = (a.element, b.element)
            if x.account.owner != y.account.owner {
                guard let p = x.account.owner else { return false }
                guard let q = y.account.owner else { return true }
                return codePointPrecedes(p, q)
            }
            if x.clock.dueAt != y.clock.dueAt { return x.clock.dueAt < y.clock.dueAt }
            return a.offset < b.offset
        }.map(\.element)
    }

    private struct NewKey: Hashable {
        var account: Int
        var openedAt: Instant
    }
}
