import ABMCore

/// `health --json` (SPEC §5).
enum HealthJSON {
    static func render(_ report: HealthReport, asOf: Instant) -> String {
        let tiers: [JSONText.Value] = report.tiers.map { tier in
            let states: [(String, JSONText.Value)] = DemandState.allCases.map { ($0.rawValue, .int(tier.states[$0])) }
            let holdout: JSONText.Value =
                tier.holdout.map { comparison in
                    .object([("holdout", group(comparison.holdout)), ("rest", group(comparison.rest))])
                } ?? .null
            return .object([
                ("tier", .int(tier.tier.rawValue)), ("accounts", .int(tier.accounts)), ("states", .object(states)),
                ("engaged_share", .double(tier.engagedShare)), ("red_flag", .bool(tier.redFlag)),
                ("thin", .int(tier.thin)),
                (
                    "sla",
                    .object([
                        ("clocks", .int(tier.sla.clocks)), ("met", .int(tier.sla.met)), ("late", .int(tier.sla.late)),
                        ("breached", .int(tier.sla.breached)), ("due", .int(tier.sla.due)),
                        ("held", .int(tier.sla.held)), ("follow_up_rate", .ratio(tier.sla.followUpRate)),
                    ])
                ),
                (
                    "decisions",
                    .object([
                        ("work", .int(tier.decisions.work)), ("hold", .int(tier.decisions.hold)),
                        ("demote", .int(tier.decisions.demote)), ("promote", .int(tier.decisions.promote)),
                        ("undecided", .int(tier.decisions.undecided)),
                    ])
                ),
                ("movement", .object([("rose", .int(tier.movement.rose)), ("fell", .int(tier.movement.fell))])),
                ("holdout", holdout),
            ])
        }
        return JSONText.render(.object([("as_of", .string(asOf.iso8601)), ("tiers", .array(tiers))])) + "\n"
    }

    private static func group(_ group: HoldoutGroup) -> JSONText.Value {
        .object([
            ("accounts", .int(group.accounts)), ("with_pipeline", .int(group.withPipeline)),
            ("share", .ratio(group.share)),
        ])
    }
}
