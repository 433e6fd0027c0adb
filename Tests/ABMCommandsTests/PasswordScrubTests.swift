// PasswordScrub.scrubbed: which bytes of an argument are a PostgreSQL password, replaced by as
// many "x" bytes; the in-place argv overwrite is checked by hand (/proc/PID/cmdline).

import Testing

@testable import ABMCommands

/// `PasswordScrub.scrubbed`: every password in a `postgres://` URL, and nothing else.
@Suite("scrubbing passwords from the command line")
struct PasswordScrubTests {
    @Test(
        "a URL's password becomes as many x bytes",
        arguments: [
            ("postgres://dana:s3cret@db/abm", "postgres://dana:xxxxxx@db/abm"),
            (
                "postgresql://dana:s3cret@db:5432/abm?sslmode=require",
                "postgresql://dana:xxxxxx@db:5432/abm?sslmode=require"
            ),
            ("--db=postgres://dana:s3cret@db/abm", "--db=postgres://dana:xxxxxx@db/abm"),
            ("ABMBOARD_DB=postgres://dana:s3cret@db/abm", "ABMBOARD_DB=postgres://dana:xxxxxx@db/abm"),
            ("POSTGRES://dana:s3cret@db/abm", "POSTGRES://dana:xxxxxx@db/abm"),
            ("postgres://:s3cret@db", "postgres://:xxxxxx@db"),
            // Percent-encoded, and unencoded "@", "/", "?" and ":" in the password.
            ("postgres://dana:s3%40cret@db/abm", "postgres://dana:xxxxxxxxx@db/abm"),
            ("postgres://dana:p@ss@db/abm", "postgres://dana:xxxx@db/abm"),
            ("postgres://dana:p/ss@db/abm", "postgres://dana:xxxx@db/abm"),
            ("postgres://dana:p?ss@db/abm", "postgres://dana:xxxx@db/abm"),
            ("postgres://dana:p:ss@db/abm", "postgres://dana:xxxx@db/abm"),
            ("postgres://dana:a/b@c?d=e@db/abm", "postgres://dana:xxxxxxxxx@db/abm"),
            // UTF-8: as many x as bytes, so the argument keeps its length.
            ("postgres://dana:mot-de-passé@db/abm", "postgres://dana:xxxxxxxxxxxxx@db/abm"),
            ("postgres://dana:pw@\u{301}db/abm", "postgres://dana:xx@\u{301}db/abm"),
            // The password parameter, also with an unencoded "&" in it, and percent-encoded names.
            ("postgres://db/abm?password=s3cret", "postgres://db/abm?password=xxxxxx"),
            (
                "postgres://db/abm?sslmode=require&password=s3&cret&user=dana",
                "postgres://db/abm?sslmode=require&password=xx&xxxx&user=dana"
            ),
            ("postgres://db/abm?pass%77ord=s3cret", "postgres://db/abm?pass%77ord=xxxxxx"),
            ("postgres://dana:one@db/abm?password=two", "postgres://dana:xxx@db/abm?password=xxx"),
            // Two URLs in one argument.
            ("postgres://a:one@h,postgres://b:two@h", "postgres://a:xxx@h,postgres://b:xxx@h"),
        ])
    func scrubs(argument: String, expected: String) {
        #expect(PasswordScrub.scrubbed(argument) == expected)
        #expect(PasswordScrub.scrubbed(argument)?.utf8.count == argument.utf8.count)
    }

    @Test(
        "nothing to scrub gives nil",
        arguments: [
            "--db", "store.sqlite", "--db=store.sqlite", "postgres://dana@db/abm", "postgres://db:5432/abm",
            "postgres://db:5432/abm?user=dana@example.com", "postgres://dana@db/abm?sslmode=require",
            "https://dana:s3cret@example.com", "", "password=s3cret", "--note=see postgres docs",
        ])
    func nothingToScrub(argument: String) {
        #expect(PasswordScrub.scrubbed(argument) == nil)
    }

    @Test("an @ in a query value after a password keeps the rest of the URL")
    func queryAtAfterPassword() {
        #expect(
            PasswordScrub.scrubbed("postgres://u:pw@db:5432/abm?user=dana@example.com")
                == "postgres://u:xx@db:5432/abm?user=dana@example.com")
    }

    @Test("bytes that are not UTF-8 are scrubbed the same way, keeping their length")
    func invalidUTF8() throws {
        let bytes = Array("postgres://u:p".utf8) + [0xFF, 0xFE] + Array("w@h/\u{FF}d".utf8)
        let scrubbed = try #require(PasswordScrub.scrubbed(bytes: bytes))
        #expect(scrubbed.count == bytes.count)
        #expect(scrubbed == Array("postgres://u:xxxx@h/\u{FF}d".utf8))
    }
}
