import ABMBoardUI
import ABMCore
import ArgumentParser

/// `abmboard board`: the board as a table, or JSON for scripts (SPEC §5).
public struct BoardCommand: ParsableCommand {
    /// Name and help.
    public static let configuration = CommandConfiguration(
        commandName: "board", abstract: "The board: every account's row, as a table or JSON.")

    /// Store, playbook, as-of.
    @OptionGroup public var global: GlobalOptions

    /// JSON output.
    @Flag(help: "Print JSON: {\"as_of\": TIME, \"accounts\": [ROW, …]}.")
    public var json = false

    /// Removed accounts too.
    @Flag(name: .customLong("include-removed"), help: "Include accounts removed from the programme (tier null).")
    public var includeRemoved = false

    /// Creates the command (argument-parser fills it in).
    public init() {}

    /// Prints the board.
    public func run() throws {
        let session = try Session(options: global)
        let rows = session.board(includeRemoved: includeRemoved)
        if json {
            let bytes = BoardJSON.render(rows, programme: session.programme, asOf: session.asOf)
            PhaseTimer.mark("json")
            writeOutput(bytes: bytes)
            PhaseTimer.mark("print")
        } else {
            writeOutput(
                BoardText.render(rows, programme: session.programme, asOf: session.asOf, store: session.store.name))
        }
    }
}

/// `abmboard health`: tier health (SPEC §4).
public struct HealthCommand: ParsableCommand {
    /// Name and help.
    public static let configuration = CommandConfiguration(
        commandName: "health", abstract: "Tier health: states, engaged share, SLA follow-up, decisions, movement.")

    /// Store, playbook, as-of.
    @OptionGroup public var global: GlobalOptions

    /// JSON output.
    @Flag(help: "Print JSON.")
    public var json = false

    /// Creates the command (argument-parser fills it in).
    public init() {}

    /// Prints tier health.
    public func run() throws {
        let session = try Session(options: global)
        let report = session.health()
        writeOutput(json ? HealthJSON.render(report, asOf: session.asOf) : HealthText.render(report) + "\n")
    }
}

/// `abmboard explain ACCOUNT_ID`: the evidence behind every number on the row.
public struct ExplainCommand: ParsableCommand {
    /// Name and help.
    public static let configuration = CommandConfiguration(
        commandName: "explain", abstract: "Every number on an account's row with the evidence behind it.")

    /// Store, playbook, as-of.
    @OptionGroup public var global: GlobalOptions

    /// The account.
    @Argument(help: "The account's id (case-sensitive).")
    public var accountId: String

    /// JSON output.
    @Flag(help: "Print JSON.")
    public var json = false

    /// Creates the command (argument-parser fills it in).
    public init() {}

    /// Prints the evidence.
    public func run() throws {
        let session = try Session(options: global)
        let index = try session.accountIndex(accountId)
        let evidence = session.evaluator.explain(account: index, in: session.programme, asOf: session.asOf)
        writeOutput(
            json
                ? ExplainOutput.json(evidence, programme: session.programme, playbook: session.evaluator.playbook)
                : ExplainText.text(evidence, programme: session.programme, playbook: session.evaluator.playbook))
    }
}
