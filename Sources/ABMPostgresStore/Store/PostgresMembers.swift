import ABMStore
import Foundation
import PostgresNIO

/// The members of a team store (`abmboard members add|list|remove`): database logins with a
/// person name and a role, managed by the database's owner.
public enum PostgresMembers {
    /// The roles, from reading only to everything.
    public static let roles = ["viewer", "ae", "marketing", "manager"]

    /// A member as listed.
    public struct Entry: Sendable, Hashable {
        /// The database login.
        public var login: String
        /// The person name it records as.
        public var person: String
        /// Its role.
        public var role: String
    }

    /// Adds (or changes) a member: creates the login when it does not exist (with `password`,
    /// else without one, for a server that authenticates otherwise), grants the role's group
    /// and no other, and records the person name.
    /// - Throws: `StoreError.notPermitted` when the session is not the owner.
    public static func add(
        _ store: PostgresStore, login: String, person: String, role: String, password: String?
    ) throws(StoreError) {
        try store.write { connection in
            let logger = PostgresLink.logger
            for statement in SQLScript.statements(helpers) {
                try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
            }
            var exists = false
            for try await found in try await connection.query(
                "SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = \(login))", logger: logger
            ).decode(Bool.self) {
                exists = found
            }
            if !exists {
                try await connection.query(
                    "SELECT pg_temp.abmboard_create_login(\(login))", logger: logger)
            }
            if let password {
                try await connection.query(
                    "SELECT pg_temp.abmboard_set_password(\(login), \(password))", logger: logger)
            }
            for other in roles {
                try await connection.query(
                    PostgresQuery(
                        unsafeSQL:
                            "SELECT pg_temp.abmboard_grant(\(literal(login)), \(literal(other)), \(other == role))"),
                    logger: logger)
            }
            try await connection.query(
                """
                INSERT INTO abmboard.member (login, person, role) VALUES (\(login), \(person), \(role))
                ON CONFLICT (login) DO UPDATE SET person = EXCLUDED.person, role = EXCLUDED.role
                """, logger: logger)
            return ()
        }
    }

    /// Removes a member: takes its role's group away and forgets its person name (the login
    /// itself, and every record it made, stay).
    /// - Returns: whether it was a member.
    public static func remove(_ store: PostgresStore, login: String) throws(StoreError) -> Bool {
        try store.write { connection in
            let logger = PostgresLink.logger
            for statement in SQLScript.statements(helpers) {
                try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
            }
            for role in roles {
                try await connection.query(
                    PostgresQuery(
                        unsafeSQL: "SELECT pg_temp.abmboard_grant(\(literal(login)), \(literal(role)), false)"),
                    logger: logger)
            }
            var removed = false
            for try await _ in try await connection.query(
                "DELETE FROM abmboard.member WHERE login = \(login) RETURNING login", logger: logger
            ).decode(String.self) {
                removed = true
            }
            return removed
        }
    }

    /// Every member, by login.
    public static func list(_ store: PostgresStore) throws(StoreError) -> [Entry] {
        try store.read { connection in
            var entries: [Entry] = []
            for try await (login, person, role) in try await connection.query(
                "SELECT login::text, person, role FROM abmboard.member ORDER BY login", logger: PostgresLink.logger
            ).decode((String, String, String).self) {
                entries.append(Entry(login: login, person: person, role: role))
            }
            return entries
        }
    }

    /// A string as an SQL literal (for the few statements that cannot take parameters).
    static func literal(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }

    /// Session-local helpers (in `pg_temp`, gone with the session) for what statements cannot
    /// take parameters for: creating a login, setting its password, granting a role's group.
    static let helpers = """
        CREATE OR REPLACE FUNCTION pg_temp.abmboard_create_login(login text) RETURNS void LANGUAGE plpgsql AS $$
        BEGIN EXECUTE format('CREATE ROLE %I LOGIN', login); END $$;
        CREATE OR REPLACE FUNCTION pg_temp.abmboard_set_password(login text, secret text) RETURNS void LANGUAGE plpgsql AS $$
        BEGIN EXECUTE format('ALTER ROLE %I PASSWORD %L', login, secret); END $$;
        CREATE OR REPLACE FUNCTION pg_temp.abmboard_grant(login text, role text, granted boolean) RETURNS void
        LANGUAGE plpgsql AS $$
        BEGIN
            IF granted THEN
                EXECUTE format('GRANT %I TO %I', abmboard.group_role(role), login);
            ELSIF pg_has_role(login, abmboard.group_role(role), 'MEMBER')
                AND EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
                            JOIN pg_roles u ON u.oid = m.member
                            WHERE g.rolname = abmboard.group_role(role) AND u.rolname = login) THEN
                EXECUTE format('REVOKE %I FROM %I', abmboard.group_role(role), login);
            END IF;
        END $$;
        """
}
