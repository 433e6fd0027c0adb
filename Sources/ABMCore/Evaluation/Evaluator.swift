/// The engine's front door: evaluates a programme under a playbook as of any instant.
///
/// ```swift
/// let evaluator = Evaluator(playbook: Playbook())
/// let rows = evaluator.evaluateAll(programme, asOf: now)        // every account
/// let row = evaluator.evaluate(account: 17, in: programme, asOf: now)
/// let why = evaluator.explain(account: 17, in: programme, asOf: now)
/// ```
/// Pure: no I/O, no clock; the same inputs give the same answers.
public struct Evaluator: Sendable {
    /// The rules in force.
    public let playbook: Playbook
    let constants: RuleConstants

    /// An evaluator for `playbook` (the defaults when omitted).
    public init(playbook: Playbook = Playbook()) {
        self.playbook = playbook
        self.constants = RuleConstants(playbook)
    }

    func engine(_ programme: Programme, asOf: Instant) -> AccountEngine {
        AccountEngine(
            playbook: playbook, constants: constants, asOf: asOf,
            earliestTouch: programme.earliestTouch)
    }

    /// Every account evaluated as of `asOf`, in account-index order (removed ones included).
    public func evaluateAll(_ programme: Programme, asOf: Instant) -> [AccountEvaluation] {
        evaluateAll(programme, asOf: asOf, alsoStatesAt: nil).evaluations
    }

    /// Every account evaluated as of `asOf` and, in the same pass while its records are in the
    /// cache, its demand state as of `other` (tier health's movement needs Monday's states).
    public func evaluateAll(_ programme: Programme, asOf: Instant, alsoStatesAt other: Instant?) -> (
        evaluations: [AccountEvaluation], states: [DemandState]
    ) {
        let engine = engine(programme, asOf: asOf)
        let otherEngine = other.map { self.engine(programme, asOf: $0) }
        var scratch = EvaluationScratch()
        var observer = IgnoreEvidence()
        var result: [AccountEvaluation] = []
        var states: [DemandState] = []
        result.reserveCapacity(programme.accountCount)
        states.reserveCapacity(otherEngine == nil ? 0 : programme.accountCount)
        for index in 0..<programme.accountCount {
            scratch.warm(account: index + 2, of: programme)
            result.append(engine.evaluate(index, in: programme, scratch: &scratch, observer: &observer))
            if let otherEngine { states.append(otherEngine.state(index, in: programme, scratch: &scratch)) }
        }
        return (result, states)
    }

    /// One account evaluated as of `asOf` (what the board recomputes after a mark).
    public func evaluate(account index: Int, in programme: Programme, asOf: Instant) -> AccountEvaluation {
        var scratch = EvaluationScratch()
        var observer = IgnoreEvidence()
        return engine(programme, asOf: asOf).evaluate(
            index, in: programme, scratch: &scratch, observer: &observer)
    }

    /// Every account's demand state as of `asOf`, in account-index order.
    public func states(_ programme: Programme, asOf: Instant) -> [DemandState] {
        let engine = engine(programme, asOf: asOf)
        var scratch = EvaluationScratch()
        return (0..<programme.accountCount).map { engine.state($0, in: programme, scratch: &scratch) }
    }

    /// Every account's engagement score as of `asOf`, in account-index order.
    public func scores(_ programme: Programme, asOf: Instant) -> [Int] {
        let engine = engine(programme, asOf: asOf)
        var scratch = EvaluationScratch()
        return (0..<programme.accountCount).map {
            engine.scoreValue($0, in: programme, scratch: &scratch)
        }
    }

    /// Every account's tier as of `asOf` (`nil` when removed), in account-index order.
    public func tiers(_ programme: Programme, asOf: Instant) -> [Tier?] {
        let engine = engine(programme, asOf: asOf)
        return (0..<programme.accountCount).map { engine.marks($0, in: programme).0 }
    }
}
