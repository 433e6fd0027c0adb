import ABMCore
import ABMImport
import Foundation
import Testing

/// The committed `sample-data/` is exactly what `abmboard sample` writes, so the DEMO store
/// (built from the generator) and a hand import of the files show the same board.
struct SampleDataTests {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("sample-data")

    @Test(
        "sample-data/ holds the six files the generator writes, byte for byte",
        arguments: ProgrammeCSV.files(of: SampleGenerator.generate(.demo)).map(\.name))
    func committedFilesMatchTheGenerator(name: String) throws {
        let expected = ProgrammeCSV.files(of: SampleGenerator.generate(.demo)).first { $0.name == name }?.text
        let committed = try String(contentsOf: Self.folder.appendingPathComponent(name), encoding: .utf8)
        #expect(committed == expected, "regenerate with: swift run abmboard sample --out sample-data")
    }

    @Test("the sample programme has about 300 accounts, 30/90/180 by tier, and several AEs")
    func sampleShape() throws {
        let text = try String(contentsOf: Self.folder.appendingPathComponent("accounts.csv"), encoding: .utf8)
        let rows = text.split(separator: "\n").dropFirst().map {
            $0.split(separator: ",", omittingEmptySubsequences: false)
        }
        #expect(rows.count == 300)
        let tiers = Dictionary(grouping: rows, by: { String($0[2]) }).mapValues(\.count)
        #expect(tiers == ["1": 30, "2": 90, "3": 180])
        #expect(Set(rows.map { String($0[8]) }).count >= 4)
    }
}
