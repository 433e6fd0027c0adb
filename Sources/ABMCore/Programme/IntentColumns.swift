/// Intent records stored column by column (9 bytes a record); rows of one account are
/// contiguous and sorted by time.
public struct IntentColumns: Sendable {
    /// When each record was observed (`CompactTime`).
    public internal(set) var time: [Int32] = []
    /// The topic's number in the programme's topic interner.
    public internal(set) var topic: [Int32] = []
    /// The intent score, 0–100.
    public internal(set) var score: [UInt8] = []

    /// Empty columns.
    public init() {}

    /// The number of records.
    public var count: Int { time.count }

    /// Appends one record.
    public mutating func append(time: Int32, topic: Int32, score: UInt8) {
        self.time.append(time)
        self.topic.append(topic)
        self.score.append(score)
    }

    /// New columns holding the rows at `order`, in that order.
    public func permuted(_ order: [Int]) -> IntentColumns {
        var result = IntentColumns()
        result.time = order.map { time[$0] }
        result.topic = order.map { topic[$0] }
        result.score = order.map { score[$0] }
        return result
    }

    /// The same records in buffers of exactly the size they need.
    public func compacted() -> IntentColumns {
        var result = self
        result.time = time.compacted()
        result.topic = topic.compacted()
        result.score = score.compacted()
        return result
    }

    /// Bytes held, counting capacity.
    public var memoryFootprint: Int { time.capacity * 4 + topic.capacity * 4 + score.capacity }
}
