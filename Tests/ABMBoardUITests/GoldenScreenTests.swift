import ABMCore
import ABMTestSupport
import Foundation
import Testing

@testable import ABMBoardUI

/// The demo programme (fixed seed and as-of), evaluated once for all screen tests.
enum DemoBoard {
    static let data = BoardData(
        programme: SampleGenerator.generate(.demo), evaluator: Evaluator(), asOf: SampleOptions.demoAsOf,
        storeName: "DEMO")

    /// The board for user `dana` at `width` × `height`.
    static func state(width: Int, height: Int) -> BoardState {
        BoardState(data: data, user: "dana", width: width, height: height, live: true)
    }

    /// Presses `keys`, storing every record the board asks for as its host would (stamped at
    /// the board's as-of, by its user) and feeding back `.recorded`.
    static func drive(_ state: inout BoardState, _ keys: [Key]) {
        for key in keys {
            for effect in state.update(.keyPressed(key)) {
                guard case .record(let event, let id) = effect else { continue }
                let record = HistoryRecord(accountId: id, at: state.data.asOf, by: state.user, event: event)
                _ = state.update(.recorded(RecordedMark(record: record, tierBefore: nil, tierAfter: nil)))
            }
        }
    }

    /// The keys that type `text`.
    static func typing(_ text: String) -> [Key] { text.map { .character($0) } }
}

/// Screens rendered into the buffer at fixed sizes, compared line by line with the text files
/// in `Golden/`. To update them on purpose: `ABMBOARD_UPDATE_GOLDEN=1 swift test --filter GoldenScreenTests`,
/// then read the diff.
struct GoldenScreenTests {
    /// The screens: a name and how to reach it from the board.
    static let screens: [(name: String, keys: [Key])] = [
        ("board", []), ("detail", [.down, .enter]), ("health", [.character("t")]), ("help", [.character("?")]),
        ("filter", [.character("f"), .down, .down, .enter]), ("log-touch", [.down, .character("l"), .down, .down]),
        ("drill", [.character("t"), .down, .down, .down, .enter]),
        ("meeting-menu", [.character("m")]), ("meeting", [.character("m"), .enter]),
        (
            "meeting-summary",
            [.character("m"), .enter, .enter, .character("n")] + DemoBoard.typing("call the CFO")
                + [.enter, .character("h"), .character("s"), .escape]
        ),
        ("changes", [.character("c")]), ("past-week", [.character("[")]),
    ]

    static let cases: [(String, [Key], Int, Int)] = screens.flatMap { screen in
        [(screen.name, screen.keys, 80, 24), (screen.name, screen.keys, 160, 48)]
    }

    @Test("screens match their golden text files", arguments: cases)
    func golden(name: String, keys: [Key], width: Int, height: Int) throws {
        var state = DemoBoard.state(width: width, height: height)
        DemoBoard.drive(&state, keys)
        let text = ScreenView.render(state).lines.joined(separator: "\n") + "\n"
        try Self.compare(text, with: "\(name)-\(width)x\(height).txt", name: "\(name) \(width)×\(height)")
    }

    @Test("screens' cell roles (selected, highlighted, warned …) match their golden files", arguments: cases)
    func goldenRoles(name: String, keys: [Key], width: Int, height: Int) throws {
        var state = DemoBoard.state(width: width, height: height)
        DemoBoard.drive(&state, keys)
        let text = Self.roles(ScreenView.render(state))
        try Self.compare(text, with: "\(name)-\(width)x\(height).roles.txt", name: "\(name) \(width)×\(height) roles")
    }

    /// Each line of `screen` as runs of one role: `0-3 header · 4-79 text` (columns from 0).
    static func roles(_ screen: ScreenBuffer) -> String {
        var lines: [String] = []
        guard screen.width > 0 else { return "" }
        for y in 0..<screen.height {
            var runs: [String] = []
            var start = 0
            for x in 1...screen.width where x == screen.width || screen[x, y].role != screen[start, y].role {
                runs.append("\(start)-\(x - 1) \(screen[start, y].role.rawValue)")
                start = x
            }
            lines.append(runs.joined(separator: " · "))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Compares `text` with the golden file `fileName` in `Golden/`.
    static func compare(_ text: String, with fileName: String, name: String) throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Golden/\(fileName)")
        try GoldenFile.compare(text, with: file, name: name)
    }

    @Test("every line of every screen fits its width, at any size down to 1×1")
    func fitsAnySize() {
        for (width, height) in [(1, 1), (10, 3), (39, 7), (40, 8), (57, 13), (200, 60)] {
            for screen in GoldenScreenTests.screens {
                var state = DemoBoard.state(width: width, height: height)
                DemoBoard.drive(&state, screen.keys)
                let buffer = ScreenView.render(state)
                #expect(buffer.lines.count == height)
                #expect(buffer.lines.allSatisfy { DisplayWidth.of($0) <= width })
            }
        }
    }
}
