import ABMCore
import ABMImport
import Testing

/// A file with something wrong and the exact message lines it must give.
struct BadFile: Sendable, CustomTestStringConvertible {
    var name: String
    var text: String
    var expected: [String]

    init(_ name: String, _ text: String, _ expected: String...) {
        self.name = name
        self.text = text
        self.expected = expected
    }

    var testDescription: String { name }
}

private let timeExpected = "an ISO 8601 time such as 2026-11-03T14:05:00Z or a date such as 2026-11-03"
private let channels =
    "one of web, display, linkedin, email, content, direct_mail, webinar, event, phone, sales_email or meeting"
private let roles =
    "one of economic_buyer, technical_evaluator, end_user, champion, finance, procurement, influencer, blocker"
    + " or unknown"

private let accountsHeader = "account_id,name,tier,employees,annual_revenue,icp_score,holdout,parent_account_id"

private func accounts(_ rows: String...) -> String {
    ([accountsHeader] + rows).joined(separator: "\n") + "\n"
}

struct AccountsValidationTests {
    static let cases: [BadFile] = [
        BadFile(
            "missing account_id", accounts(",Acme,1,,,,,"),
            #"accounts.csv:2: column "account_id": expected an id, found """#),
        BadFile(
            "blank account_id", accounts("  ,Acme,1,,,,,"),
            #"accounts.csv:2: column "account_id": expected an id, found "  ""#),
        BadFile("missing name", accounts("A1,,1,,,,,"), #"accounts.csv:2: column "name": expected a name, found """#),
        BadFile(
            "missing tier", accounts("A1,Acme,,,,,,"), #"accounts.csv:2: column "tier": expected 1, 2 or 3, found """#),
        BadFile("tier 4", accounts("A1,Acme,4,,,,,"), #"accounts.csv:2: column "tier": expected 1, 2 or 3, found "4""#),
        BadFile("tier 0", accounts("A1,Acme,0,,,,,"), #"accounts.csv:2: column "tier": expected 1, 2 or 3, found "0""#),
        BadFile(
            "tier in words", accounts("A1,Acme,one,,,,,"),
            #"accounts.csv:2: column "tier": expected 1, 2 or 3, found "one""#),
        BadFile(
            "employees in words", accounts("A1,Acme,1,many,,,,"),
            #"accounts.csv:2: column "employees": expected a whole number, found "many""#),
        BadFile(
            "negative employees", accounts("A1,Acme,1,-5,,,,"),
            #"accounts.csv:2: column "employees": expected a whole number, found "-5""#),
        BadFile(
            "fractional employees", accounts("A1,Acme,1,12.5,,,,"),
            #"accounts.csv:2: column "employees": expected a whole number, found "12.5""#),
        BadFile(
            "annual_revenue in words", accounts("A1,Acme,1,,lots,,,"),
            #"accounts.csv:2: column "annual_revenue": expected a number, found "lots""#),
        BadFile(
            "icp_score above 100", accounts("A1,Acme,1,,,101,,"),
            #"accounts.csv:2: column "icp_score": expected a whole number from 0 to 100, found "101""#),
        BadFile(
            "icp_score below 0", accounts("A1,Acme,1,,,-1,,"),
            #"accounts.csv:2: column "icp_score": expected a whole number from 0 to 100, found "-1""#),
        BadFile(
            "icp_score in words", accounts("A1,Acme,1,,,high,,"),
            #"accounts.csv:2: column "icp_score": expected a whole number from 0 to 100, found "high""#),
        BadFile(
            "holdout neither true nor false", accounts("A1,Acme,1,,,,maybe,"),
            #"accounts.csv:2: column "holdout": expected true or false, found "maybe""#),
        BadFile(
            "parent account in neither the store nor the file", accounts("A1,Acme,1,,,,,P9"),
            #"accounts.csv:2: column "parent_account_id": expected the id of an account in this file or already"#
                + #" imported, found "P9""#),
        BadFile(
            "parent account ids are case-sensitive", accounts("B1,Bolt,1,,,,,", "B2,Bolt Labs,2,,,,,b1"),
            #"accounts.csv:3: column "parent_account_id": expected the id of an account in this file or already"#
                + #" imported, found "b1""#),
        BadFile(
            "duplicate account id", accounts("A1,Acme,1,,,,,", "A2,Bolt,2,,,,,", "A1,Acme again,2,,,,,"),
            #"accounts.csv:4: column "account_id": expected an id not already used in this file (it is on line 2),"#
                + #" found "A1""#),
        BadFile(
            "every bad value of a row is reported, in column order", accounts(",,4,many,,101,,"),
            #"accounts.csv:2: column "account_id": expected an id, found """#,
            #"accounts.csv:2: column "name": expected a name, found """#,
            #"accounts.csv:2: column "tier": expected 1, 2 or 3, found "4""#,
            #"accounts.csv:2: column "employees": expected a whole number, found "many""#,
            #"accounts.csv:2: column "icp_score": expected a whole number from 0 to 100, found "101""#),
        BadFile(
            "every bad row is reported, in line order",
            accounts("A1,Acme,1,,,,,P9", "A2,Bolt,5,,,,,", "A3,Core,1,,,,,", "A4,,2,,,,,"),
            #"accounts.csv:2: column "parent_account_id": expected the id of an account in this file or already"#
                + #" imported, found "P9""#,
            #"accounts.csv:3: column "tier": expected 1, 2 or 3, found "5""#,
            #"accounts.csv:5: column "name": expected a name, found """#),
    ]

    @Test("a bad accounts row gives the exact message", arguments: cases)
    func badRow(file: BadFile) {
        #expect(FileKind.accounts.read(file.text) == .problems(file.expected))
    }

    @Test(
        "a parent account may be stored already, or later or earlier in the same file",
        arguments: [
            (accounts("B1,Bolt,1,,,,,A2"), 1),
            (accounts("B1,Bolt,1,,,,,B2", "B2,Bolt Group,1,,,,,"), 2),
            (accounts("B2,Bolt Group,1,,,,,", "B1,Bolt,1,,,,, B2 "), 2),
        ])
    func parentFound(text: String, count: Int) {
        #expect(FileKind.accounts.read(text) == .rows(count))
    }
}

private let contactsHeader = "contact_id,account_id,name,title,buying_role,email,active"

private func contacts(_ rows: String...) -> String {
    ([contactsHeader] + rows).joined(separator: "\n") + "\n"
}

struct ContactsValidationTests {
    static let cases: [BadFile] = [
        BadFile(
            "missing contact_id", contacts(",A1,Ann,,,,"),
            #"contacts.csv:2: column "contact_id": expected an id, found """#),
        BadFile(
            "missing account_id", contacts("K1,,Ann,,,,"),
            #"contacts.csv:2: column "account_id": expected an account id, found """#),
        BadFile(
            "account not in the store", contacts("K1,A9,Ann,,,,"),
            #"contacts.csv:2: column "account_id": expected the id of an imported account (import accounts first),"#
                + #" found "A9""#),
        BadFile(
            "account ids are case-sensitive", contacts("K1,a1,Ann,,,,"),
            #"contacts.csv:2: column "account_id": expected the id of an imported account (import accounts first),"#
                + #" found "a1""#),
        BadFile("missing name", contacts("K1,A1,,,,,"), #"contacts.csv:2: column "name": expected a name, found """#),
        BadFile(
            "unknown buying_role", contacts("K1,A1,Ann,CEO,ceo,,"),
            #"contacts.csv:2: column "buying_role": expected \#(roles), found "ceo""#),
        BadFile(
            "active neither true nor false", contacts("K1,A1,Ann,,,,sometimes"),
            #"contacts.csv:2: column "active": expected true or false, found "sometimes""#),
        BadFile(
            "duplicate contact id", contacts("K1,A1,Ann,,,,", "K1,A2,Bob,,,,"),
            #"contacts.csv:3: column "contact_id": expected an id not already used in this file (it is on line 2),"#
                + #" found "K1""#),
    ]

    @Test("a bad contacts row gives the exact message", arguments: cases)
    func badRow(file: BadFile) {
        #expect(FileKind.contacts.read(file.text) == .problems(file.expected))
    }
}

private let touchesHeader = "touch_id,account_id,channel,direction,occurred_at,contact_id"

private func touches(_ rows: String...) -> String {
    ([touchesHeader] + rows).joined(separator: "\n") + "\n"
}

struct TouchesValidationTests {
    static let cases: [BadFile] = [
        BadFile(
            "missing touch_id", touches(",A1,web,inbound,2026-11-03,"),
            #"touches.csv:2: column "touch_id": expected an id, found """#),
        BadFile(
            "missing account_id", touches("T1,,web,inbound,2026-11-03,"),
            #"touches.csv:2: column "account_id": expected an account id, found """#),
        BadFile(
            "account not in the store", touches("T1,A9,web,inbound,2026-11-03,"),
            #"touches.csv:2: column "account_id": expected the id of an imported account (import accounts first),"#
                + #" found "A9""#),
        BadFile(
            "unknown channel", touches("T1,A1,fax,inbound,2026-11-03,"),
            #"touches.csv:2: column "channel": expected \#(channels), found "fax""#),
        BadFile(
            "missing channel", touches("T1,A1,,inbound,2026-11-03,"),
            #"touches.csv:2: column "channel": expected \#(channels), found """#),
        BadFile(
            "unknown direction", touches("T1,A1,web,sideways,2026-11-03,"),
            #"touches.csv:2: column "direction": expected inbound or outbound, found "sideways""#),
        BadFile(
            "missing direction", touches("T1,A1,web,,2026-11-03,"),
            #"touches.csv:2: column "direction": expected inbound or outbound, found """#),
        BadFile(
            "occurred_at in words", touches("T1,A1,web,inbound,yesterday,"),
            #"touches.csv:2: column "occurred_at": expected \#(timeExpected), found "yesterday""#),
        BadFile(
            "impossible date", touches("T1,A1,web,inbound,2026-02-30,"),
            #"touches.csv:2: column "occurred_at": expected \#(timeExpected), found "2026-02-30""#),
        BadFile(
            "time outside the range a record can hold", touches("T1,A1,web,inbound,1900-01-01,"),
            #"touches.csv:2: column "occurred_at": expected \#(timeExpected), found "1900-01-01""#),
        BadFile(
            "missing occurred_at", touches("T1,A1,web,inbound,,"),
            #"touches.csv:2: column "occurred_at": expected \#(timeExpected), found """#),
        BadFile(
            "contact that does not exist", touches("T1,A1,web,inbound,2026-11-03,C9"),
            #"touches.csv:2: column "contact_id": expected the id of an imported contact (import contacts first),"#
                + #" found "C9""#),
        BadFile(
            "contact of another account", touches("T1,A1,web,inbound,2026-11-03,C2"),
            #"touches.csv:2: column "contact_id": expected a contact of account "A1", found "C2", a contact of"#
                + #" account "A2""#),
        BadFile(
            "every bad value of a row is reported",
            touches("T1,A9,fax,sideways,never,C9"),
            #"touches.csv:2: column "account_id": expected the id of an imported account (import accounts first),"#
                + #" found "A9""#,
            #"touches.csv:2: column "channel": expected \#(channels), found "fax""#,
            #"touches.csv:2: column "direction": expected inbound or outbound, found "sideways""#,
            #"touches.csv:2: column "occurred_at": expected \#(timeExpected), found "never""#,
            #"touches.csv:2: column "contact_id": expected the id of an imported contact (import contacts first),"#
                + #" found "C9""#),
    ]

    @Test("a bad touches row gives the exact message", arguments: cases)
    func badRow(file: BadFile) {
        #expect(FileKind.touches.read(file.text) == .problems(file.expected))
    }

    @Test(
        "a touch id used twice in the file is refused, whether ids come in order or not",
        arguments: [
            (["T1", "T1"], 3, 2),
            (["T1", "T2", "T3", "T2"], 5, 3),
            (["T3", "T1", "T2", "T1"], 5, 3),
            (["T1", "T2", "T3", "T4", "T1"], 6, 2),
            (["T9", "T8", "T7", "T9"], 5, 2),
        ])
    func duplicateId(ids: [String], line: Int, first: Int) {
        let rows = ids.map { "\($0),A1,web,inbound,2026-11-03," }
        let text = ([touchesHeader] + rows).joined(separator: "\n") + "\n"
        #expect(
            FileKind.touches.read(text)
                == .problems([
                    "touches.csv:\(line): column \"touch_id\": expected an id not already used in this file (it is on"
                        + " line \(first)), found \"\(ids[line - 2])\""
                ]))
    }

    @Test(
        "distinct touch ids in any order are accepted",
        arguments: [["T1", "T2", "T3"], ["T3", "T1", "T2"], ["b", "B"]])
    func distinctIds(ids: [String]) {
        let rows = ids.map { "\($0),A1,web,inbound,2026-11-03," }
        #expect(FileKind.touches.read(([touchesHeader] + rows).joined(separator: "\n")) == .rows(ids.count))
    }
}

private let intentHeader = "account_id,topic,score,observed_at"

private func intent(_ rows: String...) -> String {
    ([intentHeader] + rows).joined(separator: "\n") + "\n"
}

struct IntentValidationTests {
    static let cases: [BadFile] = [
        BadFile(
            "account not in the store", intent("A9,pricing,50,2026-11-02"),
            #"intent.csv:2: column "account_id": expected the id of an imported account (import accounts first),"#
                + #" found "A9""#),
        BadFile(
            "missing topic", intent("A1,,50,2026-11-02"), #"intent.csv:2: column "topic": expected a topic, found """#),
        BadFile(
            "score above 100", intent("A1,pricing,101,2026-11-02"),
            #"intent.csv:2: column "score": expected a whole number from 0 to 100, found "101""#),
        BadFile(
            "score below 0", intent("A1,pricing,-3,2026-11-02"),
            #"intent.csv:2: column "score": expected a whole number from 0 to 100, found "-3""#),
        BadFile(
            "score in words", intent("A1,pricing,high,2026-11-02"),
            #"intent.csv:2: column "score": expected a whole number from 0 to 100, found "high""#),
        BadFile(
            "fractional score", intent("A1,pricing,50.5,2026-11-02"),
            #"intent.csv:2: column "score": expected a whole number from 0 to 100, found "50.5""#),
        BadFile(
            "missing score", intent("A1,pricing,,2026-11-02"),
            #"intent.csv:2: column "score": expected a whole number from 0 to 100, found """#),
        BadFile(
            "observed_at in words", intent("A1,pricing,50,last week"),
            #"intent.csv:2: column "observed_at": expected \#(timeExpected), found "last week""#),
    ]

    @Test("a bad intent row gives the exact message", arguments: cases)
    func badRow(file: BadFile) {
        #expect(FileKind.intent.read(file.text) == .problems(file.expected))
    }

    @Test("scores 0 and 100 are inside the range")
    func scoreBounds() {
        #expect(FileKind.intent.read(intent("A1,pricing,0,2026-11-02", "A1,pricing,100,2026-11-09")) == .rows(2))
    }
}

private let opportunitiesHeader = "opportunity_id,account_id,status,created_at,closed_at,amount,kind"

private func opportunities(_ rows: String...) -> String {
    ([opportunitiesHeader] + rows).joined(separator: "\n") + "\n"
}

struct OpportunitiesValidationTests {
    static let cases: [BadFile] = [
        BadFile(
            "missing opportunity_id", opportunities(",A1,open,2026-10-01,,,"),
            #"opportunities.csv:2: column "opportunity_id": expected an id, found """#),
        BadFile(
            "account not in the store", opportunities("O1,A9,open,2026-10-01,,,"),
            #"opportunities.csv:2: column "account_id": expected the id of an imported account (import accounts"#
                + #" first), found "A9""#),
        BadFile(
            "unknown status", opportunities("O1,A1,pending,2026-10-01,,,"),
            #"opportunities.csv:2: column "status": expected open, won or lost, found "pending""#),
        BadFile(
            "missing status", opportunities("O1,A1,,2026-10-01,,,"),
            #"opportunities.csv:2: column "status": expected open, won or lost, found """#),
        BadFile(
            "missing created_at", opportunities("O1,A1,open,,,,"),
            #"opportunities.csv:2: column "created_at": expected \#(timeExpected), found """#),
        BadFile(
            "created_at in words", opportunities("O1,A1,open,soon,,,"),
            #"opportunities.csv:2: column "created_at": expected \#(timeExpected), found "soon""#),
        BadFile(
            "closed_at in words", opportunities("O1,A1,won,2026-10-01,someday,,"),
            #"opportunities.csv:2: column "closed_at": expected \#(timeExpected), found "someday""#),
        BadFile(
            "amount in words", opportunities("O1,A1,open,2026-10-01,,lots,"),
            #"opportunities.csv:2: column "amount": expected a number, found "lots""#),
        BadFile(
            "amount not finite", opportunities("O1,A1,open,2026-10-01,,inf,"),
            #"opportunities.csv:2: column "amount": expected a number, found "inf""#),
        BadFile(
            "unknown kind", opportunities("O1,A1,open,2026-10-01,,,renewal"),
            #"opportunities.csv:2: column "kind": expected new or expansion, found "renewal""#),
        BadFile(
            "won without closed_at", opportunities("O1,A1,won,2026-10-01,,,"),
            #"opportunities.csv:2: column "closed_at": expected the time a won opportunity closed (or status open),"#
                + #" found """#),
        BadFile(
            "lost without closed_at", opportunities("O1,A1,lost,2026-10-01,,,"),
            #"opportunities.csv:2: column "closed_at": expected the time a lost opportunity closed (or status open),"#
                + #" found """#),
        BadFile(
            "open with closed_at", opportunities("O1,A1,open,2026-10-01,2026-10-20,,"),
            #"opportunities.csv:2: column "closed_at": expected no closed_at on an open opportunity (or status won or"#
                + #" lost), found "2026-10-20""#),
        BadFile(
            "closed before it was created", opportunities("O1,A1,won,2026-10-01T09:00:00+02:00,2026-09-30,,"),
            #"opportunities.csv:2: column "closed_at": expected a time at or after created_at"#
                + #" (2026-10-01T07:00:00Z), found "2026-09-30""#),
        BadFile(
            "closed one second before it was created",
            opportunities("O1,A1,lost,2026-10-01T12:00:00Z,2026-10-01T11:59:59Z,,"),
            #"opportunities.csv:2: column "closed_at": expected a time at or after created_at"#
                + #" (2026-10-01T12:00:00Z), found "2026-10-01T11:59:59Z""#),
        BadFile(
            "duplicate opportunity id",
            opportunities("O1,A1,open,2026-10-01,,,", "O2,A1,open,2026-10-01,,,", "O1,A2,won,2026-10-01,2026-11-01,,"),
            #"opportunities.csv:4: column "opportunity_id": expected an id not already used in this file (it is on"#
                + #" line 2), found "O1""#),
    ]

    @Test("a bad opportunities row gives the exact message", arguments: cases)
    func badRow(file: BadFile) {
        #expect(FileKind.opportunities.read(file.text) == .problems(file.expected))
    }

    @Test("an opportunity may close the moment it is created")
    func closedWhenCreated() {
        #expect(FileKind.opportunities.read(opportunities("O1,A1,won,2026-10-01,2026-10-01T00:00:00Z,,")) == .rows(1))
    }
}
