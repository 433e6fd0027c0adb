import ABMCore
import Foundation

/// `touches.csv` (SPEC §1): validated touches in columns.
public enum TouchesFile {
    /// The columns.
    public static let columns = ColumnSpec(
        required: ["touch_id", "account_id", "channel", "direction", "occurred_at"],
        optional: ["contact_id", "topic", "by", "note"])

    /// Reads and validates the file; every touch or every problem. `progress` is called now and
    /// then with the rows read so far and the fraction of the file read. A big file is read in
    /// two halves at once (`CSVSplit`); the outcome is the same as reading it in one go.
    public static func read(
        file: String, bytes: UnsafeBufferPointer<UInt8>, catalog: ImportCatalog,
        progress: (Int, Double) -> Void = { _, _ in }
    ) -> Result<TouchRows, ImportProblems> {
        read(file: file, bytes: bytes, catalog: catalog, inHalves: true, progress: progress)
    }

    /// `read`, with the reading in halves on or off (the tests compare the two).
    static func read(
        file: String, bytes: UnsafeBufferPointer<UInt8>, catalog: ImportCatalog, inHalves: Bool,
        progress: (Int, Double) -> Void
    ) -> Result<TouchRows, ImportProblems> {
        var problems = ImportProblems()
        guard var table = CSVTable(file: file, bytes: bytes, spec: columns, problems: &problems) else {
            return .failure(problems)
        }
        var parser = TouchParser(catalog: catalog, capacity: bytes.count / 60)
        if inHalves, let split = CSVSplit.find(in: bytes, dataStart: table.offset) {
            let second = TouchHalf(table: table.resumed(at: split.offset, line: split.line), catalog: catalog)
            second.start(capacity: bytes.count / 120)
            let scale = Double(bytes.count) / Double(split.offset)
            let stop = table.forEachRow(problems: &problems, until: split.offset) { row, problems in
                parser.add(row, problems: &problems) { progress($0 * 2, min(1, $1 * scale)) }
            }
            let (other, otherProblems) = second.finish()
            // Joined only when the first half's last record ends where the second half began
            // and no id is in both; otherwise the first half reads on as if alone.
            switch stop {
            case .syntaxError, .end: return parser.outcome(problems)
            case .reached where table.offset == split.offset && !parser.ids.sharesAny(with: other.ids):
                parser.append(other)
                problems.append(contentsOf: otherProblems)
                return parser.outcome(problems)
            case .reached: break
            }
        }
        table.forEachRow(problems: &problems) { row, problems in parser.add(row, problems: &problems, progress) }
        return parser.outcome(problems)
    }
}

/// The second half of a file read on a thread of its own. The half's table, parser and
/// problems are touched by that thread alone until `finish` has waited for it.
private final class TouchHalf: @unchecked Sendable {
    private var table: CSVTable
    private var parser: TouchParser
    private var problems = ImportProblems()
    private let done = DispatchGroup()

    /// The half that `table` reads from where it stands.
    init(table: CSVTable, catalog: ImportCatalog) {
        self.table = table
        parser = TouchParser(catalog: catalog, capacity: 0)
    }

    /// Starts reading the half.
    func start(capacity: Int) {
        done.enter()
        Thread.detachNewThread { [self] in
            parser.rows.reserve(capacity)
            table.forEachRow(problems: &problems) { row, problems in
                parser.add(row, problems: &problems) { _, _ in }
            }
            done.leave()
        }
    }

    /// The half's parser and problems, once it is read.
    func finish() -> (TouchParser, ImportProblems) {
        done.wait()
        return (parser, problems)
    }
}

/// Checks touch rows one by one and collects the valid ones.
struct TouchParser {
    let catalog: ImportCatalog
    /// The touches so far.
    var rows = TouchRows()
    /// The ids so far.
    var ids = UniqueIds()
    private var terms = TermTable()
    private var seen = 0
    private let channels = FieldParsers.choices(Channel.self)

    /// A parser with room for `capacity` rows.
    init(catalog: ImportCatalog, capacity: Int) {
        self.catalog = catalog
        rows.reserve(capacity)
    }

