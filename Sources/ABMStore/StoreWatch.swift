/// What a store's push says to an open board.
public enum StoreSignal: Sendable, Hashable {
    /// Someone committed a change; the store is at least at `revision` (a hint to read the
    /// change feed, never the data itself).
    case changed(revision: Int64)
    /// The push connection was lost; the store is reconnecting.
    case reconnecting
    /// The push connection is back: changes made meanwhile must be caught up.
    case reconnected
}

/// A running watch on a store's changes.
public protocol StoreWatch: Sendable {
    /// Ends the watch and closes its connection.
    func stop()
}
