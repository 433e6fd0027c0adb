#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The program's clock: the system's time in whole seconds. The engine itself takes the time
/// passed in; the commands and the board pass this (a store may use its server's clock).
public enum SystemClock {
    /// The current time, rounded down to the second.
    public static let now: @Sendable () -> Instant = {
        Instant(seconds: Int64(time(nil)))
    }
}
