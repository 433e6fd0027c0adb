import ABMCore
import ABMImport
import ABMStore
import ArgumentParser
import Foundation

/// A failure the command reports in one line (or one line per bad row) with its exit status
/// (SPEC §5, §7.9): 64 usage, 65 bad data, 1 otherwise.
public struct CommandFailure: Error, CustomStringConvertible {
    /// What is wrong and how to fix it.
    public var message: String
    /// The exit status.
    public var status: Int32

    /// A failure with its message and status.
    public init(_ message: String, status: Int32) {
        self.message = message
        self.status = status
    }

    /// The message.
    public var description: String { message }

    /// Exit status 64: the command line is wrong.
    public static let usage: Int32 = 64
    /// Exit status 65: the data is wrong.
    public static let badData: Int32 = 65

    /// The message and status for any error a command throws.
    public static func from(_ error: Error) -> CommandFailure {
        switch error {
        case let failure as CommandFailure:
            return failure
        case let problems as ImportProblems:
            let file = problems.problems.first?.file ?? "the file"
            return CommandFailure(
                problems.description
                    + "\n\(file): nothing from this file was imported; fix the rows above and import it again",
                status: badData)
        case let playbook as PlaybookError:
            return CommandFailure(playbook.description, status: badData)
        case let store as StoreError:
            switch store {
            case .badRows: return CommandFailure(store.description, status: badData)
            default: return CommandFailure(StoreErrorText.line(store), status: 1)
            }
        default:
            return CommandFailure("\(error)", status: 1)
        }
    }
}

/// Runs the `abmboard` command line: parses, runs, and turns every error into one line on
/// standard error and the exit status of SPEC §5.
public enum CommandLineRunner {
    /// Runs with the process's arguments and exits.
    public static func main() -> Never {
        let arguments = Array(CommandLine.arguments.dropFirst())
        PasswordScrub.scrubProcessArguments()  // ps shows no password from here on
        let command: ParsableCommand
        do {
            command = try AbmboardCommand.parseAsRoot(arguments)
        } catch {
            let code = AbmboardCommand.exitCode(for: error)
            if code == .success {
                AbmboardCommand.exit(withError: error)  // --help, --version: printed as usual
            }
            // argument-parser lists choices on lines of their own: keep them, on one line.
            let lines = AbmboardCommand.message(for: error).split(separator: "\n")
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            let choices = lines.dropFirst().map { $0.hasPrefix("- ") ? String($0.dropFirst(2)) : $0 }
            let message =
                (lines.first ?? "invalid command line") + (choices.isEmpty ? "" : " " + choices.joined(separator: ", "))
            let shown = PasswordScrub.scrubbed(message) ?? message  // an argument echoed back
            writeError("abmboard: \(shown) (abmboard --help lists the commands and options)")
            exit(CommandFailure.usage)
        }
        do {
            var runnable = command
            try runnable.run()
            exit(0)
        } catch {
            if AbmboardCommand.exitCode(for: error) == .success { AbmboardCommand.exit(withError: error) }
            if error is ValidationError {
                let message = AbmboardCommand.message(for: error)
                let shown = PasswordScrub.scrubbed(message) ?? message
                writeError("abmboard: \(shown) (abmboard --help lists the options)")
                exit(CommandFailure.usage)
            }
            let failure = CommandFailure.from(error)
            for line in failure.message.split(separator: "\n", omittingEmptySubsequences: false) {
                writeError(
                    line.hasPrefix("abmboard") || failure.status == CommandFailure.badData
                        ? String(line) : "abmboard: \(line)")
            }
            exit(failure.status)
        }
    }
}
