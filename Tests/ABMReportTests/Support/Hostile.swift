import ABMCore
import ABMReport
import ABMTestSupport

/// Text an attacker (or an unlucky CRM export) could put in names, owners, notes and ids.
enum Hostile {
    static let name = "<script>alert(\"x\")</script> & Co | *bold* _u_ [a](http://e.vil) 'q' \u{1B}[31mred\u{7}"
    static let owner = "<b>o'wner</b> & \"sons\"\n#1"
    static let note = "]]> </style><img src=x onerror=alert(1)> \u{0}nul\r\nline2 \u{85}next ~~s~~ `c` \\"
    static let by = "by <i>&amp;</i>"
    static let id = "A<1>&\"'"

    /// A programme whose one Tier 1 account carries the hostile strings everywhere, with a
    /// decision this week, a tier change (promoted from Tier 2) and a breached SLA clock.
    static func programme() -> Programme {
        var f = Fixture()
        f.account(id, tier: .two, owner: owner, name: name)
        f.intent(id, score: 80, at: daysAgo(3))
        f.mark(id, .promote, at: daysAgo(2), note: note, by: by)
        f.account("B", tier: .one, owner: nil, name: "Plain")
        return f.build()
    }

    /// Its report as of `asOf`.
    static func report() -> WeeklyReport {
        WeeklyReport(
            programme: programme(), evaluator: Evaluator(), period: ReportPeriod(present: asOf),
            store: "<store & \"name\">")
    }
}
