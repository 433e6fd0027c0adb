import ABMBoardUI
import ABMCore
import ABMStore
import ArgumentParser

extension MarkAction: ExpressibleByArgument {}
extension Channel: ExpressibleByArgument {}
extension Direction: ExpressibleByArgument {}

/// `abmboard mark ACCOUNT_ID work|hold|demote|promote`: records a decision (SPEC §3).
public struct MarkCommand: ParsableCommand {
    /// Name and help.
    public static let configuration = CommandConfiguration(
        commandName: "mark", abstract: "Record a decision on an account: work, hold, demote or promote.")

    /// Store, playbook, as-of.
    @OptionGroup public var global: GlobalOptions

    /// The account.
    @Argument(help: "The account's id (case-sensitive).")
    public var accountId: String

    /// The decision.
    @Argument(help: "work, hold, demote or promote.")
    public var action: MarkAction

    /// Who decides.
    @Option(help: "Who decides (default: $ABMBOARD_USER, else the login name).")
    public var by: String?

    /// A note.
    @Option(help: "A note; demoting a Tier 1 account needs one.")
    public var note: String?

    /// Creates the command (argument-parser fills it in).
    public init() {}

    /// Records the mark and says what it did.
    public func run() throws {
        let store = try global.openStore()
        let recorded = try store.record(
            .mark(action, note: note), account: accountId, by: try Identity.person(by, store: store),
            stamp: try global.stamp())
        writeOutput(RecordText.line(recorded) + "\n")
    }
}

/// `abmboard undo ACCOUNT_ID`: takes back the account's latest mark.
public struct UndoCommand: ParsableCommand {
    /// Name and help.
    public static let configuration = CommandConfiguration(
        commandName: "undo", abstract: "Take back an account's latest mark (with its tier change).")

    /// Store, playbook, as-of.
    @OptionGroup public var global: GlobalOptions

    /// The account.
    @Argument(help: "The account's id (case-sensitive).")
    public var accountId: String

    /// Who.
    @Option(help: "Who takes it back (default: $ABMBOARD_USER, else the login name).")
    public var by: String?

    /// Creates the command (argument-parser fills it in).
    public init() {}

    /// Records the undo.
    public func run() throws {
        let store = try global.openStore()
        let recorded = try store.record(
            .undo, account: accountId, by: try Identity.person(by, store: store), stamp: try global.stamp())
        writeOutput(RecordText.line(recorded) + "\n")
    }
}

/// `abmboard note ACCOUNT_ID TEXT`: adds a note to the account's latest mark (SPEC §7.3).
public struct NoteCommand: ParsableCommand {
    /// Name and help.
    public static let configuration = CommandConfiguration(
        commandName: "note", abstract: "Add a note to an account's latest mark (appended; never an edit).")

    /// Store, playbook, as-of.
    @OptionGroup public var global: GlobalOptions

    /// The account.
    @Argument(help: "The account's id (case-sensitive).")
    public var accountId: String

    /// The note.
    @Argument(help: "The note's text.")
    public var text: String

    /// Who.
    @Option(help: "Who writes it (default: $ABMBOARD_USER, else the login name).")
    public var by: String?

    /// Creates the command (argument-parser fills it in).
    public init() {}

    /// Records the note.
    public func run() throws {
        let store = try global.openStore()
        let recorded = try store.record(
            .note(text), account: accountId, by: try Identity.person(by, store: store), stamp: try global.stamp())
        writeOutput(RecordText.line(recorded) + "\n")
    }
}

/// `abmboard log-touch ACCOUNT_ID --channel C`: records a touch (default outbound, now).
public struct LogTouchCommand: ParsableCommand {
    /// Name and help.
    public static let configuration = CommandConfiguration(
        commandName: "log-touch", abstract: "Record a touch: a call, a meeting, an e-mail …")

    /// Store, playbook, as-of.
    @OptionGroup public var global: GlobalOptions

    /// The account.
    @Argument(help: "The account's id (case-sensitive).")
    public var accountId: String

    /// The channel.
    @Option(help: "\(Channel.allCases.map(\.rawValue).joined(separator: ", ")).")
    public var channel: Channel

    /// The direction.
    @Option(help: "inbound (they engaged) or outbound (we reached them).")
    public var direction: Direction = .outbound

    /// The contact.
    @Option(help: "The contact's id (a contact of this account).")
    public var contact: String?

    /// When.
    @Option(help: "When it happened (default: --as-of, else now).")
    public var at: String?

    /// Topic.
    @Option(help: "What it was about.")
    public var topic: String?

    /// Note.
    @Option(help: "A note.")
    public var note: String?

    /// Who.
    @Option(help: "Who logs it (default: $ABMBOARD_USER, else the login name).")
    public var by: String?

    /// Creates the command (argument-parser fills it in).
    public init() {}

    /// Records the touch.
    public func run() throws {
        var when: Instant?
        if let at {
            guard let instant = Instant.parseISO8601(at), CompactTime.canStore(instant) else {
                throw CommandFailure(
                    "--at \"\(at)\" is not a time: give 2026-11-20T16:00:00Z or 2026-11-20",
                    status: CommandFailure.usage)
            }
            when = instant
        }
        let store = try global.openStore()
        let touch = try store.logTouch(
            NewTouch(
                accountId: accountId, channel: channel, direction: direction, at: when, contactId: contact,
                by: try Identity.person(by, store: store), topic: topic, note: note),
            stamp: try global.stamp())
        writeOutput(
            "logged \(touch.id): \(touch.direction.rawValue) \(touch.channel.rawValue) on \(touch.accountId) at \(touch.occurredAt.iso8601)\n"
        )
    }
}
