// Taking PostgreSQL passwords out of the process's own command line, so that `ps` and
// /proc/PID/cmdline no longer show them once the arguments have been read.

import Foundation

/// Overwrites the password of every `postgres://` URL in the process's arguments.
///
/// `abmboard --db postgres://dana:s3cret@db/abm` would show `s3cret` to every user of the machine
/// through `ps` for as long as it runs. After the arguments are read, ``scrubProcessArguments()``
/// overwrites each password in the process's own argv with as many `x` bytes:
///
/// ```swift
/// let arguments = CommandLine.arguments  // first: Swift reads it from the same memory
/// PasswordScrub.scrubProcessArguments()  // ps now shows --db postgres://dana:xxxxxx@db/abm
/// ```
///
/// The password is what ``PostgresLocation`` would read, erring towards more: the `:password` of
/// the user information up to its last `@` (unencoded `@`, `/` or `?` in it included), and any
/// `password=` query parameter (with the pieces without `=` after it). Any `postgres://` or
/// `postgresql://` in an argument counts, in any case: `--db=postgres://…` and `ABMBOARD_DB=…`
/// too. The scan is over bytes: the delimiters are ASCII, which UTF-8 never uses inside a letter.
public enum PasswordScrub {
    /// `argument` with each PostgreSQL URL's password replaced by as many `x` bytes (UTF-8), or
    /// `nil` when it has none.
    ///
    /// ```swift
    /// PasswordScrub.scrubbed("--db=postgres://dana:s3cret@db/abm")  // "--db=postgres://dana:xxxxxx@db/abm"
    /// PasswordScrub.scrubbed("--db=store.sqlite")                   // nil
    /// ```
    public static func scrubbed(_ argument: String) -> String? {
        scrubbed(bytes: Array(argument.utf8)).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The bytes with each password's bytes replaced by `x`, the same length; `nil` when none.
    static func scrubbed(bytes: [UInt8]) -> [UInt8]? {
        let ranges = passwordRanges(in: bytes)
        guard !ranges.isEmpty else { return nil }
        var result = bytes
        for range in ranges {
            result.replaceSubrange(range, with: repeatElement(UInt8(ascii: "x"), count: range.count))
        }
        return result
    }

    /// Overwrites, in place, the password bytes of the process's real argv (same length, so
    /// the memory layout stays), so that `ps` and /proc/PID/cmdline no longer show them.
    ///
    /// Call it once the arguments have been read: `CommandLine.arguments` is made from this
    /// memory the first time it is read, so read (copy) it first. Not safe to call while another
    /// thread reads argv.
    public static func scrubProcessArguments() {
        let count = Int(CommandLine.argc)
        let argv = CommandLine.unsafeArgv
        for index in 0..<count {
            guard let argument = argv[index] else { continue }
            let length = strlen(argument)
            argument.withMemoryRebound(to: UInt8.self, capacity: length + 1) { bytes in
                let buffer = UnsafeMutableBufferPointer(start: bytes, count: length)
                guard let clean = scrubbed(bytes: Array(buffer)), clean.count == length else { return }
                _ = buffer.update(fromContentsOf: clean)
            }
        }
    }

    // MARK: Finding the passwords

    /// The byte ranges of every password in `bytes`.
    static func passwordRanges(in bytes: [UInt8]) -> [Range<Int>] {
        let starts = schemeEnds(in: bytes)
        var ranges: [Range<Int>] = []
        for (number, start) in starts.enumerated() {
            // A URL runs to the next one's scheme, or to the end of the argument.
            let end = number + 1 < starts.count ? starts[number + 1] : bytes.count
            ranges += passwordRanges(inURL: bytes[start..<end])
        }
        return ranges.filter { !$0.isEmpty }
    }

    /// The offsets just after each `postgres://` or `postgresql://` (any case), and the scheme's start.
    private static func schemeEnds(in bytes: [UInt8]) -> [Int] {
        let lower = bytes.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
        var ends: [Int] = []
        var index = 0
        while index < lower.count {
            if let length = [Array("postgresql://".utf8), Array("postgres://".utf8)].first(where: {
                lower[index...].starts(with: $0)
            })?.count {
                ends.append(index + length)
                index += length
            } else {
                index += 1
            }
        }
        return ends
    }

    /// The password ranges of one URL, `rest` being its text after `://`.
    private static func passwordRanges(inURL rest: ArraySlice<UInt8>) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var queryFrom = rest.startIndex
        if let end = userInformationEnd(in: rest) {
            if let colon = rest[..<end].firstIndex(of: UInt8(ascii: ":")) {
                ranges.append((colon + 1)..<end)
            }
            queryFrom = end + 1
        }
        guard let mark = rest[queryFrom...].firstIndex(of: UInt8(ascii: "?")) else { return ranges }
        // A password parameter's value, and the pieces without "=" after it (an unencoded "&").
        var inPassword = false
        var pieceStart = mark + 1
        while pieceStart <= rest.endIndex {
            let pieceEnd = rest[pieceStart...].firstIndex(of: UInt8(ascii: "&")) ?? rest.endIndex
            let piece = rest[pieceStart..<pieceEnd]
            if let equals = piece.firstIndex(of: UInt8(ascii: "=")) {
                inPassword = decodedLowercase(piece[..<equals]) == Array("password".utf8)
                if inPassword { ranges.append((equals + 1)..<pieceEnd) }
            } else if inPassword {
                ranges.append(pieceStart..<pieceEnd)
            }
            pieceStart = pieceEnd + 1
        }
        return ranges
    }

    /// Where the user information ends: the last `@`, except one inside a query parameter's value
    /// after a host and a path (`h:5432/db?user=dana@example.com`) — as PostgresLocation reads it.
    private static func userInformationEnd(in rest: ArraySlice<UInt8>) -> Int? {
        let at = UInt8(ascii: "@")
        var queryStart: Int?
        if let slash = rest.firstIndex(of: UInt8(ascii: "/")) {
            let authority = rest[..<slash]
            let host = authority.lastIndex(of: at).map { authority[($0 + 1)...] } ?? authority
            let port = host.lastIndex(of: UInt8(ascii: ":")).map { host[($0 + 1)...] } ?? host[host.endIndex...]
            if host.last == UInt8(ascii: "]") || port.allSatisfy({ (0x30...0x39).contains($0) }) {
                queryStart = rest[slash...].firstIndex(of: UInt8(ascii: "?"))
            }
        }
        var end = rest.endIndex
        while let candidate = rest[..<end].lastIndex(of: at) {
            guard let queryStart, candidate > queryStart else { return candidate }
            let parameter = rest[(queryStart + 1)..<candidate].split(
                separator: UInt8(ascii: "&"), omittingEmptySubsequences: false
            ).last
            guard let parameter, parameter.contains(UInt8(ascii: "=")) else { return candidate }
            end = candidate
        }
        return nil
    }

    /// A parameter name percent-decoded (where it can be) and in lower case, to spot `password`.
    private static func decodedLowercase(_ name: ArraySlice<UInt8>) -> [UInt8] {
        var result: [UInt8] = []
        var index = name.startIndex
        while index < name.endIndex {
            if name[index] == UInt8(ascii: "%"), name.endIndex - index > 2, let high = hexValue(name[index + 1]),
                let low = hexValue(name[index + 2])
            {
                result.append(high << 4 | low)
                index += 3
            } else {
                result.append(name[index])
                index += 1
            }
        }
        return result.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
    }

    /// The value of one hex digit.
    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
