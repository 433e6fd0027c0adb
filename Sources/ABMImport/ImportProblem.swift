/// One thing wrong with an import file, located by file and line (SPEC §1):
/// `accounts.csv:14: column "tier": expected 1, 2 or 3, found "4"`.
public struct ImportProblem: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file's name as the user gave it.
    public var file: String
    /// The physical line (1-based; the header is line 1).
    public var line: Int
    /// The column concerned, when there is one.
    public var column: String?
    /// What was expected.
    public var expected: String
    /// What was found (quoted in the message when `foundIsValue`).
    public var found: String
    /// Whether `found` is a value from the file (quoted) or a description (not quoted).
    public var foundIsValue: Bool

    /// A problem with a value of the file.
    public init(file: String, line: Int, column: String?, expected: String, found: String, foundIsValue: Bool = true) {
        self.file = file
        self.line = line
        self.column = column
        self.expected = expected
        self.found = found
        self.foundIsValue = foundIsValue
    }

    /// `FILE:LINE: column "NAME": expected …, found "…"`.
    public var description: String {
        let location = column.map { " column \"\($0)\":" } ?? ""
        let what = foundIsValue ? "\"\(ImportProblem.visible(found))\"" : found
        return "\(file):\(line):\(location) expected \(expected), found \(what)"
    }

    /// A value shown in a message: control characters made visible, long values shortened.
    static func visible(_ value: String) -> String {
        var out = ""
        for scalar in value.unicodeScalars.prefix(60) {
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\"": out += "\\\""
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        if value.unicodeScalars.count > 60 { out += "…" }
        return out
    }
}

/// Every problem found in one file (up to `ImportProblems.limit`), and how many more there were.
public struct ImportProblems: Error, Sendable, Hashable, CustomStringConvertible {
    /// At most this many problems are kept and shown (SPEC §1).
    public static let limit = 50
    /// The problems kept, in file order.
    public var problems: [ImportProblem] = []
    /// Problems found beyond `limit`.
    public var omitted = 0

    /// No problems yet.
    public init() {}

    /// Whether no problem was found.
    public var isEmpty: Bool { problems.isEmpty }

    /// Whether the limit is reached (readers may stop early for a file that is wholly wrong).
    public var isFull: Bool { problems.count >= ImportProblems.limit }

    /// Adds a problem found out of file order, keeping the first `limit` by line.
    public mutating func insertInLineOrder(_ problem: ImportProblem) {
        let position = problems.firstIndex { $0.line > problem.line } ?? problems.count
        problems.insert(problem, at: position)
        if problems.count > ImportProblems.limit {
            problems.removeLast()
            omitted += 1
        }
    }

    /// Adds a problem, keeping at most `limit`.
    public mutating func append(_ problem: ImportProblem) {
        if problems.count < ImportProblems.limit { problems.append(problem) } else { omitted += 1 }
    }

    /// Adds the problems of a later part of the file, keeping at most `limit`.
    public mutating func append(contentsOf later: ImportProblems) {
        for problem in later.problems { append(problem) }
        omitted += later.omitted
    }

    /// One line per problem, then a count of those left out and the outcome.
    public var description: String {
        var lines = problems.map(\.description)
        if omitted > 0 { lines.append("… and \(omitted) more problem\(omitted == 1 ? "" : "s")") }
        return lines.joined(separator: "\n")
    }
}
