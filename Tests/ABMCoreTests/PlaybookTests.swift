import ABMTestSupport
import Foundation
import Testing

@testable import ABMCore

struct PlaybookTests {
    @Test("the defaults are SPEC §2's listing")
    func defaults() {
        let p = Playbook()
        #expect(p.score.lookbackDays == 90)
        #expect(p.score.halfLifeDays == 14)
        #expect(p.score.breadthWeight == 3)
        #expect(p.score.maxBreadth == 5)
        #expect(p.score.stakeholderWindowDays == 30)
        #expect(p.score.intentWeight == 10)
        #expect(p.score.intentWindowDays == 30)
        #expect(p.score.saturation == 40)
        let weights: [Channel: Double] = [
            .web: 1, .display: 1, .linkedin: 2, .email: 3, .content: 4, .directMail: 4, .webinar: 6,
            .event: 8, .phone: 8, .salesEmail: 6, .meeting: 10,
        ]
        for (channel, weight) in weights { #expect(p.score.weights[channel] == weight) }
        #expect(p.surge.threshold == 65)
        #expect(p.surge.windowDays == 7)
        #expect(p.engaged.windowDays == 30)
        #expect(p.engaged.minTouches == 3)
        #expect(p.engaged.minStakeholders == 2)
        #expect(p.engaged.requireSurge)
        #expect(p.aware.windowDays == 90)
        #expect(p.sla.triggerWindowDays == 30)
        #expect(p.sla.tier1Hours == 24)
        #expect(p.sla.tier2Hours == 48)
        #expect(p.sla.followUpChannels == [.phone, .salesEmail, .meeting])
        #expect(p.sla.followUpTarget == 0.60)
        #expect(p.review.demoteAfterWeeks == 6)
        #expect(p.review.campaignStart == nil)
        #expect(p.health.tier1EngagedRedFlag == 0.20)
        #expect(p.health.minActiveContactsTier1 == 3)
    }

    @Test("the shipped example parses to exactly the defaults")
    func exampleIsTheDefaults() throws {
        #expect(try Playbook.parse(toml: PlaybookExample.text, source: "playbook.example.toml") == Playbook())
    }

    @Test("playbook.example.toml in the repository is the text compiled into the binary")
    func exampleFileMatches() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let file = try String(contentsOf: root.appendingPathComponent("playbook.example.toml"), encoding: .utf8)
        #expect(file == PlaybookExample.text)
    }

    @Test("a file gives only the keys it changes")
    func partialOverride() throws {
        let playbook = try Playbook.parse(
            toml: """
                [surge]
                threshold = 70
                [score.weights]
                meeting = 12.5
                [sla]
                follow_up_channels = ["phone"]
                [review]
                campaign_start = 2026-09-01
                """, source: "playbook.toml")
        var expected = Playbook()
        expected.surge.threshold = 70
        expected.score.weights[.meeting] = 12.5
        expected.sla.followUpChannels = [.phone]
        expected.review.campaignStart = at("2026-09-01T00:00:00Z")
        #expect(playbook == expected)
    }

    @Test(
        "campaign_start accepts a TOML date, an offset date-time or a quoted ISO time",
        arguments: [
            ("campaign_start = 2026-09-01", "2026-09-01T00:00:00Z"),
            ("campaign_start = 2026-09-01T09:30:00+02:00", "2026-09-01T07:30:00Z"),
            ("campaign_start = \"2026-09-01T09:30:00Z\"", "2026-09-01T09:30:00Z"),
        ])
    func campaignStart(line: String, expected: String) throws {
        let playbook = try Playbook.parse(toml: "[review]\n\(line)\n", source: "p.toml")
        #expect(playbook.review.campaignStart == at(expected))
    }

