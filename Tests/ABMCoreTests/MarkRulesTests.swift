import ABMTestSupport
import Testing

@testable import ABMCore

/// Records `events` one after another, each checked by `MarkRules`, an hour apart from
/// `start`; returns the history.
private func record(
    _ events: [HistoryEvent], tier: Tier, start: Instant = daysAgo(1), account: String = "A"
) throws -> [HistoryRecord] {
    var history: [HistoryRecord] = []
    for (n, event) in events.enumerated() {
        let stamp = start.adding(seconds: Int64(n) * 3600)
        _ = try MarkRules.check(event, at: stamp, account: account, history: history, importedTier: tier)
        history.append(HistoryRecord(accountId: account, at: stamp, by: "dana", event: event))
    }
    return history
}

private func tier(_ history: [HistoryRecord], imported: Tier, asOf instant: Instant = asOf) -> Tier? {
    MarkReplay(records: history, importedTier: imported, asOf: instant).tier
}

struct MarkRulesTests {
    @Test(
        "demote moves down a tier and removes from Tier 3; promote moves up and brings a removed account back at Tier 3"
    )
    func tierMoves() throws {
        let history = try record(
            [
                .mark(.demote, note: nil), .mark(.demote, note: nil), .mark(.promote, note: nil),
                .mark(.promote, note: nil),
            ], tier: .two)
        let entries = MarkReplay(records: history, importedTier: .two, asOf: asOf).entries
        #expect(entries.map(\.tierAfter) == [.three, nil, .three, .two])
        #expect(entries.map(\.tierBefore) == [.two, .three, nil, .three])
    }

    @Test("work and hold leave the tier; the tier is the history replayed")
    func workAndHold() throws {
        let history = try record(
            [.mark(.work, note: nil), .mark(.hold, note: nil), .mark(.promote, note: "signals")], tier: .three)
        #expect(tier(history, imported: .three) == .two)
    }

