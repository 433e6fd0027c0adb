import ABMBoardUI
import ABMCore
import ABMImport
import ABMStore
import ABMTerminal
import Foundation

/// The board in the terminal: reads keys, runs the board's update function, carries out its
/// effects on the store, follows other people's changes, and draws.
struct BoardApp {
    let store: any ProgrammeStore
    let playbook: Playbook
    /// The fixed as-of (`--as-of`, the DEMO's); `nil`: now, moving with the clock.
    let fixedAsOf: Instant?
    let storeName: String
    let user: String
    /// Theme, columns and the problems met reading them (shown first in the status bar).
    let settings: BoardSettings
    /// The saved view to open on (`--view`; checked to exist before the board starts).
    var view: String? = nil

    /// How often the store is checked for changes by other processes.
    static let pollInterval: TimeInterval = 0.25
    /// How long rows changed by others stay highlighted.
    static let highlightTime: TimeInterval = 1.5

    /// Runs until the user quits or a termination signal arrives; the terminal is restored.
    func run() throws {
        var follower: StoreFollower
        var state: BoardState
        do {
            // Scoped, so that the state holds the only reference to the data (a second one
            // would make the first change copy it all).
            let started = try StoreFollower.start(store: store, load: load)
            follower = started.0
            state = BoardState(
                data: started.1, user: user, width: 80, height: 24, live: true, columns: settings.columns,
                views: settings.views)
        }
        if let view { _ = state.update(.startedOnView(view)) }
        if let problem = settings.statusMessage { _ = state.update(.settingsProblem(problem)) }
        let terminal = Terminal(theme: settings.theme)
        defer { terminal.stop() }
        let size = terminal.size
        _ = state.update(.resized(width: size.width, height: size.height))
        terminal.draw(ScreenView.render(state))
        var lastPoll = Date()
        var highlightedAt: Date?
        // A store with push (PostgreSQL) wakes the poll at once; polling stays the fallback.
        let signals = SignalInbox()
        let watch = store.watch { signals.post($0) }
        defer { watch?.stop() }
        while !terminal.terminationRequested {
            var events: [BoardEvent] = []
            switch terminal.nextKey(timeout: 100) {
            case .key(let key): events.append(.keyPressed(key))
            case .mouse(let mouse): events.append(.mouse(mouse))
            case .resize:
                let size = terminal.size
                events.append(.resized(width: size.width, height: size.height))
            case .none: break
            case .hangup: return
            }
            var pushed = false
            for signal in signals.take() {
                switch signal {
                case .changed: pushed = true
                case .reconnecting: events.append(.connectionLost)
                case .reconnected:
                    pushed = true
                    events.append(.reconnected)
                }
            }
            if pushed || Date().timeIntervalSince(lastPoll) >= BoardApp.pollInterval {
                lastPoll = Date()
                if let event = try follower.poll(current: state.data) {
                    events.append(event)
                    highlightedAt = Date()
                }
                if fixedAsOf == nil {
                    let now = SystemClock.now()
                    if now.seconds / 60 != state.present.seconds / 60 { events.append(.clockMoved(now)) }
                }
            }
            if let since = highlightedAt, Date().timeIntervalSince(since) >= BoardApp.highlightTime {
                highlightedAt = nil
                events.append(.highlightExpired)
            }
            guard !events.isEmpty else { continue }
            for event in events {
                for effect in state.update(event) {
                    switch perform(effect, state: state, terminal: terminal, follower: &follower) {
                    case .quit: return
                    case .report(let outcome): _ = state.update(outcome)
                    case .done: break
                    }
                }
            }
            terminal.draw(ScreenView.render(state))
        }
    }

    /// What carrying out an effect comes to.
    private enum Outcome {
        /// Leave the board.
        case quit
        /// Tell the board what happened.
        case report(BoardEvent)
        /// Nothing to tell.
        case done
    }

    /// Carries out an effect of `state`'s on the store, the terminal or the files.
    private func perform(
        _ effect: BoardEffect, state: BoardState, terminal: Terminal, follower: inout StoreFollower
    ) -> Outcome {
        let stamp = fixedAsOf.map(RecordStamp.at) ?? .now
        switch effect {
        case .quit: return .quit
        case .copy(let text):
            terminal.copyToClipboard(text)
            return .done
        case .useTheme(let name): return .report(BoardApp.theme(name, on: terminal))
        case .exportBoard(let path): return .report(BoardApp.export(state, to: path))
        case .saveView(let name, let view):
            do {
                let path = try ViewFile.save(view, name: name, environment: ProcessInfo.processInfo.environment)
                return .report(.viewSaved(name: name, view: view, path: path))
            } catch {
                return .report(.viewNotSaved(error.message))
            }
        case .record(let event, let accountId):
            do {
                let recorded = try follower.writing {
                    try store.record(event, account: accountId, by: user, stamp: stamp)
                }
                return .report(.recorded(recorded))
            } catch {
                return .report(.writeFailed(StoreErrorText.line(error)))
            }
        case .logTouch(let request):
            do {
                let touch = try follower.writing {
                    try store.logTouch(
                        NewTouch(
                            accountId: request.accountId, channel: request.channel, direction: request.direction,
                            contactId: request.contactId, by: user, topic: request.topic, note: request.note),
                        stamp: stamp)
                }
                return .report(
                    .touchLogged(touch))
            } catch {
                return .report(.writeFailed(StoreErrorText.line(error)))
            }
        }
    }

    /// Switches `terminal` to the theme `name` names (as `--theme` finds it); the event that
    /// reports it (a broken or unknown theme is refused, and the theme stays as it was).
    static func theme(_ name: String, on terminal: Terminal) -> BoardEvent {
        let environment = ProcessInfo.processInfo.environment
        if let noColour = environment["NO_COLOR"], !noColour.isEmpty {
            return .noColourSet
        }
        let found = ThemeLookup.load(
            name, directory: SettingsPaths.directory(environment: environment), read: BoardSettings.readText)
        if let problem = found.problems.first { return .themeProblem(problem) }
        terminal.use(found.theme)
        return .themeChanged(name)
    }

    /// Writes the board as `state` shows it to `path` (JSON for a `.json` name, CSV otherwise),
    /// with the columns and header of `abmboard export board`; the event that reports it.
    static func export(_ state: BoardState, to path: String) -> BoardEvent {
        let rows = state.order.map { state.data.rows[$0] }
        let bytes = ExportBoardCommand.bytes(
            rows, programme: state.data.programme, asOf: state.data.asOf, columns: BoardColumn.defaults,
            format: path.lowercased().hasSuffix(".json") ? .json : .csv, guardFormulas: false)
        do {
            try ExportDestination(path: path).deliver(bytes)
            return .exported(path: path, accounts: rows.count)
        } catch {
            return .exportFailed("\(error)")
        }
    }

    /// The programme evaluated as of `asOf`, else the board's own as-of (fixed, or now).
    private func load(asOf: Instant?) throws -> BoardData {
        BoardData(
            programme: try store.loadProgramme(), evaluator: Evaluator(playbook: playbook),
            asOf: asOf ?? fixedAsOf ?? SystemClock.now(), storeName: storeName)
    }
}

/// Signals from a store's push, handed from its listening task to the board's loop.
final class SignalInbox: @unchecked Sendable {
    private let lock = NSLock()
    private var signals: [StoreSignal] = []

    /// Adds a signal.
    func post(_ signal: StoreSignal) {
        lock.withLock { signals.append(signal) }
    }

    /// The signals since the last call.
    func take() -> [StoreSignal] {
        lock.withLock {
            defer { signals.removeAll() }
            return signals
        }
    }
}
