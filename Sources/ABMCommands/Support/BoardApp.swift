import ABMBoardUI
import ABMCore
import ABMStore
import ABMTerminal
import Foundation

/// The board in the terminal: reads keys, runs the board's update function, carries out its
/// effects on the store, polls the store for other people's changes, and draws.
struct BoardApp {
    let store: any ProgrammeStore
    let playbook: Playbook
    /// The fixed as-of (`--as-of`, the DEMO's); `nil`: now, moving with the clock.
    let fixedAsOf: Instant?
    let storeName: String
    let user: String
    /// Theme, columns and the problems met reading them (shown first in the status bar).
    let settings: BoardSettings

    /// How often the store is checked for changes by other processes.
    static let pollInterval: TimeInterval = 0.25
    /// How long rows changed by others stay highlighted.
    static let highlightTime: TimeInterval = 1.5

    /// Runs until the user quits or a termination signal arrives; the terminal is restored.
    func run() throws {
        var revision = try store.revision()
        var state = BoardState(data: try load(), user: user, width: 80, height: 24, live: true)
        state.columns = settings.columns
        if let problem = settings.statusMessage { state.showProblem(problem) }
        let terminal = Terminal(theme: settings.theme)
        defer { terminal.stop() }
        let size = terminal.size
        _ = state.handle(.resized(width: size.width, height: size.height))
        terminal.draw(ScreenView.render(state))
        var lastPoll = Date()
        var highlightedAt: Date?
        while !terminal.terminationRequested {
            var events: [BoardEvent] = []
            switch terminal.nextKey(timeout: 100) {
            case .key(let key): events.append(.keyPressed(key))
            case .resize:
                let size = terminal.size
                events.append(.resized(width: size.width, height: size.height))
            case .none: break
            }
            if Date().timeIntervalSince(lastPoll) >= BoardApp.pollInterval {
                lastPoll = Date()
                if let current = try? store.revision(), current != revision {
                    revision = current
                    let data = try load()
                    events.append(.storeReloaded(data, changed: BoardApp.changedAccounts(state.data, data)))
                    highlightedAt = Date()
                }
            }
            if let since = highlightedAt, Date().timeIntervalSince(since) >= BoardApp.highlightTime {
                highlightedAt = nil
                events.append(.ticked)
            }
            guard !events.isEmpty else { continue }
            for event in events {
                for effect in state.handle(event) {
                    switch effect {
                    case .quit: return
                    case .record(let event, let accountId):
                        let before = revision
                        do {
                            let recorded = try store.record(
                                event, account: accountId, by: user, stamp: fixedAsOf.map(RecordStamp.at) ?? .now)
                            if let current = try? store.revision(), current == before + 1 { revision = current }
                            _ = state.handle(.recorded(recorded.record, summary: RecordText.line(recorded)))
                        } catch {
                            _ = state.handle(.refused("\(error)"))
                        }
                    }
                }
            }
            terminal.draw(ScreenView.render(state))
        }
    }

    /// The programme evaluated as of the board's as-of.
    private func load() throws -> BoardData {
        BoardData(
            programme: try store.loadProgramme(), evaluator: Evaluator(playbook: playbook),
            asOf: fixedAsOf ?? SQLiteStore.systemClock(), storeName: storeName)
    }

    /// Accounts whose rows differ between two loads (by index, which is stable across loads
    /// of the same store).
    static func changedAccounts(_ old: BoardData, _ new: BoardData) -> Set<Int> {
        var changed: Set<Int> = []
        for index in new.rows.indices {
            guard index < old.rows.count else {
                changed.insert(index)
                continue
            }
            let a = old.rows[index]
            let b = new.rows[index]
            if a.tier != b.tier || a.state != b.state || a.engagementScore != b.engagementScore
                || a.decision != b.decision || a.lastTouch != b.lastTouch || a.sla.status != b.sla.status
            {
                changed.insert(index)
            }
        }
        return changed
    }
}
