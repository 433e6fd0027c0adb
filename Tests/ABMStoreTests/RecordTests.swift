import ABMCore
import ABMImport
import Foundation
import Testing

@testable import ABMPostgresStore
@testable import ABMSQLiteStore
@testable import ABMStore

/// Marks, undos and notes through `record` (SPEC §3): refusals record nothing, and a "now"
/// stamp never goes earlier than the account's latest record.
@Suite("recording marks in the store")
struct RecordTests {
    /// Checks that `body` is refused with `expected` and records nothing.
    private func expectRefusal(
        _ expected: MarkRefusal, in fixture: StoreFixture, sourceLocation: SourceLocation = #_sourceLocation,
        _ body: () throws(StoreError) -> RecordedMark
    ) throws {
        let counts = try fixture.store.rowCounts()
        let revision = try fixture.store.revision()
        let programme = try fixture.store.loadProgramme()
        #expect(refusal(body, sourceLocation: sourceLocation) == expected, sourceLocation: sourceLocation)
        #expect(try fixture.store.rowCounts() == counts, sourceLocation: sourceLocation)
        #expect(try fixture.store.revision() == revision, sourceLocation: sourceLocation)
        let after = try fixture.store.loadProgramme()
        for index in 0..<after.accountCount {
            #expect(after.history(of: index) == programme.history(of: index), sourceLocation: sourceLocation)
        }
    }

    @Test("promoting a Tier 1 account is refused and records nothing", arguments: Backend.all)
    func promoteTierOne(backend: Backend) throws {
        let fixture = try SmallProgramme.fixture(backend)
        try expectRefusal(.alreadyTierOne(account: "A1"), in: fixture) { () throws(StoreError) in
            try fixture.store.record(.mark(.promote, note: "go"), account: "A1", by: "mk", stamp: .now)
        }
        // Also after a promotion to Tier 1.
        _ = try fixture.store.record(.mark(.promote, note: nil), account: "A2", by: "mk", stamp: .now)
        #expect(try fixture.tier("A2") == .one)
        try expectRefusal(.alreadyTierOne(account: "A2"), in: fixture) { () throws(StoreError) in
            try fixture.store.record(.mark(.promote, note: nil), account: "A2", by: "mk", stamp: .now)
        }
    }

    @Test(
        "demoting a Tier 1 account without a note is refused and records nothing",
        arguments: Backend.all, [nil, "", "   ", "\t\n"] as [String?])
    func demoteTierOneWithoutNote(backend: Backend, note: String?) throws {
        let fixture = try SmallProgramme.fixture(backend)
        try expectRefusal(.demoteTierOneNeedsNote(account: "A1"), in: fixture) { () throws(StoreError) in
            try fixture.store.record(.mark(.demote, note: note), account: "A1", by: "dana", stamp: .now)
        }
        #expect(try fixture.tier("A1") == .one)
    }

    @Test("demoting a Tier 1 account with a note is recorded with the tier before and after", arguments: Backend.all)
    func demoteTierOneWithNote(backend: Backend) throws {
        let fixture = try SmallProgramme.fixture(backend)
        let recorded = try fixture.store.record(
            .mark(.demote, note: "no budget this year"), account: "A1", by: "dana", stamp: .now)
        #expect(recorded.tierBefore == .one)
        #expect(recorded.tierAfter == .two)
        #expect(try fixture.tier("A1") == .two)
        #expect(try fixture.history("A1").map(\.event) == [.mark(.demote, note: "no budget this year")])
    }

    @Test("undo with nothing to take back is refused and records nothing", arguments: Backend.all)
    func undoNothing(backend: Backend) throws {
        let fixture = try SmallProgramme.fixture(backend)
        try expectRefusal(.nothingToUndo(account: "A2"), in: fixture) { () throws(StoreError) in
            try fixture.store.record(.undo, account: "A2", by: "lee", stamp: .now)
        }
        // After a mark and its undo there is nothing left either.
        _ = try fixture.store.record(.mark(.demote, note: nil), account: "A2", by: "lee", stamp: .now)
        let undone = try fixture.store.record(.undo, account: "A2", by: "lee", stamp: .now)
        #expect(undone.tierBefore == .three)
        #expect(undone.tierAfter == .two)
        try expectRefusal(.nothingToUndo(account: "A2"), in: fixture) { () throws(StoreError) in
            try fixture.store.record(.undo, account: "A2", by: "lee", stamp: .now)
        }
        #expect(try fixture.history("A2").map(\.event) == [.mark(.demote, note: nil), .undo])
    }

    @Test("a removed account refuses work, hold and demote; promote brings it back at Tier 3", arguments: Backend.all)
    func removedAccount(backend: Backend) throws {
        let fixture = try SmallProgramme.fixture(backend)
        let removed = try fixture.store.record(.mark(.demote, note: nil), account: "A3", by: "dana", stamp: .now)
        #expect(removed.tierBefore == .three)
        #expect(removed.tierAfter == nil)
        for action in [MarkAction.work, .hold, .demote] {
            try expectRefusal(.removedAccount(account: "A3", action: action), in: fixture) {
                () throws(StoreError) in
                try fixture.store.record(.mark(action, note: "x"), account: "A3", by: "dana", stamp: .now)
            }
        }
        let back = try fixture.store.record(.mark(.promote, note: nil), account: "A3", by: "dana", stamp: .now)
        #expect(back.tierBefore == nil)
        #expect(back.tierAfter == .three)
    }

