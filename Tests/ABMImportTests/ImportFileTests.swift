import ABMCore
import ABMImport
import Testing

/// The accounts of `text`, read against `storedCatalog`; throws the problems when refused.
func readAccounts(_ text: String) throws -> [(account: Account, line: Int)] {
    try Array(text.utf8).withUnsafeBufferPointer {
        try AccountsFile.read(file: "accounts.csv", bytes: $0, catalog: storedCatalog).get()
    }
}

/// The ids `prefix1001`, `prefix1002`, … (`count` of them), in increasing order.
private func orderedIds(_ prefix: String, count: Int) -> [String] {
    (1...count).map { "\(prefix)\(1000 + $0)" }
}

struct ImportHeaderTests {
    @Test(
        "a missing required column is reported on line 1, naming the columns found",
        arguments: FileKind.allCases.flatMap { kind in kind.requiredColumns.map { (kind, $0) } })
    func missingRequiredColumn(kind: FileKind, missing: String) {
        let present = kind.requiredColumns.filter { $0 != missing }
        let text = present.joined(separator: ",") + "\n" + present.map { _ in "x" }.joined(separator: ",") + "\n"
        #expect(
            kind.read(text)
                == .problems([
                    "\(kind.fileName):1: column \"\(missing)\": expected a column named \"\(missing)\" in the header,"
                        + " found the columns \(present.joined(separator: ", "))"
                ]))
    }

    @Test("every missing required column is reported, with the header as written")
    func severalMissingColumns() {
        #expect(
            FileKind.accounts.read("Account_ID,Colour\nA1,red\n")
                == .problems([
                    #"accounts.csv:1: column "name": expected a column named "name" in the header, found the columns"#
                        + " Account_ID, Colour",
                    #"accounts.csv:1: column "tier": expected a column named "tier" in the header, found the columns"#
                        + " Account_ID, Colour",
                ]))
    }

    @Test("header names are matched without regard to case or surrounding spaces, in any order")
    func headerCaseAndOrder() throws {
        let rows = try readAccounts(" TIER ,Name,Account_ID,ICP_Score\n2,Acme,A1,40\n")
        #expect(rows.map(\.account) == [Account(id: "A1", name: "Acme", importedTier: .two, icpScore: 40)])
    }

    @Test("columns the file kind does not know are ignored")
    func unknownColumnsIgnored() throws {
        let rows = try readAccounts("notes,account_id,colour,name,tier,Score\n\"anything, at all\",A1,red,Acme,3,x\n")
        #expect(rows.map(\.account) == [Account(id: "A1", name: "Acme", importedTier: .three)])
    }

    @Test(
        "a header-only file is accepted with zero rows",
        arguments: FileKind.allCases.flatMap { kind in
            let header = kind.requiredColumns.joined(separator: ",")
            return [(kind, header + "\n"), (kind, header), (kind, "\u{FEFF}" + header + "\r\n\r\n")]
        })
    func headerOnly(kind: FileKind, text: String) {
        #expect(kind.read(text) == .rows(0))
    }

    @Test(
        "an empty file is refused on line 1, naming the columns a header must have",
        arguments: FileKind.allCases.flatMap { kind in ["", "\u{FEFF}", "\n\r\n\n"].map { (kind, $0) } })
    func emptyFile(kind: FileKind, text: String) {
        let columns = kind.requiredColumns.joined(separator: ", ")
        #expect(
            kind.read(text)
                == .problems([
                    "\(kind.fileName):1: expected a header row naming the columns (\(columns)), found an empty file"
                ]))
    }

    @Test("a row with more fields than the header names is refused")
    func tooManyFields() {
        #expect(
            FileKind.accounts.read("account_id,name,tier\nA1,Acme,1\nA2,Acme, Inc.,2\n")
                == .problems([
                    "accounts.csv:3: expected at most 3 fields, as many as the header names, found 4 (quote values that"
                        + " contain commas)"
                ]))
    }

    @Test("a row with fewer fields than the header leaves the missing optional columns empty")
    func shortRow() throws {
        let rows = try readAccounts("account_id,name,tier,domain,holdout\nA1,Acme,1\n")
        #expect(rows.map(\.account) == [Account(id: "A1", name: "Acme", importedTier: .one)])
    }
}

private let header = "account_id,name,tier\n"
private let good = "A1,Acme,1\n"

