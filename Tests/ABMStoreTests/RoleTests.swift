import ABMCore
import ABMStore
import Foundation
import Testing

@testable import ABMPostgresStore

/// Roles on the team store, enforced by the database: every cell of role × action × own or
/// other account through the store, and the same refusals through psql as the member.
@Suite("roles on the team store")
struct RoleTests {
    /// The actions a member may try on an account, in an order the mark rules allow on a Tier 3
    /// account (A3) and a Tier 2 one (A2) alike.
    static let actions = ["hold", "work", "note", "touch", "promote", "undo", "demote"]

    /// What each role may do on an account it owns and on another's.
    static func allowed(role: String, action: String, own: Bool) -> Bool {
        switch role {
        case "manager": return true
        case "ae": return own
        case "marketing": return ["promote", "hold", "note", "touch"].contains(action)
        default: return false
        }
    }

    /// The refusal's wording for a role that may not do `action` on `account`.
    static func refusal(person: String, role: String, action: String, account: String, owner: String) -> String {
        let what: String
        switch action {
        case "work": what = "mark \(account) work"
        case "undo": what = "undo the latest mark on \(account)"
        case "note": what = "add a note to \(account)"
        case "touch": what = "log a touch on \(account)"
        default: what = "\(action) \(account)"
        }
        let why: String
        switch role {
        case "ae": why = "its owner is \(owner)"
        case "marketing": why = "marketing may promote, hold, add notes and log touches"
        default: why = "a viewer only reads the board"
        }
        return "\(person) (\(role)) may not \(what): \(why)"
    }

    @Test("each role may do exactly its actions, on its own accounts and on others'", arguments: PostgresMembers.roles)
    func matrix(role: String) throws {
        let fixture = try SmallProgramme.fixture(.postgres)
        let owner = try #require(fixture.store as? PostgresStore)
        let login = "dana_\(UUID().uuidString.prefix(8).lowercased())"
        try PostgresMembers.add(owner, login: login, person: "dana", role: role, password: "pw-\(login)")
        var location = owner.link.location
        location.user = login
        location.password = "pw-\(login)"
        let member = try PostgresStore(location: location)
        #expect(try member.member() == StoreMember(person: "dana", role: role))
        // A3 is dana's (Tier 3); A2 is lee's (Tier 2).
        for (account, own, accountOwner) in [("A3", true, "dana"), ("A2", false, "lee")] {
            for action in Self.actions {
                if action == "undo" {
                    // Something to take back, made by the owner of the database.
                    _ = try owner.record(.mark(.hold, note: nil), account: account, by: "", stamp: .now)
                }
                let outcome = Self.attempt(action, account: account, on: member)
                let expected = Self.allowed(role: role, action: action, own: own)
                switch outcome {
                case .success:
                    #expect(expected, "\(role) \(action) \(account) was allowed")
                case .failure(.notPermitted(let message)):
                    #expect(!expected, "\(role) \(action) \(account) was refused: \(message)")
                    #expect(
                        message
                            == Self.refusal(
                                person: "dana", role: role, action: action, account: account, owner: accountOwner))
                case .failure(let other):
                    Issue.record("\(role) \(action) \(account): \(other)")
                }
            }
        }
    }

    /// Tries `action` on `account` as the member.
    static func attempt(_ action: String, account: String, on member: PostgresStore) -> Result<Void, StoreError> {
        do {
            switch action {
            case "touch":
                _ = try member.logTouch(NewTouch(accountId: account, channel: .phone, by: "dana"), stamp: .now)
            case "undo": _ = try member.record(.undo, account: account, by: "dana", stamp: .now)
            case "note": _ = try member.record(.note("called"), account: account, by: "dana", stamp: .now)
            default:
                let mark = MarkAction(rawValue: action) ?? .hold
                // With a note: a demotion out of Tier 1 (after the promotion) needs one.
                _ = try member.record(.mark(mark, note: "agreed"), account: account, by: "dana", stamp: .now)
            }
            return .success(())
        } catch {
            return .failure(error)
        }
    }

    @Test("psql as a member meets the same refusals, and cannot change or delete the history")
    func psqlIsRefusedToo() throws {
        let fixture = try SmallProgramme.fixture(.postgres)
        let owner = try #require(fixture.store as? PostgresStore)
        let login = "dana_\(UUID().uuidString.prefix(8).lowercased())"
        try PostgresMembers.add(owner, login: login, person: "dana", role: "ae", password: "pw-\(login)")
        _ = try owner.record(.mark(.hold, note: nil), account: "A2", by: "", stamp: .now)
        let database = owner.link.location.database
        func asMember(_ sql: String) throws -> (status: Int32, output: String, error: String) {
            try PostgresTestServer.psql(sql, database: database, user: login, password: "pw-\(login)")
        }
        let append = try asMember(
            """
            SELECT * FROM abmboard.append_record((SELECT number FROM abmboard.account WHERE account_id = 'A2'),
                0, 'demote', NULL, NULL, 2::smallint, 3::smallint, NULL)
            """)
        #expect(append.status != 0)
        #expect(append.error.contains("dana (ae) may not demote A2: its owner is lee"), "\(append.error)")
        for statement in [
            "DELETE FROM abmboard.history", "UPDATE abmboard.history SET note = 'x'",
            "INSERT INTO abmboard.history (account, at, by, event) VALUES (1, 0, 'tom', 'work')",
            "UPDATE abmboard.meta SET value = 0", "TRUNCATE abmboard.history",
        ] {
            let outcome = try asMember(statement)
            #expect(outcome.status != 0, "\(statement) was allowed")
            #expect(outcome.error.contains("permission denied"), "\(statement): \(outcome.error)")
        }
        // Not even the owner may rewrite the history: the trigger refuses.
        let rewrite = try PostgresTestServer.psql(
            "UPDATE abmboard.history SET note = 'x'", database: database, user: server().owner,
            password: server().password)
        #expect(rewrite.status != 0)
        #expect(rewrite.error.contains("the mark history is append-only"), "\(rewrite.error)")
        #expect(try owner.loadProgramme().history(of: 1).count == 1)
    }

    private func server() throws -> (host: String, port: Int, owner: String, password: String) {
        try PostgresTestServer.settings()
    }
}
