import Foundation

/// A script of SQL statements split into single statements: postgres-nio speaks the extended
/// query protocol, which takes one statement at a time. Semicolons inside quotes ('…', "…"),
/// dollar quotes ($$…$$, $tag$…$tag$) and comments do not split.
enum SQLScript {
    /// The statements of `script`, without their semicolons, blank ones left out.
    static func statements(_ script: String) -> [String] {
        let characters = Array(script.unicodeScalars)
        var statements: [String] = []
        var current = String.UnicodeScalarView()
        var index = 0
        func flush() {
            let text = String(current).trimmingWhitespace()
            if !text.isEmpty && !text.allSatisfyComment() { statements.append(text) }
            current = String.UnicodeScalarView()
        }
        while index < characters.count {
            let scalar = characters[index]
            if scalar == "-" && index + 1 < characters.count && characters[index + 1] == "-" {
                while index < characters.count && characters[index] != "\n" {
                    current.append(characters[index])
                    index += 1
                }
                continue
            }
            if scalar == "'" || scalar == "\"" {
                current.append(scalar)
                index += 1
                while index < characters.count {
                    current.append(characters[index])
                    index += 1
                    if characters[index - 1] == scalar { break }
                }
                continue
            }
            if scalar == "$", let tag = dollarTag(characters, at: index) {
                current.append(contentsOf: tag)
                index += tag.count
                while index < characters.count {
                    if characters[index] == "$",
                        Array(characters[index..<min(index + tag.count, characters.count)]) == tag
                    {
                        current.append(contentsOf: tag)
                        index += tag.count
                        break
                    }
                    current.append(characters[index])
                    index += 1
                }
                continue
            }
            if scalar == ";" {
                flush()
                index += 1
                continue
            }
            current.append(scalar)
            index += 1
        }
        flush()
        return statements
    }

    /// The dollar-quote tag starting at `index` (`$$` or `$name$`), if one does.
    private static func dollarTag(_ characters: [Unicode.Scalar], at index: Int) -> [Unicode.Scalar]? {
        var end = index + 1
        while end < characters.count {
            let scalar = characters[end]
            if scalar == "$" { return Array(characters[index...end]) }
            guard scalar == "_" || scalar.properties.isAlphabetic || (end > index + 1 && ("0"..."9").contains(scalar))
            else { return nil }
            end += 1
        }
        return nil
    }
}

extension String {
    /// The text without leading and trailing white space.
    fileprivate func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }

    /// Whether every line is a `--` comment.
    fileprivate func allSatisfyComment() -> Bool {
        split(separator: "\n").allSatisfy { $0.trimmingCharacters(in: .whitespaces).hasPrefix("--") }
    }
}
