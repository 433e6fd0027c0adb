import Foundation
import Testing

/// Text compared line by line with a golden file beside the tests. With `ABMBOARD_UPDATE_GOLDEN`
/// set the file is written first (then read the diff before committing it).
public enum GoldenFile {
    /// Compares `text` with the file at `file`; a difference is recorded as an issue naming
    /// `name` and the first line that differs.
    public static func compare(
        _ text: String, with file: URL, name: String, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        if ProcessInfo.processInfo.environment["ABMBOARD_UPDATE_GOLDEN"] != nil {
            try text.write(to: file, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        let got = text.split(separator: "\n", omittingEmptySubsequences: false)
        let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, pair) in zip(got, want).enumerated() where pair.0 != pair.1 {
            Issue.record("\(name) line \(index + 1):\n got: \(pair.0)\nwant: \(pair.1)", sourceLocation: sourceLocation)
            break
        }
        #expect(
            got.count == want.count, "\(name): \(got.count) lines, the golden file has \(want.count)",
            sourceLocation: sourceLocation)
    }
}
