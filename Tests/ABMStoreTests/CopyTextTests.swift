// CopyText: the rows the team store streams with COPY, byte for byte as PostgreSQL's text
// format reads them.

import Testing

@testable import ABMPostgresStore

/// The fields of `COPY … FROM STDIN (FORMAT text)`.
@Suite("COPY text rows")
struct CopyTextTests {
    /// The text of one row written by `fields`.
    private func row(_ fields: (inout CopyText) -> Void) -> String {
        var text = CopyText(capacity: 16)
        fields(&text)
        text.endRow()
        let bytes = text.take()
        return String(decoding: bytes.readableBytesView, as: UTF8.self)
    }

    @Test(
        "integers print in decimal, negative and zero included",
        arguments: [
            (0, "0"), (7, "7"), (10, "10"), (-1, "-1"), (-305, "-305"), (Int(Int32.max), "2147483647"),
            (Int(Int32.min), "-2147483648"), (Int.max, "9223372036854775807"), (Int.min, "-9223372036854775808"),
        ])
    func integers(value: Int, printed: String) {
        #expect(row { $0.int(value) } == printed + "\n")
    }

    @Test("a bytea field is \\x and two hex digits a byte; an empty one is \\x alone")
    func bytes() {
        #expect(row { $0.bytes([0x00, 0x0F, 0xA5, 0xFF]) } == "\\\\x000fa5ff\n")
        #expect(row { $0.bytes([]) } == "\\\\x\n")
        let long = [UInt8](repeating: 0xAB, count: 100_000)
        #expect(row { $0.bytes(long) } == "\\\\x" + String(repeating: "ab", count: 100_000) + "\n")
    }

    @Test("fields are separated by tabs; text escapes backslash, tab, newline and return; nil is \\N")
    func fields() {
        let line = row {
            $0.int(Int32(42))
            $0.text("a\\b\tc\nd\re")
            $0.text(nil)
            $0.int(Int?.none)
            $0.bytes([1])
        }
        #expect(line == "42\ta\\\\b\\tc\\nd\\re\t\\N\t\\N\t\\\\x01\n")
    }
}
