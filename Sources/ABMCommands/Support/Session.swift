import ABMCore
import ABMStore

/// A programme loaded from a store with its playbook and as-of: what the reading commands
/// (board, explain, health) share.
struct Session {
    let store: any ProgrammeStore
    let programme: Programme
    let evaluator: Evaluator
    let asOf: Instant

    /// Opens the store the options name and loads everything.
    init(options: GlobalOptions, pinnedAsOf: Instant? = nil) throws {
        let playbook = try options.loadPlaybook()
        let asOf = try options.asOfInstant() ?? pinnedAsOf ?? SQLiteStore.systemClock()
        let store = try options.openStore()
        self.init(store: store, programme: try store.loadProgramme(), playbook: playbook, asOf: asOf)
    }

    /// A session over an open store.
    init(store: any ProgrammeStore, programme: Programme, playbook: Playbook, asOf: Instant) {
        self.store = store
        self.programme = programme
        evaluator = Evaluator(playbook: playbook)
        self.asOf = asOf
    }

    /// The account's index, or a failure naming the closest ids (exit 1).
    func accountIndex(_ id: String) throws -> Int {
        if let index = programme.index(ofAccount: id) { return index }
        throw StoreError.unknownAccount(
            id: id, suggestions: Suggestions.closest(to: id, among: programme.accounts.map(\.id)))
    }

    /// Every row, in board order.
    func board(includeRemoved: Bool) -> [AccountEvaluation] {
        BoardOrder.sorted(evaluator.evaluateAll(programme, asOf: asOf), in: programme, includeRemoved: includeRemoved)
    }

    /// Tier health.
    func health() -> HealthReport { evaluator.health(programme, asOf: asOf) }
}
