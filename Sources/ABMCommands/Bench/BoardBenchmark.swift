import ABMBoardUI
import ABMCore
import ABMSQLiteStore
import ABMStore
import Foundation

/// The board's benchmark on a real store (issue 9's figures): the first full screen (load,
/// evaluate, lay out, render), a key press that marks an account (the reducer, the store's
/// write, the recomputation and the redraw), a full-frame render at 200×60, and how many
/// cells a redraw after a mark sends. It works on a copy of the store, so the marks it makes
/// are thrown away.
struct BoardBenchmark {
    /// The store measured.
    let path: String
    /// The board's as-of (`nil`: now).
    let asOf: Instant?
    /// Marks to time.
    let marks: Int
    /// Renders to time.
    let renders: Int

    /// The figures.
    struct Report {
        var accounts = 0
        var touches = 0
        var load = 0.0
        var evaluate = 0.0
        var firstRender = 0.0
        var render: EngineBenchmark.Timing = .init()
        var markBoardOrder: EngineBenchmark.Timing = .init()
        var markWrite: EngineBenchmark.Timing = .init()
        var markSortedByDecision: EngineBenchmark.Timing = .init()
        var cellsSent: EngineBenchmark.Timing = .init()
        var weekBack: EngineBenchmark.Timing = .init()
        var weekForward: EngineBenchmark.Timing = .init()
        var searchKey: EngineBenchmark.Timing = .init()
        var sortAccount: EngineBenchmark.Timing = .init()
        var sortOthers: EngineBenchmark.Timing = .init()
        var cardOpen: EngineBenchmark.Timing = .init()
        var cardTouches = 0
        var cardAccount = ""
        var screenCells = 0

        /// Load, evaluation and the first render, in milliseconds.
        var firstScreen: Double { load + evaluate + firstRender }
    }