    @Test("promoting a Tier 1 account is refused and records nothing")
    func promoteTierOne() {
        #expect(throws: MarkRefusal.alreadyTierOne(account: "A")) {
            try MarkRules.check(.mark(.promote, note: nil), at: asOf, account: "A", history: [], importedTier: .one)
        }
        #expect(
            MarkRefusal.alreadyTierOne(account: "A").description
                == "A is already Tier 1; there is no tier above it to promote to (nothing recorded)")
    }

    @Test(
        "demoting a Tier 1 account needs a note with at least one non-space character",
        arguments: [nil, "", "   ", "\n\t"] as [String?])
    func demoteTierOneNeedsNote(note: String?) {
        #expect(throws: MarkRefusal.demoteTierOneNeedsNote(account: "A")) {
            try MarkRules.check(.mark(.demote, note: note), at: asOf, account: "A", history: [], importedTier: .one)
        }
    }

    @Test("a Tier 1 demote with a note goes through to Tier 2")
    func demoteTierOneWithNote() throws {
        let change = try MarkRules.check(
            .mark(.demote, note: "budget frozen"), at: asOf, account: "A", history: [], importedTier: .one)
        #expect(change.before == .one && change.after == .two)
    }

    @Test("work, hold and demote on a removed account are refused", arguments: [MarkAction.work, .hold, .demote])
    func removedAccount(action: MarkAction) throws {
        let history = try record([.mark(.demote, note: nil)], tier: .three)
        #expect(throws: MarkRefusal.removedAccount(account: "A", action: action)) {
            try MarkRules.check(
                .mark(action, note: nil), at: asOf, account: "A", history: history, importedTier: .three)
        }
    }

    @Test("undo takes back the latest standing mark with its tier change; again takes back the one before")
    func undoRestoresTier() throws {
        let history = try record([.mark(.demote, note: nil), .mark(.demote, note: nil), .undo], tier: .two)
        #expect(tier(history, imported: .two) == .three)
        let twice = try record([.mark(.demote, note: nil), .mark(.demote, note: nil), .undo, .undo], tier: .two)
        #expect(tier(twice, imported: .two) == .two)
        let replay = MarkReplay(records: twice, importedTier: .two, asOf: asOf)
        #expect(replay.takenBackBy == [3, 2, nil, nil])
        #expect(replay.standingMarks.isEmpty)
    }

    @Test("an undo with nothing to take back is refused, and an undo cannot be undone")
    func undoWithNothing() throws {
        #expect(throws: MarkRefusal.nothingToUndo(account: "A")) {
            try MarkRules.check(.undo, at: asOf, account: "A", history: [], importedTier: .two)
        }
        let history = try record([.mark(.work, note: nil), .undo], tier: .two)
        #expect(throws: MarkRefusal.nothingToUndo(account: "A")) {
            try MarkRules.check(.undo, at: asOf, account: "A", history: history, importedTier: .two)
        }
    }

    @Test("a record may not be stamped earlier than the account's latest record")
    func noEarlierStamp() throws {
        let history = try record([.mark(.work, note: nil)], tier: .two, start: hoursAgo(2))
        #expect(throws: MarkRefusal.stampedBeforeLatest(account: "A", stamp: hoursAgo(3), latest: hoursAgo(2))) {
            try MarkRules.check(
                .mark(.hold, note: nil), at: hoursAgo(3), account: "A", history: history, importedTier: .two)
        }
        // The same instant is allowed (people marking at once are never refused).
        _ = try MarkRules.check(
            .mark(.hold, note: nil), at: hoursAgo(2), account: "A", history: history, importedTier: .two)
        #expect(MarkRules.stampForNow(hoursAgo(5), history: history) == hoursAgo(2))
        #expect(MarkRules.stampForNow(asOf, history: history) == asOf)
    }

    @Test("the decision of a week is its latest standing mark; marks from Sunday 23:59:59 belong to the week before")
    func decisionPerWeek() throws {
        var f = Fixture()
        f.account("A", tier: .two)
        f.mark("A", .work, at: at("2026-11-22T23:59:59Z"))
        f.mark("A", .hold, at: at("2026-11-23T00:00:00Z"), note: "waiting for legal")
        f.mark("A", .work, at: at("2026-11-24T09:00:00Z"))
        f.record("A", .undo, at: at("2026-11-24T09:05:00Z"))
        let p = f.build()
        let thisWeek = p.evaluation("A", asOf: at("2026-11-24T12:00:00Z")).decision
        #expect(thisWeek?.action == .hold)
        #expect(thisWeek?.note == "waiting for legal")
        #expect(thisWeek?.at == at("2026-11-23T00:00:00Z"))
        let lastWeek = p.evaluation("A", asOf: at("2026-11-22T23:59:59Z")).decision
        #expect(lastWeek?.action == .work)
        // Monday 00:00:00 as-of: the new week has its hold, nothing else yet.
        #expect(p.evaluation("A", asOf: at("2026-11-23T00:00:00Z")).decision?.action == .hold)
        // Before the undo was recorded, the second work mark was the decision.
        #expect(p.evaluation("A", asOf: at("2026-11-24T09:01:00Z")).decision?.action == .work)
    }

    @Test("undo reaches into an earlier week: the latest standing mark, whatever its week")
    func undoAcrossWeeks() {
        var f = Fixture()
        f.account("A", tier: .two)
        f.mark("A", .demote, at: at("2026-11-18T10:00:00Z"))
        f.record("A", .undo, at: at("2026-11-24T10:00:00Z"))
        let p = f.build()
        #expect(p.evaluation("A", asOf: at("2026-11-24T09:00:00Z")).tier == .three)
        #expect(p.evaluation("A", asOf: at("2026-11-24T11:00:00Z")).tier == .two)
        // The board as of that week's Sunday is that Sunday's board: the undo did not exist yet.
        #expect(p.evaluation("A", asOf: at("2026-11-22T12:00:00Z")).decision?.action == .demote)
    }

    @Test("a note adds to the latest standing mark; decision.note is the latest note")
    func notes() throws {
        #expect(throws: MarkRefusal.nothingToNote(account: "A")) {
            try MarkRules.check(.note("hello"), at: asOf, account: "A", history: [], importedTier: .two)
        }
        let history = try record(
            [.mark(.work, note: "first"), .note("second"), .note("third")], tier: .two, start: hoursAgo(5))
        #expect(throws: MarkRefusal.emptyNote(account: "A")) {
            try MarkRules.check(.note("  "), at: asOf, account: "A", history: history, importedTier: .two)
        }
        let replay = MarkReplay(records: history, importedTier: .two, asOf: asOf)
        #expect(replay.decision(in: ReviewWeek(containing: asOf))?.note == "third")
        #expect(
            MarkReplay(records: history, importedTier: .two, asOf: hoursAgo(4)).decision(
                in: ReviewWeek(containing: asOf))?.note == "second")
        #expect(
            MarkReplay(records: history, importedTier: .two, asOf: hoursAgo(5)).decision(
                in: ReviewWeek(containing: asOf))?.note == "first")
    }

    @Test(
        "a re-import with another tier is recorded, sets that tier and cannot be undone; the same tier records nothing")
    func retier() throws {
        var history = try record([.mark(.demote, note: nil)], tier: .two, start: hoursAgo(5))
        #expect(
            try MarkRules.retier(
                to: .two, at: hoursAgo(4), by: "import", account: "A", history: history, importedTier: .two) == nil)
        let change = try #require(
            try MarkRules.retier(
                to: .one, at: hoursAgo(4), by: "import", account: "A", history: history, importedTier: .two))
        #expect(change.event == .retier(.one))
        history.append(change)
        #expect(tier(history, imported: .two) == .one)
        // Importing Tier 1 again records nothing; Tier 2 again is a change from the last import.
        #expect(
            try MarkRules.retier(
                to: .one, at: hoursAgo(3), by: "import", account: "A", history: history, importedTier: .two) == nil)
        #expect(
            try MarkRules.retier(
                to: .two, at: hoursAgo(3), by: "import", account: "A", history: history, importedTier: .two) != nil)
        // Undo skips the re-import and takes back the demote; the re-imported tier stands.
        _ = try MarkRules.check(.undo, at: hoursAgo(2), account: "A", history: history, importedTier: .two)
        history.append(HistoryRecord(accountId: "A", at: hoursAgo(2), by: "dana", event: .undo))
        #expect(tier(history, imported: .two) == .one)
        #expect(throws: MarkRefusal.nothingToUndo(account: "A")) {
            try MarkRules.check(.undo, at: hoursAgo(1), account: "A", history: history, importedTier: .two)
        }
        #expect(throws: MarkRefusal.stampedBeforeLatest(account: "A", stamp: hoursAgo(6), latest: hoursAgo(2))) {
            try MarkRules.retier(
                to: .three, at: hoursAgo(6), by: "import", account: "A", history: history, importedTier: .two)
        }
    }

    @Test("marks after as-of do not exist: tiers and decisions are those in force at as-of")
    func marksAfterAsOf() {
        var f = Fixture()
        f.account("A", tier: .three)
        f.mark("A", .demote, at: asOf.adding(seconds: 1))
        let p = f.build()
        #expect(p.evaluation("A").tier == .three)
        #expect(p.evaluation("A").decision == nil)
        #expect(p.evaluation("A", asOf: asOf.adding(seconds: 1)).tier == nil)
    }

    @Test("the bulk replay agrees with the full replay on every prefix of a long history")
    func fastPathAgrees() throws {
        let events: [HistoryEvent] = [
            .mark(.work, note: nil), .mark(.demote, note: "x"), .note("y"), .undo, .mark(.promote, note: nil),
            .retier(.three), .mark(.hold, note: nil), .undo, .undo, .mark(.demote, note: nil),
            .mark(.promote, note: nil),
        ]
        let history = try record(events, tier: .two, start: at("2026-11-19T08:00:00Z"))
        for n in 0...history.count {
            let instant = n == 0 ? at("2026-11-19T07:00:00Z") : history[n - 1].at
            let week = ReviewWeek(containing: instant)
            let full = MarkReplay(records: history, importedTier: .two, asOf: instant)
            let fast = MarkReplay.tierAndDecision(history, importedTier: .two, asOf: instant, week: week)
            #expect(fast.0 == full.tier)
            #expect(fast.1 == full.decision(in: week))
        }
    }
}
