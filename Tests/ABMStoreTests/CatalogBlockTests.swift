import ABMCore
import Foundation
import Testing

@testable import ABMPostgresStore

/// The team store keeps its accounts and contacts also as one block each, written by the import
/// that changed them; a board reads the block, and whatever else writes the tables makes the
/// board read the tables instead.
@Suite("the team store's catalog blocks")
struct CatalogBlockTests {
    /// Accounts with every optional field both given and missing, and text that needs care.
    private static let accounts: [(number: Int32, account: Account)] = [
        (
            1,
            Account(
                id: "A1", name: "Ünïcode & Co, \"quoted\"\n", importedTier: .one, domain: "acme.example",
                industry: "Software", employees: 1_200, annualRevenue: 3.5e7, region: "EMEA", owner: "dana",
                sdr: "sam", icpScore: 0, holdout: false, parentAccountId: "A0")
        ),
        (
            7,
            Account(
                id: "A7", name: "", importedTier: .three, domain: nil, industry: nil, employees: nil,
                annualRevenue: nil, region: nil, owner: nil, sdr: nil, icpScore: nil, holdout: true,
                parentAccountId: nil)
        ),
    ]

    private static let contacts: [PostgresStore.SnapshotContact] = [
        .init(
            number: 1, account: 1, id: "C1", name: "Ann Lee", title: "VP Data", role: "champion",
            email: "ann@acme.example", active: true),
        .init(number: 4, account: 7, id: "C4", name: "Bø Ray", title: nil, role: "unknown", email: nil, active: false),
    ]

    @Test("accounts and contacts come back from their blocks exactly as they went in")
    func roundTrip() throws {
        let accountBlock = CatalogBlock.encode(accounts: Self.accounts)
        let decoded = try #require(accountBlock.withUnsafeBytes { CatalogBlock.accounts($0) })
        #expect(decoded.map(\.number) == Self.accounts.map(\.number))
        #expect(decoded.map(\.account) == Self.accounts.map(\.account))
        let contactBlock = CatalogBlock.encode(contacts: Self.contacts)
        let contacts = try #require(contactBlock.withUnsafeBytes { CatalogBlock.contacts($0) })
        #expect(contacts.map(\.number) == [1, 4])
        #expect(contacts.map(\.account) == [1, 7])
        #expect(contacts.map(\.id) == ["C1", "C4"])
        #expect(contacts.map(\.name) == ["Ann Lee", "Bø Ray"])
        #expect(contacts.map(\.title) == ["VP Data", nil])
        #expect(contacts.map(\.role) == ["champion", "unknown"])
        #expect(contacts.map(\.email) == ["ann@acme.example", nil])
        #expect(contacts.map(\.active) == [true, false])
    }

    @Test("a block that is cut short, of the other part or of another format is not used")
    func refused() {
        let block = CatalogBlock.encode(accounts: Self.accounts)
        for length in [0, 4, 9, 10, 40, block.count - 1] {
            #expect(Array(block.prefix(length)).withUnsafeBytes { CatalogBlock.accounts($0) } == nil, "\(length) bytes")
        }
        #expect((block + [0]).withUnsafeBytes { CatalogBlock.accounts($0) } == nil)
        #expect(block.withUnsafeBytes { CatalogBlock.contacts($0) } == nil)
        var otherFormat = block
        otherFormat[4] = CatalogBlock.format + 1
        #expect(otherFormat.withUnsafeBytes { CatalogBlock.accounts($0) } == nil)
    }

    @Test("imports write both blocks; a write by psql forgets its table's block, and the board shows the write")
    func forgottenBySQL() throws {
        let fixture = try SmallProgramme.fixture(.postgres)
        let database = try #require(fixture.databaseName)
        let parts = "SELECT string_agg(part, ',' ORDER BY part) FROM abmboard.catalog_block"
        #expect(try PostgresTestServer.psql(parts, database: database).output == "accounts,contacts")
        let fromBlocks = try fixture.store.loadProgramme()

        try PostgresTestServer.psql(
            "UPDATE abmboard.account SET name = 'Acme Renamed' WHERE account_id = 'A1'",
            database: database)
        #expect(try PostgresTestServer.psql(parts, database: database).output == "contacts")
        let renamed = try fixture.store.loadProgramme()
        #expect(renamed.accounts.map(\.name) == ["Acme Renamed", "Globex", "Initech"])

        try PostgresTestServer.psql("DELETE FROM abmboard.catalog_block", database: database)
        try PostgresTestServer.psql(
            "UPDATE abmboard.account SET name = 'Acme' WHERE account_id = 'A1'",
            database: database)
        let fromTables = try fixture.store.loadProgramme()
        #expect(fromTables.accounts == fromBlocks.accounts)
        for index in fromBlocks.accounts.indices {
            #expect(fromTables.contacts(of: index) == fromBlocks.contacts(of: index))
        }

        // The next import of each writes its block again.
        try fixture.importAccounts(SmallProgramme.accounts)
        try fixture.importContacts(SmallProgramme.contacts)
        #expect(try PostgresTestServer.psql(parts, database: database).output == "accounts,contacts")
        #expect(try fixture.store.loadProgramme().accounts == fromBlocks.accounts)
    }
}