    /// Runs the measurements.
    func run() throws -> Report {
        guard FileManager.default.fileExists(atPath: path) else { throw StoreError.noStore(location: path) }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("abmboard-bench-\(getpid())")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let copy = scratch.appendingPathComponent("board.sqlite").path
        for suffix in ["", "-wal"] where FileManager.default.fileExists(atPath: path + suffix) {
            try FileManager.default.copyItem(atPath: path + suffix, toPath: copy + suffix)
        }
        // The copy is still dirty in the page cache: flush it now, or the first write's fsync
        // would write the whole file and be timed as a slow mark.
        sync()
        let store = try SQLiteStore(path: copy, create: false)
        let clock = ContinuousClock()
        var report = Report()

        var programme = Programme()
        report.load = millis(clock.measure { programme = (try? store.loadProgramme()) ?? Programme() })
        report.accounts = programme.accountCount
        report.touches = programme.touchCount
        let instant = asOf ?? SystemClock.now()
        var state: BoardState?
        report.evaluate = millis(
            clock.measure {
                let data = BoardData(
                    programme: programme, evaluator: Evaluator(), asOf: instant, storeName: "bench")
                state = BoardState(data: data, user: "bench", width: 200, height: 60, live: true)
            })
        programme = Programme()  // the state holds the only reference now
        guard var board = state else { return report }
        state = nil
        var screen = ScreenBuffer(width: 0, height: 0)
        report.firstRender = millis(clock.measure { screen = ScreenView.render(board) })
        report.screenCells = 200 * 60

        var renderTimes: [Double] = []
        for _ in 0..<renders { renderTimes.append(millis(clock.measure { screen = ScreenView.render(board) })) }
        report.render = EngineBenchmark.Timing(samples: renderTimes.sorted())

        let stamp = RecordStamp.at(instant)
        func markRound(_ count: Int) -> (total: [Double], write: [Double], cells: [Double]) {
            var total: [Double] = []
            var write: [Double] = []
            var cells: [Double] = []
            for round in 0..<count {
                _ = board.update(.keyPressed(.pageDown))
                screen = ScreenView.render(board)
                var written = 0.0
                var sent = 0
                let key: Character = round % 2 == 0 ? "w" : "h"
                let elapsed = clock.measure {
                    for effect in board.update(.keyPressed(.character(key))) {
                        guard case .record(let event, let id) = effect else { continue }
                        let start = clock.now
                        let outcome = Result { try store.record(event, account: id, by: "bench", stamp: stamp) }
                        written = millis(clock.now - start)
                        switch outcome {
                        case .success(let recorded):
                            _ = board.update(.recorded(recorded))
                        case .failure(let error): _ = board.update(.writeFailed("\(error)"))
                        }
                    }
                    let next = ScreenView.render(board)
                    sent = next.changes(since: screen).count
                    screen = next
                }
                total.append(millis(elapsed))
                write.append(written)
                cells.append(Double(sent))
            }
            return (total.sorted(), write.sorted(), cells.sorted())
        }
        let plain = markRound(marks)
        report.markBoardOrder = EngineBenchmark.Timing(samples: plain.total)
        report.markWrite = EngineBenchmark.Timing(samples: plain.write)
        report.cellsSent = EngineBenchmark.Timing(samples: plain.cells)
        // Sorted by decision, a mark moves its row: the repositioning is measured too.
        for key in [Key.character("s"), .character("G"), .enter] { _ = board.update(.keyPressed(key)) }
        report.markSortedByDecision = EngineBenchmark.Timing(samples: markRound(marks).total)

        // `[` and `]`: the whole board evaluated as of another week's end, sorted and redrawn.
        for key in [Key.character("s"), .character("g"), .enter] { _ = board.update(.keyPressed(key)) }
        var back: [Double] = []
        var forward: [Double] = []
        for _ in 0..<3 {
            back.append(
                millis(
                    clock.measure {
                        _ = board.update(.keyPressed(.character("[")))
                        screen = ScreenView.render(board)
                    }))
            forward.append(
                millis(
                    clock.measure {
                        _ = board.update(.keyPressed(.character("]")))
                        screen = ScreenView.render(board)
                    }))
        }
        report.weekBack = EngineBenchmark.Timing(samples: back.sorted())
        report.weekForward = EngineBenchmark.Timing(samples: forward.sorted())

        // `/`: each key typed into the search (and each backspace) narrows the board and redraws.
        var search: [Double] = []
        for _ in 0..<3 {
            _ = board.update(.keyPressed(.character("/")))
            let keys =
                "group".map { Key.character($0) } + [Key](repeating: .backspace, count: 5)
                + "!a-0".map { Key.character($0) }
            for key in keys {
                search.append(
                    millis(
                        clock.measure {
                            _ = board.update(.keyPressed(key))
                            screen = ScreenView.render(board)
                        }))
            }
            _ = board.update(.keyPressed(.escape))
            _ = board.update(.keyPressed(.escape))
        }
        report.searchKey = EngineBenchmark.Timing(samples: search.sorted())
        // `s`: choosing a column sorts the whole board and redraws (Enter in the sort menu).
        func sortTime(_ column: BoardSort.Column) -> Double {
            _ = board.update(.keyPressed(.character("s")))
            _ = board.update(.keyPressed(.character("g")))
            for _ in 0..<(BoardSort.Column.allCases.firstIndex(of: column) ?? 0) {
                _ = board.update(.keyPressed(.character("j")))
            }
            return millis(
                clock.measure {
                    _ = board.update(.keyPressed(.enter))
                    screen = ScreenView.render(board)
                })
        }
        var byAccount: [Double] = []
        var byOthers: [Double] = []
        for _ in 0..<3 {
            byAccount.append(sortTime(.account))
            for column in BoardSort.Column.allCases where column != .account { byOthers.append(sortTime(column)) }
        }
        report.sortAccount = EngineBenchmark.Timing(samples: byAccount.sorted())
        report.sortOthers = EngineBenchmark.Timing(samples: byOthers.sorted())

        // Enter: the card of the account with the most touches (built, laid out, drawn).
        let cardProgramme = board.data.programme
        let busiest = board.data.rows.indices.filter { board.data.rows[$0].tier != nil }
            .max { cardProgramme.touchCount(of: $0) < cardProgramme.touchCount(of: $1) }
        if let busiest {
            let id = cardProgramme.accounts[busiest].id
            report.cardAccount = id
            report.cardTouches = cardProgramme.touchCount(of: busiest)
            _ = board.update(.keyPressed(.character("/")))
            for character in id { _ = board.update(.keyPressed(.character(character))) }
            _ = board.update(.keyPressed(.enter))
            var open: [Double] = []
            for _ in 0..<20 {
                open.append(
                    millis(
                        clock.measure {
                            _ = board.update(.keyPressed(.enter))
                            screen = ScreenView.render(board)
                        }))
                _ = board.update(.keyPressed(.escape))
            }
            report.cardOpen = EngineBenchmark.Timing(samples: open.sorted())
        }
        return report
    }

    /// The report as lines for the closing note.
    static func format(_ r: Report) -> String {
        func ms(_ t: EngineBenchmark.Timing) -> String {
            "median \(fixed(t.median)) ms, p90 \(fixed(t.p90)) ms, max \(fixed(t.samples.last ?? 0)) ms"
        }
        return """
            store: \(r.accounts) accounts, \(r.touches) touches
            first full screen (200×60): \(fixed(r.firstScreen)) ms = load \(fixed(r.load)) + evaluate and \
            lay out \(fixed(r.evaluate)) + render \(fixed(r.firstRender))
            full-frame render 200×60 into the buffer: \(ms(r.render))
            mark key press → store write → recompute → redraw (board order): \(ms(r.markBoardOrder))
              of which the store's write: \(ms(r.markWrite))
            the same, sorted by decision (the row moves): \(ms(r.markSortedByDecision))
            cells sent by the redraw after a mark: median \(Int(r.cellsSent.median)), max \
            \(Int(r.cellsSent.samples.last ?? 0)) of \(r.screenCells)
            [ (the board one week back, evaluated, sorted, redrawn): \(ms(r.weekBack))
            ] (back to the present): \(ms(r.weekForward))
            / a search keystroke (group, backspaces, !a-0), filtered, sorted, redrawn: \(ms(r.searchKey))
            s sort by account, sorted and redrawn: \(ms(r.sortAccount))
            s sort by each other column: \(ms(r.sortOthers))
            Enter: the card of \(r.cardAccount) (\(r.cardTouches) touches), built and drawn: \(ms(r.cardOpen))
            """
    }
}
