import ABMCore
import ABMImport
import Testing

struct ExportCSVTests {
    static let table = ExportTable(
        columns: ["name", "score", "surging", "at", "topics", "note"],
        rows: [
            [
                .text("Acme, Inc."), .int(57), .bool(true), .time(instant("2026-11-18T15:00:00+01:00")),
                .list(["data observability", "pricing"]), .text("said \"yes\"\nthen left"),
            ],
            [.text("=HYPERLINK(\"x\")"), .int(-3), .bool(false), .null, .list([]), .null],
            [.text("@sum"), .int(0), .bool(false), .null, .list(["-x"]), .text("+1 call")],
        ])

    @Test("CSV: a header row, RFC 4180 quoting, times in UTC with a Z, lists joined by ';', null as an empty cell")
    func rawValues() {
        #expect(
            ExportCSV.render(Self.table) == """
                name,score,surging,at,topics,note
                "Acme, Inc.",57,true,2026-11-18T14:00:00Z,data observability;pricing,"said ""yes""
                then left"
                "=HYPERLINK(""x"")",-3,false,,,
                @sum,0,false,,-x,+1 call

                """)
    }

    @Test("with the formula guard, text a spreadsheet would run starts with ' (numbers never change)")
    func guardedValues() {
        #expect(
            ExportCSV.render(Self.table, guardFormulas: true) == """
                name,score,surging,at,topics,note
                "Acme, Inc.",57,true,2026-11-18T14:00:00Z,data observability;pricing,"said ""yes""
                then left"
                "'=HYPERLINK(""x"")",-3,false,,,
                '@sum,0,false,,'-x,'+1 call

                """)
    }

    @Test(
        "which values look like formulas",
        arguments: [
            (ExportValue.text("=1+1"), true), (.text("+44 20"), true), (.text("-"), true), (.text("@me"), true),
            (.text("\tx"), true), (.text("\rx"), true), (.text("a=b"), false), (.text(""), false),
            (.list(["=x", "y"]), true), (.list(["y", "=x"]), false), (.int(-1), false), (.null, false),
            (.time(instant("2026-11-18")), false), (.bool(true), false),
        ])
    func formulaDetection(value: ExportValue, looksLikeFormula: Bool) {
        #expect(value.looksLikeFormula == looksLikeFormula)
    }

    @Test("an empty table is its header row")
    func emptyTable() {
        #expect(ExportCSV.render(ExportTable(columns: ["a", "b"], rows: [])) == "a,b\n")
    }
}
