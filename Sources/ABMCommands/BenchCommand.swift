import ABMCore
import ABMSQLiteStore
import ArgumentParser

/// `abmboard bench`: measures the engine on a generated programme (build with `-c release`).
public struct BenchCommand: ParsableCommand {
    /// Name and help.
    public static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure the engine on a generated programme (run a release build).",
        discussion: """
            Generates a deterministic programme and reports resident memory a touch, the time to \
            evaluate every account, tier health, the score histories (medians of several runs) \
            and one account re-evaluated after a mark (median of many accounts).
            Example: swift run -c release abmboard bench --accounts 50000 --touches 5000000
            """)

    /// Accounts to generate.
    @Option(help: "Accounts in the generated programme.")
    public var accounts: Int = 50_000

    /// Touches to generate.
    @Option(help: "Touches in the generated programme.")
    public var touches: Int = 5_000_000

    /// Days of activity.
    @Option(help: "Days of activity, ending at the programme's as-of.")
    public var days: Int = 120

    /// Repetitions.
    @Option(name: .customLong("repeat"), help: "Repetitions of each whole-programme measurement.")
    public var repetitions: Int = 5

    /// Only one measurement, for profiling.
    @Option(help: "Run only one measurement (for profiling): evaluate, health or histories.")
    public var only: EngineBenchmark.Measurement?

    /// Measure the board on the store instead.
    @Flag(help: "Measure the terminal board on a copy of the store (--db) instead of the engine.")
    public var board = false

    /// Load the team store instead.
    @Flag(
        help:
            "Load the store (--db; it is written to: use a database made for it) with --clients writers for --seconds, then check its history."
    )
    public var team = false

    /// Writers for --team.
    @Option(help: "Writers for --team, each on its own connection.")
    public var clients: Int = 20

    /// How long --team writes.
    @Option(help: "Seconds --team writes for.")
    public var seconds: Double = 60

    /// The store and the board's as-of.
    @OptionGroup public var global: GlobalOptions

    /// Creates the command (argument-parser fills it in).
    public init() {}

    /// Checks the sizes.
    public func validate() throws {
        guard accounts >= 1 else { throw ValidationError("--accounts must be at least 1, found \(accounts)") }
        guard touches >= 0 else { throw ValidationError("--touches must be 0 or more, found \(touches)") }
        guard days >= 7 else { throw ValidationError("--days must be at least 7, found \(days)") }
        guard repetitions >= 1 else { throw ValidationError("--repeat must be at least 1, found \(repetitions)") }
        guard clients >= 2 else { throw ValidationError("--clients must be at least 2, found \(clients)") }
        guard seconds > 0 else { throw ValidationError("--seconds must be more than 0, found \(seconds)") }
    }

    /// Runs the benchmark and prints its figures.
    public func run() throws {
        if team {
            let target = global.storeTarget
            let benchmark = TeamBenchmark(
                open: {
                    switch target {
                    case .sqlite(let path): return try SQLiteStore(path: path, create: false)
                    case .postgres(let url): return try PostgresTarget.open(url: url)
                    }
                }, clients: clients, seconds: seconds)
            print(TeamBenchmark.format(try benchmark.run()))
            return
        }
        if board {
            let benchmark = BoardBenchmark(
                path: global.storePath, asOf: try global.asOfInstant(), marks: 200, renders: 50 * repetitions)
            print(BoardBenchmark.format(try benchmark.run()))
            return
        }
        var options = SampleOptions.benchmark(accounts: accounts, touches: touches)
        options.days = days
        var benchmark = EngineBenchmark(options: options, repetitions: repetitions)
        benchmark.only = only
        let report = benchmark.run()
        print(BenchCommand.format(report))
    }

    /// The report as the lines the closing note quotes.
    static func format(_ r: EngineBenchmark.Report) -> String {
        func ms(_ t: EngineBenchmark.Timing) -> String {
            "median \(fixed(t.median)) ms, min \(fixed(t.minimum)) ms"
        }
        func us(_ t: EngineBenchmark.Timing) -> String {
            "median \(fixed(t.median)) µs, p90 \(fixed(t.p90)) µs"
        }
        return """
            programme: \(r.accounts) accounts, \(r.touches) touches, \(r.intentRecords) intent records, \
            \(r.contacts) contacts, \(r.historyRecords) history records (generated in \(fixed(r.generateSeconds)) s)
            memory: \(fixed(r.residentBytesPerTouch)) bytes/touch resident growth, \
            \(fixed(r.footprintBytesPerTouch)) bytes/touch by array accounting \
            (\(r.breakdown.map { "\($0.part) \(fixed($0.bytesPerTouch))" }.joined(separator: ", ")))
            evaluate every account: \(ms(r.evaluateAll))
            tier health (from scratch): \(ms(r.health))
            score histories (8 points, all accounts): \(ms(r.scoreHistories))
            one account re-evaluated: \(us(r.singleAccount))
            mark checked + recorded + account re-evaluated: \(us(r.markAndEvaluate))
            """
    }
}

extension EngineBenchmark.Measurement: ExpressibleByArgument {}

/// `value` with two decimals.
func fixed(_ value: Double) -> String {
    let scaled = (value * 100).rounded() / 100
    let whole = Int(scaled)
    let fraction = Int((abs(scaled - Double(whole)) * 100).rounded())
    return "\(scaled < 0 && whole == 0 ? "-" : "")\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
}
