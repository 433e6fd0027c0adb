import ABMCore

/// What the board shows, loaded from the store: the programme, its evaluation as of one
/// instant, and where it came from.
public struct BoardData: Sendable {
    /// The programme.
    public var programme: Programme
    /// The playbook's evaluator.
    public var evaluator: Evaluator
    /// The as-of instant.
    public var asOf: Instant
    /// Every account's row, by account index.
    public var rows: [AccountEvaluation]
    /// The store's name for the status bar (`DEMO` for the demo).
    public var storeName: String

    /// Evaluates every account of `programme` as of `asOf`.
    public init(programme: Programme, evaluator: Evaluator, asOf: Instant, storeName: String) {
        self.programme = programme
        self.evaluator = evaluator
        self.asOf = asOf
        self.storeName = storeName
        rows = evaluator.evaluateAll(programme, asOf: asOf)
    }

    /// Applies a history record made through this board and re-evaluates only its account.
    /// - Throws: `ProgrammeError` when the account is unknown.
    public mutating func apply(_ record: HistoryRecord) throws(ProgrammeError) {
        try programme.appendHistory(record)
        guard let index = programme.index(ofAccount: record.accountId) else { return }
        rows[index] = evaluator.evaluate(account: index, in: programme, asOf: asOf)
    }
}
