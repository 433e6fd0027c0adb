import ABMCore
import ABMImport

/// Where the programme lives and how it changes: the one interface the commands and the board
/// use, so that a PostgreSQL store can follow the SQLite one without touching them.
///
/// Every method is safe to call from several processes on the same store at once: writes
/// wait for each other (never fail as busy), and a record stamped "now" takes its time inside
/// the write that stores it (SPEC §3).
public protocol ProgrammeStore: Sendable {
    /// A short name for messages and the status bar (the file's path, or "DEMO").
    var name: String { get }

    /// The whole programme, read in one consistent snapshot; `phases` is told as each part is
    /// read (for measuring start-up).
    func loadProgramme(phases: (String) -> Void) throws(StoreError) -> Programme

    /// A number that changes whenever anyone commits a change to the store; cheap to read, for
    /// polling (SPEC §3: other boards show a change within a second).
    func revision() throws(StoreError) -> Int64

    /// What changed after revision `since` when it was only records and logged touches (so an
    /// open board applies just those); `nil` when anything else changed and the programme must
    /// be loaded again.
    func changes(since: Int64) throws(StoreError) -> StoreChanges?

    /// The ids an import file may refer to, with the store's numbers for them.
    func catalog() throws(StoreError) -> ImportCatalog

    /// Stores validated accounts (upsert by id); a changed tier on a re-import is recorded in
    /// the account's history, stamped `stamp`, by `by` (SPEC §3).
    func importAccounts(_ rows: [(account: Account, line: Int)], file: String, stamp: RecordStamp, by: String)
        throws(StoreError) -> ImportSummary

    /// Stores validated contacts (upsert by id).
    func importContacts(_ rows: [ContactsFile.Row]) throws(StoreError) -> ImportSummary

    /// Stores validated touches (upsert by id; a touch may move to another account).
    func importTouches(_ rows: TouchRows, progress: (Int) -> Void) throws(StoreError) -> ImportSummary

    /// Stores validated intent rows (upsert by account, topic and time).
    func importIntent(_ rows: IntentFile.Rows) throws(StoreError) -> ImportSummary

    /// Stores validated opportunities (upsert by id).
    func importOpportunities(_ rows: [OpportunitiesFile.Row]) throws(StoreError) -> ImportSummary

    /// Records the rows of a marks file in order under the rules of SPEC §3; a refused row
    /// refuses the whole file (`StoreError.badRows`).
    func importMarks(_ rows: [MarksFile.Row], file: String) throws(StoreError) -> ImportSummary

    /// Records a mark, undo or note on one account under the rules of SPEC §3.
    func record(_ event: HistoryEvent, account: String, by: String, stamp: RecordStamp) throws(StoreError)
        -> RecordedMark

    /// Records a touch (SPEC §5 `log-touch`); its id is made unique by the store when absent.
    func logTouch(_ touch: NewTouch, stamp: RecordStamp) throws(StoreError) -> Touch

    /// Who records in this store when the store itself knows (a database login that is a
    /// member, whose person name is what `by` records); `nil` when anyone with the store may
    /// record as anyone (a SQLite file).
    func member() throws(StoreError) -> StoreMember?

    /// Starts telling `handler` as soon as others commit changes (a push from the server);
    /// `nil` when the store has no push and its readers poll `revision()`. The watch ends when
    /// the returned value is stopped.
    func watch(_ handler: @escaping @Sendable (StoreSignal) -> Void) -> (any StoreWatch)?
}

extension ProgrammeStore {
    /// No member: anyone may record as anyone.
    public func member() throws(StoreError) -> StoreMember? { nil }

    /// No push: readers poll.
    public func watch(_ handler: @escaping @Sendable (StoreSignal) -> Void) -> (any StoreWatch)? { nil }

    /// The whole programme, read in one consistent snapshot.
    public func loadProgramme() throws(StoreError) -> Programme { try loadProgramme(phases: { _ in }) }
}

/// When a record is stamped: now (the store's clock, read inside the write) or a given time.
public enum RecordStamp: Sendable, Hashable {
    /// The current time, taken inside the write, never earlier than the account's latest
    /// record.
    case now
    /// A given time (`--as-of`); refused when earlier than the account's latest record.
    case at(Instant)
}

/// Records and logged touches stored after some revision, up to `revision`.
public struct StoreChanges: Sendable {
    /// The revision the changes reach.
    public var revision: Int64
    /// New history records, in the order they were stored.
    public var records: [HistoryRecord] = []
    /// Touches logged, in the order they were logged.
    public var touches: [Touch] = []

    /// No changes yet, up to `revision`.
    public init(revision: Int64) {
        self.revision = revision
    }
}

/// A touch to log from the command line or the board.
public struct NewTouch: Sendable, Hashable {
    /// The account's id.
    public var accountId: String
    /// The channel.
    public var channel: Channel
    /// Inbound or outbound.
    public var direction: Direction
    /// When it happened; `nil` means the record's stamp.
    public var at: Instant?
    /// The contact's id, if any (it must belong to the account).
    public var contactId: String?
    /// Who logged it.
    public var by: String
    /// What it was about.
    public var topic: String?
    /// A note.
    public var note: String?

    /// A touch to log.
    public init(
        accountId: String, channel: Channel, direction: Direction = .outbound, at: Instant? = nil,
        contactId: String? = nil, by: String, topic: String? = nil, note: String? = nil
    ) {
        self.accountId = accountId
        self.channel = channel
        self.direction = direction
        self.at = at
        self.contactId = contactId
        self.by = by
        self.topic = topic
        self.note = note
    }
}
