import ABMCore
import ABMTestSupport
import Foundation
import Testing

@testable import ABMBoardUI

/// Six accounts, each one of the card's cases: a full committee, no contacts, no champion, a
/// Tier 1 demotion with its note, a removed account and hostile text.
enum CardProgramme {
    static let asOf = ABMTestSupport.asOf

    /// `days` before `asOf`.
    static func ago(_ days: Double) -> Instant { daysAgo(days) }

    /// The hostile name: an escape sequence, a bidi override, CJK and 200 characters in all.
    static let hostileName =
        "\u{1B}[31mEvil\u{202E}Corp 東京データ株式会社 "
        + String(repeating: "x", count: 200 - 25)

    static let data: BoardData = {
        var b = ProgrammeBuilder()
        var touch = 0
        func add(
            _ account: String, _ channel: Channel, _ direction: Direction = .inbound, _ at: Instant, _ contact: String?
        ) {
            touch += 1
            try! b.addTouch(
                Touch(
                    id: "T\(1000 + touch)", accountId: account, channel: channel, direction: direction, occurredAt: at,
                    contactId: contact))
        }
        // 1. Engaged, surging Tier 1 with a full committee and this week's decision.
        try! b.addAccount(
            Account(id: "A-FULL", name: "Northwind Analytics", importedTier: .one, owner: "dana", sdr: "sam"))
        for (id, name, title, role) in [
            ("C-1", "Ana Ruiz", "VP Data", BuyingRole.champion), ("C-2", "Ben Cole", "CFO", .economicBuyer),
            ("C-3", "Chen Wei", "Staff Engineer", .technicalEvaluator), ("C-4", "Dora Li", "Analyst", .endUser),
        ] {
            try! b.addContact(Contact(id: id, accountId: "A-FULL", name: name, title: title, buyingRole: role))
        }
        add("A-FULL", .meeting, .inbound, ago(1), "C-1")
        add("A-FULL", .webinar, .inbound, ago(3), "C-2")
        add("A-FULL", .content, .inbound, ago(5), "C-3")
        add("A-FULL", .email, .inbound, ago(9), "C-1")
        add("A-FULL", .phone, .outbound, ago(0.5), "C-1")
        try! b.addIntent(IntentRecord(accountId: "A-FULL", topic: "data observability", score: 72, observedAt: ago(2)))
        try! b.addHistory(
            HistoryRecord(
                accountId: "A-FULL", at: ago(0.2), by: "dana", event: .mark(.work, note: "pilot scoping call Tue")))
        // 2. No contacts, nothing on record.
        try! b.addAccount(Account(id: "A-NONE", name: "Blank Slate Ltd", importedTier: .two, owner: "lee"))
        // 3. Engaged but no champion, and thin.
        try! b.addAccount(Account(id: "A-NOCH", name: "Harbor Logistics", importedTier: .one, owner: "dana"))
        try! b.addContact(
            Contact(id: "C-5", accountId: "A-NOCH", name: "Eve Park", title: "COO", buyingRole: .economicBuyer))
        try! b.addContact(
            Contact(id: "C-6", accountId: "A-NOCH", name: "Finn Moss", title: "Ops Lead", buyingRole: .endUser))
        try! b.addContact(
            Contact(
                id: "C-7", accountId: "A-NOCH", name: "Gus Ode", title: "Former CTO", buyingRole: .champion,
                active: false))
        add("A-NOCH", .event, .inbound, ago(4), "C-5")
        add("A-NOCH", .web, .inbound, ago(6), nil)
        try! b.addIntent(IntentRecord(accountId: "A-NOCH", topic: "fleet telemetry", score: 58, observedAt: ago(10)))
        // 4. A Tier 1 account demoted this week with the note the demotion needs.
        try! b.addAccount(Account(id: "A-DEMO", name: "Old Mill Foods", importedTier: .one, owner: "lee"))
        try! b.addContact(
            Contact(id: "C-8", accountId: "A-DEMO", name: "Hana Sato", title: "Buyer", buyingRole: .procurement))
        add("A-DEMO", .web, .inbound, ago(70), "C-8")
        try! b.addOpportunity(
            Opportunity(
                id: "O-9", accountId: "A-DEMO", status: .lost, kind: .new, amount: 48_000, createdAt: ago(200),
                closedAt: ago(120)))
        try! b.addHistory(
            HistoryRecord(
                accountId: "A-DEMO", at: ago(1), by: "lee", event: .mark(.demote, note: "no budget until FY28")))
        try! b.addHistory(
            HistoryRecord(accountId: "A-DEMO", at: ago(0.9), by: "dana", event: .note("revisit after their Q2 board")))
        // 5. A Tier 3 account demoted off the programme.
        try! b.addAccount(Account(id: "A-GONE", name: "Gone Corp", importedTier: .three, owner: "lee"))
        try! b.addHistory(HistoryRecord(accountId: "A-GONE", at: ago(8), by: "lee", event: .mark(.demote, note: nil)))
        // 6. Hostile text everywhere the data reaches the card.
        try! b.addAccount(Account(id: "A-HOST", name: hostileName, importedTier: .two, owner: "dana\u{7}"))
        try! b.addContact(
            Contact(
                id: "C-9", accountId: "A-HOST", name: "山田太郎山田太郎山田太郎山田太郎", title: "\u{202E}reganaM",
                buyingRole: .champion))
        try! b.addContact(
            Contact(id: "C-10", accountId: "A-HOST", name: String(repeating: "Ω", count: 200), buyingRole: .influencer))
        add("A-HOST", .email, .inbound, ago(2), "C-9")
        try! b.addHistory(
            HistoryRecord(accountId: "A-HOST", at: ago(1), by: "dana", event: .note("call\u{1B}]52;c;aGk=\u{7} back")))
        return BoardData(programme: b.build(), evaluator: Evaluator(), asOf: asOf, storeName: "CARDS")
    }()

