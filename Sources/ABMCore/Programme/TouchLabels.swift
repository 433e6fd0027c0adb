/// The distinct (topic, logged-by) pairs of touches, so a touch holds one 4-byte number for
/// both: a programme has a few thousand such pairs against millions of touches.
public struct TouchLabels: Sendable {
    /// One pair: numbers in the programme's topic and people interners (−1 when absent).
    public struct Label: Sendable, Hashable {
        /// The topic's number, −1 when none.
        public var topic: Int32
        /// The logger's number, −1 when none.
        public var by: Int32
    }

    /// The pairs; a label's number is its index.
    public private(set) var labels: [Label] = [Label(topic: -1, by: -1)]
    private var numbers: [Label: Int32] = [Label(topic: -1, by: -1): 0]

    /// Only the empty label (number 0).
    public init() {}

    /// The number of the pair, adding it if new.
    public mutating func number(topic: Int32, by: Int32) -> Int32 {
        let label = Label(topic: topic, by: by)
        if let number = numbers[label] { return number }
        let number = Int32(labels.count)
        labels.append(label)
        numbers[label] = number
        return number
    }

    /// The pair with number `number`.
    public subscript(number: Int32) -> Label { labels[Int(number)] }
}
