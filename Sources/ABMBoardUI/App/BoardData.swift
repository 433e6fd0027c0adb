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
    /// Every account's name, id and domain, joined by NUL (which no search can contain), by
    /// account index: what `/` searches, lowercased once rather than on every key typed.
    public let searchIndex: SearchIndex
    /// Each account's place when the accounts are ordered by lowercased name in code-point order
    /// (equal names share a place), by account index: the account sort without comparing
    /// Strings.
    public let nameRank: [Int32]
    /// Each account id's first 8 UTF-8 bytes as a big-endian number (zero-padded), by account
    /// index: it orders ids as their bytes do, so the board order compares whole ids only on a
    /// tie.
    public let idPrefix: [UInt64]
    /// Each account's owner's place among the owners in code-point order (`Int32.max`: none),
    /// by account index: the owner sort without comparing Strings.
    public let ownerRank: [Int32]
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
        ownerNames = Set(programme.accounts.map { $0.owner ?? "" }).sorted(by: codePointPrecedes)
        searchIndex = SearchIndex(
            programme.accounts.map { account in
                [account.name, account.id, account.domain ?? ""].joined(separator: "\u{0}")
            })
        nameRank = codePointRanks(programme.accounts.map { $0.name.lowercased() })
        idPrefix = programme.accounts.map { codePointPrefix($0.id) }
        var ownerPlaces: [String: Int32] = [:]
        for (place, owner) in Set(programme.accounts.compactMap(\.owner)).sorted(by: codePointPrecedes).enumerated() {
            ownerPlaces[owner] = Int32(place)
        }
        ownerRank = programme.accounts.map { $0.owner.flatMap { ownerPlaces[$0] } ?? .max }
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

/// Each text's place in code-point order, equal texts sharing one (the first 8 bytes settle
/// most comparisons; whole texts are compared only when those are equal).
func codePointRanks(_ texts: [String]) -> [Int32] {
    var keys: [(prefix: UInt64, index: Int32)] = []
    keys.reserveCapacity(texts.count)
    for (index, text) in texts.enumerated() { keys.append((codePointPrefix(text), Int32(index))) }
    keys.sort { a, b in
        if a.prefix != b.prefix { return a.prefix < b.prefix }
        return codePointPrecedes(texts[Int(a.index)], texts[Int(b.index)])
    }
    var ranks = [Int32](repeating: 0, count: texts.count)
    var rank: Int32 = 0
    for (position, key) in keys.enumerated() {
        if position > 0 && !texts[Int(keys[position - 1].index)].utf8.elementsEqual(texts[Int(key.index)].utf8) {
            rank = Int32(position)
        }
        ranks[Int(key.index)] = rank
    }
    return ranks
}
