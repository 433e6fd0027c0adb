// A `postgres://` URL taken apart (libpq's grammar), and the percent-encoding and password
// redaction its text needs. The text is read as Unicode scalars, like libpq reads bytes: an "@"
// followed by a combining mark is still an "@".

import Foundation

/// A URL's text, scalar by scalar.
typealias URLScalars = Substring.UnicodeScalarView

/// The parts a `postgres://` URL gives, decoded, before the environment and the defaults; an
/// empty part counts as absent.
struct URLParts: Sendable, Equatable {
    var host: String?
    var port: String?
    var user: String?
    var password: String?
    var database: String?
    var sslMode: String?
    var rootCertificate: String?
    /// The URL as given, without its password: the text errors quote.
    var redacted = ""

    /// No URL: every part absent.
    init() {}

    /// Takes `url` apart: `postgres[ql]://[user[:password]@][host][:port][/database][?name=value&…]`,
    /// the host in brackets for an IPv6 address, query parameters over the URL's own parts.
    /// - Throws: `PostgresLocationError`, quoting ``redacted``.
    init(parsing url: String) throws(PostgresLocationError) {
        let shown = URLText.redacting(url)
        redacted = shown
        guard let rest = URLText.afterScheme(url) else { throw .notPostgresURL(url: shown) }
        func malformed(_ problem: String) -> PostgresLocationError {
            .malformedURL(url: shown, problem: problem)
        }
        func decoded(_ text: URLScalars, _ part: String, quote: Bool = true) throws(PostgresLocationError) -> String? {
            guard !text.isEmpty else { return nil }
            guard let value = URLText.decoded(text) else {
                let what = quote ? "\(part) \(PostgresLocationError.quoted(String(text)))" : part
                throw malformed(
                    "bad percent-encoding in \(what): \"%\" starts %XX (two hex digits, not %00); write a \"%\" as %25")
            }
            return value.isEmpty ? nil : value
        }

        // libpq's rule: user information ends at an "@" met before any "/". When the redaction's
        // wider reading ends elsewhere, an "@" or "/" in the password (or an "@" in the database)
        // is unencoded: refuse, so that no error quotes a piece of the password.
        var userInformationEnd: URLScalars.Index?
        if let at = rest.firstIndex(where: { $0 == "@" || $0 == "/" }), rest[at] == "@" {
            userInformationEnd = at
        }
        guard userInformationEnd == URLText.userInformationEnd(in: rest) else {
            throw malformed(
                "an \"@\" after the host: percent-encode \"@\" as %40 and \"/\" as %2F in the user, the password"
                    + " and the database")
        }
        var remaining = rest
        if let at = userInformationEnd {
            let information = rest[..<at]
            if let colon = information.firstIndex(of: ":") {
                user = try decoded(information[..<colon], "the user")
                password = try decoded(information[information.index(after: colon)...], "the password", quote: false)
            } else {
                user = try decoded(information, "the user")
            }
            remaining = rest[rest.index(after: at)...]
        }
        var query = remaining[remaining.endIndex...]
        if let mark = remaining.firstIndex(of: "?") {
            query = remaining[remaining.index(after: mark)...]
            remaining = remaining[..<mark]
        }
        let hostText: URLScalars
        if remaining.first == "[" {
            guard let close = remaining.firstIndex(of: "]") else {
                throw malformed("\"[\" opens an IPv6 address that no \"]\" closes")
            }
            hostText = remaining[remaining.index(after: remaining.startIndex)..<close]
            remaining = remaining[remaining.index(after: close)...]
            guard remaining.isEmpty || remaining.first == ":" || remaining.first == "/" else {
                let junk = remaining.prefix { $0 != ":" && $0 != "/" }
                throw malformed(
                    "\(PostgresLocationError.quoted(String(junk))) after the IPv6 address; write [ADDRESS]:PORT")
            }
        } else {
            let end = remaining.firstIndex(where: { $0 == ":" || $0 == "/" }) ?? remaining.endIndex
            hostText = remaining[..<end]
            remaining = remaining[end...]
        }
        host = try decoded(hostText, "the host")
        if remaining.first == ":" {
            let end = remaining.firstIndex(of: "/") ?? remaining.endIndex
            port = try decoded(remaining[remaining.index(after: remaining.startIndex)..<end], "the port")
            remaining = remaining[end...]
        }
        if remaining.first == "/" {
            database = try decoded(remaining.dropFirst(), "the database")
        }
        var previous = ""
        for pair in query.split(separator: "&") {
            guard let equals = pair.firstIndex(of: "=") else {
                // After a password, the piece may be the rest of it (an unencoded "&"): not quoted.
                let what =
                    previous == "password" ? "a piece after the password" : PostgresLocationError.quoted(String(pair))
                throw malformed("query parameter \(what) has no \"=\" (write NAME=VALUE, and \"&\" as %26 in a value)")
            }
            let name = try decoded(pair[..<equals], "a parameter's name") ?? ""
            previous = name
            guard PostgresLocation.knownParameters.contains(name) else {
                throw .unknownParameter(name, url: shown)
            }
            let value = try decoded(
                pair[pair.index(after: equals)...], "the \(name) parameter", quote: name != "password")
            switch name {
            case "host": host = value ?? host
            case "port": port = value ?? port
            case "user": user = value ?? user
            case "password": password = value ?? password
            case "dbname": database = value ?? database
            case "sslmode": sslMode = value ?? sslMode
            default: rootCertificate = value ?? rootCertificate
            }
        }
        if let host, host.contains(",") {
            throw malformed("several hosts (\(PostgresLocationError.quoted(host))) are not supported; give one host")
        }
    }
}

