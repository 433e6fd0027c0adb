/// Engagement scores at the sparkline's eight instants: the end (Sunday 23:59:59 UTC) of each
/// of the seven review weeks before the current one, then as-of (SPEC §6, §7.6).
public struct ScoreHistories: Sendable {
    /// The eight instants, oldest first.
    public let instants: [Instant]
    /// Scores, `instants.count` per account, in account-index order.
    private let values: [UInt8]

    /// The eight scores of account `index`, oldest first.
    public subscript(index: Int) -> [Int] {
        let n = instants.count
        return values[(index * n)..<(index * n + n)].map(Int.init)
    }

    /// The instants of the sparkline for `asOf`.
    public static func instants(asOf: Instant) -> [Instant] {
        let current = ReviewWeek(containing: asOf)
        return (1...7).reversed().map { current.offset(by: -$0).lastSecond } + [asOf]
    }

    init(instants: [Instant], values: [UInt8]) {
        self.instants = instants
        self.values = values
    }
}

extension Evaluator {
    /// The sparkline scores of account `index` as of `asOf`, oldest first.
    public func scoreHistory(account index: Int, in programme: Programme, asOf: Instant) -> [Int] {
        var scratch = EvaluationScratch()
        return ScoreHistories.instants(asOf: asOf).map { instant in
            engine(programme, asOf: instant).scoreValue(index, in: programme, scratch: &scratch)
        }
    }

    /// The sparkline scores of every account as of `asOf`.
    public func scoreHistories(_ programme: Programme, asOf: Instant) -> ScoreHistories {
        let instants = ScoreHistories.instants(asOf: asOf)
        let engines = instants.map { engine(programme, asOf: $0) }
        var scratch = EvaluationScratch()
        var values = [UInt8](repeating: 0, count: programme.accountCount * instants.count)
        for index in 0..<programme.accountCount {
            for (point, engine) in engines.enumerated() {
                values[index * instants.count + point] = UInt8(
                    engine.scoreValue(index, in: programme, scratch: &scratch))
            }
        }
        return ScoreHistories(instants: instants, values: values)
    }
}
