import ABMCore
import ABMTestSupport

/// The programme tier health is worked out on in ABMCoreTests (TierHealthTests), with owners
/// spread out and one account without an owner: as-of Friday 2026-11-20 12:00.
func smallProgramme() -> Programme {
    var f = Fixture()
    // Tier 1
    f.account("T1A", tier: .one, owner: "zoe")  // engaged, surging, clock breached this week, work
    for id in ["A1", "A2", "A3"] { f.contact(id, of: "T1A") }
    f.touch("T1A", .web, at: daysAgo(20), contact: "A1")
    f.touch("T1A", .content, at: daysAgo(1), contact: "A1")
    f.touch("T1A", .content, at: daysAgo(2), contact: "A2")
    f.touch("T1A", .webinar, at: daysAgo(3), contact: "A3")
    f.intent("T1A", score: 70, at: daysAgo(2))
    f.mark("T1A", .work, at: hoursAgo(3), by: "zoe")
    f.account("T1B", tier: .one, owner: "amy")  // opportunity, thin, undecided
    f.contact("B1", of: "T1B")
    f.opportunity("O1", of: "T1B", .open, created: daysAgo(30))
    f.account("T1C", tier: .one, owner: "zoe")  // target, thin, hold with a note
    f.mark("T1C", .hold, at: hoursAgo(4), note: "waiting for budget", by: "zoe")
    // Tier 2
    f.account("T2A", tier: .two, owner: "amy")  // customer on Monday, expansion now; a met clock
    f.opportunity("O2", of: "T2A", .won, created: daysAgo(300), closed: daysAgo(100))
    f.opportunity("O3", of: "T2A", .open, kind: .expansion, created: daysAgo(2))
    f.intent("T2A", score: 68, at: daysAgo(10))
    f.touch("T2A", .phone, .outbound, at: daysAgo(10).adding(seconds: 3600))
    f.account("T2B", tier: .two, holdout: true, owner: nil)  // opportunity in the holdout, no owner
    f.opportunity("O4", of: "T2B", .open, created: daysAgo(10))
    f.intent("T2B", score: 90, at: daysAgo(1))
    f.account("T2C", tier: .two, owner: "amy")  // aware; clock overdue but held by this week's hold
    f.touch("T2C", .web, at: daysAgo(5))
    f.intent("T2C", score: 66, at: daysAgo(3))
    f.mark("T2C", .hold, at: daysAgo(1), by: "amy")
    f.account("T2D", tier: .two, owner: "zoe")  // engaged on Monday, aware now; a breach from last week
    for id in ["D1", "D2", "D3"] { f.contact(id, of: "T2D") }
    f.touch("T2D", .content, at: daysAgo(31), contact: "D1")
    f.touch("T2D", .content, at: daysAgo(31.5), contact: "D2")
    f.touch("T2D", .content, at: daysAgo(32), contact: "D3")
    f.intent("T2D", score: 70, at: daysAgo(12))
    f.account("T2E", tier: .two, owner: "amy")  // demoted this week to Tier 3, with a note
    f.touch("T2E", .web, at: daysAgo(3))
    f.mark("T2E", .demote, at: daysAgo(1), note: "no fit", by: "amy")
    // Tier 3
    f.account("T3A", tier: .three, owner: "zoe")  // promoted this week to Tier 2 by marketing
    f.touch("T3A", .web, at: daysAgo(40))
    f.mark("T3A", .promote, at: daysAgo(2), note: "surging", by: "marketing")
    f.account("T3B", tier: .three, owner: "amy")  // removed last week: in no tier
    f.touch("T3B", .web, at: daysAgo(40))
    f.mark("T3B", .demote, at: daysAgo(8), by: "amy")
    f.account("T3C", tier: .three, owner: "amy")  // target, undecided
    return f.build()
}
