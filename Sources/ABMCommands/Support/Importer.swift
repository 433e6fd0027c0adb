import ABMCore
import ABMImport
import ABMStore
import Foundation

/// The kinds of import file (SPEC §1, and `marks`, SPEC §7.4).
public enum ImportKind: String, CaseIterable, Sendable {
    case accounts, contacts, touches, intent, opportunities, marks
}

/// Validates one import file and stores it whole or not at all: every bad row is reported
/// (exit 65) and nothing from the file is stored. Validation runs before the write, so the
/// store's write lock is held only while writing (SPEC §7.7).
enum Importer {
    /// Imports `bytes` as `kind` into the store `open` returns (called only once the file is
    /// valid, so a bad first file does not create an empty store).
    static func run(
        kind: ImportKind, file: String, bytes: UnsafeBufferPointer<UInt8>, catalog: ImportCatalog,
        open: () throws -> any ProgrammeStore, stamp: RecordStamp, by: String, progress: ProgressLine?
    ) throws -> ImportSummary {
        let started = Date()
        var summary: ImportSummary
        switch kind {
        case .accounts:
            let rows = try AccountsFile.read(file: file, bytes: bytes, catalog: catalog).get()
            summary = try open().importAccounts(rows, file: file, stamp: stamp, by: by)
        case .contacts:
            let rows = try ContactsFile.read(file: file, bytes: bytes, catalog: catalog).get()
            summary = try open().importContacts(rows)
        case .touches:
            let rows = try TouchesFile.read(file: file, bytes: bytes, catalog: catalog) { done, fraction in
                progress?.update(phase: "checking", rows: done, fraction: fraction)
            }.get()
            let total = max(rows.count, 1)
            summary = try open().importTouches(rows) { done in
                progress?.update(phase: "storing", rows: done, fraction: Double(done) / Double(total))
            }
        case .intent:
            let rows = try IntentFile.read(file: file, bytes: bytes, catalog: catalog).get()
            summary = try open().importIntent(rows)
        case .opportunities:
            let rows = try OpportunitiesFile.read(file: file, bytes: bytes, catalog: catalog).get()
            summary = try open().importOpportunities(rows)
        case .marks:
            let rows = try MarksFile.read(file: file, bytes: bytes, catalog: catalog).get()
            summary = try open().importMarks(rows, file: file)
        }
        progress?.finish()
        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }

    /// The whole file, memory-mapped.
    /// - Throws: `CommandFailure` (64) when it cannot be read.
    static func contents(of path: String) throws -> Data {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw CommandFailure("\(path): no such file (check the path)", status: CommandFailure.usage)
        }
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
        } catch {
            throw CommandFailure(
                "\(path): cannot be read (\(error.localizedDescription))", status: CommandFailure.usage)
        }
    }
}
