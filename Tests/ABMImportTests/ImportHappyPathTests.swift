import ABMCore
import ABMImport
import Testing

/// What `read` makes of the UTF-8 of `text`; throws the problems when the file is refused.
private func rows<Rows>(
    _ text: String, _ read: (UnsafeBufferPointer<UInt8>) -> Result<Rows, ImportProblems>
) throws -> Rows {
    try Array(text.utf8).withUnsafeBufferPointer { try read($0).get() }
}

struct ImportHappyPathTests {
    @Test("a small accounts file parses into the right accounts, each with its line")
    func accounts() throws {
        let text = csv(
            "account_id,name,tier,domain,industry,employees,annual_revenue,region,owner,sdr,icp_score,holdout,"
                + "parent_account_id",
            "A1,Acme Corp,1,acme.example,Manufacturing,1200,350000000.5,EMEA,ana,sam,87,false,",
            "A2,\"Acme Labs, Inc.\",2,,,0,,,ana,,0,TRUE,A1",
            "B1,Bolt,3",
            "B2,\"The \"\"Bolt\"\" Group\",3,,,,1e6,,,,100,no,P1")
        let catalog = ImportCatalog(accounts: ["P1": 7])
        let accounts = try rows(text) { AccountsFile.read(file: "accounts.csv", bytes: $0, catalog: catalog) }
        #expect(
            accounts.map(\.account) == [
                Account(
                    id: "A1", name: "Acme Corp", importedTier: .one, domain: "acme.example",
                    industry: "Manufacturing", employees: 1200, annualRevenue: 350_000_000.5, region: "EMEA",
                    owner: "ana", sdr: "sam", icpScore: 87, holdout: false),
                Account(
                    id: "A2", name: "Acme Labs, Inc.", importedTier: .two, employees: 0, owner: "ana", icpScore: 0,
                    holdout: true, parentAccountId: "A1"),
                Account(id: "B1", name: "Bolt", importedTier: .three),
                Account(
                    id: "B2", name: "The \"Bolt\" Group", importedTier: .three, annualRevenue: 1_000_000, icpScore: 100,
                    parentAccountId: "P1"),
            ])
        #expect(accounts.map(\.line) == [2, 3, 4, 5])
    }

    @Test("a BOM, CRLF line ends, blank lines and a multi-line name still give each account its first line")
    func accountsLines() throws {
        let text = "\u{FEFF}account_id,name,tier\r\n\r\nA1,\"Acme\r\nCorp\",1\r\nA2,Bolt,2\r\n"
        let accounts = try rows(text) { AccountsFile.read(file: "accounts.csv", bytes: $0, catalog: storedCatalog) }
        #expect(accounts.map(\.account.name) == ["Acme\r\nCorp", "Bolt"])
        #expect(accounts.map(\.line) == [3, 5])
    }

    @Test("touches land in the right columns: accounts, times, packed kinds, contacts, terms and notes")
    func touches() throws {
        let text = csv(
            "Note,touch_id,account_id,channel,direction,occurred_at,contact_id,topic,by",
            ",T1,A1,web,inbound,2026-11-03T14:05:00Z,C1,pricing,",
            "\"Called, left a \"\"voicemail\"\"\",T2,A2,Sales_Email,OUTBOUND,2026-11-04,,,ana",
            ",T3,A1,meeting,outbound,2026-11-05T10:00:00+02:00, C1 ,pricing,ana",
            "\"Multi\nline\",T4,A2,direct_mail,outbound,2026-11-06 09:30,C2,security,ben")
        let touches = try rows(text) { TouchesFile.read(file: "touches.csv", bytes: $0, catalog: storedCatalog) }
        #expect(touches.count == 4)
        #expect(touches.ids == ["T1", "T2", "T3", "T4"])
        #expect(touches.account == [1, 2, 1, 2])
        #expect(
            touches.time == [
                instant("2026-11-03T14:05:00Z").seconds, instant("2026-11-04T00:00:00Z").seconds,
                instant("2026-11-05T08:00:00Z").seconds, instant("2026-11-06T09:30:00Z").seconds,
            ])
        #expect(
            touches.kind == [
                TouchColumns.packKind(.web, .inbound), TouchColumns.packKind(.salesEmail, .outbound),
                TouchColumns.packKind(.meeting, .outbound), TouchColumns.packKind(.directMail, .outbound),
            ])
        #expect(touches.contact == [10, -1, 10, 20])
        #expect(touches.terms == ["pricing", "ana", "security", "ben"])
        #expect(touches.topic == [0, -1, 0, 2])
        #expect(touches.by == [-1, 1, 1, 3])
        #expect(touches.notes == [1: "Called, left a \"voicemail\"", 3: "Multi\nline"])
    }

    @Test("packed kinds read back as the channel and direction they came from")
    func kindsRoundTrip() throws {
        let pairs = Channel.allCases.flatMap { channel in Direction.allCases.map { (channel, $0) } }
        let lines = pairs.enumerated().map { index, pair in
            "T\(100 + index),A1,\(pair.0.rawValue),\(pair.1.rawValue),2026-11-03"
        }
        let text = (["touch_id,account_id,channel,direction,occurred_at"] + lines).joined(separator: "\n")
        let touches = try rows(text) { TouchesFile.read(file: "touches.csv", bytes: $0, catalog: storedCatalog) }
        #expect(touches.kind.map { TouchColumns.channel(ofKind: $0) } == pairs.map(\.0))
        #expect(touches.kind.map { TouchColumns.direction(ofKind: $0) } == pairs.map(\.1))
    }

    @Test("contacts take their account's store number, with role unknown and active by default")
    func contacts() throws {
        let text = csv(
            "contact_id,account_id,name,title,buying_role,email,active",
            "K1,A1,Ann Lee,CFO,Economic_Buyer,ann@acme.example,",
            "K2,A2,Bob Roe,,,,false")
        let contacts = try rows(text) { ContactsFile.read(file: "contacts.csv", bytes: $0, catalog: storedCatalog) }
        #expect(
            contacts.map(\.contact) == [
                Contact(
                    id: "K1", accountId: "A1", name: "Ann Lee", title: "CFO", buyingRole: .economicBuyer,
                    email: "ann@acme.example", active: true),
                Contact(id: "K2", accountId: "A2", name: "Bob Roe", buyingRole: .unknown, active: false),
            ])
        #expect(contacts.map(\.account) == [1, 2])
        #expect(contacts.map(\.line) == [2, 3])
    }

    @Test("opportunities parse with kind new by default and their account's store number")
    func opportunities() throws {
        let text = csv(
            "opportunity_id,account_id,status,created_at,closed_at,amount,kind,stage",
            "O1,A1,open,2026-10-01,,120000,,Discovery",
            "O2,A2,WON,2026-09-01T10:00:00Z,2026-10-15,50000.50,Expansion,Closed Won",
            "O3,A1,lost,2026-09-01,2026-09-01,,new,")
        let opportunities = try rows(text) {
            OpportunitiesFile.read(file: "opportunities.csv", bytes: $0, catalog: storedCatalog)
        }
        #expect(
            opportunities.map(\.opportunity) == [
                Opportunity(
                    id: "O1", accountId: "A1", status: .open, kind: .new, stage: "Discovery", amount: 120_000,
                    createdAt: instant("2026-10-01")),
                Opportunity(
                    id: "O2", accountId: "A2", status: .won, kind: .expansion, stage: "Closed Won", amount: 50_000.5,
                    createdAt: instant("2026-09-01T10:00:00Z"), closedAt: instant("2026-10-15")),
                Opportunity(
                    id: "O3", accountId: "A1", status: .lost, kind: .new, createdAt: instant("2026-09-01"),
                    closedAt: instant("2026-09-01")),
            ])
        #expect(opportunities.map(\.account) == [1, 2, 1])
    }

    @Test("intent rows land in columns, with topics numbered in order of appearance")
    func intent() throws {
        let text = csv(
            "observed_at,score,topic,account_id",
            "2026-11-02,70,pricing,A1",
            "2026-11-02T00:00:00Z,40,security,A2",
            "2026-11-09,75,pricing,A1")
        let intent = try rows(text) { IntentFile.read(file: "intent.csv", bytes: $0, catalog: storedCatalog) }
        #expect(intent.count == 3)
        #expect(intent.account == [1, 2, 1])
        #expect(intent.topic == [0, 1, 0])
        #expect(intent.topics == ["pricing", "security"])
        #expect(intent.score == [70, 40, 75])
        #expect(
            intent.time == [
                instant("2026-11-02").seconds, instant("2026-11-02").seconds, instant("2026-11-09").seconds,
            ])
    }
}
