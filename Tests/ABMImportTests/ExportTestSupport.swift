import ABMCore
import ABMImport

/// The as-of of the export tests: Friday 2026-11-20 12:00:00 UTC, in review week 2026-W47.
let exportAsOf = instant("2026-11-20T12:00:00Z")

/// A small programme with a record of every kind:
/// - `A1` (Tier 1, "Acme, Inc.", dana): engaged and surging; marked work on Monday of W47 with a
///   note, a note added an hour later, and the mark taken back on Monday of W48 (after the
///   as-of).
/// - `A2` (Tier 2): demoted (2→3) and taken back on Tuesday of W47; re-imported at Tier 1 on
///   Wednesday 12:00.
/// - `A3` (Tier 3): demoted out of the programme on Wednesday 12:00 (removed).
/// - `A10` (Tier 2, no owner): marked hold on Wednesday 12:00, the same instant as the records of
///   A2 and A3 (it sorts before them by code point).
/// - `B1` (Tier 3): untouched, no history.
func exportProgramme() throws -> Programme {
    var builder = ProgrammeBuilder()
    for (id, name, tier, owner) in [
        ("A1", "Acme, Inc.", Tier.one, "dana"), ("A2", "Borealis", .two, "tom"), ("A3", "Cobalt", .three, "tom"),
        ("A10", "=Delta", .two, nil), ("B1", "Ember", .three, "dana"),
    ] {
        try builder.addAccount(Account(id: id, name: name, importedTier: tier, domain: "\(id).example", owner: owner))
    }
    for contact in ["C1", "C2", "C3"] {
        try builder.addContact(Contact(id: contact, accountId: "A1", name: "Person \(contact)", buyingRole: .champion))
    }
    for (number, day) in [13, 16, 18].enumerated() {
        try builder.addTouch(
            Touch(
                id: "T\(number)", accountId: "A1", channel: .meeting, direction: .inbound,
                occurredAt: instant("2026-11-\(day)T09:00:00Z"), contactId: "C\(number % 2 + 1)"))
    }
    try builder.addIntent(
        IntentRecord(accountId: "A1", topic: "data observability", score: 80, observedAt: instant("2026-11-19")))
    let records: [(String, String, HistoryEvent)] = [
        ("A1", "2026-11-16T09:00:00Z", .mark(.work, note: "call the champion")),
        ("A1", "2026-11-16T10:00:00Z", .note("booked for Thursday")),
        ("A1", "2026-11-23T09:00:00Z", .undo),
        ("A2", "2026-11-17T09:00:00Z", .mark(.demote, note: nil)),
        ("A2", "2026-11-17T10:00:00Z", .undo),
        ("A2", "2026-11-18T12:00:00Z", .retier(.one)),
        ("A3", "2026-11-18T12:00:00Z", .mark(.demote, note: " ")),
        ("A10", "2026-11-18T12:00:00Z", .mark(.hold, note: nil)),
    ]
    for (account, time, event) in records {
        let by = event == .retier(.one) ? "import" : "dana"
        try builder.addHistory(HistoryRecord(accountId: account, at: instant(time), by: by, event: event))
    }
    return builder.build()
}

/// The board rows of `programme` as of `asOf`, in board order.
func boardRows(_ programme: Programme, asOf: Instant, includeRemoved: Bool = false) -> [AccountEvaluation] {
    BoardOrder.sorted(
        Evaluator(playbook: Playbook()).evaluateAll(programme, asOf: asOf), in: programme,
        includeRemoved: includeRemoved)
}

/// The rows of `table` as dictionaries keyed by column, for reading one value at a time.
func keyed(_ table: ExportTable) -> [[String: ExportValue]] {
    table.rows.map { Dictionary(uniqueKeysWithValues: zip(table.columns, $0)) }
}