    /// Checks one row; a valid row is kept while no problem has been found.
    mutating func add(_ row: ImportRow, problems: inout ImportProblems, _ progress: (Int, Double) -> Void) {
        seen += 1
        if seen & 0xFFFF == 0 { progress(seen, row.fraction) }
        var id = row.required(0, "an id", problems: &problems)
        if let candidate = id {
            if candidate.utf8.count > maximumIdBytes {
                row.problem(0, expected: "an id of at most \(maximumIdBytes) bytes", problems: &problems)
                id = nil
            } else if let first = ids.insert(candidate, line: row.line) {
                row.problem(
                    0, expected: "an id not already used in this file (it is on line \(first))", problems: &problems)
                id = nil
            }
        }
        let account = storedAccount(row, 1, catalog: catalog, problems: &problems)
        let channel = row.parsed(2, required: true, expected: channels, problems: &problems) {
            FieldParsers.value($0, as: Channel.self)
        }
        let direction = row.parsed(3, required: true, expected: "inbound or outbound", problems: &problems) {
            FieldParsers.value($0, as: Direction.self)
        }
        let time = row.parsed(
            4, required: true, expected: FieldParsers.timeExpected, problems: &problems, FieldParsers.time)
        var contact: Int32 = -1
        var contactOK = true
        if let contactId = row.reference(5) {
            if let entry = catalog.contacts[contactId] {
                if let account, entry.account != account.number {
                    let owner = catalog.accountIds[entry.account] ?? "?"
                    row.problem(
                        column: 5, expected: "a contact of account \"\(account.id)\"",
                        found: "\"\(contactId)\", a contact of account \"\(owner)\"", problems: &problems)
                    contactOK = false
                }
                contact = entry.number
            } else {
                row.problem(
                    5, expected: "the id of an imported contact (import contacts first)", problems: &problems)
                contactOK = false
            }
        }
        guard let id, let account, let channel = channel ?? nil, let direction = direction ?? nil,
            let time = time ?? nil, contactOK, problems.isEmpty
        else { return }
        let topic = row.text(6).map { terms.number($0) } ?? -1
        let by = row.text(7).map { terms.number($0) } ?? -1
        rows.append(
            id: id, account: account.number, time: time.seconds, kind: TouchColumns.packKind(channel, direction),
            contact: contact, topic: topic, by: by, note: row.text(8))
    }

    /// Appends the rows of a parser that read the rest of the file (its terms renumbered).
    mutating func append(_ other: TouchParser) {
        let numbers = other.terms.terms.map { terms.number($0) }
        let renumber = { (term: Int32) -> Int32 in term >= 0 ? numbers[Int(term)] : term }
        let base = rows.count
        for (index, note) in other.rows.notes { rows.notes[base + index] = note }
        rows.ids.append(contentsOf: other.rows.ids)
        rows.account.append(contentsOf: other.rows.account)
        rows.time.append(contentsOf: other.rows.time)
        rows.kind.append(contentsOf: other.rows.kind)
        rows.contact.append(contentsOf: other.rows.contact)
        rows.topic.append(contentsOf: other.rows.topic.lazy.map(renumber))
        rows.by.append(contentsOf: other.rows.by.lazy.map(renumber))
    }

    /// The rows, or the problems when there are any.
    func outcome(_ problems: ImportProblems) -> Result<TouchRows, ImportProblems> {
        guard problems.isEmpty else { return .failure(problems) }
        var done = rows
        done.terms = terms.terms
        return .success(done)
    }
}

/// Detects repeated ids cheaply: while ids arrive in increasing order (as CRM exports usually
/// are) no set is needed; the first out-of-order id switches to a dictionary of every id.
struct UniqueIds {
    private var last: String?
    private var lastLine = 0
    private var ordered: [(String, Int)] = []
    private var seen: [String: Int]?

    /// Records `id` at `line`; returns the line of an earlier use, if any.
    mutating func insert(_ id: String, line: Int) -> Int? {
        if seen == nil {
            if let last, !(last < id) {
                var all: [String: Int] = [:]
                all.reserveCapacity(ordered.count * 2)
                for (known, knownLine) in ordered { all[known] = knownLine }
                seen = all
                ordered = []
            } else {
                last = id
                ordered.append((id, line))
                return nil
            }
        }
        if let first = seen?[id] { return first }
        seen?[id] = line
        return nil
    }

    /// Whether an id of `other` is also here (quick when both came in increasing order, this
    /// one's before the other's).
    func sharesAny(with other: UniqueIds) -> Bool {
        if seen == nil, other.seen == nil, let last, let first = other.ordered.first?.0, last < first { return false }
        if let others = other.seen { return others.keys.contains { contains($0) } }
        return other.ordered.contains { contains($0.0) }
    }

    /// Whether `id` is here.
    private func contains(_ id: String) -> Bool {
        if let seen { return seen[id] != nil }
        // In increasing order: a binary search.
        var low = 0
        var high = ordered.count
        while low < high {
            let middle = (low + high) / 2
            if ordered[middle].0 < id { low = middle + 1 } else { high = middle }
        }
        return low < ordered.count && ordered[low].0 == id
    }
}