    /// The card of `id` on the detail screen at `width` × `height`.
    static func detail(_ id: String, width: Int, height: Int) -> BoardState {
        var state = BoardState(data: data, user: "dana", width: width, height: height, live: false)
        state.selected = data.programme.index(ofAccount: id)
        state.screen = .detail
        state.refreshCard()
        return state
    }
}

/// The account card: golden screens of its six cases at both sizes, and what its parts say.
struct AccountCardTests {
    static let accounts = ["A-FULL", "A-NONE", "A-NOCH", "A-DEMO", "A-GONE", "A-HOST"]
    static let cases: [(String, Int, Int)] = accounts.flatMap { [($0, 80, 24), ($0, 160, 48)] }

    @Test("the card of each case matches its golden text and roles", arguments: cases)
    func golden(id: String, width: Int, height: Int) throws {
        let screen = ScreenView.render(CardProgramme.detail(id, width: width, height: height))
        let name = "card-\(id.lowercased())-\(width)x\(height)"
        try GoldenScreenTests.compare(screen.lines.joined(separator: "\n") + "\n", with: "\(name).txt", name: name)
        try GoldenScreenTests.compare(GoldenScreenTests.roles(screen), with: "\(name).roles.txt", name: name + " roles")
    }

    @Test("every card fits its screen at any size, from 1×1 to 300×100", arguments: accounts)
    func fitsAnySize(id: String) {
        for (width, height) in [(1, 1), (40, 8), (57, 13), (80, 10), (119, 40), (120, 30), (200, 60), (300, 100)] {
            for evidence in [false, true] {
                var state = CardProgramme.detail(id, width: width, height: height)
                if evidence { state.update(.keyPressed(.character("e"))) }
                let lines = ScreenView.render(state).lines
                #expect(lines.count == height)
                #expect(lines.allSatisfy { DisplayWidth.of($0) <= width }, "\(id) at \(width)×\(height)")
            }
        }
    }

