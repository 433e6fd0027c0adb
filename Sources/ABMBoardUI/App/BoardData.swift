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
    /// Every account's name, id and domain, lowercased and joined by NUL (which no search
    /// can contain), by account index: what `/` searches, lowercased once rather than on
    /// every key typed.
    public let searchText: [String]
    /// Every account's name, lowercased, by account index (the account sort's key).
    public let sortNames: [String]
    /// The owners on the programme in code-point order, "" standing for accounts without one
    /// (the filter's choices), found once per load.
    public let ownerNames: [String]

    /// Evaluates every account of `programme` as of `asOf`.
    public init(programme: Programme, evaluator: Evaluator, asOf: Instant, storeName: String) {
        self.programme = programme
        self.evaluator = evaluator
        self.asOf = asOf
        self.storeName = storeName
        rows = evaluator.evaluateAll(programme, asOf: asOf)
        sortNames = programme.accounts.map { $0.name.lowercased() }
        ownerNames = Set(programme.accounts.map { $0.owner ?? "" }).sorted(by: codePointPrecedes)
        searchText = programme.accounts.map { account in
            [account.name, account.id, account.domain ?? ""].joined(separator: "\u{0}").lowercased()
        }
    }

    /// Applies a history record made through this board and re-evaluates only its account.
    /// - Throws: `ProgrammeError` when the account is unknown.
    public mutating func apply(_ record: HistoryRecord) throws(ProgrammeError) {
        try programme.appendHistory(record)
        guard let index = programme.index(ofAccount: record.accountId) else { return }
        rows[index] = evaluator.evaluate(account: index, in: programme, asOf: asOf)
    }

    /// Adds or updates a touch (logged through this board or by another process) and
    /// re-evaluates the accounts it belongs to now and, when it moved, belonged to before.
    /// Returns those accounts' indexes.
    /// - Throws: `ProgrammeError` when the account or contact is unknown.
    @discardableResult
    public mutating func apply(_ touch: Touch, previousAccount: String? = nil) throws(ProgrammeError) -> [Int] {
        try programme.appendTouch(touch, previousAccount: previousAccount)
        var touched: [Int] = []
        for id in [touch.accountId, previousAccount].compactMap(\.self) {
            guard let index = programme.index(ofAccount: id), !touched.contains(index) else { continue }
            rows[index] = evaluator.evaluate(account: index, in: programme, asOf: asOf)
            touched.append(index)
        }
        return touched
    }

    /// Evaluates every account again as of `instant` (the live board's clock moved on).
    public mutating func move(asOf instant: Instant) {
        asOf = instant
        rows = evaluator.evaluateAll(programme, asOf: instant)
    }
}
