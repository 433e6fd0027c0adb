/// Record times held in 32 bits: seconds relative to 2020-01-01T00:00:00Z.
///
/// The columnar touch and intent tables keep times this way to hold the programme in under 40
/// bytes a touch; the range is 1951-12-13T20:45:52Z to 2088-01-19T03:14:07Z, which import
/// checks.
public enum CompactTime {
    /// 2020-01-01T00:00:00Z in Unix seconds.
    public static let epoch: Int64 = 1_577_836_800

    /// The earliest instant a record may carry.
    public static let earliest = Instant(seconds: epoch + Int64(Int32.min))
    /// The latest instant a record may carry.
    public static let latest = Instant(seconds: epoch + Int64(Int32.max))

    /// The compact form of `instant`, or `nil` outside the supported range.
    @inlinable
    public static func encode(_ instant: Instant) -> Int32? {
        Int32(exactly: instant.seconds - epoch)
    }

    /// The instant of a compact time.
    @inlinable
    public static func decode(_ compact: Int32) -> Instant {
        Instant(seconds: epoch + Int64(compact))
    }

    /// Whether `instant` can be stored in a record.
    public static func canStore(_ instant: Instant) -> Bool {
        instant >= earliest && instant <= latest
    }
}
