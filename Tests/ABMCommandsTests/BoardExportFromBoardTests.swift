import ABMBoardUI
import ABMCore
import ABMImport
import Foundation
import Testing

@testable import ABMCommands

/// `:export board FILE` on the board writes the board as shown, with `export board`'s columns.
struct BoardExportFromBoardTests {
    static func state() -> BoardState {
        let data = BoardData(
            programme: SampleGenerator.generate(.demo), evaluator: Evaluator(), asOf: SampleOptions.demoAsOf,
            storeName: "DEMO")
        return BoardState(data: data, user: "dana", width: 120, height: 30, live: true)
    }

    @Test("the board as shown (its search, in its order) goes to the file, CSV or JSON by the name")
    func exports() throws {
        var state = Self.state()
        _ = state.update(.keyPressed(.character(":")))
        for character in "search group" { _ = state.update(.keyPressed(.character(character))) }
        _ = state.update(.keyPressed(.enter))
        _ = state.update(.keyPressed(.character(":")))
        for character in "export board out.csv" { _ = state.update(.keyPressed(.character(character))) }
        #expect(state.update(.keyPressed(.enter)) == [.exportBoard(path: "out.csv")])

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("abm-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let csv = directory.appendingPathComponent("board.csv").path
        guard case .exported(let path, let accounts) = BoardApp.export(state, to: csv) else {
            Issue.record("the export failed")
            return
        }
        #expect(path == csv && accounts == state.order.count && accounts > 0)
        let lines = try String(contentsOfFile: csv, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == accounts + 1)
        let ids = lines.dropFirst().map { String($0.split(separator: ",").first ?? "") }
        #expect(ids == state.order.map { state.data.programme.accounts[$0].id })

        let json = directory.appendingPathComponent("board.json").path
        _ = BoardApp.export(state, to: json)
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json)))
        #expect(((object as? [String: Any])?["accounts"] as? [Any])?.count == accounts)

        let failed = BoardApp.export(state, to: "/nonexistent-dir/x.csv")
        guard case .exportFailed = failed else {
            Issue.record("an export into a missing folder did not fail")
            return
        }
        _ = state.update(failed)
        #expect(state.message?.text.hasPrefix("not exported: ") == true)
        #expect(state.message?.isError == true)
    }
}
