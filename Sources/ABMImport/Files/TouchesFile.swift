import ABMCore

/// `touches.csv` (SPEC §1): validated touches in columns.
public enum TouchesFile {
    /// The columns.
    public static let columns = ColumnSpec(
        required: ["touch_id", "account_id", "channel", "direction", "occurred_at"],
        optional: ["contact_id", "topic", "by", "note"])

    /// Reads and validates the file; every touch or every problem. `progress` is called now and
    /// then with the rows read so far and the fraction of the file read.
    public static func read(
        file: String, bytes: UnsafeBufferPointer<UInt8>, catalog: ImportCatalog,
        progress: (Int, Double) -> Void = { _, _ in }
    ) -> Result<TouchRows, ImportProblems> {
        var problems = ImportProblems()
        guard var table = CSVTable(file: file, bytes: bytes, spec: columns, problems: &problems) else {
            return .failure(problems)
        }
        var rows = TouchRows()
        rows.reserve(bytes.count / 60)
        var ids = UniqueIds()
        var terms = TermTable()
        let channels = FieldParsers.choices(Channel.self)
        var seen = 0
        table.forEachRow(problems: &problems) { row, problems in
            seen += 1
            if seen & 0xFFFF == 0 { progress(seen, row.fraction) }
            var id = row.required(0, "an id", problems: &problems)
            if let candidate = id {
                if candidate.utf8.count > maximumIdBytes {
                    row.problem(0, expected: "an id of at most \(maximumIdBytes) bytes", problems: &problems)
                    id = nil
                } else if let first = ids.insert(candidate, line: row.line) {
                    row.problem(
                        0, expected: "an id not already used in this file (it is on line \(first))", problems: &problems
                    )
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
        rows.terms = terms.terms
        return problems.isEmpty ? .success(rows) : .failure(problems)
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
}
