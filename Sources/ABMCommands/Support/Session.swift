import ABMCore
import ABMStore
import Foundation

/// A programme loaded from a store with its playbook and as-of: what the reading commands
/// (board, explain, health) share.
struct Session {
    let store: any ProgrammeStore
    let programme: Programme
    let evaluator: Evaluator
    let asOf: Instant

    /// Opens the store the options name and loads everything.
    init(options: GlobalOptions) throws {
        let playbook = try options.loadPlaybook()
        let asOf = try options.asOfInstant() ?? SystemClock.now()
        PhaseTimer.mark("start")
        let store = try options.openStore()
        PhaseTimer.mark("open")
        let programme = try store.loadProgramme(phases: PhaseTimer.mark)
        PhaseTimer.mark("load")
        self.init(store: store, programme: programme, playbook: playbook, asOf: asOf)
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
        let rows = evaluator.evaluateAll(programme, asOf: asOf)
        PhaseTimer.mark("evaluate")
        defer { PhaseTimer.mark("sort") }
        return BoardOrder.sorted(rows, in: programme, includeRemoved: includeRemoved)
    }

    /// Tier health.
    func health() -> HealthReport { evaluator.health(programme, asOf: asOf) }

    /// The board (removed accounts left out) and tier health from one evaluation of every
    /// account (what bare `abmboard` prints needs both).
    func boardAndHealth() -> (board: [AccountEvaluation], health: HealthReport) {
        let pass = evaluator.evaluateAll(programme, asOf: asOf, alsoStatesAt: ReviewWeek(containing: asOf).start)
        return (
            BoardOrder.sorted(pass.evaluations, in: programme),
            evaluator.health(evaluations: pass.evaluations, weekStartStates: pass.states, asOf: asOf)
        )
    }
}

/// Phase timings on standard error when `ABMBOARD_PROFILE` is set (for measuring start-up).
enum PhaseTimer {
    private static let enabled = ProcessInfo.processInfo.environment["ABMBOARD_PROFILE"] != nil

    /// Prints the seconds since the process started, with the phase that just ended.
    static func mark(_ phase: String) {
        guard enabled else { return }
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let uptime = ProcessInfo.processInfo.systemUptime
        writeError(String(format: "%@ at %.3f s (cpu %.3f s)", phase, uptime - processStart, cpu(usage)))
    }

    private static func cpu(_ usage: rusage) -> Double {
        Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6 + Double(usage.ru_stime.tv_sec)
            + Double(usage.ru_stime.tv_usec) / 1e6
    }

    /// When the process started, from /proc/self/stat (falls back to the first call).
    private static let processStart: Double = {
        guard let stat = try? String(contentsOfFile: "/proc/self/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return ProcessInfo.processInfo.systemUptime }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 19, let ticks = Double(fields[19]) else { return ProcessInfo.processInfo.systemUptime }
        return ticks / Double(sysconf(Int32(_SC_CLK_TCK)))
    }()
}
