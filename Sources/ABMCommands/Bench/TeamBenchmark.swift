import ABMCore
import ABMStore
import Foundation

/// The team store under load (issue 17): `clients` connections, each marking, undoing, noting
/// and re-reading the board for `seconds`, the first half on the same few accounts, the rest on
/// accounts of their own; one more connection is an open board that follows by push and the
/// change feed and times how soon it sees each mark. Afterwards the history is checked: every
/// acknowledged record present once, nothing unacknowledged, and each account's new records
/// accepted again when replayed one by one under the rules, with the tiers the writers were told.
///
/// It writes to the store it is given: run it on a copy, or a database made for it.
struct TeamBenchmark {
    /// Opens a new connection to the store (one per client, and one for the observing board).
    let open: @Sendable () throws -> any ProgrammeStore
    /// Writers.
    let clients: Int
    /// How long they write.
    let seconds: Double
    /// Accounts the first half of the clients share.
    static let sharedAccounts = 10
    /// Accounts each of the other clients has to itself.
    static let ownAccounts = 10

    /// Latencies in milliseconds.
    typealias Samples = EngineBenchmark.Timing

    /// What the run measured and what the check found.
    struct Report: Sendable {
        var clients = 0
        var seconds = 0.0
        var marks = Samples()
        var notes = Samples()
        var undos = Samples()
        var refreshes = Samples()
        var loads = Samples()
        /// A mark made by a client, seen by the observing board (push, then the change feed).
        var seen = Samples()
        /// Writes the rules refused (an undo with nothing to undo, a note with no mark): not errors.
        var refusals = 0
        var errors: [String] = []
        var errorCount = 0
        /// Acknowledged records missing from the history.
        var lost = 0
        /// Records in the history more than once, or never acknowledged.
        var duplicated = 0
        /// New records the sequential replay refused, or whose tiers differ from the writer's.
        var replayMismatches = 0
        /// Acknowledged marks and notes the observing board never saw, or saw twice.
        var unseen = 0
        var seenTwice = 0
        var historyRecords = 0
    }

    /// One acknowledged write.
    private struct Acknowledged: Sendable {
        var account: String
        var event: HistoryEvent
        var tiers: (before: Tier?, after: Tier?)
    }

    /// What one client did.
    private struct ClientLog: Sendable {
        var marks: [Double] = []
        var notes: [Double] = []
        var undos: [Double] = []
        var refreshes: [Double] = []
        var loads: [Double] = []
        var acknowledged: [Acknowledged] = []
        var refusals = 0
        var errors: [String] = []
        var errorCount = 0
    }

    /// Runs the clients, then checks the history.
    func run() throws -> Report {
        let setup = try open()
        let programme = try setup.loadProgramme()
        let by = try setup.member()?.person ?? "bench"
        let needed = Self.sharedAccounts + (clients - clients / 2) * Self.ownAccounts
        let candidates = programme.accounts.indices.filter {
            MarkReplay(
                records: programme.history(of: $0), importedTier: programme.accounts[$0].importedTier,
                asOf: Instant(seconds: .max)
            )
            .tier != nil
        }
        guard candidates.count >= needed else {
            throw CommandFailure(
                "the store has \(candidates.count) accounts in the programme; \(clients) clients need \(needed): import a bigger sample",
                status: 1)
        }
        let ids = candidates.map { programme.accounts[$0].id }
        let run = UUID().uuidString.prefix(8)
        let observer = Observer()
        let board = try open()
        let startRevision = try board.revision()
        let follow = Thread { observer.follow(board, from: startRevision) }
        follow.start()
        let watch = board.watch { _ in observer.wake() }

        let clock = ContinuousClock()
        let deadline = clock.now + .milliseconds(Int(seconds * 1000))
        let logs = Locked<[ClientLog]>([])
        let group = DispatchGroup()
        for client in 0..<clients {
            let accounts =
                client < clients / 2
                ? Array(ids.prefix(Self.sharedAccounts))
                : Array(
                    ids.dropFirst(Self.sharedAccounts + (client - clients / 2) * Self.ownAccounts).prefix(
                        Self.ownAccounts))
            let store = try open()
            group.enter()
            let thread = Thread {
                let log = Self.write(
                    store, client: client, tag: "bench \(run) c\(client)", accounts: accounts, by: by,
                    until: deadline, observer: observer)
                logs.update { $0.append(log) }
                group.leave()
            }
            thread.stackSize = 1 << 22
            thread.start()
        }
        group.wait()
        let finalRevision = try setup.revision()
        observer.finish(at: finalRevision)
        watch?.stop()

        var report = Report()
        report.clients = clients
        report.seconds = seconds
        let all = logs.value
        report.marks = Samples(samples: all.flatMap(\.marks).sorted())
        report.notes = Samples(samples: all.flatMap(\.notes).sorted())
        report.undos = Samples(samples: all.flatMap(\.undos).sorted())
        report.refreshes = Samples(samples: all.flatMap(\.refreshes).sorted())
        report.loads = Samples(samples: all.flatMap(\.loads).sorted())
        let seen = observer.results
        report.seen = Samples(samples: seen.latencies.sorted())
        report.refusals = all.reduce(0) { $0 + $1.refusals }
        report.errorCount = all.reduce(0) { $0 + $1.errorCount }
        report.errors = Array(all.flatMap(\.errors).prefix(5))
        try check(all.flatMap(\.acknowledged), in: setup, before: programme, into: &report)
        let sentTags = Set(all.flatMap(\.acknowledged).compactMap { Self.tag(of: $0.event) })
        report.unseen = sentTags.filter { seen.tags[$0] == nil }.count
        report.seenTwice = seen.tags.values.filter { $0 > 1 }.count
        return report
    }

