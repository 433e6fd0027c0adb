/// A mark, undo or note as stored, with the tiers it moved the account between.
public struct RecordedMark: Sendable, Hashable {
    /// The record.
    public var record: HistoryRecord
    /// The account's tier just before (`nil`: removed).
    public var tierBefore: Tier?
    /// The account's tier just after (`nil`: removed).
    public var tierAfter: Tier?

    /// A record with the tiers it moved between.
    public init(record: HistoryRecord, tierBefore: Tier?, tierAfter: Tier?) {
        self.record = record
        self.tierBefore = tierBefore
        self.tierAfter = tierAfter
    }
}
