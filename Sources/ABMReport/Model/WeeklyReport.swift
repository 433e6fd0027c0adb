import ABMCore

/// The written summary of a weekly review (`abmboard report`): what was decided, what moved,
/// which follow-ups are overdue, and tier health, all as of one instant. Every number comes
/// from the engine (`Evaluator.health`, `Evaluator.weekChanges`, `Evaluator.engagedShareHistory`);
/// the renderers only lay it out.
///
/// ```swift
/// let period = ReportPeriod(present: now)
/// let report = WeeklyReport(programme: programme, evaluator: Evaluator(), period: period, store: "abm.sqlite")
/// print(MarkdownReport.render(report))
/// ```
public struct WeeklyReport: Sendable {
    /// The store's name (its path, or DEMO).
    public var store: String
    /// The week and the as-of.
    public var period: ReportPeriod
    /// `health.tier1_engaged_red_flag`: the Tier 1 engaged share below which it is flagged.
    public var redFlagShare: Double
    /// `sla.follow_up_target`: the follow-up rate each tier should reach.
    public var followUpTarget: Double
    /// Tier health as of as-of.
    public var health: HealthReport
    /// The engaged share per tier at the ends of the seven weeks before, then as-of.
    public var engagedShares: EngagedShareHistory
    /// This week's decisions by tier and owner.
    public var decisions: [TierDecisions]
    /// Accounts moved up a tier this week (or brought back), in board order.
    public var promotions: [TierMove]
    /// Accounts moved down a tier (or removed) this week, in board order.
    public var demotions: [TierMove]
    /// Accounts whose state rose since Monday, in board order.
    public var rose: [StateMove]
    /// Accounts whose state fell since Monday, in board order.
    public var fell: [StateMove]
    /// Every clock open and overdue at as-of, new ones of the week marked: by owner (code-point
    /// order, no owner last), then due time.
    public var breaches: [BreachLine]

    /// How many of the breached clocks fell due this week.
    public var newBreachCount: Int { breaches.filter(\.isNew).count }
}