    /// One client's loop: a mark, a note, an undo or a board refresh, at random, until `deadline`.
    private static func write(
        _ store: any ProgrammeStore, client: Int, tag: String, accounts: [String], by: String,
        until deadline: ContinuousClock.Instant, observer: Observer
    ) -> ClientLog {
        var log = ClientLog()
        var generator = SystemRandomNumberGenerator()
        var revision = (try? store.revision()) ?? 0
        var count = 0
        let clock = ContinuousClock()
        func failed(_ error: StoreError) {
            if case .refused = error {
                log.refusals += 1
            } else {
                log.errorCount += 1
                if log.errors.count < 3 { log.errors.append("client \(client): \(error)") }
            }
        }
        while clock.now < deadline {
            count += 1
            let account = accounts[Int.random(in: 0..<accounts.count, using: &generator)]
            let roll = Int.random(in: 0..<100, using: &generator)
            if roll < 45 {
                let event: HistoryEvent
                let label = "\(tag)-\(count)"
                switch roll {
                case 0..<25: event = .mark(Bool.random(using: &generator) ? .work : .hold, note: label)
                case 25..<35: event = .note(label)
                default: event = .undo
                }
                if case .undo = event {} else { observer.sent(label) }
                let start = clock.now
                do {
                    let recorded = try store.record(event, account: account, by: by, stamp: .now)
                    let took = millis(clock.now - start)
                    switch event {
                    case .mark: log.marks.append(took)
                    case .note: log.notes.append(took)
                    default: log.undos.append(took)
                    }
                    log.acknowledged.append(
                        Acknowledged(
                            account: account, event: event, tiers: (recorded.tierBefore, recorded.tierAfter)))
                } catch {
                    failed(error)
                }
            } else if roll < 95 {
                let start = clock.now
                do {
                    if let changes = try store.changes(since: revision) {
                        revision = changes.revision
                    } else {
                        revision = try store.revision()
                    }
                    log.refreshes.append(millis(clock.now - start))
                } catch {
                    failed(error)
                }
            } else {
                let start = clock.now
                do {
                    _ = try store.loadProgramme()
                    revision = try store.revision()
                    log.loads.append(millis(clock.now - start))
                } catch {
                    failed(error)
                }
            }
        }
        return log
    }

    /// Checks the history after the run against what the writers were told.
    private func check(
        _ acknowledged: [Acknowledged], in store: any ProgrammeStore, before: Programme, into report: inout Report
    ) throws {
        let after = try store.loadProgramme()
        var oldCounts: [String: Int] = [:]
        for index in before.accounts.indices {
            oldCounts[before.accounts[index].id] = before.history(of: index).count
        }
        var expected: [String: [Acknowledged]] = [:]
        for write in acknowledged { expected[write.account, default: []].append(write) }
        for index in after.accounts.indices {
            let account = after.accounts[index]
            let history = after.history(of: index)
            let old = oldCounts[account.id] ?? 0
            let added = Array(history.dropFirst(old))
            report.historyRecords += added.count
            let mine = expected[account.id] ?? []
            // Marks and notes carry unique labels: each acknowledged one once, nothing else.
            var labels: [String: Int] = [:]
            for record in added {
                if let label = Self.tag(of: record.event) { labels[label, default: 0] += 1 }
            }
            for write in mine {
                guard let label = Self.tag(of: write.event) else { continue }
                if labels[label] == nil { report.lost += 1 }
            }
            let sent = Set(mine.compactMap { Self.tag(of: $0.event) })
            for (label, count) in labels {
                if !sent.contains(label) { report.duplicated += count } else { report.duplicated += count - 1 }
            }
            // Undos carry nothing: their number must match.
            let undosAdded = added.filter { if case .undo = $0.event { true } else { false } }.count
            let undosAcknowledged = mine.filter { if case .undo = $0.event { true } else { false } }.count
            report.lost += max(0, undosAcknowledged - undosAdded)
            report.duplicated += max(0, undosAdded - undosAcknowledged)
            // The sequential replay: each new record accepted after the ones before it, with the
            // tiers its writer was told (a labelled write by its label, an undo by any undo's).
            var toldLabelled: [String: (before: Tier?, after: Tier?)] = [:]
            var toldUndos: [(before: Tier?, after: Tier?)] = []
            for write in mine {
                if let label = Self.tag(of: write.event) {
                    toldLabelled[label] = write.tiers
                } else {
                    toldUndos.append(write.tiers)
                }
            }
            var replayed = Array(history.prefix(old))
            for record in added {
                do {
                    let tiers = try MarkRules.check(
                        record.event, at: record.at, account: account.id, history: replayed,
                        importedTier: account.importedTier)
                    if let label = Self.tag(of: record.event) {
                        if let told = toldLabelled[label], told != tiers { report.replayMismatches += 1 }
                    } else if case .undo = record.event {
                        if let match = toldUndos.firstIndex(where: { $0 == tiers }) {
                            toldUndos.remove(at: match)
                        } else {
                            report.replayMismatches += 1
                        }
                    }
                } catch {
                    report.replayMismatches += 1
                }
                replayed.append(record)
            }
        }
    }

