/// A playbook that cannot be used: a TOML syntax error, or keys that break SPEC §2's rules.
///
/// Its description is one line per problem, each naming the file, the key, what was expected
/// and what was found, e.g.
/// `playbook.toml: key "score.half_life_days": expected a number above 0, found -3`.
public struct PlaybookError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file (or other source) the playbook came from, as it should appear in messages.
    public var source: String
    /// Every problem found, in key order.
    public var problems: [Problem]

    /// One thing wrong with the playbook.
    public struct Problem: Sendable, Hashable {
        /// The dotted key, e.g. `score.half_life_days`; empty for a syntax error.
        public var key: String
        /// The 1-based line and column of a syntax error, when known.
        public var position: (line: Int, column: Int)?
        /// What is wrong and how to fix it.
        public var message: String

        /// Creates a problem.
        public init(key: String, position: (line: Int, column: Int)? = nil, message: String) {
            self.key = key
            self.position = position
            self.message = message
        }

        /// Problems are equal when key, position and message are.
        public static func == (lhs: Problem, rhs: Problem) -> Bool {
            lhs.key == rhs.key && lhs.message == rhs.message
                && lhs.position?.line == rhs.position?.line
                && lhs.position?.column == rhs.position?.column
        }

        /// Hashes key and message.
        public func hash(into hasher: inout Hasher) {
            hasher.combine(key)
            hasher.combine(message)
        }
    }

    /// Creates an error for `source` with its problems.
    public init(source: String, problems: [Problem]) {
        self.source = source
        self.problems = problems
    }

    /// One line per problem.
    public var description: String {
        problems.map { problem in
            if let position = problem.position {
                return "\(source):\(position.line):\(position.column): \(problem.message)"
            }
            return "\(source): key \"\(problem.key)\": \(problem.message)"
        }.joined(separator: "\n")
    }
}