    @Test("the header says the state with its reason, the recommendation and the decision")
    func header() throws {
        let card = try #require(CardProgramme.detail("A-FULL", width: 80, height: 24).card)
        let text = card.header.map { $0.map(\.text).joined() }
        #expect(text[0] == "Northwind Analytics  A-FULL · Tier 1 · owner dana · SDR sam")
        #expect(text[1] == "engaged: 4 inbound touches, 3 stakeholders, surge 72 ≥ 65 in the last 30 d")
        #expect(text[3].hasPrefix("recommends work — "))
        #expect(text[4].hasPrefix("decision work by dana at 2026-11-20 07:12 (this week) — “pilot scoping call Tue”"))
        #expect(text.last == "blocker / next step: “pilot scoping call Tue” — dana, 2026-11-20 07:12")
    }

    @Test("the committee names the champion, the missing roles and thin coverage")
    func committee() throws {
        let full = try #require(CardProgramme.detail("A-FULL", width: 80, height: 24).card)
        #expect(full.committeeSummary[1].map(\.text).joined() == "champion Ana Ruiz · every committee role covered")
        let none = try #require(CardProgramme.detail("A-NOCH", width: 80, height: 24).card)
        let summary = none.committeeSummary.map { $0.map(\.text).joined() }
        #expect(summary[0] == "Buying committee · 3 contacts, 2 active, 1 engaged in 30 d · THIN")
        // The inactive champion does not count.
        #expect(summary[1] == "no champion · missing champion, technical evaluator")
        #expect(none.people.map(\.name) == ["Eve Park", "Finn Moss", "Gus Ode"])
        #expect(none.people.last?.engagement == "inactive")
    }

    @Test("the latest note is the blocker, even when a later note follows a mark")
    func blocker() throws {
        let card = try #require(CardProgramme.detail("A-DEMO", width: 80, height: 24).card)
        #expect(
            card.header.last?.map(\.text).joined().hasPrefix("blocker / next step: “revisit after their Q2 board”")
                == true)
    }

    @Test("the timeline is newest first and names contacts")
    func timeline() throws {
        let card = try #require(CardProgramme.detail("A-FULL", width: 80, height: 24).card)
        let lines = (0..<card.timelineCount).map { card.timelineLine($0).map(\.text).joined() }
        #expect(lines.count == 7)
        #expect(lines[0].hasPrefix("2026-11-20 07:12  mark work"))
        #expect(lines[1].contains("phone out") && lines[1].contains("Ana Ruiz"))
        #expect(lines.contains { $0.contains("intent") && $0.contains("data observability 72") })
    }

    @Test("e shows the full evidence and again the card; the meeting shows the same card")
    func evidenceAndMeeting() throws {
        var state = CardProgramme.detail("A-FULL", width: 80, height: 24)
        _ = state.update(.keyPressed(.character("e")))
        #expect(ScreenView.render(state).lines[0].hasPrefix("A-FULL · Northwind Analytics · Tier 1"))
        _ = state.update(.keyPressed(.character("e")))
        #expect(ScreenView.render(state).lines[0].hasPrefix("Northwind Analytics  A-FULL"))
    }

    @Test("scrolling the timeline stops at its last page: after G, one k moves one event back")
    func scrollStops() throws {
        var state = DemoBoard.state(width: 80, height: 24)
        _ = state.update(.keyPressed(.enter))
        let card = try #require(state.card)
        let rows = CardView.layout(card, width: 80, height: 22, wide: false).timelineRows
        _ = state.update(.keyPressed(.character("G")))
        #expect(state.scroll == card.timelineCount - rows)
        for _ in 0..<5 { _ = state.update(.keyPressed(.character("j"))) }
        #expect(state.scroll == card.timelineCount - rows)
        _ = state.update(.keyPressed(.character("k")))
        #expect(state.scroll == card.timelineCount - rows - 1)
        let last = ScreenView.render(state).lines[21]
        #expect(last.hasPrefix(card.evidence.timeline[card.timelineCount - 2].at.isoMinute))
    }

    @Test("the detail and the meeting lay the card out alike at one terminal size")
    func sameLayoutInTheMeeting() {
        for (width, height) in [(119, 40), (120, 31), (120, 32), (160, 48)] {
            #expect(CardView.isWide(width: width, height: height) == (width >= 120 && height >= 32))
        }
    }
}
