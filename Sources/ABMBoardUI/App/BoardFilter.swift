import ABMCore

/// Which accounts the board shows (`f`): within a dimension any chosen value matches, across
/// dimensions all must; an empty dimension does not filter. A drill-down from tier health adds
/// the accounts behind one of its numbers.
public struct BoardFilter: Sendable, Hashable {
    /// The dimensions a filter can narrow.
    public enum Dimension: String, CaseIterable, Sendable, Hashable {
        case tier, owner, state, decision, surging
        case sla = "SLA status"
    }

    /// Tiers shown (empty: all).
    public var tiers: Set<Tier> = []
    /// Owners shown, "" for accounts without one (empty: all).
    public var owners: Set<String> = []
    /// Demand states shown (empty: all).
    public var states: Set<DemandState> = []
    /// This week's decisions shown, `nil` for undecided (empty: all).
    public var decisions: Set<MarkAction?> = []
    /// Only surging accounts.
    public var surgingOnly = false
    /// SLA statuses shown (empty: all).
    public var sla: Set<SLAStatus> = []
    /// The tier health number being listed, if any.
    public var drill: Drill?

    /// The accounts behind one number of tier health.
    public struct Drill: Sendable, Hashable {
        /// The tier.
        public var tier: Tier
        /// The number.
        public var metric: HealthMetric
        /// How the status bar names it (`Tier 1 · engaged`).
        public var label: String
        /// Every account's demand state at the start of the week (for movement).
        public var weekStartStates: [DemandState]
    }

    /// No filter.
    public init() {}

    /// Whether nothing is filtered.
    public var isEmpty: Bool {
        tiers.isEmpty && owners.isEmpty && states.isEmpty && decisions.isEmpty && !surgingOnly && sla.isEmpty
            && drill == nil
    }

    /// Whether `row` (of an account owned by `owner`) is shown.
    public func matches(_ row: borrowing AccountEvaluation, owner: String?) -> Bool {
        if let drill {
            guard row.tier == drill.tier, row.account < drill.weekStartStates.count,
                drill.metric.includes(row, stateAtWeekStart: drill.weekStartStates[row.account])
            else { return false }
        }
        if !tiers.isEmpty, !(row.tier.map(tiers.contains) ?? false) { return false }
        if !owners.isEmpty, !owners.contains(owner ?? "") { return false }
        if !states.isEmpty, !states.contains(row.state) { return false }
        if !decisions.isEmpty, !decisions.contains(row.decision?.action) { return false }
        if surgingOnly, !row.surging { return false }
        if !sla.isEmpty, !sla.contains(row.sla.status) { return false }
        return true
    }

    /// The filter in words for the status bar (`tier 1,2 · state engaged · surging`).
    public var summary: String {
        var parts: [String] = []
        if let drill { parts.append(drill.label) }
        for dimension in Dimension.allCases {
            let chosen = values(of: dimension).filter(\.chosen).map(\.label)
            if !chosen.isEmpty && dimension != .surging {
                parts.append("\(dimension.rawValue) \(chosen.joined(separator: ","))")
            }
        }
        if surgingOnly { parts.append("surging") }
        return parts.joined(separator: " · ")
    }

    /// The values of `dimension` a user can choose, with whether each is chosen; owners come
    /// from `ownerNames`.
    public func values(of dimension: Dimension, ownerNames: [String] = []) -> [(label: String, chosen: Bool)] {
        switch dimension {
        case .tier: return Tier.allCases.map { ("\($0.rawValue)", tiers.contains($0)) }
        case .owner:
            return ownerChoices(ownerNames).map { ($0.isEmpty ? "(none)" : $0, owners.contains($0)) }
        case .state: return DemandState.allCases.map { ($0.rawValue, states.contains($0)) }
        case .decision:
            return ([nil] + MarkAction.allCases.map { Optional($0) }).map {
                ($0?.rawValue ?? "undecided", decisions.contains($0))
            }
        case .surging: return [("surging", surgingOnly)]
        case .sla: return SLAStatus.allCases.map { ($0.rawValue, sla.contains($0)) }
        }
    }

    /// Turns the value at `position` of `values(of: dimension, ownerNames:)` on or off.
    public mutating func toggle(_ dimension: Dimension, at position: Int, ownerNames: [String] = []) {
        func flip<T: Hashable>(_ set: inout Set<T>, _ value: T) {
            if set.contains(value) { set.remove(value) } else { set.insert(value) }
        }
        switch dimension {
        case .tier:
            if position < Tier.allCases.count { flip(&tiers, Tier.allCases[position]) }
        case .owner:
            let names = ownerChoices(ownerNames)
            if position < names.count { flip(&owners, names[position]) }
        case .state:
            if position < DemandState.allCases.count { flip(&states, DemandState.allCases[position]) }
        case .decision:
            let all: [MarkAction?] = [nil] + MarkAction.allCases.map { Optional($0) }
            if position < all.count { flip(&decisions, all[position]) }
        case .surging: surgingOnly.toggle()
        case .sla:
            if position < SLAStatus.allCases.count { flip(&sla, SLAStatus.allCases[position]) }
        }
    }

    /// The owners offered, in order: the programme's and any already chosen.
    private func ownerChoices(_ ownerNames: [String]) -> [String] {
        Set(ownerNames).union(owners).sorted(by: codePointPrecedes)
    }
}
