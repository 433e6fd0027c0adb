/// A look at TOML text before it reaches TOMLKit. The TOML parser inside TOMLKit 0.6.0 (toml++)
/// aborts the whole process when something other than a key begins where a key must
/// (`[ë]`, `[ = true`, found by the fuzzer) instead of reporting it, and reads a NUL character
/// as the end of the text. This walks the document's structure — headers, keys, values,
/// arrays, inline tables, strings, comments — and reports those, by line and column, as the
/// syntax errors they are. Whatever else is wrong it leaves to the parser, which reports it.
public enum TOMLPrecheck {
    /// Where `text` first has what TOMLKit's parser cannot survive, and what it is; `nil` when
    /// it has none.
    public static func problem(in text: String) -> (line: Int, column: Int, message: String)? {
        var walk = Walk(scalars: Array(text.unicodeScalars))
        do {
            try walk.document()
        } catch .found(let line, let column, let message) {
            return (line, column, message)
        } catch {
            // The parser reports the rest.
        }
        if let nul = walk.scalars.firstIndex(of: "\0") {
            let before = walk.scalars[..<nul]
            let line = before.filter { $0 == "\n" }.count + 1
            let column = nul - (before.lastIndex(of: "\n").map { $0 + 1 } ?? 0) + 1
            return (line, column, "a NUL character (TOML allows none)")
        }
        return nil
    }

    /// Why the walk stopped.
    private enum Stop: Error {
        /// A problem the parser would not survive.
        case found(line: Int, column: Int, message: String)
        /// Something the parser reports well: the walk leaves the rest to it.
        case handOver
    }

    /// The walk over the document, scalar by scalar.
    private struct Walk {
        let scalars: [Unicode.Scalar]
        var index = 0

        init(scalars: [Unicode.Scalar]) { self.scalars = scalars }

        var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

        func ahead(_ offset: Int) -> Unicode.Scalar? {
            index + offset < scalars.count ? scalars[index + offset] : nil
        }

        func found(_ message: String) -> Stop {
            let before = scalars[..<min(index, scalars.count)]
            let line = before.filter { $0 == "\n" }.count + 1
            let column = index - (before.lastIndex(of: "\n").map { $0 + 1 } ?? 0) + 1
            return .found(line: line, column: column, message: message)
        }

        static func isBareKey(_ scalar: Unicode.Scalar) -> Bool {
            scalar.isASCII
                && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "-")
        }

        mutating func spaces() {
            while let scalar = current, scalar == " " || scalar == "\t" { index += 1 }
        }

        /// Spaces, line breaks and comments (inside arrays).
        mutating func blanks() {
            while let scalar = current {
                if scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" {
                    index += 1
                } else if scalar == "#" {
                    comment()
                } else {
                    return
                }
            }
        }

        mutating func comment() {
            while let scalar = current, scalar != "\n" { index += 1 }
        }

        mutating func document() throws(Stop) {
            while current != nil {
                spaces()
                guard let scalar = current else { return }
                switch scalar {
                case "\n", "\r": index += 1
                case "#": comment()
                case "[":
                    index += 1
                    if current == "[" { index += 1 }
                    try key()
                    guard current == "]" else { throw .handOver }
                    index += 1
                    if current == "]" { index += 1 }
                    try endOfLine()
                default:
                    try key()
                    guard current == "=" else { throw .handOver }
                    index += 1
                    try value()
                    try endOfLine()
                }
            }
        }

        mutating func endOfLine() throws(Stop) {
            spaces()
            if current == "#" { comment() }
            guard current == nil || current == "\n" || current == "\r" else { throw .handOver }
        }

        /// A key, dotted or not; what begins one must be a bare-key character or a quote.
        mutating func key() throws(Stop) {
            while true {
                spaces()
                guard let scalar = current else { throw found("expected a key before the end of the text") }
                if Self.isBareKey(scalar) {
                    while let next = current, Self.isBareKey(next) { index += 1 }
                } else if scalar == "\"" || scalar == "'" {
                    try string()
                } else if !scalar.isASCII {
                    throw found(
                        "\"\(SafeText.visible(String(Character(scalar))))\" begins a key: a key with such characters is written in quotes (\"key\" = …)"
                    )
                } else if scalar == "\n" || scalar == "\r" {
                    throw found("expected a key before the end of the line")
                } else {
                    throw found("expected a key, found \"\(SafeText.visible(String(Character(scalar))))\"")
                }
                spaces()
                guard current == "." else { return }
                index += 1
            }
        }

        /// A string of any of the four kinds, from its opening quote.
        mutating func string() throws(Stop) {
            guard let quote = current else { throw .handOver }
            let triple = ahead(1) == quote && ahead(2) == quote
            index += triple ? 3 : 1
            while let scalar = current {
                if quote == "\"" && scalar == "\\" {
                    index += 2
                    continue
                }
                if !triple && scalar == "\n" { throw .handOver }
                if scalar == quote && (!triple || (ahead(1) == quote && ahead(2) == quote)) {
                    index += triple ? 3 : 1
                    // A closing triple quote may be followed by up to two more quotes of its text.
                    while triple, current == quote { index += 1 }
                    return
                }
                index += 1
            }
            throw .handOver
        }

        mutating func value() throws(Stop) {
            spaces()
            guard let scalar = current else { throw found("expected a value before the end of the text") }
            if scalar == "\n" || scalar == "\r" { throw found("expected a value before the end of the line") }
            if ",]}#".unicodeScalars.contains(scalar) {
                throw found("expected a value, found \"\(Character(scalar))\"")
            }
            switch scalar {
            case "\"", "'": try string()
            case "[":
                index += 1
                while true {
                    blanks()
                    if current == "]" {
                        index += 1
                        return
                    }
                    try value()
                    blanks()
                    if current == "," {
                        index += 1
                    } else if current == "]" {
                        index += 1
                        return
                    } else {
                        throw .handOver
                    }
                }
            case "{":
                index += 1
                spaces()
                if current == "}" {
                    index += 1
                    return
                }
                while true {
                    try key()
                    guard current == "=" else { throw .handOver }
                    index += 1
                    try value()
                    spaces()
                    if current == "," {
                        index += 1
                    } else if current == "}" {
                        index += 1
                        return
                    } else {
                        throw .handOver
                    }
                }
            default:
                // A number, a boolean, a date: up to what ends a value.
                while let next = current, !" \t\n\r,]}#".unicodeScalars.contains(next) {
                    if !next.isASCII {
                        throw found("\"\(SafeText.visible(String(Character(next))))\" outside a string")
                    }
                    index += 1
                }
            }
        }
    }
}
