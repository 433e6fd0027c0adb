import ABMCore

/// How history events are spelled in the `history` table.
package enum HistoryCoding {
    /// The `event`, `tier` and `note` columns of a record.
    package static func columns(_ event: HistoryEvent) -> (event: String, tier: Int?, note: String?) {
        guard case .retier(let tier) = event else { return (event.name, nil, event.text) }
        return (event.name, tier.rawValue, nil)
    }

    /// The event of a stored record.
    package static func event(_ name: String, tier: Int?, note: String?) -> HistoryEvent? {
        switch name {
        case "undo": return .undo
        case "note": return note.map { .note($0) }
        case "retier": return tier.flatMap(Tier.init(rawValue:)).map { .retier($0) }
        default: return MarkAction(rawValue: name).map { .mark($0, note: note) }
        }
    }
}
