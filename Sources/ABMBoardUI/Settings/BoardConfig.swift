/// The user's settings from `$XDG_CONFIG_HOME/abmboard/config.toml`; every setting has a
/// default, so a missing file or key changes nothing.
///
/// ```toml
/// theme = "light"
/// columns = ["account", "tier", "state", "score", "trend", "sla", "decision"]
/// ```
public struct BoardConfig: Sendable, Hashable {
    /// The theme's name or path (`--theme` wins over it); `nil`: the default theme.
    public var theme: String?
    /// Which board columns show, in this order; by default all of them (`ColumnID.defaultOrder`).
    public var columns: [ColumnID]
    /// The saved views (`[views.NAME]`), by name.
    public var views: [String: SavedView]

    /// The settings; by default no theme, every column and no saved view.
    public init(theme: String? = nil, columns: [ColumnID] = ColumnID.defaultOrder, views: [String: SavedView] = [:]) {
        self.theme = theme
        self.columns = columns
        self.views = views
    }
}
