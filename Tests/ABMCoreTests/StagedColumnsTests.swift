import ABMTestSupport
import Testing

@testable import ABMCore

/// Columns built outside the builder (the store's loader decodes touches and intent on a second
/// core, numbered its own way, then hands them over).
struct StagedColumnsTests {
    /// An arena over `strings`, laid out by hand the way a loader does.
    private func arena(_ strings: [String]) -> StringArena? {
        var bytes: [UInt8] = []
        var ends: [UInt32] = []
        for string in strings {
            bytes.append(contentsOf: string.utf8)
            ends.append(UInt32(bytes.count))
        }
        return StringArena(bytes: bytes, ends: ends)
    }

    @Test(
        "an arena laid out by hand reads back its strings, of equal or mixed lengths",
        arguments: [["T1", "T2", "T3"], ["T1", "T22", "", "Tété"], [], ["", ""]])
    func arenaFromLayout(strings: [String]) throws {
        let built = try #require(arena(strings))
        #expect(built.count == strings.count)
        #expect((0..<built.count).map { built[$0] } == strings)
        var appended = StringArena()
        for string in strings { appended.append(string) }
        #expect(built == appended)
    }

    @Test("an arena whose ends decrease or miss the last byte is refused")
    func arenaRefusesBadLayout() {
        #expect(StringArena(bytes: Array("abc".utf8), ends: [2, 1]) == nil)
        #expect(StringArena(bytes: Array("abc".utf8), ends: [1, 2]) == nil)
        #expect(StringArena(bytes: Array("abc".utf8), ends: [1, 2, 3]) != nil)
    }

