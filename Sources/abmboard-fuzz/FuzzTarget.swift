import ABMBoardUI
import ABMCore
import ABMImport
import ABMTerminal

/// One parser the fuzzer feeds: each takes any bytes and must answer with a value or a clear
/// error — never a crash, a hang or a leak. The checks beyond "does not crash" are the
/// promises a user relies on: a problem names a line inside the file, and what parses is
/// what the parser was given.
enum FuzzTarget: String, CaseIterable, Sendable {
    case accounts, contacts, touches, intent, opportunities, marks
    case playbook, theme, config
    case time
    case asOf = "as-of"
    case week, columns, filter, keys

    /// The catalog the reference-checking files are read against: two accounts, one contact.
    static let catalog = ImportCatalog(
        accounts: ["A-0001": 0, "A-0002": 1], contacts: ["C-000001": .init(number: 0, account: 0)])

    /// Runs the parser on `bytes`.
    func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        switch self {
        case .accounts: check(AccountsFile.read(file: "f.csv", bytes: bytes, catalog: Self.catalog), bytes)
        case .contacts: check(ContactsFile.read(file: "f.csv", bytes: bytes, catalog: Self.catalog), bytes)
        case .touches: check(TouchesFile.read(file: "f.csv", bytes: bytes, catalog: Self.catalog), bytes)
        case .intent: check(IntentFile.read(file: "f.csv", bytes: bytes, catalog: Self.catalog), bytes)
        case .opportunities: check(OpportunitiesFile.read(file: "f.csv", bytes: bytes, catalog: Self.catalog), bytes)
        case .marks: check(MarksFile.read(file: "f.csv", bytes: bytes, catalog: Self.catalog), bytes)
        case .playbook: _ = try? Playbook.parse(toml: text(bytes), source: "p.toml")
        case .theme: _ = try? Theme.parse(toml: text(bytes), source: "t.toml")
        case .config: _ = try? BoardConfig.parse(toml: text(bytes), source: "config.toml")
        case .time:
            let input = text(bytes)
            // A parsed time prints as ISO 8601 that parses back to the same instant.
            if let instant = Instant.parseISO8601(input), CompactTime.canStore(instant) {
                precondition(Instant.parseISO8601(instant.iso8601) == instant, "\(instant.iso8601) does not round-trip")
            }
        case .asOf: _ = Instant.parseISO8601(text(bytes), bareDate: .endOfDay)
        case .week:
            // A week's label parses back to the same week.
            if let week = ReviewWeek(label: text(bytes)) {
                precondition(ReviewWeek(label: week.label) == week, "\(week.label) does not round-trip")
            }
        case .columns:
            _ = try? BoardColumn.parse(text(bytes))
            _ = try? HistoryColumn.parse(text(bytes))
        case .filter:
            let words = text(bytes).split(separator: " ").map(String.init)
            _ = BoardFilter.parse(words: words)
        case .keys:
            // Each four bytes are one get_wch result: a flag byte and a 24-bit value.
            var index = bytes.startIndex
            while index + 4 <= bytes.endIndex {
                let value = UInt32(bytes[index + 1]) << 16 | UInt32(bytes[index + 2]) << 8 | UInt32(bytes[index + 3])
                _ = KeyDecoding.input(isKeyCode: bytes[index] & 1 == 1, character: value)
                index += 4
            }
        }
    }

    /// The bytes as text (invalid UTF-8 repaired, as a file read as text would be).
    private func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }

    /// A file's problems name lines inside it (line 1 is the header; a file's last line may
    /// be the one after its final line break).
    private func check<T>(_ result: Result<T, ImportProblems>, _ bytes: UnsafeBufferPointer<UInt8>) {
        guard case .failure(let problems) = result else { return }
        let lines = bytes.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
        for problem in problems.problems {
            precondition(problem.line >= 0 && problem.line <= lines + 1, "problem at line \(problem.line) of \(lines)")
        }
    }
}
