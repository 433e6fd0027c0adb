#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The engagement score with its three components (SPEC §2.1).
public struct ScoreBreakdown: Sendable, Hashable {
    /// Σ weight × 0.5^(age / half-life) over inbound touches within the lookback.
    public var touchPoints: Double
    /// How many inbound touches were summed.
    public var scoredTouches: Int
    /// Distinct contacts on inbound touches within the stakeholder window.
    public var stakeholders: Int
    /// breadth_weight × clamp(stakeholders − 1, 0, max_breadth).
    public var breadthPoints: Double
    /// The highest intent score within the intent window (0 when none).
    public var peakIntent: Int
    /// intent_weight × peak_intent / 100.
    public var intentPoints: Double
    /// touchPoints + breadthPoints + intentPoints.
    public var raw: Double
    /// round(100 × (1 − e^(−raw / saturation))), half away from zero.
    public var value: Int

    /// Combines the components by the formula of SPEC §2.1.
    public init(
        touchPoints: Double, scoredTouches: Int, stakeholders: Int, peakIntent: Int,
        playbook: Playbook
    ) {
        self.touchPoints = touchPoints
        self.scoredTouches = scoredTouches
        self.stakeholders = stakeholders
        self.peakIntent = peakIntent
        let extra = min(max(stakeholders - 1, 0), playbook.score.maxBreadth)
        breadthPoints = playbook.score.breadthWeight * Double(extra)
        intentPoints = playbook.score.intentWeight * Double(peakIntent) / 100
        raw = touchPoints + breadthPoints + intentPoints
        value = EngagementScore.score(raw: raw, saturation: playbook.score.saturation)
    }
}

/// The engagement score formula's pieces, shared by every path that computes it.
public enum EngagementScore {
    /// round(100 × (1 − e^(−raw / saturation))), rounding half away from zero.
    public static func score(raw: Double, saturation: Double) -> Int {
        Int((100 * (1 - exp(-raw / saturation))).rounded(.toNearestOrAwayFromZero))
    }
}
