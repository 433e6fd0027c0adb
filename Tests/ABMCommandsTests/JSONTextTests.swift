import ABMCore
import Testing

@testable import ABMCommands

/// The JSON writer behind every `--json` output: the value tree and the streaming calls the
/// 50,000-row board uses must write the same text.
struct JSONTextTests {
    @Test(
        "numbers, strings that need escaping, null and nesting are written as JSON",
        arguments: [
            (JSONText.Value.int(0), "0"), (.int(-42), "-42"), (.int(9_876_543_210_123), "9876543210123"),
            (.int(Int.min), "-9223372036854775808"), (.double(2.0), "2"), (.double(0.25), "0.25"),
            (.double(.nan), "null"), (.bool(true), "true"), (.null, "null"),
            (.string("plain"), #""plain""#), (.string("quote \" back \\ tab \t"), #""quote \" back \\ tab \t""#),
            (.string("bell \u{7} del \u{7F} c1 \u{85}"), #""bell \u0007 del \u007f c1 \u0085""#),
            (.string("日本 é 👍"), #""日本 é 👍""#),
            (.array([.int(1), .array([]), .object([])]), "[1, [], {}]"),
            (.object([("a", .int(1)), ("b", .array([.string("x"), .null]))]), #"{"a": 1, "b": ["x", null]}"#),
        ])
    func values(value: JSONText.Value, expected: String) {
        #expect(JSONText.render(value) == expected)
    }

    @Test("the streaming calls write what the value tree writes, separators included")
    func streamingMatchesTree() throws {
        let at = try #require(Instant.parseISO8601("2026-11-18T15:00:00Z"))
        var out = JSONText()
        out.open("{")
        out.key("id")
        out.string("A-1")
        out.key("tags")
        out.open("[")
        out.string("x")
        out.int(2)
        out.close("]")
        out.key("at")
        out.time(at)
        out.key("none")
        out.time(nil)
        out.key("note")
        out.optional(nil)
        out.key("row")
        out.write(.written(Array(#"{"k": true}"#.utf8)))
        out.close("}")
        let tree = JSONText.Value.object([
            ("id", .string("A-1")), ("tags", .array([.string("x"), .int(2)])), ("at", .time(at)), ("none", .null),
            ("note", .optional(nil)), ("row", .object([("k", .bool(true))])),
        ])
        #expect(out.text == JSONText.render(tree))
        #expect(
            out.text
                == #"{"id": "A-1", "tags": ["x", 2], "at": "2026-11-18T15:00:00Z", "none": null, "note": null, "row": {"k": true}}"#
        )
    }
}
