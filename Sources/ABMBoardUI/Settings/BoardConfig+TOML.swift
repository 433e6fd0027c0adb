import TOMLKit

extension BoardConfig {
    /// Every key the config file may have.
    static let keys = ["theme", "columns", "views"]

    /// Reads the config file's text; a key left out keeps its default.
    /// - Throws: `SettingsError` listing every problem: not TOML, an unknown key, a theme that
    ///   is not a string, columns that are not a list of known column ids, a column twice, no
    ///   column at all.
    public static func parse(toml: String, source: String) throws(SettingsError) -> BoardConfig {
        let table = try SettingsTOML.table(toml, source: source)
        var config = BoardConfig()
        var problems: [SettingsError.Problem] = []
        for (key, value) in table {
            switch key {
            case "theme":
                if let name = value.string, !name.isEmpty {
                    config.theme = name
                } else {
                    problems.append(
                        .init(
                            key: key,
                            message:
                                "expected a theme's name such as \"light\" or a path to a .toml file, found \(SettingsTOML.describe(value))"
                        ))
                }
            case "columns":
                switch columns(value) {
                case .success(let ids): config.columns = ids
                case .failure(let problem): problems.append(.init(key: key, message: problem.message))
                }
            case "views":
                guard let views = value.table else {
                    problems.append(
                        .init(
                            key: key,
                            message: "expected tables such as [views.mine], found \(SettingsTOML.describe(value))"))
                    continue
                }
                for (name, view) in views {
                    switch SavedView.parse(view, name: name, columns: ColumnID.defaultOrder) {
                    case .success(let saved): config.views[name] = saved
                    case .failure(let problem): problems.append(problem)
                    }
                }
            default:
                problems.append(.init(key: key, message: SettingsTOML.unknown("key", key, known: keys)))
            }
        }
        guard problems.isEmpty else { throw SettingsError(source: source, problems: problems) }
        return config
    }

    /// What went wrong with `columns`.
    struct ColumnsProblem: Error {
        var message: String
    }

    /// The column ids of a `columns` value: a non-empty list of known ids, each once.
    static func columns(_ value: any TOMLValueConvertible) -> Result<[ColumnID], ColumnsProblem> {
        let valid = ColumnID.allCases.map(\.rawValue).joined(separator: ", ")
        guard let array = value.array else {
            return .failure(
                ColumnsProblem(
                    message:
                        "expected a list of column ids such as [\"account\", \"tier\"], found \(SettingsTOML.describe(value))"
                ))
        }
        var ids: [ColumnID] = []
        for element in array {
            guard let name = element.string, let id = ColumnID(rawValue: name) else {
                return .failure(
                    ColumnsProblem(
                        message: "unknown column \(SettingsTOML.describe(element)); expected column ids from \(valid)"))
            }
            guard !ids.contains(id) else {
                return .failure(ColumnsProblem(message: "column \"\(name)\" is listed twice"))
            }
            ids.append(id)
        }
        guard !ids.isEmpty else {
            return .failure(ColumnsProblem(message: "expected at least one column, from \(valid)"))
        }
        return .success(ids)
    }
}
