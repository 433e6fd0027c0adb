import Foundation
import Testing

@testable import ABMCommands

/// `--out FILE`: written whole through a temporary file and a rename, or not at all.
struct ExportDestinationTests {
    /// A fresh temporary folder.
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "abmboard-export-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("the file is replaced whole, and no temporary file is left beside it")
    func replacesWhole() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("board.csv").path
        try Data("old contents that are longer than the new ones\n".utf8).write(to: URL(fileURLWithPath: path))
        let destination = try ExportDestination(path: path)
        // Until it is delivered, the old file stands beside a temporary one.
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("old"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).count == 2)
        try destination.deliver(Array("a,b\n1,2\n".utf8))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "a,b\n1,2\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["board.csv"])
    }

    @Test("an export that fails before delivering leaves the old file and no temporary file")
    func failedExportLeavesNothing() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("history.json").path
        try Data("old".utf8).write(to: URL(fileURLWithPath: path))
        do {
            let destination = try ExportDestination(path: path)
            _ = destination
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["history.json"])
    }

    @Test("a path that cannot be written is a usage error (exit 64) before any work, naming it")
    func unwritable() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = folder.appendingPathComponent("no-such-folder/board.csv").path
        let noFolder = #expect(throws: CommandFailure.self) { try ExportDestination(path: missing) }
        #expect(
            noFolder?.message
                == "cannot write --out \"\(missing)\": No such file or directory (give a file in an existing directory "
                + "you can write to)")
        #expect(noFolder?.status == 64)
        let directory = #expect(throws: CommandFailure.self) { try ExportDestination(path: folder.path) }
        #expect(directory?.message == "--out \"\(folder.path)\" is a directory: give a file name")
        #expect(directory?.status == 64)
    }
}