    @Test(
        "every kind of bad playbook is refused, naming the key and what was expected",
        arguments: [
            (
                "[score]\nhalf_life = 14",
                "p.toml: key \"score.half_life\": unknown key; did you mean \"score.half_life_days\"?"
            ),
            ("[scores]\nx = 1", "p.toml: key \"scores\": unknown key; did you mean \"score\"?"),
            (
                "[states.engaged]\nrequire_surge = \"yes\"",
                "p.toml: key \"states.engaged.require_surge\": expected true or false, found \"yes\""
            ),
            (
                "[score]\nlookback_days = 0",
                "p.toml: key \"score.lookback_days\": expected a number above 0 and at most 36500 (100 years), found 0"
            ),
            (
                "[score]\nhalf_life_days = -3",
                "p.toml: key \"score.half_life_days\": expected a number above 0, found -3"
            ),
            ("[score]\nsaturation = -1.5", "p.toml: key \"score.saturation\": expected a number above 0, found -1.5"),
            (
                "[sla]\ntier1_hours = 0",
                "p.toml: key \"sla.tier1_hours\": expected a number above 0 and at most 876000 (100 years), found 0"
            ),
            (
                "[score.weights]\nweb = -1",
                "p.toml: key \"score.weights.web\": expected a number of 0 or more, found -1"
            ),
            (
                "[score.weights]\nfax = 2",
                "p.toml: key \"score.weights.fax\": unknown channel \"fax\"; expected one of web, display, linkedin, email, content, direct_mail, webinar, event, phone, sales_email, meeting"
            ),
            (
                "[states.engaged]\nmin_touches = -2",
                "p.toml: key \"states.engaged.min_touches\": expected a whole number of 0 or more, found -2"
            ),
            (
                "[states.engaged]\nmin_touches = 2.5",
                "p.toml: key \"states.engaged.min_touches\": expected a whole number of 0 or more, found 2.5"
            ),
            ("[surge]\nthreshold = 101", "p.toml: key \"surge.threshold\": expected a number from 0 to 100, found 101"),
            (
                "[sla]\nfollow_up_target = 1.5",
                "p.toml: key \"sla.follow_up_target\": expected a share from 0 to 1 (0.6 means 60 %), found 1.5"
            ),
            (
                "[health]\ntier1_engaged_red_flag = -0.1",
                "p.toml: key \"health.tier1_engaged_red_flag\": expected a share from 0 to 1 (0.6 means 60 %), found -0.1"
            ),
            (
                "[sla]\nfollow_up_channels = [\"phone\", \"pigeon\"]",
                "p.toml: key \"sla.follow_up_channels\": unknown channel \"pigeon\"; expected one of web, display, linkedin, email, content, direct_mail, webinar, event, phone, sales_email, meeting"
            ),
            (
                "[sla]\nfollow_up_channels = \"phone\"",
                "p.toml: key \"sla.follow_up_channels\": expected an array of channels such as [\"phone\", \"meeting\"], found \"phone\""
            ),
            ("score = 3", "p.toml: key \"score\": expected a table [score], found 3"),
            (
                "[review]\ncampaign_start = \"soon\"",
                "p.toml: key \"review.campaign_start\": expected a date such as 2026-09-01 (00:00 UTC) or a time such as 2026-09-01T09:00:00Z, found \"soon\""
            ),
        ])
    func refuses(toml: String, message: String) {
        #expect(throws: PlaybookError.self) { try Playbook.parse(toml: toml, source: "p.toml") }
        do {
            _ = try Playbook.parse(toml: toml, source: "p.toml")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test(
        "absurdly large durations are refused rather than overflowing the arithmetic on times",
        arguments: [
            "[score]\nlookback_days = 1e20", "[sla]\ntier1_hours = 1e300", "[surge]\nwindow_days = inf",
            "[review]\ndemote_after_weeks = 9000000000000000000",
        ])
    func tooLarge(toml: String) {
        #expect(throws: PlaybookError.self) { try Playbook.parse(toml: toml, source: "p.toml") }
    }

    @Test("a playbook built in code with huge durations evaluates without trapping")
    func hugeValuesInCode() {
        var playbook = Playbook()
        playbook.score.lookbackDays = 1e20
        playbook.engaged.windowDays = 1e300
        playbook.sla.tier1Hours = 1e300
        playbook.review.demoteAfterWeeks = Int.max
        playbook.score.halfLifeDays = 1e-300
        var f = Fixture()
        f.account("A")
        f.touch("A", .web, at: daysAgo(3))
        f.intent("A", score: 90, at: hoursAgo(2))
        let evaluation = f.build().evaluation("A", playbook: playbook)
        #expect(evaluation.sla.status == .due)
        #expect(evaluation.score.touchPoints == 0)  // a vanishing half-life decays everything
    }

    @Test("every problem is reported, not only the first")
    func reportsAllProblems() {
        do {
            _ = try Playbook.parse(toml: "[surge]\nthreshold = 200\nwindow_days = 0\n", source: "p.toml")
            Issue.record("expected an error")
        } catch {
            #expect(error.problems.map(\.key) == ["surge.threshold", "surge.window_days"])
        }
    }

    @Test("a TOML syntax error names the line and column")
    func syntaxError() {
        do {
            _ = try Playbook.parse(toml: "[surge]\nthreshold = = 3\n", source: "p.toml")
            Issue.record("expected an error")
        } catch {
            #expect(error.problems.count == 1)
            #expect(error.problems.first?.position?.line == 2)
            #expect(error.description.hasPrefix("p.toml:2:"))
            #expect(error.description.contains("not valid TOML"))
        }
    }
}

/// Inputs the fuzzer found (scripts/fuzz.sh), pinned: TOML that made TOMLKit's parser abort
/// the process now gets a syntax error with its line and column.
struct FuzzFoundPlaybookTests {
    @Test(
        "a non-ASCII character where a key begins, or a NUL, is a syntax error, not a crash",
        arguments: [
            ("a = 1\n[ë]\n", 2, 2), ("[surge]\nthreshold = 30\n[\u{FFFD}\u{FFFD}]\n", 3, 2), ("ë = 1\n", 1, 1),
            ("[surge]\nthreshold = 30\u{0}\n", 2, 15), ("th2 =[}\n", 1, 7), ("[\n\n[views]\n", 1, 2),
            ("a =\nb = 1\n", 1, 4), ("x = {a = 1, = 2}\n", 1, 13),
        ])
    func refusedNotCrashed(text: String, line: Int, column: Int) {
        do {
            _ = try Playbook.parse(toml: text, source: "p.toml")
            Issue.record("accepted \(text)")
        } catch {
            #expect(
                error.problems.first?.position?.line == line && error.problems.first?.position?.column == column,
                "\(error)")
            #expect(error.description.contains("not valid TOML"))
        }
    }

    @Test("non-ASCII text inside strings and comments is still fine")
    func nonASCIIInStrings() throws {
        let text = "# Ünïcode comment\n[review]\ncampaign_start = \"2026-09-01\" # ✓\n\"ë\" = 'x'\n"
        #expect(TOMLPrecheck.problem(in: text) == nil)
        #expect(TOMLPrecheck.problem(in: "a = \"\"\"\nmulti ë\n\"\"\"\nb = '''\nlit ë\n'''\n") == nil)
        #expect(TOMLPrecheck.problem(in: "a = \"esc \\\" ë\"\n") == nil)
    }
}
