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

    /// Columns built elsewhere (a loader filling plain arrays); `nil` unless the columns have
    /// one entry per record and every score is within 0–100.
    public init?(time: [Int32], topic: [Int32], score: [UInt8]) {
        guard topic.count == time.count, score.count == time.count, score.allSatisfy({ $0 <= 100 }) else {
            return nil
        }
        self.time = time
        self.topic = topic
        self.score = score
    }

    /// The number of records.
    public var count: Int { time.count }

    /// Appends one record.
    public mutating func append(time: Int32, topic: Int32, score: UInt8) {
        self.time.append(time)
        self.topic.append(topic)
        self.score.append(score)
    }

    /// Replaces every record's topic through a lookup table: topic `t` becomes `topics[t]`
    /// (−1 outside the table). For loaders that number topics their own way.
    public mutating func renumber(topics: [Int32]) {
        topic.withUnsafeMutableBufferPointer { column in
            for row in column.indices {
                let old = Int(column[row])
                column[row] = old >= 0 && old < topics.count ? topics[old] : -1
            }
        }
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
