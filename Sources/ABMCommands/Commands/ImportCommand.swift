import ABMCore
import ABMImport
import ABMStore
import ArgumentParser
import Foundation

extension ImportKind: ExpressibleByArgument {}

/// `abmboard import KIND FILE…`: CSV files into the store, each whole or not at all.
public struct ImportCommand: ParsableCommand {
    /// Name and help.
    public static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import CSV files: accounts, contacts, touches, intent, opportunities (or marks).",
        discussion: """
            Each file is validated first and stored whole or not at all: every bad row is reported \
            as FILE:LINE: column "NAME": expected …, found "…" (exit 65). Importing the same file \
            twice changes nothing. Import accounts before the files that refer to them.
            """)

    /// Store, playbook, as-of.
    @OptionGroup public var global: GlobalOptions

    /// The kind of the files.
    @Argument(help: "accounts, contacts, touches, intent, opportunities or marks.")
    public var kind: ImportKind

    /// The files.
    @Argument(help: "One or more CSV files of that kind.")
    public var files: [String]

    /// Who imports (for tier changes recorded in the history).
    @Option(help: "Who imports, recorded with tier changes (default: $ABMBOARD_USER, else the login name).")
    public var by: String?

    /// Creates the command (argument-parser fills it in).
    public init() {}

    /// Checks the arguments.
    public func validate() throws {
        guard !files.isEmpty else { throw ValidationError("give at least one FILE to import") }
    }

    /// Imports each file in turn, printing a summary line for each.
    public func run() throws {
        let stamp = try global.stamp()
        var store: (any ProgrammeStore)? = global.storeExists() ? try global.openStore() : nil
        for file in files {
            let data = try Importer.contents(of: file)
            let catalog = try store?.catalog() ?? ImportCatalog()
            let summary = try data.withUnsafeBytes { raw in
                try Importer.run(
                    kind: kind, file: file, bytes: raw.bindMemory(to: UInt8.self), catalog: catalog,
                    open: {
                        if let store { return store }
                        let created = try global.createStore()
                        store = created
                        return created
                    }, stamp: stamp, by: Identity.person(by), progress: ProgressLine(label: file))
            }
            writeOutput("\(file): \(summary.line)\n")
        }
    }
}

/// `abmboard sample --out DIR`: writes the demo programme (or a larger generated one) as the
/// import files of SPEC §1 plus `marks.csv`.
public struct SampleCommand: ParsableCommand {
    /// Name and help.
    public static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "Write the sample programme as CSV files (what sample-data/ holds).",
        discussion: """
            Without sizes it writes the DEMO programme (about 300 accounts, as of 2026-11-20). \
            With --accounts and --touches it writes a generated benchmark programme of that size.
            Example: abmboard sample --out /tmp/big --accounts 50000 --touches 5000000
            """)

    /// Where to write.
    @Option(help: "The folder to write the files into (created if needed).")
    public var out: String

    /// Accounts for a benchmark programme.
    @Option(help: "Accounts in a generated benchmark programme.")
    public var accounts: Int?

    /// Touches for a benchmark programme.
    @Option(help: "Touches in a generated benchmark programme.")
    public var touches: Int?

    /// Creates the command (argument-parser fills it in).
    public init() {}

    /// Checks the sizes.
    public func validate() throws {
        if let accounts, accounts < 1 { throw ValidationError("--accounts must be at least 1, found \(accounts)") }
        if let touches, touches < 0 { throw ValidationError("--touches must be 0 or more, found \(touches)") }
    }

    /// Generates and writes the files.
    public func run() throws {
        let options: SampleOptions =
            accounts == nil && touches == nil
            ? .demo : .benchmark(accounts: accounts ?? 50_000, touches: touches ?? 5_000_000)
        let programme = SampleGenerator.generate(options)
        do {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            for (name, text) in ProgrammeCSV.files(of: programme) {
                let path = (out as NSString).appendingPathComponent(name)
                try Data(text.utf8).write(to: URL(fileURLWithPath: path))
                writeOutput("wrote \(path)\n")
            }
        } catch {
            throw CommandFailure("cannot write into \(out): \(error.localizedDescription)", status: 1)
        }
    }
}