    @Test("a record stamped earlier than the account's latest is refused and records nothing", arguments: Backend.all)
    func earlierStamp(backend: Backend) throws {
        let fixture = try SmallProgramme.fixture(backend)
        _ = try fixture.store.record(
            .mark(.work, note: nil), account: "A2", by: "lee", stamp: .at(instant("2026-11-10T10:00:00Z")))
        let latest = instant("2026-11-10T10:00:00Z")
        let early = instant("2026-11-10T09:59:59Z")
        try expectRefusal(.stampedBeforeLatest(account: "A2", stamp: early, latest: latest), in: fixture) {
            () throws(StoreError) in
            try fixture.store.record(.mark(.hold, note: nil), account: "A2", by: "lee", stamp: .at(early))
        }
        // The same second is allowed, and another account has its own latest record.
        _ = try fixture.store.record(.mark(.hold, note: nil), account: "A2", by: "lee", stamp: .at(latest))
        _ = try fixture.store.record(.mark(.hold, note: nil), account: "A1", by: "dana", stamp: .at(early))
    }

    @Test("an unknown account is refused with the closest ids", arguments: Backend.all)
    func unknownAccount(backend: Backend) throws {
        let fixture = try SmallProgramme.fixture(backend)
        do {
            _ = try fixture.store.record(.mark(.work, note: nil), account: "a1", by: "x", stamp: .now)
            Issue.record("a mark on an unknown account was recorded")
        } catch .unknownAccount(let id, let suggestions) {
            #expect(id == "a1")
            #expect(suggestions.contains("A1"))
        } catch {
            Issue.record("expected unknownAccount, got \(error)")
        }
        #expect(try fixture.store.rowCounts()["history"] == 0)
    }

    @Test(
        "a \"now\" stamp never goes earlier than the account's latest record when the clock goes back",
        arguments: Backend.all)
    func clockGoesBackwards(backend: Backend) throws {
        let clock = ManualClock(instant("2026-11-10T12:00:00Z"))
        let fixture = try SmallProgramme.fixture(backend, clock: clock.function)

        let first = try fixture.store.record(.mark(.work, note: nil), account: "A2", by: "lee", stamp: .now)
        #expect(first.record.at == instant("2026-11-10T12:00:00Z"))

        clock.set(instant("2026-11-10T11:00:00Z"))
        let second = try fixture.store.record(.mark(.hold, note: nil), account: "A2", by: "kim", stamp: .now)
        #expect(second.record.at == instant("2026-11-10T12:00:00Z"))
        let note = try fixture.store.record(.note("called twice"), account: "A2", by: "kim", stamp: .now)
        #expect(note.record.at == instant("2026-11-10T12:00:00Z"))

        clock.set(instant("2026-11-01T00:00:00Z"))
        let undo = try fixture.store.record(.undo, account: "A2", by: "kim", stamp: .now)
        #expect(undo.record.at == instant("2026-11-10T12:00:00Z"))

        // A re-import that changes the tier is stamped the same way.
        let retier = try fixture.importAccounts(csv("account_id,name,tier", "A2,Globex,3"), by: "ops")
        #expect(retier.recorded == 1)

        // Another account has no records: it takes the clock as it is.
        let other = try fixture.store.record(.mark(.work, note: nil), account: "A1", by: "dana", stamp: .now)
        #expect(other.record.at == instant("2026-11-01T00:00:00Z"))

        clock.set(instant("2026-11-10T12:00:05Z"))
        let later = try fixture.store.record(.mark(.work, note: nil), account: "A2", by: "lee", stamp: .now)
        #expect(later.record.at == instant("2026-11-10T12:00:05Z"))

        let history = try fixture.history("A2")
        #expect(history.count == 6)
        #expect(history.map(\.at) == history.map(\.at).sorted())
        #expect(history.allSatisfy { $0.at >= instant("2026-11-10T12:00:00Z") })
        #expect(history[4].event == .retier(.three))
        #expect(history[4].by == "ops")
    }

    @Test(
        "the tier before and after stored with each record agree with a replay of the history", arguments: Backend.all)
    func storedTiersAgreeWithReplay(backend: Backend) throws {
        let clock = ManualClock(instant("2026-11-10T12:00:00Z"))
        let fixture = try SmallProgramme.fixture(backend, clock: clock.function)
        let steps: [(String, HistoryEvent)] = [
            ("A2", .mark(.promote, note: nil)), ("A2", .mark(.demote, note: "not yet")), ("A2", .undo),
            ("A3", .mark(.demote, note: nil)), ("A3", .mark(.promote, note: nil)), ("A3", .mark(.promote, note: nil)),
            ("A3", .undo), ("A1", .mark(.hold, note: nil)), ("A1", .note("waiting for budget")),
        ]
        for (offset, (account, event)) in steps.enumerated() {
            clock.set(instant("2026-11-10T12:00:00Z").adding(seconds: Int64(offset * 60)))
            let recorded = try fixture.store.record(event, account: account, by: "t", stamp: .now)
            let history = try fixture.history(account)
            let importedTier: Tier = account == "A1" ? .one : account == "A2" ? .two : .three
            let before = MarkReplay(
                records: Array(history.dropLast()), importedTier: importedTier, asOf: .distantFuture)
            let after = MarkReplay(records: history, importedTier: importedTier, asOf: .distantFuture)
            #expect(recorded.tierBefore == before.tier, "step \(offset)")
            #expect(recorded.tierAfter == after.tier, "step \(offset)")
        }
        #expect(try fixture.tier("A2") == .one)
        #expect(try fixture.tier("A3") == .three)
        #expect(try fixture.tier("A1") == .one)
    }
}
