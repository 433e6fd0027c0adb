/// A surging topic with its highest score in the surge window.
public struct SurgeTopic: Sendable, Hashable {
    /// The topic.
    public var topic: String
    /// Its highest intent score among the surge records.
    public var score: Int

    /// Creates a surging topic.
    public init(topic: String, score: Int) {
        self.topic = topic
        self.score = score
    }
}

/// Why the engine recommends what it does (SPEC §2.5), with the facts it looked at.
public enum RecommendationReason: Sendable, Hashable {
    /// The account is removed from the programme.
    case removed
    /// The account is in the holdout.
    case holdout
    /// Tier 2 or 3 and surging or engaged.
    case promote(from: Tier, signals: Signals)
    /// Surging, engaged, or a follow-up due or breached.
    case work(Signals)
    /// Still a target this many whole weeks into the programme.
    case demote(weeksIntoProgramme: Int, awareDays: Double)
    /// Nothing above holds.
    case hold(state: DemandState, weeksIntoProgramme: Int?)

    /// The signals behind promote and work.
    public struct Signals: Sendable, Hashable {
        /// Surging topics with their scores (empty when not surging).
        public var surgingTopics: [SurgeTopic]
        /// Stakeholders in the engaged window, when the state is `engaged`.
        public var engagedStakeholders: Int?
        /// The engaged window in days.
        public var engagedDays: Double
        /// The latest clock when it is due or breached.
        public var sla: SLAStatus?
        /// Seconds from as-of to the clock's due time (negative when overdue).
        public var secondsToDue: Int64?

        /// Creates signals.
        public init(
            surgingTopics: [SurgeTopic], engagedStakeholders: Int?, engagedDays: Double,
            sla: SLAStatus?, secondsToDue: Int64?
        ) {
            self.surgingTopics = surgingTopics
            self.engagedStakeholders = engagedStakeholders
            self.engagedDays = engagedDays
            self.sla = sla
            self.secondsToDue = secondsToDue
        }

        /// The signals in words, e.g.
        /// `surging on "data observability" (72); 3 stakeholders engaged in 30 days`.
        public var text: String {
            var parts: [String] = []
            if !surgingTopics.isEmpty {
                parts.append(
                    "surging on "
                        + surgingTopics.map { "\"\($0.topic)\" (\($0.score))" }.joined(separator: ", "))
            }
            if let engagedStakeholders {
                parts.append("\(engagedStakeholders) stakeholders engaged in \(format(engagedDays)) days")
            }
            if let sla, let secondsToDue {
                if sla == .breached {
                    parts.append("follow-up overdue by \(DurationText.short(seconds: secondsToDue))")
                } else {
                    parts.append("follow-up due in \(DurationText.short(seconds: secondsToDue))")
                }
            }
            return parts.joined(separator: "; ")
        }
    }

    /// The reason in words.
    public var text: String {
        switch self {
        case .removed:
            return "removed from the programme"
        case .holdout:
            return "holdout: left unworked to measure lift"
        case .promote(let tier, let signals):
            return "\(tier.label) account \(signals.text)"
        case .work(let signals):
            return signals.text
        case .demote(let weeks, let awareDays):
            return "no inbound touch or surge in \(format(awareDays)) days, \(weeks) weeks into the programme"
        case .hold(let state, let weeks):
            switch state {
            case .target:
                if let weeks {
                    return "no engagement yet, \(weeks) weeks into the programme; nothing to act on"
                }
                return "no engagement yet; nothing to act on"
            case .aware:
                return "aware but not surging or engaged; nothing to act on"
            case .opportunity:
                return "open opportunity, not surging; no follow-up due"
            case .customer:
                return "customer, not surging; no follow-up due"
            case .expansion:
                return "expansion in progress, not surging; no follow-up due"
            case .engaged:
                return "engaged; nothing further to act on"
            }
        }
    }
}

/// The recommendation rule of SPEC §2.5.
public enum RecommendationRule {
    /// What the rule looks at.
    public struct Inputs: Sendable {
        /// The tier at as-of; `nil` when removed.
        public var tier: Tier?
        /// Whether the account is in the holdout.
        public var holdout: Bool
        /// The demand state.
        public var state: DemandState
        /// Surging topics (empty when not surging).
        public var surgingTopics: [SurgeTopic]
        /// Stakeholders in the engaged window.
        public var engagedStakeholders: Int
        /// The latest clock's status.
        public var sla: SLAStatus
        /// The latest clock's due time.
        public var slaDue: Instant?
        /// The programme's start, if there is one.
        public var programmeStart: Instant?
        /// The as-of instant.
        public var asOf: Instant

        /// Creates inputs.
        public init(
            tier: Tier?, holdout: Bool, state: DemandState, surgingTopics: [SurgeTopic],
            engagedStakeholders: Int, sla: SLAStatus, slaDue: Instant?,
            programmeStart: Instant?, asOf: Instant
        ) {
            self.tier = tier
            self.holdout = holdout
            self.state = state
            self.surgingTopics = surgingTopics
            self.engagedStakeholders = engagedStakeholders
            self.sla = sla
            self.slaDue = slaDue
            self.programmeStart = programmeStart
            self.asOf = asOf
        }
    }

    /// The recommendation and its reason.
    public static func recommend(_ inputs: Inputs, playbook: Playbook) -> (
        Recommendation, RecommendationReason
    ) {
        guard let tier = inputs.tier else { return (.none, .removed) }
        if inputs.holdout { return (.hold, .holdout) }
        let surging = !inputs.surgingTopics.isEmpty
        let engaged = inputs.state == .engaged
        let slaUrgent = inputs.sla == .due || inputs.sla == .breached
        let signals = RecommendationReason.Signals(
            surgingTopics: inputs.surgingTopics,
            engagedStakeholders: engaged ? inputs.engagedStakeholders : nil,
            engagedDays: playbook.engaged.windowDays, sla: slaUrgent ? inputs.sla : nil,
            secondsToDue: slaUrgent ? inputs.slaDue.map { $0.seconds - inputs.asOf.seconds } : nil)
        if tier != .one && (surging || engaged) { return (.promote, .promote(from: tier, signals: signals)) }
        if surging || engaged || slaUrgent { return (.work, .work(signals)) }
        let weeks = inputs.programmeStart.map {
            Int((inputs.asOf.seconds - $0.seconds) / (7 * Instant.secondsPerDay))
        }
        if inputs.state == .target, let start = inputs.programmeStart,
            inputs.asOf.seconds - start.seconds
                >= Int64(min(playbook.review.demoteAfterWeeks, PlaybookLimits.weeks)) * 7 * Instant.secondsPerDay
        {
            return (.demote, .demote(weeksIntoProgramme: weeks ?? 0, awareDays: playbook.aware.windowDays))
        }
        return (.hold, .hold(state: inputs.state, weeksIntoProgramme: weeks))
    }

    /// The programme's start as of `asOf`: `campaign_start` when set, else the earliest touch
    /// when it is at or before as-of, else none.
    public static func programmeStart(playbook: Playbook, earliestTouch: Instant?, asOf: Instant)
        -> Instant?
    {
        if let start = playbook.review.campaignStart { return start }
        guard let earliestTouch, earliestTouch <= asOf else { return nil }
        return earliestTouch
    }
}