    /// The label of a mark or note the benchmark made.
    fileprivate static func tag(of event: HistoryEvent) -> String? {
        switch event {
        case .mark(_, let note): return note?.hasPrefix("bench ") == true ? note : nil
        case .note(let text): return text.hasPrefix("bench ") ? text : nil
        default: return nil
        }
    }

    /// The report as the lines the closing note quotes.
    static func format(_ r: Report) -> String {
        func line(_ name: String, _ s: Samples) -> String {
            "\(name): \(s.samples.count) × p50 \(fixed(s.median)) ms, p99 \(fixed(s.p99)) ms, max \(fixed(s.maximum)) ms"
        }
        let writes = r.marks.samples.count + r.notes.samples.count + r.undos.samples.count
        return """
            \(r.clients) clients for \(fixed(r.seconds)) s (half on the same \(sharedAccounts) accounts): \
            \(writes) writes acknowledged (\(fixed(Double(writes) / r.seconds)) a second), \(r.refusals) refused by the rules, \
            \(r.refreshes.samples.count + r.loads.samples.count) board reads
            \(line("mark", r.marks))
            \(line("note", r.notes))
            \(line("undo", r.undos))
            \(line("board refresh (change feed)", r.refreshes))
            \(line("board load (whole programme)", r.loads))
            \(line("mark seen on another open board", r.seen))
            errors: \(r.errorCount)\(r.errors.isEmpty ? "" : " (" + r.errors.joined(separator: "; ") + ")")
            history: \(r.historyRecords) new records; lost \(r.lost), duplicated \(r.duplicated), \
            sequential replay mismatches \(r.replayMismatches); \
            on the open board: unseen \(r.unseen), applied twice \(r.seenTwice)
            """
    }
}

/// The open board of the benchmark: follows the store by push (and a 250 ms poll, as the board
/// does) through the change feed, and times each labelled record from its write's start.
private final class Observer: @unchecked Sendable {
    private let condition = NSCondition()
    private var woken = false
    private var done: Int64?
    private var finished = false
    private var started: [String: ContinuousClock.Instant] = [:]
    private var latencies: [Double] = []
    private var seenTags: [String: Int] = [:]
    private let clock = ContinuousClock()

    /// How soon each labelled record was seen, and how often each label was seen.
    var results: (latencies: [Double], tags: [String: Int]) {
        condition.lock()
        defer { condition.unlock() }
        return (latencies, seenTags)
    }

    /// A write labelled `label` starts now.
    func sent(_ label: String) {
        condition.lock()
        started[label] = clock.now
        condition.unlock()
    }

    /// The push arrived.
    func wake() {
        condition.lock()
        woken = true
        condition.broadcast()
        condition.unlock()
    }

    /// Follows until `finish` and the revision it names.
    func follow(_ store: any ProgrammeStore, from start: Int64) {
        var revision = start
        while true {
            condition.lock()
            if !woken { _ = condition.wait(until: Date().addingTimeInterval(0.25)) }
            woken = false
            let target = done
            condition.unlock()
            if let changes = try? store.changes(since: revision) {
                revision = changes.revision
                let now = clock.now
                condition.lock()
                for record in changes.records {
                    guard let label = TeamBenchmark.tag(of: record.event), let began = started[label] else { continue }
                    seenTags[label, default: 0] += 1
                    if seenTags[label] == 1 { latencies.append(millis(now - began)) }
                }
                condition.unlock()
            }
            if let target, revision >= target { break }
        }
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    /// Asks the follower to stop once it has reached `revision` (waits at most 10 s).
    func finish(at revision: Int64) {
        condition.lock()
        done = revision
        woken = true
        condition.broadcast()
        let limit = Date().addingTimeInterval(10)
        while !finished && Date() < limit { _ = condition.wait(until: limit) }
        condition.unlock()
    }
}

/// A value behind a lock.
private final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value

    init(_ value: Value) { stored = value }

    /// The value now.
    var value: Value { lock.withLock { stored } }

    /// Changes the value.
    func update(_ change: (inout Value) -> Void) { lock.withLock { change(&stored) } }
}
