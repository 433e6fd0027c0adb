#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// 0.5^(age / half-life) for ages in whole seconds, by table lookup instead of a call to `exp2`.
///
/// The age splits into three parts, `age = high·2¹⁶ + middle·2⁸ + low`, and the factor is the
/// product of three tabulated powers of two: exactly the formula of SPEC §2.1, computed in
/// double precision to within a few units in the last place. This keeps the loop over millions
/// of touches free of function calls and divisions.
struct DecayTable: Sendable {
    /// 256 `low` factors, then 256 `middle` factors, then the `high` factors.
    let values: [Double]
    /// How many `high` factors there are.
    let highCount: Int
    let halfLifeSeconds: Double

    /// Tables for ages up to `maxAgeSeconds` (older ages fall back to `exp2`).
    init(halfLifeSeconds: Double, maxAgeSeconds: Int64) {
        self.halfLifeSeconds = halfLifeSeconds
        highCount = Int(max(0, maxAgeSeconds) >> 16) + 2
        values =
            (0..<256).map { exp2(-Double($0) / halfLifeSeconds) }
            + (0..<256).map { exp2(-Double($0 << 8) / halfLifeSeconds) }
            + (0..<highCount).map { exp2(-Double($0 << 16) / halfLifeSeconds) }
    }

    /// Calls `body` with a lookup function valid inside it.
    @inline(__always)
    func withLookup<R>(_ body: (Lookup) -> R) -> R {
        values.withUnsafeBufferPointer {
            body(Lookup(values: $0, highCount: highCount, halfLifeSeconds: halfLifeSeconds))
        }
    }

    /// The decay factor for an age in seconds (a convenience outside hot loops).
    func factor(ageSeconds age: Int64) -> Double {
        withLookup { $0.factor(ageSeconds: age) }
    }

    /// A view of the tables for one loop.
    struct Lookup {
        let values: UnsafeBufferPointer<Double>
        let highCount: Int
        let halfLifeSeconds: Double

        /// The decay factor for an age of `age` seconds.
        @inline(__always)
        func factor(ageSeconds age: Int64) -> Double {
            let h = Int(truncatingIfNeeded: age >> 16)
            if age < 0 || h >= highCount { return exp2(-Double(age) / halfLifeSeconds) }
            return values[512 + h] * values[256 + Int(truncatingIfNeeded: (age >> 8) & 255)]
                * values[Int(truncatingIfNeeded: age & 255)]
        }
    }
}