/// The UTF-8 of `before`, then `bad`, then the UTF-8 of `after`.
private func withBytes(_ before: String, _ bad: [UInt8], _ after: String) -> [UInt8] {
    Array(before.utf8) + bad + Array(after.utf8)
}

struct ImportEncodingTests {
    @Test(
        "a file that is not UTF-8 is refused, naming the line of the first bad byte",
        arguments: [
            (withBytes(header + good + "A2,Caf", [0xE9], ",2\n"), 3, "E9"),
            (withBytes("account_id,n", [0xFF], "me,tier\n" + good), 1, "FF"),
            (withBytes(header + "A1,", [0xC0, 0xAF], ",1\n"), 2, "C0"),
            (withBytes(header + good + "A2,Caf", [0xC3], ""), 3, "C3"),
            (withBytes(header + "A1,", [0xED, 0xA0, 0x80], ",1\n"), 2, "ED"),
            (withBytes(header + good + good, [0x80], ",A\n") + withBytes("", [0x81], ",B,1\n"), 4, "80"),
            (withBytes(header + "A1,\"Acme\nCorp", [0x92], "\",1\n"), 3, "92"),
            (withBytes(header + "A1," + String(repeating: "a", count: 41), [0xA0], ",1\n"), 2, "A0"),
        ])
    func notUTF8(bytes: [UInt8], line: Int, byte: String) {
        #expect(
            FileKind.accounts.read(bytes)
                == .problems([
                    "accounts.csv:\(line): expected UTF-8 text (save the file as UTF-8), found the byte 0x\(byte)"
                ]))
    }

    @Test("names outside ASCII are read as UTF-8")
    func multibyteNames() throws {
        let rows = try readAccounts("account_id,name,tier\nA1,Café Zürich 東京 🚀,1\n")
        #expect(rows.map(\.account.name) == ["Café Zürich 東京 🚀"])
    }
}

