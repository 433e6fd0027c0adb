/// Receives the evidence of an evaluation as it is computed; the bulk path uses `IgnoreEvidence`,
/// which compiles away, and `explain` collects everything, so both share one computation.
protocol EvaluationObserver {
    /// An inbound touch within the lookback, its row, and its decayed contribution.
    mutating func scored(row: Int, decay: Double, contribution: Double)
    /// A clock, in opening order.
    mutating func clock(_ clock: SLAClock)
}

/// Discards evidence.
struct IgnoreEvidence: EvaluationObserver {
    @inline(__always) mutating func scored(row: Int, decay: Double, contribution: Double) {}
    @inline(__always) mutating func clock(_ clock: SLAClock) {}
}

/// Keeps every piece of evidence.
struct CollectEvidence: EvaluationObserver {
    var scoredRows: [(row: Int, decay: Double, contribution: Double)] = []
    var clocks: [SLAClock] = []

    mutating func scored(row: Int, decay: Double, contribution: Double) {
        scoredRows.append((row, decay, contribution))
    }

    mutating func clock(_ clock: SLAClock) { clocks.append(clock) }
}

/// Reusable working memory for evaluating many accounts: generation stamps for counting
/// distinct contacts without clearing a set per account.
struct EvaluationScratch {
    var seen: [UInt32] = []
    var stamp: UInt32 = 0
    /// Where `warm` leaves the values it loads, so the loads are not optimised away.
    var warmSink: Int32 = 0

    /// Loads the newest touch of account `index` ahead of its evaluation, so the memory it lives
    /// in is on its way to the cache while the current account is computed (a software
    /// prefetch without intrinsics).
    @inline(__always)
    mutating func warm(account index: Int, of programme: Programme) {
        guard index < programme.accountCount else { return }
        let row = Int(programme.touchStart[index + 1]) - 1
        guard row >= Int(programme.touchStart[index]) else { return }
        warmSink &+=
            programme.touches.time[row] &+ programme.touches.contact[row]
            &+ Int32(programme.touches.kind[row]) &+ programme.touches.contact[max(row - 16, 0)]
            &+ programme.touches.time[max(row - 32, 0)]
    }

    /// Prepares for an account with `contacts` contacts and returns the stamp to use.
    mutating func begin(contacts: Int) -> UInt32 {
        if seen.count < contacts { seen = [UInt32](repeating: 0, count: max(contacts, seen.count * 2)) }
        if stamp == UInt32.max {
            for i in seen.indices { seen[i] = 0 }
            stamp = 0
        }
        stamp += 1
        return stamp
    }
}
