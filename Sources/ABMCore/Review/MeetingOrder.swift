/// The order the weekly meeting steps through accounts (SPEC §6, meeting mode): Tier 1 first;
/// within a tier the recommendations promote, work and demote (in that order) before hold;
/// then engagement score, highest first; then account id by code point.
public enum MeetingOrder {
    /// The accounts of `rows` that still need a decision this week (on the board, with no
    /// decision in the review week), in meeting order.
    public static func queue(_ rows: [AccountEvaluation], in programme: Programme) -> [AccountEvaluation] {
        rows.filter { $0.tier != nil && $0.decision == nil }.sorted { precedes($0, $1, in: programme) }
    }

    /// Whether `a` comes before `b` in the meeting.
    public static func precedes(_ a: AccountEvaluation, _ b: AccountEvaluation, in programme: Programme) -> Bool {
        let ta = a.tier?.rawValue ?? 4
        let tb = b.tier?.rawValue ?? 4
        if ta != tb { return ta < tb }
        let ra = rank(a.recommendation)
        let rb = rank(b.recommendation)
        if ra != rb { return ra < rb }
        if a.score.value != b.score.value { return a.score.value > b.score.value }
        return codePointPrecedes(programme.accounts[a.account].id, programme.accounts[b.account].id)
    }

    /// promote 0, work 1, demote 2, hold 3, none 4.
    static func rank(_ recommendation: Recommendation) -> Int {
        switch recommendation {
        case .promote: 0
        case .work: 1
        case .demote: 2
        case .hold: 3
        case .none: 4
        }
    }
}
