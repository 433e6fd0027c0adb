import ABMCore
import ABMTestSupport
import Foundation
import Testing

@testable import ABMReport

/// The HTML report: well-formed, self-contained, every data string escaped, its figures equal to
/// tier health's, and its bars drawn to scale.
struct HTMLReportTests {
    static let sample: WeeklyReport = {
        let programme = SampleReport.programme
        let period = ReportPeriod(present: SampleOptions.demoAsOf)
        return WeeklyReport(programme: programme, evaluator: Evaluator(), period: period, store: "DEMO")
    }()

    @Test("the sample's report is well-formed (an XML parser reads it whole) and starts as HTML5")
    func wellFormed() {
        let html = HTMLReport.render(Self.sample)
        let scan = XMLScan(html)
        #expect(scan.error == nil, "\(String(describing: scan.error))")
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(scan.elements.filter { $0.name == "svg" }.count == 3)
    }

    @Test("it is self-contained: no script, no external font, image, style sheet or link to fetch")
    func selfContained() {
        let html = HTMLReport.render(Self.sample).lowercased()
        for forbidden in ["<script", "<link", "<img", "<iframe", "src=", "url(", "@import", "@font-face", "href="] {
            #expect(!html.contains(forbidden), "\(forbidden)")
        }
        // The only address is the SVG namespace name, which is never fetched.
        let addresses = html.components(separatedBy: "http").count - 1
        #expect(addresses == html.components(separatedBy: "xmlns=\"http://www.w3.org/2000/svg\"").count - 1)
        #expect(html.contains("@media print"))
        #expect(html.contains("max-width: 760px"))
    }

