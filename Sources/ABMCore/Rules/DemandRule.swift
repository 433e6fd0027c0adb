/// The facts the demand-state rule of SPEC §2.3 looks at, for one account as of one instant.
public struct DemandFacts: Sendable, Hashable {
    /// Opportunities won as of as-of.
    public var wonOpportunities = 0
    /// Opportunities open as of as-of.
    public var openOpportunities = 0
    /// Open opportunities of kind `expansion`.
    public var openExpansions = 0
    /// Inbound touches within the engaged window.
    public var engagedTouches = 0
    /// Distinct contacts among those touches.
    public var engagedContacts = 0
    /// The highest intent score within the engaged window (0 when none).
    public var engagedPeakIntent = 0
    /// Inbound touches within the aware window.
    public var awareTouches = 0
    /// The highest intent score within the aware window (0 when none).
    public var awarePeakIntent = 0

    /// Empty facts (a target account).
    public init() {}
}

/// One condition of a state's rule, with the value found and the threshold it is held to.
public struct RuleCondition: Sendable, Hashable {
    /// What is measured, e.g. `inbound touches in 30 d` or `surge in 30 d`.
    public var label: String
    /// The value found.
    public var value: Double
    /// The threshold (the value must be at least this).
    public var threshold: Double
    /// Whether the condition holds.
    public var holds: Bool
    /// Whether the value is a count (`3 inbound touches`) or a peak score (`peak 61 < 65`).
    public var style: Style

    /// How a condition reads.
    public enum Style: Sendable, Hashable {
        case count, peak
    }

    /// A condition that holds when `value ≥ threshold`.
    public init(_ label: String, value: Double, atLeast threshold: Double, style: Style = .count) {
        self.label = label
        self.value = value
        self.threshold = threshold
        self.holds = value >= threshold
        self.style = style
    }

    /// The condition in the board's words: `3 inbound touches in 30 d ✓`,
    /// `1 stakeholders in 30 d ✗ < 2`, `surge in 30 d ✗ peak 61 < 65`.
    public var text: String {
        let mark = holds ? "✓" : "✗"
        switch style {
        case .count:
            return holds
                ? "\(format(value)) \(label) \(mark)"
                : "\(format(value)) \(label) \(mark) < \(format(threshold))"
        case .peak:
            let comparison = holds ? "≥" : "<"
            return "\(label) \(mark) peak \(format(value)) \(comparison) \(format(threshold))"
        }
    }
}

/// Formats a number without a needless `.0`.
func format(_ value: Double) -> String { plainNumber(value) }

/// A state's rule traced: each condition, and whether the rule held.
public struct StateTrace: Sendable, Hashable {
    /// The state the rule is for.
    public var state: DemandState
    /// `all` conditions must hold, or `any` one.
    public var combinator: Combinator
    /// The conditions in order.
    public var conditions: [RuleCondition]

    /// How a rule combines its conditions.
    public enum Combinator: Sendable, Hashable {
        case all, any
    }

    /// Whether the rule holds.
    public var holds: Bool {
        switch combinator {
        case .all: conditions.allSatisfy(\.holds)
        case .any: conditions.contains(where: \.holds)
        }
    }
}

/// The demand-state rule of SPEC §2.3: the first state whose rule holds, in the order
/// expansion, customer, opportunity, engaged, aware, target.
public enum DemandRule {
    /// The state for `facts`.
    public static func state(_ facts: DemandFacts, playbook: Playbook) -> DemandState {
        if facts.wonOpportunities > 0 && facts.openExpansions > 0 { return .expansion }
        if facts.wonOpportunities > 0 { return .customer }
        if facts.openOpportunities > 0 { return .opportunity }
        if isEngaged(facts, playbook: playbook) { return .engaged }
        if facts.awareTouches > 0 || Double(facts.awarePeakIntent) >= playbook.surge.threshold {
            return .aware
        }
        return .target
    }

    /// Whether the engaged rule holds.
    static func isEngaged(_ facts: DemandFacts, playbook: Playbook) -> Bool {
        let rule = playbook.engaged
        return facts.engagedTouches >= rule.minTouches
            && facts.engagedContacts >= rule.minStakeholders
            && (!rule.requireSurge || Double(facts.engagedPeakIntent) >= playbook.surge.threshold)
    }

    /// Every rule from expansion down to the state that won, each traced condition by
    /// condition; the last trace is the winner's (target's rule is "otherwise").
    public static func trace(_ facts: DemandFacts, playbook: Playbook) -> [StateTrace] {
        let engagedDays = format(playbook.engaged.windowDays)
        let awareDays = format(playbook.aware.windowDays)
        let threshold = playbook.surge.threshold
        var engagedConditions = [
            RuleCondition(
                "inbound touches in \(engagedDays) d", value: Double(facts.engagedTouches),
                atLeast: Double(playbook.engaged.minTouches)),
            RuleCondition(
                "stakeholders in \(engagedDays) d", value: Double(facts.engagedContacts),
                atLeast: Double(playbook.engaged.minStakeholders)),
        ]
        if playbook.engaged.requireSurge {
            engagedConditions.append(
                RuleCondition(
                    "surge in \(engagedDays) d", value: Double(facts.engagedPeakIntent),
                    atLeast: threshold, style: .peak))
        }
        let rules: [StateTrace] = [
            StateTrace(
                state: .expansion, combinator: .all,
                conditions: [
                    RuleCondition("won opportunities", value: Double(facts.wonOpportunities), atLeast: 1),
                    RuleCondition("open expansion opportunities", value: Double(facts.openExpansions), atLeast: 1),
                ]),
            StateTrace(
                state: .customer, combinator: .all,
                conditions: [
                    RuleCondition("won opportunities", value: Double(facts.wonOpportunities), atLeast: 1)
                ]),
            StateTrace(
                state: .opportunity, combinator: .all,
                conditions: [
                    RuleCondition("open opportunities", value: Double(facts.openOpportunities), atLeast: 1)
                ]),
            StateTrace(state: .engaged, combinator: .all, conditions: engagedConditions),
            StateTrace(
                state: .aware, combinator: .any,
                conditions: [
                    RuleCondition("inbound touches in \(awareDays) d", value: Double(facts.awareTouches), atLeast: 1),
                    RuleCondition(
                        "surge in \(awareDays) d", value: Double(facts.awarePeakIntent),
                        atLeast: threshold, style: .peak),
                ]),
            StateTrace(state: .target, combinator: .all, conditions: []),
        ]
        var result: [StateTrace] = []
        for rule in rules {
            result.append(rule)
            if rule.holds { break }
        }
        return result
    }
}
