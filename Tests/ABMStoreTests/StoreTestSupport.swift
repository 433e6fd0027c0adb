import ABMCore
import ABMImport
import ABMTestSupport
import Foundation
import Testing

@testable import ABMPostgresStore
@testable import ABMSQLiteStore
@testable import ABMStore

/// The lines joined by LF, with a final LF.
func csv(_ lines: String...) -> String {
    lines.joined(separator: "\n") + "\n"
}

/// An instant from an ISO 8601 text the test knows to be valid (the shared `at`).
func instant(_ text: String) -> Instant { at(text) }

/// A clock the test sets by hand (it may go backwards).
final class ManualClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Instant

    init(_ start: Instant) {
        current = start
    }

    /// The time the clock shows.
    var now: Instant {
        lock.withLock { current }
    }

    /// Sets the time (earlier or later).
    func set(_ time: Instant) {
        lock.withLock { current = time }
    }

    /// The clock as the store takes it.
    var function: @Sendable () -> Instant {
        { [self] in now }
    }
}

/// A fresh store (a SQLite file in its own temporary directory, or a new database on the test
/// server), with helpers that import CSV text through the same validation the command line
/// uses (`ABMImport`), then through the store.
final class StoreFixture {
    let directory: URL
    let path: String
    let backend: Backend
    let store: any TestableStore
    private let database: PostgresTestServer.Database?

    init(_ backend: Backend = .sqlite, clock: (@Sendable () -> Instant)? = nil) throws {
        self.backend = backend
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("abmboard-store-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        path = directory.appendingPathComponent("store.sqlite").path
        switch backend {
        case .sqlite:
            database = nil
            if let clock {
                store = try SQLiteStore(path: path, create: true, clock: clock)
            } else {
                store = try SQLiteStore(path: path, create: true)
            }
        case .postgres:
            let created = try PostgresTestServer.newDatabase()
            database = created
            store = try PostgresStore(location: created.location, clock: clock)
        }
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
        database?.drop()
    }

    /// Who a record made with `by: claimed` names: the claim on a SQLite file, the login's
    /// person (here the cluster's owner) on PostgreSQL.
    func recorder(claimed: String) throws -> String {
        switch backend {
        case .sqlite: return claimed
        case .postgres: return try PostgresTestServer.settings().owner
        }
    }

    /// The PostgreSQL database's name (`nil` on SQLite), for psql.
    var databaseName: String? { database?.name }

    /// The SQLite store, for the tests of its own file format.
    func sqlite() throws -> SQLiteStore {
        guard let store = store as? SQLiteStore else { throw NotSQLite() }
        return store
    }

    /// The fixture's store is not a SQLite file.
    struct NotSQLite: Error {}

    /// Reads `text` with `read` against the store's catalog; a validation problem fails the test
    /// (thrown as `ImportProblems`).
    private func rows<Rows>(
        _ text: String,
        _ read: (UnsafeBufferPointer<UInt8>, ImportCatalog) -> Result<Rows, ImportProblems>
    ) throws -> Rows {
        let catalog = try store.catalog()
        return try Array(text.utf8).withUnsafeBufferPointer { read($0, catalog) }.get()
    }

    @discardableResult
    func importAccounts(_ text: String, stamp: RecordStamp = .now, by: String = "importer") throws
        -> ImportSummary
    {
        let rows = try rows(text) { AccountsFile.read(file: "accounts.csv", bytes: $0, catalog: $1) }
        return try store.importAccounts(rows, file: "accounts.csv", stamp: stamp, by: by)
    }

    @discardableResult
    func importContacts(_ text: String) throws -> ImportSummary {
        let rows = try rows(text) { ContactsFile.read(file: "contacts.csv", bytes: $0, catalog: $1) }
        return try store.importContacts(rows)
    }

    @discardableResult
    func importTouches(_ text: String) throws -> ImportSummary {
        let rows = try rows(text) { TouchesFile.read(file: "touches.csv", bytes: $0, catalog: $1) }
        return try store.importTouches(rows) { _ in }
    }

    @discardableResult
    func importIntent(_ text: String) throws -> ImportSummary {
        let rows = try rows(text) { IntentFile.read(file: "intent.csv", bytes: $0, catalog: $1) }
        return try store.importIntent(rows)
    }

    @discardableResult
    func importOpportunities(_ text: String) throws -> ImportSummary {
        let rows = try rows(text) { OpportunitiesFile.read(file: "opportunities.csv", bytes: $0, catalog: $1) }
        return try store.importOpportunities(rows)
    }

    @discardableResult
    func importMarks(_ text: String) throws -> ImportSummary {
        let rows = try rows(text) { MarksFile.read(file: "marks.csv", bytes: $0, catalog: $1) }
        return try store.importMarks(rows, file: "marks.csv")
    }

    /// The account's history as stored.
    func history(_ id: String) throws -> [HistoryRecord] {
        let programme = try store.loadProgramme()
        guard let index = programme.index(ofAccount: id) else {
            Issue.record("no account \(id) in the store")
            return []
        }
        return programme.history(of: index)
    }

    /// The account's tier after replaying its whole history.
    func tier(_ id: String) throws -> Tier? {
        let programme = try store.loadProgramme()
        guard let index = programme.index(ofAccount: id) else {
            Issue.record("no account \(id) in the store")
            return nil
        }
        return MarkReplay(
            records: programme.history(of: index), importedTier: programme.accounts[index].importedTier,
            asOf: .distantFuture
        ).tier
    }
}

/// The small programme the store tests import: three accounts (Tier 1, 2 and 3, the last in the
/// holdout), three contacts and three touches.
enum SmallProgramme {
    static let accounts = csv(
        "account_id,name,tier,owner,holdout,domain",
        "A1,Acme,1,dana,false,acme.example",
        "A2,Globex,2,lee,,globex.example",
        "A3,Initech,3,dana,true,")

