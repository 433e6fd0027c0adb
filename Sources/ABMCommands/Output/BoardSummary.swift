import ABMBoardUI
import ABMCore

/// What bare `abmboard` prints until the terminal board arrives: tier health and the top of
/// the board, from the store or the DEMO programme.
enum BoardSummary {
    static func render(session: Session, label: String, rows: Int = 15) -> String {
        let (board, health) = session.boardAndHealth()
        var lines = [
            "abmboard \(AbmboardCommand.version) · \(label) · as of \(session.asOf.iso8601)", "",
            HealthText.render(health), "",
            BoardText.table(board.prefix(rows), programme: session.programme, asOf: session.asOf), "",
            "\(board.count) accounts on the board (abmboard board lists them all; abmboard --help lists the commands).",
        ]
        if label == "DEMO" {
            lines.append(
                "DEMO: no store at the default path yet; import your CSV files (abmboard import accounts FILE) or the bundled sample-data/."
            )
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
