import ABMCore
import TOMLKit

/// What theme and config reading share: parsing the text as TOML, and quoting a found value
/// in a message.
enum SettingsTOML {
    /// The top-level table of `text`.
    /// - Throws: `SettingsError` with the line and column of a syntax error.
    static func table(_ text: String, source: String) throws(SettingsError) -> TOMLTable {
        if let problem = TOMLPrecheck.problem(in: text) {
            throw SettingsError(
                source: source,
                problems: [
                    .init(
                        key: "", line: problem.line, column: problem.column,
                        message: "not valid TOML: \(problem.message)")
                ])
        }
        do {
            return try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            let begin = error.source.begin
            throw SettingsError(
                source: source,
                problems: [
                    .init(
                        key: "", line: begin.line, column: begin.column, message: "not valid TOML: \(error.description)"
                    )
                ])
        } catch {
            throw SettingsError(source: source, problems: [.init(key: "", message: "not valid TOML: \(error)")])
        }
    }

    /// How a found value is quoted in a message: strings in quotes, numbers as they are, other
    /// values by kind.
    static func describe(_ value: any TOMLValueConvertible) -> String {
        switch value.type {
        case .string: return "\"\(value.string ?? "")\""
        case .int: return value.int.map(String.init) ?? "an integer"
        case .double: return value.double.map { "\($0)" } ?? "a number"
        case .bool: return value.bool.map { $0 ? "true" : "false" } ?? "a boolean"
        case .array: return "an array"
        case .table: return "a table"
        case .date: return "a date"
        case .time: return "a time of day"
        case .dateTime: return "a date-time"
        }
    }

    /// "unknown key …" with the closest known name, or the list of known names.
    static func unknown(_ what: String, _ name: String, known: [String]) -> String {
        if let near = Suggestions.closest(to: name, among: known, limit: 1).first {
            return "unknown \(what); did you mean \"\(near)\"?"
        }
        return "unknown \(what); expected one of \(known.joined(separator: ", "))"
    }
}