struct ImportSyntaxTests {
    @Test("a record after a quoted field with line breaks is reported on its own physical line")
    func lineAfterMultilineField() {
        #expect(
            FileKind.accounts.read("account_id,name,tier\nA1,\"Acme\nCorp\n\",1\n\nA2,Bolt,4\n")
                == .problems([#"accounts.csv:6: column "tier": expected 1, 2 or 3, found "4""#]))
    }

    @Test("a bad value spanning lines is reported on its first line, with its line break made visible")
    func multilineValueShown() {
        #expect(
            FileKind.accounts.read("account_id,name,tier\nA1,Acme,\"1\n\"\n")
                == .problems([#"accounts.csv:2: column "tier": expected 1, 2 or 3, found "1\n""#]))
    }

    @Test("quotes inside a value found are escaped in the message")
    func quotesInFoundValue() {
        #expect(
            FileKind.accounts.read("account_id,name,tier\nA1,Acme,\"\"\"4\"\"\"\n")
                == .problems([#"accounts.csv:2: column "tier": expected 1, 2 or 3, found "\"4\"""#]))
    }

    @Test("an id longer than 255 bytes is refused, and the message shortens it")
    func longId() {
        let id = String(repeating: "x", count: 256)
        let shown = String(repeating: "x", count: 60) + "…"
        #expect(
            FileKind.accounts.read("account_id,name,tier\n\(id),Acme,1\n")
                == .problems([
                    #"accounts.csv:2: column "account_id": expected an id of at most 255 bytes, found ""#
                        + shown + "\""
                ]))
        #expect(FileKind.accounts.read("account_id,name,tier\n\(id.dropLast()),Acme,1\n") == .rows(1))
    }

    @Test("text after a closing quote is refused at its line")
    func textAfterClosingQuote() {
        #expect(
            FileKind.accounts.read("account_id,name,tier\nA1,\"Acme\"Corp,1\n")
                == .problems([
                    #"accounts.csv:2: expected a comma or the end of the line after a closing quote, found "Corp""#
                ]))
    }

    @Test("a syntax error keeps the problems found before it and stops reading")
    func syntaxErrorStopsReading() {
        #expect(
            FileKind.accounts.read("account_id,name,tier\nA1,Acme,7\nA2,\"Bolt\"x,1\nA3,Core,9\n")
                == .problems([
                    #"accounts.csv:2: column "tier": expected 1, 2 or 3, found "7""#,
                    #"accounts.csv:3: expected a comma or the end of the line after a closing quote, found "x""#,
                ]))
    }

    @Test("a quote left open at the end of the file is refused on the line where it opened")
    func unclosedQuoteAtEndOfFile() {
        let outcome = FileKind.accounts.read("account_id,name,tier\nA1,Acme,1\nA2,\"Bolt\n,2\n")
        guard case .problems(let lines) = outcome else {
            Issue.record("accepted: \(outcome)")
            return
        }
        let start = #"accounts.csv:3: expected a closing quote (") for the field opened on this line, found "#
        #expect(lines.count == 1)
        #expect(lines.allSatisfy { $0.hasPrefix(start) })
        #expect(lines == [start + "the end of the file"])
    }
}

struct ImportScaleTests {
    @Test(
        "1,000 good touches and one bad one at the end give exactly one problem, on line 1002",
        arguments: [
            (
                "T2001,A1,fax,inbound,2026-11-03,",
                "touches.csv:1002: column \"channel\": expected one of web, display, linkedin, email, content,"
                    + " direct_mail, webinar, event, phone, sales_email or meeting, found \"fax\""
            ),
            (
                "T1001,A1,web,inbound,2026-11-03,",
                "touches.csv:1002: column \"touch_id\": expected an id not already used in this file (it is on line"
                    + " 2), found \"T1001\""
            ),
            (
                "T2001,A1,web,inbound,2026-11-03,C2",
                "touches.csv:1002: column \"contact_id\": expected a contact of account \"A1\", found \"C2\", a"
                    + " contact of account \"A2\""
            ),
        ])
    func thousandTouchesOneBad(bad: String, expected: String) {
        let good = orderedIds("T", count: 1000).enumerated().map { index, id in
            "\(id),A\(index % 2 + 1),email,outbound,2026-11-03T10:00:00Z,C\(index % 2 + 1)"
        }
        let text =
            (["touch_id,account_id,channel,direction,occurred_at,contact_id"] + good + [bad])
            .joined(separator: "\n") + "\n"
        #expect(FileKind.touches.read(text) == .problems([expected]))
    }

    @Test("1,000 good accounts and one bad one at the end give exactly one problem, on line 1002")
    func thousandAccountsOneBad() {
        let good = orderedIds("A", count: 1000).map { "\($0),Company \($0),2" }
        let text = (["account_id,name,tier"] + good + ["X1,Bad Tier,4"]).joined(separator: "\n") + "\n"
        #expect(
            FileKind.accounts.read(text)
                == .problems([#"accounts.csv:1002: column "tier": expected 1, 2 or 3, found "4""#]))
    }

    @Test(
        "more than 50 bad rows show the first 50 and a count of the rest",
        arguments: [(50, nil), (60, "… and 10 more problems"), (1000, "… and 950 more problems")])
    func manyBadAccounts(count: Int, rest: String?) {
        let text = (["account_id,name,tier"] + (1...count).map { "A\($0),Acme,9" }).joined(separator: "\n")
        let shown = (2...51).map { #"accounts.csv:\#($0): column "tier": expected 1, 2 or 3, found "9""# }
        #expect(FileKind.accounts.read(text) == .problems(shown + (rest.map { [$0] } ?? [])))
    }

    @Test("more than 50 bad touches show the first 50 and a count of the rest")
    func manyBadTouches() {
        let rows = orderedIds("T", count: 70).map { "\($0),A1,web,in,2026-11-03" }
        let text = (["touch_id,account_id,channel,direction,occurred_at"] + rows).joined(separator: "\n")
        let shown = (2...51).map {
            #"touches.csv:\#($0): column "direction": expected inbound or outbound, found "in""#
        }
        #expect(FileKind.touches.read(text) == .problems(shown + ["… and 20 more problems"]))
    }

    @Test("beyond 50 problems, those kept are the first 50 in file order, parent-account ones included")
    func parentProblemKeptAmongFirstFifty() {
        let rows = ["A1,Acme,1,P9"] + (1...55).map { "B\(1000 + $0),Bolt,9," }
        let text = (["account_id,name,tier,parent_account_id"] + rows).joined(separator: "\n")
        let parent =
            #"accounts.csv:2: column "parent_account_id": expected the id of an account in this file or already"#
            + #" imported, found "P9""#
        let tiers = (3...51).map { #"accounts.csv:\#($0): column "tier": expected 1, 2 or 3, found "9""# }
        let outcome = FileKind.accounts.read(text)
        #expect(outcome == .problems([parent] + tiers + ["… and 6 more problems"]))
    }
}
