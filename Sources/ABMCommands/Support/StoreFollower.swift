import ABMBoardUI
import ABMCore
import ABMStore

/// Follows the store for an open board: notices other processes' changes by the revision, and
/// reads only their records and logged touches when that is all they were (the whole
/// programme otherwise, e.g. after an import).
struct StoreFollower {
    let store: any ProgrammeStore
    let load: (Instant?) throws -> BoardData
    /// The revision the board shows.
    private(set) var revision: Int64
    /// Set when the board's own write was not the only change: the board then reads
    /// everything, so its own record is not applied twice.
    private var mustReload = false

    /// Loads the board's data and starts following from the revision it shows. (The data is
    /// not kept here: a second reference would make the board's first change copy it all.)
    static func start(store: any ProgrammeStore, load: @escaping (Instant?) throws -> BoardData) throws -> (
        StoreFollower, BoardData
    ) {
        let (revision, data, moved) = try consistentLoad(store) { try load(nil) }
        return (StoreFollower(store: store, load: load, revision: revision, mustReload: moved), data)
    }

    private init(
        store: any ProgrammeStore, load: @escaping (Instant?) throws -> BoardData, revision: Int64, mustReload: Bool
    ) {
        self.store = store
        self.load = load
        self.revision = revision
        self.mustReload = mustReload
    }

    /// Loads everything as of `asOf`; when the store changed during the load, the next poll
    /// loads again (the load may or may not hold that change, so applying it on top could
    /// double it).
    private mutating func reload(asOf: Instant) throws -> BoardData {
        let fresh: BoardData
        (revision, fresh, mustReload) = try StoreFollower.consistentLoad(store) { try load(asOf) }
        return fresh
    }

    /// The revision before a load, the data, and whether the store moved during the load.
    private static func consistentLoad(_ store: any ProgrammeStore, _ load: () throws -> BoardData) throws -> (
        Int64, BoardData, Bool
    ) {
        let before = try store.revision()
        let fresh = try load()
        return (before, fresh, (try? store.revision()) != before)
    }

    /// Runs one of the board's own writes and moves the revision past it when nobody else
    /// wrote meanwhile.
    mutating func writing<T>(_ write: () throws -> T) throws -> T {
        let before = revision
        let result = try write()
        if let current = try? store.revision() {
            if current == before + 1 { revision = current } else { mustReload = true }
        }
        return result
    }

    /// The event for what others changed since the last look, if anything.
    mutating func poll(current data: BoardData) throws -> BoardEvent? {
        guard let now = try? store.revision(), now != revision || mustReload else { return nil }
        if !mustReload, let changes = try? store.changes(since: revision) {
            revision = changes.revision
            return .changesArrived(
                StoreDelta(records: changes.records, touches: changes.touches.map { ($0, nil) }))
        }
        // As of the instant shown (a past week stays that week), so only real changes differ.
        let fresh = try reload(asOf: data.asOf)
        return .storeReloaded(fresh, changed: StoreFollower.changedAccounts(data, fresh))
    }

    /// Accounts whose rows differ between two loads (by index, which is stable across loads
    /// of the same store).
    static func changedAccounts(_ old: BoardData, _ new: BoardData) -> Set<Int> {
        var changed: Set<Int> = []
        for index in new.rows.indices {
            guard index < old.rows.count else {
                changed.insert(index)
                continue
            }
            let a = old.rows[index]
            let b = new.rows[index]
            if a.tier != b.tier || a.state != b.state || a.engagementScore != b.engagementScore
                || a.decision != b.decision || a.lastTouch != b.lastTouch || a.sla.status != b.sla.status
            {
                changed.insert(index)
            }
        }
        return changed
    }
}
