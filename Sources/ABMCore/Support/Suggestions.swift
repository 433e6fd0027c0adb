/// Finds the known names closest to a misspelt one, for "did you mean …?" in error messages.
public enum Suggestions {
    /// Up to `limit` candidates within a small edit distance of `name`, closest first (ties in
    /// the candidates' order). A candidate that contains `name`, or is contained in it, counts as
    /// close too, so `A-01` suggests `A-010`.
    public static func closest(to name: String, among candidates: [String], limit: Int = 3)
        -> [String]
    {
        let target = Array(name.lowercased().unicodeScalars)
        let allowed = max(2, target.count / 3)
        var scored: [(distance: Int, order: Int, name: String)] = []
        for (order, candidate) in candidates.enumerated() {
            let lowered = candidate.lowercased()
            let distance = editDistance(target, Array(lowered.unicodeScalars), limit: allowed)
            if let distance {
                scored.append((distance, order, candidate))
            } else if !name.isEmpty && (lowered.contains(name.lowercased()) || name.lowercased().contains(lowered)) {
                scored.append((allowed + 1, order, candidate))
            }
        }
        scored.sort { ($0.distance, $0.order) < ($1.distance, $1.order) }
        return scored.prefix(limit).map(\.name)
    }

    /// The Levenshtein distance between `a` and `b`, or `nil` when it exceeds `limit`.
    public static func editDistance<T: Equatable>(_ a: [T], _ b: [T], limit: Int) -> Int? {
        if abs(a.count - b.count) > limit { return nil }
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMin = current[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                rowMin = min(rowMin, current[j])
            }
            if rowMin > limit { return nil }
            swap(&previous, &current)
        }
        return previous[b.count] <= limit ? previous[b.count] : nil
    }
}