/// Percent-encoding and password redaction for `postgres://` URL text.
enum URLText {
    /// The text after `postgres://` or `postgresql://`, or `nil` for another scheme.
    static func afterScheme(_ url: String) -> URLScalars? {
        for scheme in ["postgresql://", "postgres://"] where url.unicodeScalars.starts(with: scheme.unicodeScalars) {
            return Substring(url).unicodeScalars.dropFirst(scheme.unicodeScalars.count)
        }
        return nil
    }

    /// Characters left as they are by ``encoded(_:)``: RFC 3986's unreserved ones.
    private static let unreserved = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    /// `text` with everything but letters, digits and `-._~` percent-encoded (UTF-8).
    static func encoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }

    /// `text` percent-decoded, or `nil` when a `%` does not start two hex digits, one is `%00`, or
    /// the bytes are not UTF-8.
    static func decoded(_ text: URLScalars) -> String? {
        var bytes: [UInt8] = []
        var iterator = String(text).utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                return nil
            }
            let value = high << 4 | low
            guard value != 0 else { return nil }
            bytes.append(value)
        }
        return String(validating: bytes, as: UTF8.self)
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

    /// Where the user information of `rest` (the text after `://`) ends, erring towards a longer
    /// password: the last `@`, so that a password with unencoded `@`, `/` or `?` is covered,
    /// except an `@` inside a query parameter's value after a host and a path
    /// (`h:5432/db?user=dana@example.com`); `nil` when no `@` is left.
    static func userInformationEnd(in rest: URLScalars) -> URLScalars.Index? {
        var queryStart: URLScalars.Index?
        if let slash = rest.firstIndex(of: "/") {
            let authority = rest[..<slash]
            let host = authority.lastIndex(of: "@").map { authority[authority.index(after: $0)...] } ?? authority
            // `u:pa/ss?x=y@h` is a user and a password, `h:5432/db?x=y@z` a host, port and query.
            let port = host.lastIndex(of: ":").map { host[host.index(after: $0)...] } ?? host[host.endIndex...]
            if host.last == "]" || port.allSatisfy({ ("0"..."9").contains($0) }) {
                queryStart = rest[slash...].firstIndex(of: "?")
            }
        }
        var end = rest.endIndex
        while let at = rest[..<end].lastIndex(of: "@") {
            guard let queryStart, at > queryStart else { return at }
            let parameter = rest[rest.index(after: queryStart)..<at].split(
                separator: "&", omittingEmptySubsequences: false
            ).last
            guard let parameter, parameter.contains("=") else { return at }
            end = at
        }
        return nil
    }

    /// `url` with its password taken out, for quoting: the `:password` of the user information
    /// (by ``userInformationEnd(in:)``, which never finds less than the parser does) and any
    /// `password=` query parameter. Any `scheme://` text is redacted so (a `mysql://` URL given
    /// by mistake too); other text is returned as it is.
    static func redacting(_ url: String) -> String {
        let scalars = Substring(url).unicodeScalars
        var found: URLScalars.Index?
        var index = scalars.startIndex
        while found == nil, index < scalars.endIndex {
            if scalars[index...].starts(with: "://".unicodeScalars) {
                found = scalars.index(index, offsetBy: 3)
            }
            index = scalars.index(after: index)
        }
        guard let schemeEnd = found else { return url }
        let rest = scalars[schemeEnd...]
        var head = String(scalars[..<schemeEnd])
        var tail = rest
        if let end = userInformationEnd(in: rest) {
            let information = rest[..<end]
            head += String(information.firstIndex(of: ":").map { information[..<$0] } ?? information) + "@"
            tail = rest[rest.index(after: end)...]
        }
        guard let mark = tail.firstIndex(of: "?") else { return head + String(tail) }
        // A password parameter goes, and so do the pieces without "=" after it (an unencoded "&").
        var kept: [URLScalars] = []
        var inPassword = false
        for pair in tail[tail.index(after: mark)...].split(separator: "&", omittingEmptySubsequences: false) {
            if let equals = pair.firstIndex(of: "=") {
                inPassword = (decoded(pair[..<equals]) ?? String(pair[..<equals])) == "password"
            }
            if !inPassword { kept.append(pair) }
        }
        let query = kept.isEmpty ? "" : "?" + kept.map(String.init).joined(separator: "&")
        return head + String(tail[..<mark]) + query
    }
}