    @Test("hostile names, owners, notes, ids and store names are escaped: parsed back, they are plain text")
    func hostileText() throws {
        let html = HTMLReport.render(Hostile.report())
        let scan = XMLScan(html)
        #expect(scan.error == nil, "\(String(describing: scan.error))")
        // No markup got through: the only elements are the report's own.
        let allowed: Set<String> = [
            "html", "head", "meta", "title", "style", "body", "div", "h1", "h2", "h3", "p", "ul", "li", "strong",
            "span", "table", "thead", "tbody", "tr", "th", "td", "figure", "figcaption", "svg", "rect", "text",
            "line", "polyline", "circle", "polygon", "br",
        ]
        #expect(Set(scan.elements.map(\.name)).subtracting(allowed).isEmpty)
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("onerror=alert(1)>"))
        #expect(html.components(separatedBy: "</style>").count == 2)  // our own closing tag only
        // No control character survives (XML could not even carry most of them).
        #expect(!html.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) })
        // Read back, the text is the data with control characters shown as placeholders.
        for raw in [Hostile.name, Hostile.owner, Hostile.note, Hostile.by, Hostile.id] {
            #expect(scan.text.contains(ReportWords.clean(raw)), "\(raw.debugDescription)")
        }
        #expect(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co"))
        #expect(html.contains("&lt;store &amp; &quot;name&quot;&gt;"))
    }

    @Test("every figure of the health tables is tier health's number, tier by tier")
    func figures() throws {
        for (report, name) in [(Self.sample, "sample"), (Hostile.report(), "hostile")] {
            let scan = XMLScan(HTMLReport.render(report))
            for tier in report.health.tiers {
                let t = "tier\(tier.tier.rawValue)."
                var expected: [String: String] = [
                    "accounts": "\(tier.accounts)", "engaged_share": ReportWords.percent(tier.engagedShare),
                    "sla.clocks": "\(tier.sla.clocks)", "sla.met": "\(tier.sla.met)", "sla.late": "\(tier.sla.late)",
                    "sla.breached": "\(tier.sla.breached)", "sla.due": "\(tier.sla.due)",
                    "sla.held": "\(tier.sla.held)",
                    "sla.follow_up_rate": ReportWords.percent(tier.sla.followUpRate),
                    "decisions.decided": "\(tier.decisions.decided) of \(tier.accounts)",
                    "decisions.work": "\(tier.decisions.work)", "decisions.hold": "\(tier.decisions.hold)",
                    "decisions.demote": "\(tier.decisions.demote)", "decisions.promote": "\(tier.decisions.promote)",
                    "decisions.undecided": "\(tier.decisions.undecided)", "movement.rose": "\(tier.movement.rose)",
                    "movement.fell": "\(tier.movement.fell)",
                    "red_flag": tier.tier == .one ? (tier.redFlag ? "RED FLAG" : "no") : "—",
                    "thin": tier.tier == .one ? "\(tier.thin)" : "—",
                ]
                for state in DemandState.allCases { expected["states.\(state.rawValue)"] = "\(tier.states[state])" }
                for (key, value) in expected {
                    #expect(scan.figures[t + key] == value, "\(name) \(t + key)")
                }
                #expect(scan.figures.keys.filter { $0.hasPrefix(t) }.count == expected.count)
            }
        }
    }

    @Test("the state bars are to scale: each segment's width is its share of the tier's bar")
    func stateBarsToScale() throws {
        let report = Self.sample
        let scan = XMLScan(HTMLReport.render(report))
        let segments = scan.elements("rect", with: "data-state")
        #expect(!segments.isEmpty)
        for tier in report.health.tiers {
            let mine = segments.filter { $0["data-tier"] == "\(tier.tier.rawValue)" }
            var total = 0.0
            for segment in mine {
                let state = try #require(segment["data-state"].flatMap(DemandState.init(rawValue:)))
                let width = try #require(segment["width"].flatMap(Double.init))
                #expect(segment["data-count"] == "\(tier.states[state])")
                let expected = StateBarsChart.barWidth * Double(tier.states[state]) / Double(tier.accounts)
                #expect(abs(width - expected) <= 0.051, "\(tier.tier) \(state): \(width) vs \(expected)")
                total += width
            }
            #expect(abs(total - StateBarsChart.barWidth) < 0.3)
            #expect(mine.count == DemandState.allCases.filter { tier.states[$0] > 0 }.count)
        }
    }

    @Test("the follow-up bars are to scale and the target line stands at the target")
    func followUpBarsToScale() throws {
        let report = Self.sample
        let scan = XMLScan(HTMLReport.render(report))
        let bars = scan.elements("rect", with: "data-rate")
        #expect(bars.count == report.health.tiers.filter { $0.sla.followUpRate != nil }.count)
        for bar in bars {
            let tier = try #require(bar["data-tier"].flatMap(Int.init).flatMap(Tier.init(rawValue:)))
            let rate = try #require(report.health[tier].sla.followUpRate)
            let width = try #require(bar["width"].flatMap(Double.init))
            #expect(abs(width - FollowUpChart.barWidth * rate) <= 0.051)
        }
        let targetX = SVGText.number(FollowUpChart.left + FollowUpChart.barWidth * report.followUpTarget)
        #expect(
            scan.elements.contains {
                $0.name == "line" && $0.attributes["x1"] == targetX && $0.attributes["x2"] == targetX
            })
        #expect(scan.text.contains("target 60 %"))
    }

    @Test("the engaged-share lines have eight points a tier, end at tier health's share, with the red flag drawn")
    func engagedShareLines() throws {
        let report = Self.sample
        let html = HTMLReport.render(report)
        let scan = XMLScan(html)
        let lines = scan.elements("polyline", with: "data-tier")
        #expect(lines.count == 3)
        for line in lines {
            #expect(line["points"]?.split(separator: " ").count == 8)
        }
        for tier in report.health.tiers {
            #expect(scan.text.contains(ReportWords.percent(tier.engagedShare)))
        }
        #expect(scan.text.contains("Tier 1 red flag 20 %"))
        #expect(scan.text.contains("W47 so far"))
    }

    @Test("an empty programme still renders a whole, well-formed report")
    func emptyProgramme() {
        let report = WeeklyReport(
            programme: Fixture().build(), evaluator: Evaluator(), period: ReportPeriod(present: asOf), store: "empty")
        let html = HTMLReport.render(report)
        #expect(XMLScan(html).error == nil)
        #expect(html.contains("no accounts"))
        #expect(MarkdownReport.render(report).contains("No follow-up overdue at as-of."))
    }
}
