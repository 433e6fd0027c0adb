/// The playbook's numbers in the form the hot loops use: seconds, per-channel arrays, masks.
struct RuleConstants: Sendable {
    let playbook: Playbook
    /// Weight per `Channel.index`.
    let weights: [Double]
    /// Weight per touch `kind` byte: the channel's weight for inbound, 0 for outbound.
    let weightsByKind: [Double]
    /// The half-life in seconds.
    let halfLifeSeconds: Double
    /// Bit `channel.index` is set for follow-up channels.
    let followUpMask: UInt16
    /// The SLA of Tier 1 and Tier 2 in seconds.
    let tier1SLASeconds: Int64
    let tier2SLASeconds: Int64
    /// The surge threshold.
    let surgeThreshold: Double
    /// The decay factor by age in seconds.
    let decay: DecayTable

    init(_ playbook: Playbook) {
        self.playbook = playbook
        weights = playbook.score.weights.values
        surgeThreshold = playbook.surge.threshold
        weightsByKind = (0..<(2 * Channel.allCases.count)).map { kind in
            kind & 1 == 0 ? playbook.score.weights.values[kind >> 1] : 0
        }
        halfLifeSeconds = playbook.score.halfLifeDays * Double(Instant.secondsPerDay)
        var mask: UInt16 = 0
        for channel in playbook.sla.followUpChannels { mask |= 1 << UInt16(channel.index) }
        followUpMask = mask
        // The playbook reader bounds these; the clamps keep a hand-built playbook from trapping.
        tier1SLASeconds = Int64((min(playbook.sla.tier1Hours, PlaybookLimits.hours) * 3600).rounded())
        tier2SLASeconds = Int64((min(playbook.sla.tier2Hours, PlaybookLimits.hours) * 3600).rounded())
        decay = DecayTable(
            halfLifeSeconds: halfLifeSeconds,
            maxAgeSeconds: Int64(min(playbook.score.lookbackDays, PlaybookLimits.days) * Double(Instant.secondsPerDay))
                + 1)
    }

    /// The SLA of `tier` in seconds (Tier 3 has none).
    func slaSeconds(_ tier: Tier) -> Int64? {
        switch tier {
        case .one: tier1SLASeconds
        case .two: tier2SLASeconds
        case .three: nil
        }
    }
}

/// The windows of SPEC §2 as exclusive lower bounds on record times, for one as-of: a record
/// at `t` is "within the last N days" when `bound < t ≤ asOf`. Times are `CompactTime`
/// seconds widened to 64 bits.
struct Windows: Sendable {
    let asOf: Int64
    let lookback: Int64
    let stakeholders: Int64
    let engaged: Int64
    let aware: Int64
    let intentScore: Int64
    let surge: Int64
    let trigger: Int64
    /// The oldest bound of any touch window.
    let touchFloor: Int64
    /// The oldest bound of any intent window.
    let intentFloor: Int64

    init(asOf instant: Instant, playbook: Playbook) {
        let asOf = instant.seconds - CompactTime.epoch
        self.asOf = asOf
        func bound(_ days: Double) -> Int64 {
            // t > asOf − days ⇔ t > ⌊asOf − days⌋ for whole-second t.
            let exact = Double(asOf) - min(days, PlaybookLimits.days) * Double(Instant.secondsPerDay)
            return Int64(exact.rounded(.down))
        }
        lookback = bound(playbook.score.lookbackDays)
        stakeholders = bound(playbook.score.stakeholderWindowDays)
        engaged = bound(playbook.engaged.windowDays)
        aware = bound(playbook.aware.windowDays)
        intentScore = bound(playbook.score.intentWindowDays)
        surge = bound(playbook.surge.windowDays)
        trigger = bound(playbook.sla.triggerWindowDays)
        touchFloor = min(lookback, stakeholders, engaged, aware)
        intentFloor = min(intentScore, engaged, aware, surge, trigger)
    }
}
