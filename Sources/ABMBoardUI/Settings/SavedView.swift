import TOMLKit

/// A saved view (`:view save NAME`, `[views.NAME]` in `config.toml`): a search, a filter, a
/// sort and the columns, opened again with `:view NAME`, `v` or `--view NAME`.
///
/// ```toml
/// [views.mine-engaged]
/// search = ""
/// filter = "owner=dana state=engaged"
/// sort = "score"
/// reverse = false
/// columns = ["account", "tier", "state", "score", "sla", "decision"]
/// ```
public struct SavedView: Sendable, Hashable {
    /// The search (`!text` inverted; empty: none).
    public var search: String
    /// The filter as `:filter` takes it.
    public var filter: BoardFilter
    /// The sort.
    public var sort: BoardSort
    /// The columns, in order.
    public var columns: [ColumnID]

    /// A view of those.
    public init(
        search: String = "", filter: BoardFilter = BoardFilter(), sort: BoardSort = BoardSort(), columns: [ColumnID]
    ) {
        self.search = search
        self.filter = filter
        self.sort = sort
        self.columns = columns
    }

    /// Every key a view may have.
    static let keys = ["search", "filter", "sort", "reverse", "columns"]

    /// A view's name: letters, digits, `-` and `_` (a bare TOML key).
    public static func isValidName(_ name: String) -> Bool {
        !name.isEmpty
            && name.unicodeScalars.allSatisfy {
                ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || $0 == "-" || $0 == "_"
            }
    }

    /// The view's section of `config.toml` (`[views.NAME]`, written by TOMLKit), ending in a
    /// line break.
    public func toml(name: String) -> String {
        let view = TOMLTable()
        view["search"] = search
        view["filter"] = filter.words.joined(separator: " ")
        view["sort"] = sort.column.commandName
        view["reverse"] = sort.reversed
        let columnNames = TOMLArray()
        for column in columns { columnNames.append(column.rawValue) }
        view["columns"] = columnNames
        let views = TOMLTable()
        views[name] = view
        let root = TOMLTable()
        root["views"] = views
        return root.convert(to: .toml) + "\n"
    }

    /// The view of a `[views.NAME]` table, or what is wrong with it.
    static func parse(_ value: any TOMLValueConvertible, name: String, columns defaultColumns: [ColumnID]) -> Result<
        SavedView, SettingsError.Problem
    > {
        let key = "views.\(name)"
        guard isValidName(name) else {
            return .failure(.init(key: key, message: "a view's name is letters, digits, - and _"))
        }
        guard let table = value.table else {
            return .failure(
                .init(
                    key: key,
                    message:
                        "expected a table of search, filter, sort, reverse and columns, found \(SettingsTOML.describe(value))"
                ))
        }
        var view = SavedView(columns: defaultColumns)
        for (field, value) in table {
            let fieldKey = "\(key).\(field)"
            switch field {
            case "search":
                guard let text = value.string else {
                    return .failure(
                        .init(key: fieldKey, message: "expected a string, found \(SettingsTOML.describe(value))"))
                }
                view.search = text
            case "filter":
                guard let text = value.string else {
                    return .failure(
                        .init(
                            key: fieldKey,
                            message:
                                "expected a string such as \"tier=1 state=engaged\", found \(SettingsTOML.describe(value))"
                        ))
                }
                switch BoardFilter.parse(words: text.split(separator: " ").map(String.init)) {
                case .success(let filter): view.filter = filter
                case .failure(let error):
                    return .failure(
                        .init(
                            key: fieldKey,
                            message:
                                "\"\(error.word)\" is not a filter (tier=, owner=, state=, decision=, sla=, surging)"))
                }
            case "sort":
                let names = BoardSort.Column.allCases.map(\.commandName)
                guard let text = value.string,
                    let column = BoardSort.Column.allCases.first(where: { $0.commandName == text })
                else {
                    return .failure(
                        .init(
                            key: fieldKey,
                            message:
                                "expected one of \(names.joined(separator: ", ")), found \(SettingsTOML.describe(value))"
                        ))
                }
                view.sort.column = column
            case "reverse":
                guard let reversed = value.bool else {
                    return .failure(
                        .init(key: fieldKey, message: "expected true or false, found \(SettingsTOML.describe(value))"))
                }
                view.sort.reversed = reversed
            case "columns":
                switch BoardConfig.columns(value) {
                case .success(let ids): view.columns = ids
                case .failure(let problem): return .failure(.init(key: fieldKey, message: problem.message))
                }
            default:
                return .failure(.init(key: fieldKey, message: SettingsTOML.unknown("key", field, known: keys)))
            }
        }
        return .success(view)
    }
}

extension BoardSort.Column {
    /// The column's name in a command and a saved view (`last-touch` for "last touch").
    public var commandName: String {
        switch self {
        case .board: return "board"
        case .lastTouch: return "last-touch"
        default: return rawValue.lowercased()
        }
    }
}
