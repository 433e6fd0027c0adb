/// A theme or config file that cannot be used: not TOML, or keys that are unknown or hold
/// the wrong thing.
///
/// Its description is one line per problem, each naming the file, the key, what was expected
/// and what was found, e.g.
/// `themes/x.toml: key "header.fg": expected a colour (a name such as blue, 0–255 or #rrggbb), found "blu"`.
public struct SettingsError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file the settings came from, as it should appear in messages.
    public var source: String
    /// Every problem found, in key order.
    public var problems: [Problem]

    /// One thing wrong with the file.
    public struct Problem: Error, Sendable, Hashable {
        /// The dotted key, e.g. `header.fg`; empty for a TOML syntax error.
        public var key: String
        /// The 1-based line of a syntax error, when known.
        public var line: Int?
        /// The 1-based column of a syntax error, when known.
        public var column: Int?
        /// What is wrong and how to fix it.
        public var message: String

        /// Creates a problem.
        public init(key: String, line: Int? = nil, column: Int? = nil, message: String) {
            self.key = key
            self.line = line
            self.column = column
            self.message = message
        }
    }

    /// Creates an error for `source` with its problems.
    public init(source: String, problems: [Problem]) {
        self.source = source
        self.problems = problems
    }

    /// Each problem as a line naming the file.
    public var lines: [String] {
        problems.map { problem in
            if let line = problem.line, let column = problem.column {
                return "\(source):\(line):\(column): \(problem.message)"
            }
            return "\(source): key \"\(problem.key)\": \(problem.message)"
        }
    }

    /// One line per problem.
    public var description: String { lines.joined(separator: "\n") }
}
