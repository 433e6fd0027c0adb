/// A column of the board, by the name the config file's `columns` setting uses.
public enum ColumnID: String, CaseIterable, Sendable, Hashable {
    /// The account's name.
    case account
    /// The account's id.
    case id
    /// The tier (T1, T2, T3).
    case tier
    /// The account's owner.
    case owner
    /// The demand state.
    case state
    /// The engagement score.
    case score
    /// The score sparkline of the last eight weeks (titled "8 weeks").
    case trend
    /// The surge marker.
    case surge
    /// The latest touch.
    case lastTouch = "last_touch"
    /// The SLA clock.
    case sla
    /// The suggested move.
    case suggests
    /// This week's decision.
    case decision

    /// The columns shown when the config does not say: every column, in this order.
    public static let defaultOrder: [ColumnID] = allCases
}
