import ABMCore
import ABMStore
import ArgumentParser
import Foundation

/// The options every command takes (SPEC §5): the store, the playbook and the as-of time.
public struct GlobalOptions: ParsableArguments {
    /// The store's path.
    @Option(
        name: .long,
        help:
            "The store: a SQLite file, or postgres://USER@HOST:PORT/DB (default: $ABMBOARD_DB, else ./abmboard.sqlite)."
    )
    public var db: String?

    /// A playbook file.
    @Option(name: .long, help: "A playbook TOML file with the rules the team agreed (default: the built-in rules).")
    public var playbook: String?

    /// The as-of time.
    @Option(
        name: .customLong("as-of"),
        help: "Evaluate (and stamp records) as of this time: 2026-11-20T16:00:00Z, or a date meaning 23:59:59 UTC.")
    public var asOf: String?

    /// Creates the options (argument-parser fills them in).
    public init() {}

    /// The store's location: `--db`, else `ABMBOARD_DB`, else `./abmboard.sqlite`.
    public var storePath: String {
        if let db { return db }
        if let env = ProcessInfo.processInfo.environment["ABMBOARD_DB"], !env.isEmpty { return env }
        return "abmboard.sqlite"
    }

    /// The parsed `--as-of`, if given.
    /// - Throws: `CommandFailure` (exit 64) when it is not a time.
    public func asOfInstant() throws -> Instant? {
        guard let asOf else { return nil }
        guard let instant = Instant.parseISO8601(asOf, bareDate: .endOfDay), CompactTime.canStore(instant) else {
            throw CommandFailure(
                "--as-of \"\(asOf)\" is not a time: give 2026-11-20T16:00:00Z, 2026-11-20T16:00:00+01:00 or 2026-11-20",
                status: CommandFailure.usage)
        }
        return instant
    }

    /// The playbook: the file given, else the built-in defaults.
    /// - Throws: `CommandFailure` (64) for a missing file, `PlaybookError` (65) for a bad one.
    public func loadPlaybook() throws -> Playbook {
        guard let playbook else { return Playbook() }
        guard let text = try? String(contentsOfFile: playbook, encoding: .utf8) else {
            throw CommandFailure(
                "cannot read the playbook \(playbook): no such readable UTF-8 file (check the path given to --playbook)",
                status: CommandFailure.usage)
        }
        return try Playbook.parse(toml: text, source: playbook)
    }

    /// The record stamp: `--as-of` when given, else now (taken inside the write).
    public func stamp() throws -> RecordStamp {
        try asOfInstant().map(RecordStamp.at) ?? .now
    }
}

/// Who is recording (SPEC §3): `--by`, else `ABMBOARD_USER`, else the login name.
enum Identity {
    /// Who records in `store`: its member when the store knows who the login is (a team
    /// store, where `--by` cannot claim to be someone else), else `person(by)`.
    /// - Throws: `CommandFailure` (1) when `by` names someone other than the member.
    static func person(_ by: String?, store: any ProgrammeStore) throws -> String {
        guard let member = try store.member() else { return person(by) }
        if let by, !by.trimmingCharacters(in: .whitespaces).isEmpty, by != member.person {
            throw CommandFailure(
                "--by \"\(by)\": on this store you record as \(member.person) (\(member.role)), the person your database login is; leave out --by",
                status: 1)
        }
        return member.person
    }

    /// Who is recording: `by`, else `ABMBOARD_USER`, else the login name.
    static func person(_ by: String?) -> String {
        if let by, !by.trimmingCharacters(in: .whitespaces).isEmpty { return by }
        let environment = ProcessInfo.processInfo.environment
        if let user = environment["ABMBOARD_USER"], !user.isEmpty { return user }
        if let user = environment["USER"] ?? environment["LOGNAME"], !user.isEmpty { return user }
        return ProcessInfo.processInfo.userName.isEmpty ? "unknown" : ProcessInfo.processInfo.userName
    }
}
