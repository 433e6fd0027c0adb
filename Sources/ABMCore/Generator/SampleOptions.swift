/// The size and shape of a generated sample programme.
public struct SampleOptions: Sendable, Hashable {
    /// The seed: the same options give the same programme.
    public var seed: UInt64
    /// Number of accounts (Tier 1 ≈ 10 %, Tier 2 ≈ 30 %, Tier 3 ≈ 60 %).
    public var accounts: Int
    /// Total touches to generate exactly; `nil` for the natural amount (about 40 an account
    /// over twelve weeks).
    public var touches: Int?
    /// How many days of activity, ending at `asOf`.
    public var days: Int
    /// The programme's own as-of: nothing is dated after it.
    public var asOf: Instant
    /// How many review weeks, ending with the current one, carry decisions.
    public var markWeeks: Int

    /// Options with the demo's defaults unless given.
    public init(
        seed: UInt64 = 20_261_120, accounts: Int = 300, touches: Int? = nil, days: Int = 84,
        asOf: Instant = SampleOptions.demoAsOf, markWeeks: Int = 6
    ) {
        self.seed = seed
        self.accounts = accounts
        self.touches = touches
        self.days = days
        self.asOf = asOf
        self.markWeeks = markWeeks
    }

    /// The demo programme's as-of: Friday 2026-11-20 16:00 UTC, in review week 2026-W47.
    public static let demoAsOf = Instant(
        date: CivilDate(year: 2026, month: 11, day: 20), hour: 16, minute: 0, second: 0)

    /// The demo: about 300 accounts over twelve weeks.
    public static let demo = SampleOptions()

    /// The benchmark programme of the engine issue: 50,000 accounts, 5,000,000 touches over 120
    /// days (scaled by the arguments).
    public static func benchmark(accounts: Int = 50_000, touches: Int = 5_000_000) -> SampleOptions {
        SampleOptions(seed: 7, accounts: accounts, touches: touches, days: 120, markWeeks: 4)
    }
}
