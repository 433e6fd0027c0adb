import ABMTestSupport
import Testing

@testable import ABMCore

struct InstantParsingTests {
    @Test(
        "ISO 8601 forms of SPEC §1 parse to the right UTC second",
        arguments: [
            ("2026-11-03T14:05:00Z", "2026-11-03T14:05:00Z"),
            ("2026-11-03T14:05:00+02:00", "2026-11-03T12:05:00Z"),
            ("2026-11-03T14:05:00-0530", "2026-11-03T19:35:00Z"),
            ("2026-11-03T14:05:00+01", "2026-11-03T13:05:00Z"),
            ("2026-11-03T14:05:00.987Z", "2026-11-03T14:05:00Z"),
            ("2026-11-03 14:05:00Z", "2026-11-03T14:05:00Z"),
            ("2026-11-03T14:05Z", "2026-11-03T14:05:00Z"),
            ("2026-11-03T14:05:00", "2026-11-03T14:05:00Z"),
            ("2026-11-03", "2026-11-03T00:00:00Z"),
            ("2024-02-29T23:59:59Z", "2024-02-29T23:59:59Z"),
            ("1969-12-31T23:59:59Z", "1969-12-31T23:59:59Z"),
        ])
    func parses(text: String, expected: String) throws {
        let instant = try #require(Instant.parseISO8601(text))
        #expect(instant.iso8601 == expected)
    }

    @Test("a bare --as-of date means 23:59:59 UTC that day")
    func bareDateAsOfIsEndOfDay() throws {
        let instant = try #require(Instant.parseISO8601("2026-11-03", bareDate: .endOfDay))
        #expect(instant.iso8601 == "2026-11-03T23:59:59Z")
    }

    @Test(
        "malformed or impossible times are refused",
        arguments: [
            "", "2026-11-3", "2026/11/03", "2026-13-01", "2026-02-29", "2026-11-31",
            "2026-11-03T24:00:00Z", "2026-11-03T12:60:00Z", "2026-11-03T12:00:00X",
            "2026-11-03T12:00:00Z trailing", "yesterday", "2026-11-03T", "2026-11-03T12:00:00.Z",
        ])
    func refuses(text: String) {
        #expect(Instant.parseISO8601(text) == nil)
    }

    @Test("age is fractional days from as-of")
    func ageInDays() {
        #expect(at("2026-11-19T00:00:00Z").age(asOf: at("2026-11-20T12:00:00Z")) == 1.5)
    }
}

struct ReviewWeekTests {
    @Test("the week runs from Monday 00:00:00 inclusive to the next Monday exclusive")
    func mondayEdge() {
        let sunday = at("2026-11-22T23:59:59Z")
        let monday = at("2026-11-23T00:00:00Z")
        #expect(ReviewWeek(containing: sunday).label == "2026-W47")
        #expect(ReviewWeek(containing: monday).label == "2026-W48")
        #expect(ReviewWeek(containing: monday).start == monday)
        #expect(ReviewWeek(containing: sunday).end == monday)
        #expect(ReviewWeek(containing: sunday).lastSecond == sunday)
        #expect(!ReviewWeek(containing: sunday).contains(monday))
    }

    @Test(
        "ISO week labels, including weeks that belong to the neighbouring year",
        arguments: [
            ("2026-11-20T12:00:00Z", "2026-W47"),
            ("2021-01-03T12:00:00Z", "2020-W53"),
            ("2024-12-30T00:00:00Z", "2025-W01"),
            ("2026-01-01T00:00:00Z", "2026-W01"),
            ("2027-01-01T00:00:00Z", "2026-W53"),
        ])
    func labels(time: String, label: String) {
        #expect(ReviewWeek(containing: at(time)).label == label)
    }

    @Test("labels parse back to their week; impossible weeks are refused")
    func parsesLabels() throws {
        let week = try #require(ReviewWeek(label: "2026-W47"))
        #expect(week.start == at("2026-11-16T00:00:00Z"))
        #expect(ReviewWeek(label: "2020-W53")?.start == at("2020-12-28T00:00:00Z"))
        #expect(ReviewWeek(label: "2026-W54") == nil)
        #expect(ReviewWeek(label: "2025-W53") == nil)
        #expect(ReviewWeek(label: "2026-47") == nil)
    }
}

/// Inputs the fuzzer found (scripts/fuzz.sh), pinned.
struct FuzzFoundTimeTests {
    @Test("a week label of a year before 1000 prints its year in four digits and reads back (fuzz: 0026-w47)")
    func earlyYearLabel() throws {
        let week = try #require(ReviewWeek(label: "0026-w47"))
        #expect(week.label == "0026-W47")
        #expect(ReviewWeek(label: week.label) == week)
    }
}
