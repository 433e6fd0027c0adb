/// The team's rules with their numbers (SPEC §2): every key of the playbook as a typed value.
///
/// `Playbook()` holds the built-in defaults; `Playbook.parse(toml:source:)` applies a TOML file
/// that gives only the keys it changes. Windows and durations are in days or hours as written.
public struct Playbook: Sendable, Hashable {
    /// `[score]`: the engagement score of SPEC §2.1.
    public var score = Score()
    /// `[surge]`: when an account is surging (SPEC §2.2).
    public var surge = Surge()
    /// `[states.engaged]`: the engaged rule of SPEC §2.3.
    public var engaged = EngagedRule()
    /// `[states.aware]`: the aware rule of SPEC §2.3.
    public var aware = AwareRule()
    /// `[sla]`: the sales follow-up SLA (SPEC §2.4).
    public var sla = SLA()
    /// `[review]`: the weekly review (SPEC §2.5).
    public var review = Review()
    /// `[health]`: tier health thresholds (SPEC §4).
    public var health = Health()

    /// The built-in defaults.
    public init() {}

    /// `[score]` and `[score.weights]`.
    public struct Score: Sendable, Hashable {
        /// Inbound touches older than this many days do not count.
        public var lookbackDays: Double = 90
        /// Days for a touch's contribution to halve.
        public var halfLifeDays: Double = 14
        /// Points per stakeholder beyond the first.
        public var breadthWeight: Double = 3
        /// The most stakeholders beyond the first that earn breadth points.
        public var maxBreadth: Int = 5
        /// The window of `stakeholders_30d`, in days.
        public var stakeholderWindowDays: Double = 30
        /// Points for a peak intent of 100.
        public var intentWeight: Double = 10
        /// The window of `peak_intent_30d`, in days.
        public var intentWindowDays: Double = 30
        /// The raw score at which the score reaches 63 (1 − 1/e).
        public var saturation: Double = 40
        /// The weight of one inbound touch per channel.
        public var weights = ChannelWeights()
    }

    /// `[surge]`.
    public struct Surge: Sendable, Hashable {
        /// The intent score at or above which a record is a surge (0–100).
        public var threshold: Double = 65
        /// How recent a surge record must be, in days.
        public var windowDays: Double = 7
    }

    /// `[states.engaged]`.
    public struct EngagedRule: Sendable, Hashable {
        /// The window of the rule, in days.
        public var windowDays: Double = 30
        /// The fewest inbound touches in the window.
        public var minTouches: Int = 3
        /// The fewest distinct contacts among those touches.
        public var minStakeholders: Int = 2
        /// Whether an intent record at or above the surge threshold in the window is required.
        public var requireSurge: Bool = true
    }

    /// `[states.aware]`.
    public struct AwareRule: Sendable, Hashable {
        /// The window of the rule, in days.
        public var windowDays: Double = 90
    }

    /// `[sla]`.
    public struct SLA: Sendable, Hashable {
        /// How recent a trigger must be, in days.
        public var triggerWindowDays: Double = 30
        /// The SLA for Tier 1 accounts, in hours.
        public var tier1Hours: Double = 24
        /// The SLA for Tier 2 accounts, in hours.
        public var tier2Hours: Double = 48
        /// Outbound touches on these channels are follow-ups.
        public var followUpChannels: [Channel] = [.phone, .salesEmail, .meeting]
        /// The follow-up rate a tier should reach (0–1).
        public var followUpTarget: Double = 0.60
    }

    /// `[review]`.
    public struct Review: Sendable, Hashable {
        /// Weeks into the programme after which a `target` account is recommended for demotion.
        public var demoteAfterWeeks: Int = 6
        /// The programme's start; when absent, the earliest touch at or before as-of.
        public var campaignStart: Instant? = nil
    }

    /// `[health]`.
    public struct Health: Sendable, Hashable {
        /// Tier 1 is flagged red when its engaged share is below this (0–1).
        public var tier1EngagedRedFlag: Double = 0.20
        /// A Tier 1 account with fewer active contacts is thin.
        public var minActiveContactsTier1: Int = 3
        /// The buying roles a full committee has; the account card names the ones missing
        /// among an account's active contacts.
        public var committeeRoles: [BuyingRole] = [.economicBuyer, .champion, .technicalEvaluator]
    }
}

/// The weight of one inbound touch for every channel (`[score.weights]`).
public struct ChannelWeights: Sendable, Hashable {
    /// Weights indexed by `Channel.index`.
    public private(set) var values: [Double] = [1, 1, 2, 3, 4, 4, 6, 8, 8, 6, 10]

    /// The default weights of SPEC §2.1.
    public init() {}

    /// The weight of `channel`.
    public subscript(channel: Channel) -> Double {
        get { values[channel.index] }
        set { values[channel.index] = newValue }
    }
}
