import ABMCore

/// Writes a programme as the import files of SPEC §1 (and `marks.csv`, SPEC §7.4): what
/// `abmboard sample` commits as `sample-data/`, and what the DEMO store is imported from.
public enum ProgrammeCSV {
    /// The files in import order: name and text.
    public static func files(of programme: Programme) -> [(name: String, text: String)] {
        [
            ("accounts.csv", accounts(programme)), ("contacts.csv", contacts(programme)),
            ("touches.csv", touches(programme)), ("intent.csv", intent(programme)),
            ("opportunities.csv", opportunities(programme)), ("marks.csv", marks(programme)),
        ]
    }

    /// The import kind of each file name (`accounts.csv` → `accounts`).
    public static func kind(ofFile name: String) -> String { String(name.prefix { $0 != "." }) }

    static func accounts(_ p: Programme) -> String {
        var out = CSVText(
            header: [
                "account_id", "name", "tier", "domain", "industry", "employees", "annual_revenue", "region", "owner",
                "sdr", "icp_score", "holdout", "parent_account_id",
            ])
        for a in p.accounts {
            out.row([
                a.id, a.name, "\(a.importedTier.rawValue)", a.domain, a.industry, a.employees.map(String.init),
                a.annualRevenue.map(number), a.region, a.owner, a.sdr, a.icpScore.map(String.init),
                a.holdout ? "true" : "false", a.parentAccountId,
            ])
        }
        return out.text
    }

    static func contacts(_ p: Programme) -> String {
        var out = CSVText(header: ["contact_id", "account_id", "name", "title", "buying_role", "email", "active"])
        for index in 0..<p.accountCount {
            for c in p.contacts(of: index) {
                out.row([
                    c.id, c.accountId, c.name, c.title, c.buyingRole.rawValue, c.email, c.active ? "true" : "false",
                ])
            }
        }
        return out.text
    }

    static func touches(_ p: Programme) -> String {
        var out = CSVText(
            header: [
                "touch_id", "account_id", "channel", "direction", "occurred_at", "contact_id", "topic", "by", "note",
            ])
        var all: [Touch] = []
        for index in 0..<p.accountCount { all.append(contentsOf: p.touches(of: index)) }
        all.sort { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
        for t in all {
            out.row([
                t.id, t.accountId, t.channel.rawValue, t.direction.rawValue, t.occurredAt.iso8601, t.contactId, t.topic,
                t.by, t.note,
            ])
        }
        return out.text
    }

    static func intent(_ p: Programme) -> String {
        var out = CSVText(header: ["account_id", "topic", "score", "observed_at"])
        for index in 0..<p.accountCount {
            for r in p.intent(of: index) {
                out.row([r.accountId, r.topic, "\(r.score)", r.observedAt.iso8601])
            }
        }
        return out.text
    }

    static func opportunities(_ p: Programme) -> String {
        var out = CSVText(
            header: ["opportunity_id", "account_id", "status", "kind", "stage", "amount", "created_at", "closed_at"])
        for index in 0..<p.accountCount {
            for o in p.opportunities(of: index) {
                out.row([
                    o.id, o.accountId, o.status.rawValue, o.kind.rawValue, o.stage, o.amount.map(number),
                    o.createdAt.iso8601, o.closedAt?.iso8601,
                ])
            }
        }
        return out.text
    }

    static func marks(_ p: Programme) -> String {
        var out = CSVText(header: ["account_id", "action", "by", "at", "note"])
        var records: [HistoryRecord] = []
        for index in 0..<p.accountCount { records.append(contentsOf: p.history(of: index)) }
        records.sort { $0.at < $1.at }
        for r in records {
            if case .retier = r.event { continue }  // a re-import's tier change, not a mark
            out.row([r.accountId, r.event.name, r.by, r.at.iso8601, r.event.text])
        }
        return out.text
    }

    /// A number without a trailing `.0` for whole values.
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
    }
}
