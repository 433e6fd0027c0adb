import ABMCore

/// The filter as words (`tier=1,2 owner=dana state=engaged decision=undecided sla=late
/// surging`): what `:filter` takes and a saved view keeps.
extension BoardFilter {
    /// The filter the words make, or the first word that is not a filter. (A drill-down is not
    /// a word: it comes from tier health.)
    public static func parse(words: [String]) -> Result<BoardFilter, BoardFilterWordError> {
        var chosen = BoardFilter()
        for word in words {
            let parts = word.split(separator: "=", maxSplits: 1).map(String.init)
            let dimension = parts.first?.lowercased() ?? ""
            let values = parts.count > 1 ? parts[1].split(separator: ",").map(String.init) : []
            var known = !values.isEmpty
            switch dimension {
            case "surging":
                known = parts.count == 1
                chosen.surgingOnly = true
            case "tier":
                let tiers = values.compactMap { Int($0.uppercased().replacingOccurrences(of: "T", with: "")) }
                    .compactMap(Tier.init(rawValue:))
                known = known && tiers.count == values.count
                chosen.tiers.formUnion(tiers)
            case "owner":
                chosen.owners.formUnion(values.map { $0 == "(none)" ? "" : $0 })
            case "state":
                let states = values.compactMap { DemandState(rawValue: $0.lowercased()) }
                known = known && states.count == values.count
                chosen.states.formUnion(states)
            case "decision":
                let decisions = values.map { value -> MarkAction?? in
                    value.lowercased() == "undecided"
                        ? .some(nil) : MarkAction(rawValue: value.lowercased()).map { .some($0) }
                }
                known = known && decisions.allSatisfy { $0 != nil }
                chosen.decisions.formUnion(decisions.compactMap(\.self))
            case "sla":
                let statuses = values.compactMap { SLAStatus(rawValue: $0.lowercased()) }
                known = known && statuses.count == values.count
                chosen.sla.formUnion(statuses)
            default: known = false
            }
            guard known else { return .failure(BoardFilterWordError(word: word)) }
        }
        return .success(chosen)
    }

    /// The filter as words that `parse(words:)` reads back (the drill-down left out), in the
    /// dimensions' order, each dimension's values in their order.
    public var words: [String] {
        var words: [String] = []
        if !tiers.isEmpty { words.append("tier=" + tiers.sorted().map { "\($0.rawValue)" }.joined(separator: ",")) }
        if !owners.isEmpty {
            words.append(
                "owner="
                    + owners.sorted(by: codePointPrecedes).map { $0.isEmpty ? "(none)" : $0 }.joined(separator: ","))
        }
        if !states.isEmpty { words.append("state=" + states.sorted().map(\.rawValue).joined(separator: ",")) }
        if !decisions.isEmpty {
            let ordered = ([nil] + MarkAction.allCases.map { Optional($0) }).filter { decisions.contains($0) }
            words.append("decision=" + ordered.map { $0?.rawValue ?? "undecided" }.joined(separator: ","))
        }
        if !sla.isEmpty {
            words.append("sla=" + SLAStatus.allCases.filter { sla.contains($0) }.map(\.rawValue).joined(separator: ","))
        }
        if surgingOnly { words.append("surging") }
        return words
    }
}

/// A word that is not a filter.
public struct BoardFilterWordError: Error, Sendable, Hashable {
    /// The word.
    public var word: String
}
