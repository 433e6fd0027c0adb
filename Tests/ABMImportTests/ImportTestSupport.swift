import ABMCore
import ABMImport
import Testing

/// What the store holds in most tests: accounts A1 (number 1) and A2 (number 2), contact C1
/// (number 10) at A1 and contact C2 (number 20) at A2.
let storedCatalog = ImportCatalog(
    accounts: ["A1": 1, "A2": 2],
    contacts: [
        "C1": ImportCatalog.ContactEntry(number: 10, account: 1),
        "C2": ImportCatalog.ContactEntry(number: 20, account: 2),
    ])

/// The lines joined by LF, with a final LF.
func csv(_ lines: String...) -> String {
    lines.joined(separator: "\n") + "\n"
}

/// What reading a file gave: how many rows, or the message lines of its problems.
enum Outcome: Equatable, CustomStringConvertible {
    case rows(Int)
    case problems([String])

    var description: String {
        switch self {
        case .rows(let count): "\(count) rows"
        case .problems(let lines): "problems:\n" + lines.joined(separator: "\n")
        }
    }

    /// The outcome of `result`, counting rows with `count`.
    init<Rows>(_ result: Result<Rows, ImportProblems>, count: (Rows) -> Int) {
        switch result {
        case .success(let rows): self = .rows(count(rows))
        case .failure(let problems): self = .problems(problems.description.split(separator: "\n").map(String.init))
        }
    }
}

/// The import file kinds of SPEC §1, with their required columns as the SPEC lists them.
enum FileKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case accounts
    case contacts
    case touches
    case intent
    case opportunities

    /// The file name used in messages.
    var fileName: String { "\(rawValue).csv" }

    var testDescription: String { fileName }

    /// The required columns of SPEC §1, in the SPEC's order.
    var requiredColumns: [String] {
        switch self {
        case .accounts: ["account_id", "name", "tier"]
        case .contacts: ["contact_id", "account_id", "name"]
        case .touches: ["touch_id", "account_id", "channel", "direction", "occurred_at"]
        case .intent: ["account_id", "topic", "score", "observed_at"]
        case .opportunities: ["opportunity_id", "account_id", "status", "created_at"]
        }
    }

    /// Reads `bytes` as this kind of file.
    func read(_ bytes: [UInt8], catalog: ImportCatalog = storedCatalog) -> Outcome {
        bytes.withUnsafeBufferPointer { buffer in
            let file = fileName
            switch self {
            case .accounts:
                return Outcome(AccountsFile.read(file: file, bytes: buffer, catalog: catalog)) { $0.count }
            case .contacts:
                return Outcome(ContactsFile.read(file: file, bytes: buffer, catalog: catalog)) { $0.count }
            case .touches:
                return Outcome(TouchesFile.read(file: file, bytes: buffer, catalog: catalog)) { $0.count }
            case .intent:
                return Outcome(IntentFile.read(file: file, bytes: buffer, catalog: catalog)) { $0.count }
            case .opportunities:
                return Outcome(OpportunitiesFile.read(file: file, bytes: buffer, catalog: catalog)) { $0.count }
            }
        }
    }

    /// Reads the UTF-8 text `text` as this kind of file.
    func read(_ text: String, catalog: ImportCatalog = storedCatalog) -> Outcome {
        read(Array(text.utf8), catalog: catalog)
    }
}

/// One record read by `CSVReader`: its first physical line and its field values.
struct Record: Equatable, CustomStringConvertible {
    var line: Int
    var fields: [String]

    init(_ line: Int, _ fields: [String]) {
        self.line = line
        self.fields = fields
    }

    var description: String { "\(line): \(fields)" }
}

/// What `CSVReader` made of a whole input: its records, or the syntax error that stopped it.
enum Parsed: Equatable {
    case records([Record])
    case error(line: Int, expected: String, found: String)
}

/// Reads every record of `bytes` with `CSVReader`.
func parse(_ bytes: [UInt8]) -> Parsed {
    bytes.withUnsafeBufferPointer { buffer in
        var reader = CSVReader(bytes: buffer)
        var fields: [CSVField] = []
        var records: [Record] = []
        do throws(CSVSyntaxError) {
            while let line = try reader.next(into: &fields) {
                records.append(Record(line, fields.map { reader.string($0) }))
            }
        } catch {
            return .error(line: error.line, expected: error.expected, found: error.found)
        }
        return .records(records)
    }
}

/// Reads every record of the UTF-8 text `text` with `CSVReader`.
func parse(_ text: String) -> Parsed {
    parse(Array(text.utf8))
}

/// An instant from ISO 8601 text known to be good.
func instant(_ text: String) -> Instant {
    Instant.parseISO8601(text)!
}
