import ABMCore
import ABMImport
import ABMSQLiteStore
import ABMStore
import Foundation

/// The throwaway DEMO store: the sample programme imported through the ordinary import path
/// into a temporary file (deleted by `remove()`), pinned to the sample's own as-of (SPEC §7.5).
struct DemoStore {
    let store: SQLiteStore
    let folder: String

    /// Builds the DEMO store.
    init() throws {
        folder =
            NSTemporaryDirectory()
            + "abmboard-demo-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let created = try SQLiteStore(path: folder + "/demo.sqlite", create: true)
        store = created
        let programme = SampleGenerator.generate(.demo)
        for (name, text) in ProgrammeCSV.files(of: programme) {
            guard let kind = ImportKind(rawValue: ProgrammeCSV.kind(ofFile: name)) else { continue }
            let catalog = try created.catalog()
            _ = try Array(text.utf8).withUnsafeBufferPointer { bytes in
                try Importer.run(
                    kind: kind, file: name, bytes: bytes, catalog: catalog, open: { created },
                    stamp: .at(SampleOptions.demoAsOf), by: "sample", progress: nil)
            }
        }
    }

    /// Deletes the temporary files.
    func remove() {
        try? FileManager.default.removeItem(atPath: folder)
    }
}
