import ABMImport
import Testing

struct CSVReaderTests {
    @Test("a leading UTF-8 byte order mark is skipped, and is not part of the first name")
    func byteOrderMarkSkipped() {
        #expect(
            parse("\u{FEFF}account_id,name\nA1,Acme\n")
                == .records([Record(1, ["account_id", "name"]), Record(2, ["A1", "Acme"])]))
    }

    @Test(
        "LF, CRLF and a mix of both end records, and the last record needs no line end",
        arguments: [
            "a,b\n1,2\n3,4\n",
            "a,b\r\n1,2\r\n3,4\r\n",
            "a,b\r\n1,2\n3,4\r\n",
            "a,b\n1,2\n3,4",
            "a,b\r\n1,2\r\n3,4",
        ])
    func lineEnds(text: String) {
        #expect(parse(text) == .records([Record(1, ["a", "b"]), Record(2, ["1", "2"]), Record(3, ["3", "4"])]))
    }

    @Test("a quoted field keeps its commas")
    func quotedComma() {
        #expect(
            parse("id,name\n1,\"Acme, Inc.\"\n")
                == .records([Record(1, ["id", "name"]), Record(2, ["1", "Acme, Inc."])]))
    }

    @Test("doubled quotes inside a quoted field stand for one quote")
    func doubledQuotes() {
        let text = "id,note\n1,\"say \"\"hi\"\"\"\n2,\"\"\"\"\n3,\"\"\n"
        #expect(
            parse(text)
                == .records([
                    Record(1, ["id", "note"]), Record(2, ["1", "say \"hi\""]), Record(3, ["2", "\""]),
                    Record(4, ["3", ""]),
                ]))
    }

    @Test("a quoted field may span lines; the records after it carry their physical line numbers")
    func embeddedNewlines() {
        let text = "id,note\n1,\"line one\nline two\nline three\"\n2,plain\n3,\"crlf\r\ninside\"\r\n4,last\n"
        #expect(
            parse(text)
                == .records([
                    Record(1, ["id", "note"]), Record(2, ["1", "line one\nline two\nline three"]),
                    Record(5, ["2", "plain"]), Record(6, ["3", "crlf\r\ninside"]), Record(8, ["4", "last"]),
                ]))
    }

    @Test("a quoted field that is never closed is an error on the line where it opened")
    func unclosedQuoteAtEndOfFile() {
        #expect(
            parse("id,note\n1,ok\n2,\"never\nclosed\n")
                == .error(
                    line: 3, expected: "a closing quote (\") for the field opened on this line",
                    found: "the end of the file"))
    }

    @Test(
        "text after a closing quote is an error on the line of that text",
        arguments: [
            ("id,note\n1,\"quoted\"tail\n", 2, "tail"),
            ("id,note\n1,\"quoted\" \n", 2, " "),
            ("id,note\n1,\"two\nlines\"x,2\n", 3, "x"),
        ])
    func textAfterClosingQuote(text: String, line: Int, found: String) {
        #expect(
            parse(text)
                == .error(line: line, expected: "a comma or the end of the line after a closing quote", found: found))
    }

    @Test("a character after a closing quote is named whole, even when it takes several bytes")
    func multibyteTextAfterClosingQuote() {
        let parsed = parse("id,note\n1,\"quoted\"é\n")
        #expect(parsed == .error(line: 2, expected: "a comma or the end of the line after a closing quote", found: "é"))
    }

    @Test("blank lines (LF or CRLF) are skipped, and later records keep their physical lines")
    func blankLinesSkipped() {
        #expect(
            parse("\na,b\n\n\r\n1,2\n\n\n3,4\n\n")
                == .records([Record(2, ["a", "b"]), Record(5, ["1", "2"]), Record(8, ["3", "4"])]))
    }

    @Test(
        "a trailing comma gives an empty last field",
        arguments: ["a,b,\n", "a,b,\r\n", "a,b,"])
    func trailingComma(text: String) {
        #expect(parse(text) == .records([Record(1, ["a", "b", ""])]))
    }

    @Test("empty fields between commas are kept, quoted or not")
    func emptyFields() {
        #expect(parse(",\"\",,x\n") == .records([Record(1, ["", "", "", "x"])]))
    }

    @Test(
        "an empty input, or one of only blank lines or a BOM, has no records",
        arguments: ["", "\n\n", "\r\n", "\u{FEFF}"])
    func noRecords(text: String) {
        #expect(parse(text) == .records([]))
    }

    @Test("a quote inside an unquoted field is kept as it is")
    func quoteInsideUnquotedField() {
        #expect(parse("5\" disk,x\n") == .records([Record(1, ["5\" disk", "x"])]))
    }
}
