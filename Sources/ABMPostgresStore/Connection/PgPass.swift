// The pgpass file libpq reads passwords from, matched the way libpq matches it.

import Foundation

/// The pgpass file's lines: `hostname:port:database:username:password`.
///
/// A field of `*` alone matches anything; `\:` and `\\` (a backslash before any scalar) stand
/// for the scalar itself; lines starting with `#`, and lines with fewer than five fields, are
/// skipped; the first line that matches gives the password (after its fourth `:`, up to an
/// unescaped `:` or the end of the line, like libpq).
/// The host is matched as the connection names it (a socket folder as its path).
enum PgPass {
    /// The password of the first line matching the connection, or `nil` (also for an empty one).
    static func password(in contents: String, host: String, port: Int, database: String, user: String) -> String? {
        let wanted = [host, String(port), database, user]
        for rawLine in Substring(contents).unicodeScalars.split(separator: "\n") {
            let line = rawLine.last == "\r" ? rawLine.dropLast() : rawLine
            guard line.first != "#", let entry = entry(line) else { continue }
            if zip(entry.fields, wanted).allSatisfy({ field, value in
                field.isWildcard || field.text.unicodeScalars.elementsEqual(value.unicodeScalars)
            }) {
                return entry.password.isEmpty ? nil : entry.password
            }
        }
        return nil
    }

    /// One of a line's first four fields: its text with escapes removed, and whether it was a bare `*`.
    struct Field: Equatable {
        var text = ""
        var isWildcard = false
    }

    /// A line's four fields and its password, or `nil` when it has fewer than five fields.
    static func entry(_ line: Substring.UnicodeScalarView) -> (fields: [Field], password: String)? {
        var fields: [Field] = []
        var current = Field()
        var raw = ""
        var escaped = false
        var index = line.startIndex
        while index < line.endIndex, fields.count < 4 {
            let scalar = line[index]
            index = line.index(after: index)
            if escaped {
                current.text.unicodeScalars.append(scalar)
                raw.append("\\")
                raw.unicodeScalars.append(scalar)
                escaped = false
            } else if scalar == "\\" {
                escaped = true
            } else if scalar == ":" {
                current.isWildcard = raw == "*"
                fields.append(current)
                current = Field()
                raw = ""
            } else {
                current.text.unicodeScalars.append(scalar)
                raw.unicodeScalars.append(scalar)
            }
        }
        guard fields.count == 4 else { return nil }
        var password = ""
        escaped = false
        for scalar in line[index...] {
            if escaped {
                password.unicodeScalars.append(scalar)
                escaped = false
            } else if scalar == "\\" {
                escaped = true
            } else if scalar == ":" {
                break
            } else {
                password.unicodeScalars.append(scalar)
            }
        }
        return (fields, password)
    }
}
