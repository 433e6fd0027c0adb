/// Numbers the (topic, logged-by) term pairs of touches in order of first appearance. Terms
/// are small numbers, so pairs are looked up in a flat table (a dictionary only when there
/// are very many terms): a lookup per touch must cost next to nothing.
package struct LabelNumbering: Sendable {
    /// The pairs; a pair's number is its index.
    package private(set) var pairs: [(topic: Int32, by: Int32)] = []
    /// Terms below this number use `table`.
    private let side: Int
    private var table: [Int32]
    private var others: [Int64: Int32] = [:]

    /// Numbering for term numbers below `terms` (others still work, more slowly).
    package init(terms: Int) {
        side = terms <= 2_048 ? terms + 1 : 0
        table = [Int32](repeating: -1, count: side * side)
    }

    /// The pair's number, adding it when new; −1 stands for "none" on either side.
    package mutating func number(topic: Int32, by: Int32) -> Int32 {
        let t = Int(topic) + 1
        let b = Int(by) + 1
        if t >= 0, t < side, b >= 0, b < side {
            let slot = t * side + b
            if table[slot] >= 0 { return table[slot] }
            table[slot] = add(topic, by)
            return table[slot]
        }
        let key = Int64(topic) << 32 | Int64(UInt32(bitPattern: by))
        if let known = others[key] { return known }
        let number = add(topic, by)
        others[key] = number
        return number
    }

    private mutating func add(_ topic: Int32, _ by: Int32) -> Int32 {
        pairs.append((topic, by))
        return Int32(pairs.count - 1)
    }
}
