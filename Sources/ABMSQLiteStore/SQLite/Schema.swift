import ABMStore
import GRDB

/// The store's schema, created and upgraded by migrations.
///
/// Designed for the board's start-up, which reads every touch: an account's touches are one
/// blob (`touch_block`, see `TouchBlock`) read in one row, and `touch_key` keeps each touch
/// id's account for upserts. Intent is kept the same way. Accounts, contacts, opportunities and
/// the history are ordinary tables; the history is append-only in the schema itself (triggers
/// refuse UPDATE and DELETE). `meta.revision` counts committed changes, for polling, and
/// `changed_account` says which accounts each revision touched; `change_kind` says which
/// revisions were a single record or logged touch (see `SQLiteStore.changes(since:)`).
enum Schema {
    /// The migrations' names, in order (a store holding another is a newer abmboard's).
    static let identifiers = ["v1", "v2 change kinds"]

    /// How many migrations this abmboard has (the schema version it writes).
    static var versions: Int { identifiers.count }

    /// The migrations, in order.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration(identifiers[0]) { db in
            try db.execute(sql: version1)
        }
        migrator.registerMigration(identifiers[1]) { db in
            try db.execute(sql: version2)
        }
        return migrator
    }

    /// What a revision was, when it was one record or one logged touch, so an open board can
    /// read just that; a revision without a row here (an import) means "read everything".
    private static let version2 = """
        CREATE TABLE change_kind (
            revision INTEGER PRIMARY KEY,
            history_seq INTEGER,
            touch_id TEXT,
            CHECK ((history_seq IS NULL) <> (touch_id IS NULL))
        );
        """

    private static let version1 = """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
        INSERT INTO meta (key, value) VALUES ('revision', 0), ('touch_block_format', 1);

        CREATE TABLE account (
            number INTEGER PRIMARY KEY,
            account_id TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            imported_tier INTEGER NOT NULL CHECK (imported_tier IN (1, 2, 3)),
            domain TEXT, industry TEXT, employees INTEGER, annual_revenue REAL, region TEXT,
            owner TEXT, sdr TEXT, icp_score INTEGER CHECK (icp_score BETWEEN 0 AND 100),
            holdout INTEGER NOT NULL DEFAULT 0 CHECK (holdout IN (0, 1)),
            parent_account_id TEXT
        );

        CREATE TABLE contact (
            number INTEGER PRIMARY KEY,
            contact_id TEXT NOT NULL UNIQUE,
            account INTEGER NOT NULL REFERENCES account(number),
            name TEXT NOT NULL, title TEXT, buying_role TEXT NOT NULL, email TEXT,
            active INTEGER NOT NULL CHECK (active IN (0, 1))
        );
        CREATE INDEX contact_by_account ON contact(account);

        CREATE TABLE term (number INTEGER PRIMARY KEY, text TEXT NOT NULL UNIQUE);

        CREATE TABLE touch_key (
            touch_id TEXT PRIMARY KEY,
            account INTEGER NOT NULL REFERENCES account(number)
        ) WITHOUT ROWID;

        CREATE TABLE touch_block (
            account INTEGER PRIMARY KEY REFERENCES account(number),
            touches INTEGER NOT NULL,
            id_bytes INTEGER NOT NULL,
            data BLOB NOT NULL
        );

        CREATE TABLE intent_block (
            account INTEGER PRIMARY KEY REFERENCES account(number),
            records INTEGER NOT NULL,
            data BLOB NOT NULL
        );

        CREATE TABLE opportunity (
            opportunity_id TEXT PRIMARY KEY,
            account INTEGER NOT NULL REFERENCES account(number),
            status TEXT NOT NULL CHECK (status IN ('open', 'won', 'lost')),
            kind TEXT NOT NULL CHECK (kind IN ('new', 'expansion')),
            stage TEXT, amount REAL,
            created_at INTEGER NOT NULL,
            closed_at INTEGER
        );

        CREATE TABLE history (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            account INTEGER NOT NULL REFERENCES account(number),
            at INTEGER NOT NULL,
            by TEXT NOT NULL,
            event TEXT NOT NULL
                CHECK (event IN ('work', 'hold', 'demote', 'promote', 'undo', 'note', 'retier')),
            tier INTEGER CHECK (tier IN (1, 2, 3)),
            note TEXT,
            tier_before INTEGER,
            tier_after INTEGER
        );
        CREATE INDEX history_by_account ON history(account, seq);
        CREATE TRIGGER history_is_append_only_update BEFORE UPDATE ON history
        BEGIN SELECT RAISE(ABORT, 'the mark history is append-only: records are never changed'); END;
        CREATE TRIGGER history_is_append_only_delete BEFORE DELETE ON history
        BEGIN SELECT RAISE(ABORT, 'the mark history is append-only: records are never deleted'); END;

        CREATE TABLE changed_account (
            revision INTEGER NOT NULL,
            account INTEGER NOT NULL,
            PRIMARY KEY (revision, account)
        ) WITHOUT ROWID;
        """
}