    static let contacts = csv(
        "contact_id,account_id,name,buying_role,active,title",
        "C1,A1,Ann Lee,champion,true,VP Data",
        "C2,A1,Bob Ray,economic_buyer,,CFO",
        "C3,A2,Cid Roe,,false,")

    static let touches = csv(
        "touch_id,account_id,channel,direction,occurred_at,contact_id,topic,by,note",
        "T1,A1,meeting,outbound,2026-11-02T10:00:00Z,C1,data observability,dana,\"kick-off, agenda\"",
        "T2,A1,web,inbound,2026-11-03,,,,",
        "T3,A2,email,inbound,2026-11-04T09:30:00+01:00,C3,pricing,,")

    static let intent = csv(
        "account_id,topic,score,observed_at",
        "A1,data observability,72,2026-11-05T08:00:00Z")

    static let opportunities = csv(
        "opportunity_id,account_id,status,kind,stage,amount,created_at,closed_at",
        "O1,A2,open,new,Discovery,50000,2026-10-01,")

    static let marks = csv(
        "account_id,action,by,at,note",
        "A2,work,lee,2026-11-09T09:00:00Z,")

    /// A store holding the accounts, contacts and touches.
    static func fixture(_ backend: Backend = .sqlite, clock: (@Sendable () -> Instant)? = nil) throws -> StoreFixture {
        let fixture = try StoreFixture(backend, clock: clock)
        try fixture.importAccounts(accounts)
        try fixture.importContacts(contacts)
        try fixture.importTouches(touches)
        return fixture
    }
}

/// The refusal `body` threw, or `nil` (recording an issue) when it threw something else or
/// nothing.
func refusal<T>(
    _ body: () throws(StoreError) -> T, sourceLocation: SourceLocation = #_sourceLocation
) -> MarkRefusal? {
    do {
        _ = try body()
        Issue.record("expected StoreError.refused, but it succeeded", sourceLocation: sourceLocation)
    } catch .refused(let refusal) {
        return refusal
    } catch {
        Issue.record("expected StoreError.refused, got \(error)", sourceLocation: sourceLocation)
    }
    return nil
}

/// The `sqlite3` command-line tool: runs `sql` on the file at `path` in a connection of its own
/// (not the store's), as another program would.
enum SQLiteShell {
    struct Outcome {
        var status: Int32
        var output: String
        var error: String
    }

    /// The tool's path, if it is installed.
    static let executable: String? = {
        let candidates = ["/usr/bin/sqlite3", "/usr/local/bin/sqlite3", "/opt/homebrew/bin/sqlite3"]
        if let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) {
            return found
        }
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        return paths.map { "\($0)/sqlite3" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// Runs `sql`; records an issue and returns `nil` when the tool is missing.
    static func run(
        _ path: String, _ sql: String, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> Outcome? {
        guard let executable else {
            Issue.record("the sqlite3 command-line tool is not installed", sourceLocation: sourceLocation)
            return nil
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-batch", "-cmd", ".timeout 5000", path, sql]
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus,
            output: String(decoding: outData, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines),
            error: String(decoding: errData, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}

/// A list appended to from several threads.
final class LockedList: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [String] = []

    func append(_ item: String) {
        lock.withLock { storage.append(item) }
    }

    var items: [String] {
        lock.withLock { storage }
    }
}