    @Test("touch columns need one entry per touch in every column and notes on existing rows")
    func touchColumnsCheckCounts() throws {
        let ids = try #require(arena(["T1", "T2"]))
        #expect(
            TouchColumns(time: [1, 2], kind: [0, 0], contact: [-1, -1], label: [0, 0], ids: ids, notes: [1: "n"])
                != nil)
        #expect(TouchColumns(time: [1, 2], kind: [0], contact: [-1, -1], label: [0, 0], ids: ids, notes: [:]) == nil)
        #expect(
            TouchColumns(time: [1, 2], kind: [0, 0], contact: [-1, -1], label: [0, 0], ids: ids, notes: [2: "n"])
                == nil)
        let one = try #require(arena(["T1"]))
        #expect(
            TouchColumns(time: [1, 2], kind: [0, 0], contact: [-1, -1], label: [0, 0], ids: one, notes: [:]) == nil)
    }

    @Test("renumbering maps contacts and labels through tables; numbers outside them become none")
    func renumberTouches() throws {
        let ids = try #require(arena(["T1", "T2", "T3", "T4"]))
        var columns = try #require(
            TouchColumns(
                time: [1, 2, 3, 4], kind: [0, 0, 0, 0], contact: [7, -1, 0, 99], label: [1, 0, 2, 5], ids: ids,
                notes: [:]))
        var contacts = [Int32](repeating: -1, count: 8)
        contacts[7] = 1
        contacts[0] = 0
        columns.renumber(contacts: contacts, labels: [0, 3, 4])
        #expect(columns.contact == [1, -1, 0, -1])
        #expect(columns.label == [3, 0, 4, 0])
    }

    @Test("intent columns need one entry per record and scores within 0–100; topics renumber")
    func intentColumns() throws {
        #expect(IntentColumns(time: [1], topic: [0, 1], score: [5]) == nil)
        #expect(IntentColumns(time: [1], topic: [0], score: [101]) == nil)
        var columns = try #require(IntentColumns(time: [1, 2], topic: [3, 9], score: [5, 100]))
        columns.renumber(topics: [-1, -1, -1, 0])
        #expect(columns.topic == [0, -1])
    }

    /// The compact form of a time the test knows to be in range.
    private func compact(_ instant: Instant) -> Int32 {
        CompactTime.encode(instant) ?? Int32.min
    }

    /// A builder with accounts A and B, contact CA of A (staging 0) and one label.
    private func builderWithAccounts() throws -> (ProgrammeBuilder, label: Int32, topic: Int32) {
        var builder = ProgrammeBuilder()
        try builder.addAccount(Account(id: "A", name: "Acme", importedTier: .one))
        try builder.addAccount(Account(id: "B", name: "Beta", importedTier: .two))
        let caId = Array("CA".utf8)
        let caName = Array("Cara".utf8)
        caId.withUnsafeBufferPointer { id in
            caName.withUnsafeBufferPointer { name in
                _ = builder.addContact(
                    id: id, account: 0, name: name, title: builder.internTitle("CFO"), role: .finance,
                    email: UnsafeBufferPointer(start: nil, count: 0), active: true)
            }
        }
        let topic = builder.internTopic("pricing")
        let label = builder.touchLabel(topic: topic, by: builder.internPerson("dana"))
        return (builder, label, topic)
    }

    @Test("staged touches and intent become the programme's, sorted per account as with records")
    func addStaged() throws {
        var (builder, label, topic) = try builderWithAccounts()
        let ids = try #require(arena(["T1", "T2", "T3"]))
        let touches = try #require(
            TouchColumns(
                time: [compact(daysAgo(2)), compact(daysAgo(1)), compact(daysAgo(3))],
                kind: [
                    TouchColumns.packKind(.web, .inbound), TouchColumns.packKind(.meeting, .outbound),
                    TouchColumns.packKind(.email, .inbound),
                ],
                contact: [0, -1, -1], label: [label, 0, label], ids: ids, notes: [1: "agenda sent"]))
        try builder.addTouches(touches, accounts: [0, 0, 1])
        let intent = try #require(
            IntentColumns(time: [compact(daysAgo(1))], topic: [topic], score: [70]))
        try builder.addIntent(intent, accounts: [1])
        let programme = builder.build()

        #expect(
            programme.touches(of: 0) == [
                Touch(
                    id: "T1", accountId: "A", channel: .web, direction: .inbound, occurredAt: daysAgo(2),
                    contactId: "CA",
                    topic: "pricing", by: "dana"),
                Touch(
                    id: "T2", accountId: "A", channel: .meeting, direction: .outbound, occurredAt: daysAgo(1),
                    note: "agenda sent"),
            ])
        #expect(programme.touches(of: 1).map(\.id) == ["T3"])
        #expect(programme.intent(of: 1).map(\.topic) == ["pricing"])
        #expect(programme.contacts(of: 0).map(\.title) == ["CFO"])
    }

    @Test("staged records that do not fit are refused and name what is wrong")
    func refuseStaged() throws {
        var (builder, _, _) = try builderWithAccounts()
        let ids = try #require(arena(["T1"]))
        let bad = [
            (contact: Int32(-1), label: Int32(0), account: Int32(2), message: "account index 2 of 2"),
            (contact: 5, label: 0, account: 0, message: "contact number 5 of 1"),
            (contact: -1, label: 9, account: 0, message: "label number 9 of 2"),
        ]
        for item in bad {
            let touches = try #require(
                TouchColumns(time: [0], kind: [0], contact: [item.contact], label: [item.label], ids: ids, notes: [:]))
            #expect(throws: ProgrammeError.stagedRecordsDoNotFit(item.message)) {
                try builder.addTouches(touches, accounts: [item.account])
            }
        }
        let touches = try #require(TouchColumns(time: [0], kind: [0], contact: [-1], label: [0], ids: ids, notes: [:]))
        #expect(throws: ProgrammeError.stagedRecordsDoNotFit("1 rows but 2 account numbers")) {
            try builder.addTouches(touches, accounts: [0, 1])
        }
        let intent = try #require(IntentColumns(time: [0], topic: [4], score: [1]))
        #expect(throws: ProgrammeError.stagedRecordsDoNotFit("topic number 4 of 1")) {
            try builder.addIntent(intent, accounts: [0])
        }
    }

    @Test("contacts added as bytes are found by id when a touch record names them later")
    func bytesContactsIndexedLazily() throws {
        var (builder, _, _) = try builderWithAccounts()
        try builder.addTouch(
            Touch(id: "T1", accountId: "A", channel: .web, direction: .inbound, occurredAt: daysAgo(1), contactId: "CA")
        )
        #expect(builder.contactNumber(of: "CA") == 0)
        #expect(throws: ProgrammeError.duplicateContact(id: "CA")) {
            try builder.addContact(Contact(id: "CA", accountId: "B", name: "again"))
        }
        #expect(builder.build().touches(of: 0).first?.contactId == "CA")
    }
}
