import ABMCore

/// Validated touches in columns (a 5 M-row import stays compact): store numbers for accounts
/// and contacts, file-local numbers for the topic and logged-by strings.
public struct TouchRows: Sendable, Equatable {
    /// Touch ids, in file order.
    public var ids: [String] = []
    /// Store number of each touch's account.
    public var account: [Int32] = []
    /// Seconds since 1970.
    public var time: [Int64] = []
    /// Channel and direction packed as `TouchColumns.packKind`.
    public var kind: [UInt8] = []
    /// Store number of the contact, or −1.
    public var contact: [Int32] = []
    /// Number of the topic in `terms`, or −1.
    public var topic: [Int32] = []
    /// Number of the logged-by name in `terms`, or −1.
    public var by: [Int32] = []
    /// Notes by row, for the rows that have one.
    public var notes: [Int: String] = [:]
    /// The distinct topic and name strings of the file.
    public var terms: [String] = []

    /// No rows.
    public init() {}

    /// The number of touches.
    public var count: Int { ids.count }

    /// Appends one touch (by numbers; `topic` and `by` strings are interned into `terms`).
    public mutating func append(
        id: String, account: Int32, time: Int64, kind: UInt8, contact: Int32, topic: Int32, by: Int32, note: String?
    ) {
        if let note { notes[ids.count] = note }
        ids.append(id)
        self.account.append(account)
        self.time.append(time)
        self.kind.append(kind)
        self.contact.append(contact)
        self.topic.append(topic)
        self.by.append(by)
    }

    /// Reserves room for `count` rows.
    public mutating func reserve(_ count: Int) {
        ids.reserveCapacity(count)
        account.reserveCapacity(count)
        time.reserveCapacity(count)
        kind.reserveCapacity(count)
        contact.reserveCapacity(count)
        topic.reserveCapacity(count)
        by.reserveCapacity(count)
    }
}

/// Interns strings to dense numbers.
struct TermTable {
    var numbers: [String: Int32] = [:]
    var terms: [String] = []

    mutating func number(_ term: String) -> Int32 {
        if let number = numbers[term] { return number }
        let number = Int32(terms.count)
        numbers[term] = number
        terms.append(term)
        return number
    }
}
