/// What `/` searches: every account's name, id and domain, lowercased once, in one buffer of
/// UTF-8 bytes (a NUL, which no search can hold, after each text), so that a keystroke scans
/// about 2 MB of bytes at 50,000 accounts instead of comparing 50,000 Strings. A search matches
/// an account whose lowercased text holds the lowercased search's bytes.
public struct SearchIndex: Sendable {
    private let bytes: [UInt8]
    /// Where each account's text starts; `starts[count]` is the end.
    private let starts: [Int]

    /// The index of `texts` (one per account, by index; lowercased here).
    public init(_ texts: [String]) {
        var bytes: [UInt8] = []
        var starts: [Int] = []
        starts.reserveCapacity(texts.count + 1)
        for text in texts {
            starts.append(bytes.count)
            bytes.append(contentsOf: text.lowercased().utf8)
            bytes.append(0)
        }
        starts.append(bytes.count)
        self.bytes = bytes
        self.starts = starts
    }

    /// The number of accounts.
    public var count: Int { starts.count - 1 }

    /// The search in the index's form: its lowercased bytes.
    public static func needle(_ search: String) -> [UInt8] { Array(search.lowercased().utf8) }

    /// Whether each account matches `needle` (by account index).
    public func matches(_ needle: [UInt8]) -> [Bool] {
        var found = [Bool](repeating: needle.isEmpty, count: count)
        guard let first = needle.first, !bytes.isEmpty else { return found }
        bytes.withUnsafeBufferPointer { haystack in
            needle.withUnsafeBufferPointer { needle in
                var account = 0
                var position = 0
                let last = haystack.count - needle.count
                while position <= last {
                    guard haystack[position] == first, Self.holds(haystack, needle, at: position) else {
                        position += 1
                        continue
                    }
                    // The account the match is in; then on to the next account's text.
                    while starts[account + 1] <= position { account += 1 }
                    found[account] = true
                    position = starts[account + 1]
                }
            }
        }
        return found
    }

    /// Whether account `account`'s text holds `needle`.
    public func matches(_ needle: [UInt8], account: Int) -> Bool {
        guard !needle.isEmpty else { return true }
        guard account >= 0, account < count else { return false }
        return bytes.withUnsafeBufferPointer { haystack in
            needle.withUnsafeBufferPointer { needle in
                let end = starts[account + 1] - needle.count
                var position = starts[account]
                while position <= end {
                    if Self.holds(haystack, needle, at: position) { return true }
                    position += 1
                }
                return false
            }
        }
    }

    private static func holds(
        _ haystack: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>, at position: Int
    )
        -> Bool
    {
        for offset in 0..<needle.count where haystack[position + offset] != needle[offset] { return false }
        return true
    }
}
