import ABMCore

/// A column an export can write; its raw value is its name in `--columns`, the CSV header and
/// the JSON keys.
public protocol ExportColumn: RawRepresentable, CaseIterable, Hashable, Sendable where RawValue == String {
    /// The columns written when `--columns` is not given, in order.
    static var defaults: [Self] { get }
}

extension ExportColumn {
    /// Every column's name, in the order the export lists them.
    public static var names: [String] { allCases.map(\.rawValue) }

    /// The columns a `--columns` list names, in its order: names separated by commas (spaces
    /// around them ignored, case-insensitive); `all` stands for every column.
    ///
    /// ```swift
    /// try BoardColumn.parse("account_id, tier,decision")  // [.accountId, .tier, .decision]
    /// ```
    /// - Throws: `ExportError` for an unknown name (with the closest names), a name given twice,
    ///   or a list with no name.
    public static func parse(_ list: String) throws(ExportError) -> [Self] {
        var columns: [Self] = []
        for part in list.split(separator: ",", omittingEmptySubsequences: true) {
            let name = part.trimmingSpaces.lowercased()
            if name.isEmpty { continue }
            if name == "all" {
                columns += allCases.filter { !columns.contains($0) }
                continue
            }
            guard let column = Self(rawValue: name) else {
                throw .unknownColumn(
                    name: part.trimmingSpaces, suggestions: Suggestions.closest(to: name, among: names),
                    valid: names)
            }
            if columns.contains(column) { throw .repeatedColumn(name) }
            columns.append(column)
        }
        guard !columns.isEmpty else { throw .noColumns }
        return columns
    }
}

extension Substring {
    /// The text without white space at either end.
    fileprivate var trimmingSpaces: String {
        var text = self
        while text.first?.isWhitespace == true { text.removeFirst() }
        while text.last?.isWhitespace == true { text.removeLast() }
        return String(text)
    }
}
