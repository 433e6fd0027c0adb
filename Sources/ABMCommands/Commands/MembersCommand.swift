import ABMPostgresStore
import ABMStore
import ArgumentParser
import Foundation

/// `abmboard members add|list|remove`: who may use a team store, and as what.
public struct MembersCommand: ParsableCommand {
    /// Name, help and subcommands.
    public static let configuration = CommandConfiguration(
        commandName: "members",
        abstract: "Manage a team store's members: database logins with a person name and a role.",
        discussion: """
            Roles: viewer (reads), ae (marks, undo, notes and touches on accounts they own or are \
            the SDR of), marketing (promote and hold on any account, notes, touches), manager \
            (everything, imports included). The database itself enforces them. Only the database's \
            owner manages members.
            """,
        subcommands: [MembersAddCommand.self, MembersListCommand.self, MembersRemoveCommand.self])

    /// Creates the command (argument-parser fills it in).
    public init() {}

    /// The team store `--db` names.
    static func store(_ global: GlobalOptions) throws -> PostgresStore {
        guard case .postgres(let url) = global.storeTarget else {
            throw CommandFailure(
                "members are for a PostgreSQL store: give --db postgres://USER@HOST:PORT/DATABASE (on a SQLite file anyone with the file may write)",
                status: CommandFailure.usage)
        }
        return try PostgresTarget.open(url: url)
    }
}

/// `abmboard members add LOGIN --person NAME --role ROLE`.
public struct MembersAddCommand: ParsableCommand {
    /// Name and help.
    public static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add a member (or change one's person name or role).")

    /// Store, playbook, as-of.
    @OptionGroup public var global: GlobalOptions

    /// The login.
    @Argument(help: "The database login (created when it does not exist).")
    public var login: String

    /// The person.
    @Option(help: "The person name recorded as `by` (what the accounts' owner and sdr columns say).")
    public var person: String

    /// The role.
    @Option(help: "viewer, ae, marketing or manager.")
    public var role: String

    /// Read the new login's password from standard input.
    @Flag(name: .customLong("password-stdin"), help: "Read the login's password from standard input (one line).")
    public var passwordFromStandardInput = false

    /// Creates the command (argument-parser fills it in).
    public init() {}

    /// Checks the role and the person.
    public func validate() throws {
        guard PostgresMembers.roles.contains(role) else {
            throw ValidationError("--role \"\(role)\" is not a role: give viewer, ae, marketing or manager")
        }
        guard !person.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ValidationError("--person must name someone")
        }
    }

    /// Adds the member.
    public func run() throws {
        var password: String?
        if passwordFromStandardInput {
            password = readLine(strippingNewline: true)
            guard let given = password, !given.isEmpty else {
                throw CommandFailure("--password-stdin: no password on standard input", status: CommandFailure.usage)
            }
        }
        let store = try MembersCommand.store(global)
        try PostgresMembers.add(store, login: login, person: person, role: role, password: password)
        writeOutput("\(login) is a member: \(person) (\(role))\n")
    }
}

/// `abmboard members list`.
public struct MembersListCommand: ParsableCommand {
    /// Name and help.
    public static let configuration = CommandConfiguration(commandName: "list", abstract: "List the members.")

    /// Store, playbook, as-of.
    @OptionGroup public var global: GlobalOptions

    /// Creates the command (argument-parser fills it in).
    public init() {}

    /// Lists them, one per line: login, person, role.
    public func run() throws {
        for entry in try PostgresMembers.list(try MembersCommand.store(global)) {
            writeOutput("\(entry.login)\t\(entry.person)\t\(entry.role)\n")
        }
    }
}

/// `abmboard members remove LOGIN`.
public struct MembersRemoveCommand: ParsableCommand {
    /// Name and help.
    public static let configuration = CommandConfiguration(
        commandName: "remove", abstract: "Remove a member (its login and its records stay).")

    /// Store, playbook, as-of.
    @OptionGroup public var global: GlobalOptions

    /// The login.
    @Argument(help: "The database login.")
    public var login: String

    /// Creates the command (argument-parser fills it in).
    public init() {}

    /// Removes the member.
    public func run() throws {
        guard try PostgresMembers.remove(try MembersCommand.store(global), login: login) else {
            throw CommandFailure("\(login) is not a member of this store (abmboard members list shows them)", status: 1)
        }
        writeOutput("\(login) is no longer a member\n")
    }
}
