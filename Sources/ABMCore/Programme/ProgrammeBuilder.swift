/// Builds a `Programme` from records in any order; rows that arrive already grouped by account
/// and sorted by time (as the store returns them) are taken without sorting.
///
/// ```swift
/// var builder = ProgrammeBuilder()
/// try builder.addAccount(Account(id: "A-1", name: "Acme", importedTier: .one))
/// try builder.addTouch(Touch(id: "T-1", accountId: "A-1", channel: .web,
///                            direction: .inbound, occurredAt: someInstant))
/// let programme = builder.build()
/// ```
/// Touch ids are not checked for uniqueness here (the store's primary key does that).
public struct ProgrammeBuilder {
    private var programme = Programme()
    private var stagedContacts = ContactTable()
    private var contactNumbers: [String: Int32] = [:]
    private var stagedTouches: TouchColumns
    private var touchAccount: [Int32] = []
    private var stagedIntent = IntentColumns()
    private var intentAccount: [Int32] = []

    /// A builder expecting about `touches` touches whose ids take `idBytes` bytes in all
    /// (reserving exactly that keeps memory tight for large programmes).
    public init(reservingTouches touches: Int = 0, idBytes: Int = 0) {
        stagedTouches = TouchColumns(reserving: touches, idBytes: idBytes)
        touchAccount.reserveCapacity(touches)
    }

    /// The number of accounts added so far.
    public var accountCount: Int { programme.accounts.count }

    /// Adds an account and returns its index.
    /// - Throws: `ProgrammeError.duplicateAccount` when the id is taken.
    @discardableResult
    public mutating func addAccount(_ account: Account) throws(ProgrammeError) -> Int {
        guard programme.accountNumbers[account.id] == nil else {
            throw .duplicateAccount(id: account.id)
        }
        let index = programme.accounts.count
        programme.accountNumbers[account.id] = Int32(index)
        programme.accounts.append(account)
        programme.opportunities.append([])
        programme.history.append([])
        return index
    }

    /// The index of the account with id `id`.
    public func accountIndex(of id: String) -> Int? {
        programme.accountNumbers[id].map(Int.init)
    }

    /// Adds a contact and returns its staging number (what `addTouch(account:…)` takes).
    /// - Throws: `ProgrammeError` for an unknown account or a repeated id.
    @discardableResult
    public mutating func addContact(_ contact: Contact) throws(ProgrammeError) -> Int32 {
        guard let account = programme.accountNumbers[contact.accountId] else {
            throw .unknownAccount(id: contact.accountId, record: "contact \"\(contact.id)\"")
        }
        guard contactNumbers[contact.id] == nil else { throw .duplicateContact(id: contact.id) }
        let number = Int32(stagedContacts.count)
        contactNumbers[contact.id] = number
        let title = contact.title.map { programme.titles.intern($0) } ?? -1
        stagedContacts.append(
            id: contact.id, name: contact.name, email: contact.email, title: title,
            role: contact.buyingRole, active: contact.active, account: account)
        return number
    }

    /// Adds a contact of the account at index `account` (the store's loader, which knows the
    /// index) and returns its staging number.
    /// - Throws: `ProgrammeError.duplicateContact` for a repeated id.
    @discardableResult
    public mutating func addContact(
        id: String, account: Int, name: String, title: String?, role: BuyingRole, email: String?, active: Bool
    ) throws(ProgrammeError) -> Int32 {
        guard contactNumbers[id] == nil else { throw .duplicateContact(id: id) }
        let number = Int32(stagedContacts.count)
        contactNumbers[id] = number
        let titleNumber = title.map { programme.titles.intern($0) } ?? -1
        stagedContacts.append(
            id: id, name: name, email: email, title: titleNumber, role: role, active: active, account: Int32(account))
        return number
    }

    /// The staging number of contact `id`.
    public func contactNumber(of id: String) -> Int32? { contactNumbers[id] }

    /// The number of `topic` in the programme's topic interner.
    public mutating func internTopic(_ topic: String) -> Int32 { programme.topics.intern(topic) }

    /// The number of `person` in the programme's people interner.
    public mutating func internPerson(_ person: String) -> Int32 { programme.people.intern(person) }

    /// Adds a touch given as a record.
    /// - Throws: `ProgrammeError` for an unknown account or contact, a contact of another
    ///   account, or a time out of range.
    public mutating func addTouch(_ touch: Touch) throws(ProgrammeError) {
        let record = "touch \"\(touch.id)\""
        guard let account = programme.accountNumbers[touch.accountId] else {
            throw .unknownAccount(id: touch.accountId, record: record)
        }
        var contact: Int32 = -1
        if let contactId = touch.contactId {
            guard let number = contactNumbers[contactId] else {
                throw .unknownContact(id: contactId, record: record)
            }
            let owner = stagedContacts.account[Int(number)]
            guard owner == account else {
                throw .contactOfAnotherAccount(
                    contact: contactId, contactAccount: programme.accounts[Int(owner)].id,
                    record: record)
            }
            contact = number
        }
        let label = touchLabel(
            topic: touch.topic.map { programme.topics.intern($0) } ?? -1,
            by: touch.by.map { programme.people.intern($0) } ?? -1)
        try addTouch(
            account: Int(account), at: touch.occurredAt, channel: touch.channel,
            direction: touch.direction, contact: contact, label: label, id: touch.id,
            note: touch.note)
    }

    /// The label number of a touch's (topic, logged-by) pair, numbers from `internTopic` and
    /// `internPerson` (or −1 when absent).
    public mutating func touchLabel(topic: Int32, by: Int32) -> Int32 {
        programme.touchLabels.number(topic: topic, by: by)
    }

    /// Adds a touch by numbers (the fast path for loaders and the generator): `contact` is a
    /// staging number from `addContact` (or −1), `label` comes from `touchLabel`.
    /// - Throws: `ProgrammeError.timeOutOfRange`.
    public mutating func addTouch(
        account: Int, at time: Instant, channel: Channel, direction: Direction, contact: Int32,
        label: Int32, id: String, note: String?
    ) throws(ProgrammeError) {
        guard let compact = CompactTime.encode(time) else {
            throw .timeOutOfRange(time, record: "touch \"\(id)\"")
        }
        stagedTouches.append(
            time: compact, kind: TouchColumns.packKind(channel, direction), contact: contact,
            label: label, id: id, note: note)
        touchAccount.append(Int32(account))
    }

    /// Adds a touch by numbers with its id as UTF-8 bytes (the store's loader); see
    /// `addTouch(account:at:channel:direction:contact:label:id:note:)`.
    /// - Throws: `ProgrammeError.timeOutOfRange`.
    public mutating func addTouch(
        account: Int, at time: Instant, kind: UInt8, contact: Int32, label: Int32,
        idBytes: UnsafeBufferPointer<UInt8>, note: String?
    ) throws(ProgrammeError) {
        guard let compact = CompactTime.encode(time) else {
            throw .timeOutOfRange(time, record: "touch \"\(String(decoding: idBytes, as: UTF8.self))\"")
        }
        stagedTouches.append(time: compact, kind: kind, contact: contact, label: label, idBytes: idBytes, note: note)
        touchAccount.append(Int32(account))
    }

    /// Adds an intent record.
    /// - Throws: `ProgrammeError` for an unknown account, a score outside 0–100 or a time out
    ///   of range.
    public mutating func addIntent(_ record: IntentRecord) throws(ProgrammeError) {
        guard let account = programme.accountNumbers[record.accountId] else {
            throw .unknownAccount(
                id: record.accountId, record: "intent on \"\(record.topic)\" at \(record.observedAt)")
        }
        try addIntent(
            account: Int(account), topic: programme.topics.intern(record.topic),
            score: record.score, at: record.observedAt)
    }

    /// Adds an intent record by numbers (`topic` from `internTopic`).
    /// - Throws: `ProgrammeError` for a score outside 0–100 or a time out of range.
    public mutating func addIntent(account: Int, topic: Int32, score: Int, at time: Instant)
        throws(ProgrammeError)
    {
        guard (0...100).contains(score) else {
            throw .scoreOutOfRange(score, record: "intent record of account \"\(programme.accounts[account].id)\"")
        }
        guard let compact = CompactTime.encode(time) else {
            throw .timeOutOfRange(time, record: "intent record of account \"\(programme.accounts[account].id)\"")
        }
        stagedIntent.append(time: compact, topic: topic, score: UInt8(score))
        intentAccount.append(Int32(account))
    }

    /// Adds an opportunity.
    /// - Throws: `ProgrammeError.unknownAccount`.
    public mutating func addOpportunity(_ opportunity: Opportunity) throws(ProgrammeError) {
        guard let account = programme.accountNumbers[opportunity.accountId] else {
            throw .unknownAccount(
                id: opportunity.accountId, record: "opportunity \"\(opportunity.id)\"")
        }
        programme.opportunities[Int(account)].append(opportunity)
    }

    /// Adds a history record; records of one account must come in recording order.
    /// - Throws: `ProgrammeError.unknownAccount`.
    public mutating func addHistory(_ record: HistoryRecord) throws(ProgrammeError) {
        guard let account = programme.accountNumbers[record.accountId] else {
            throw .unknownAccount(id: record.accountId, record: "mark at \(record.at)")
        }
        programme.history[Int(account)].append(record)
    }

    /// The finished programme.
    public consuming func build() -> Programme {
        let accountCount = programme.accounts.count
        // Contacts, grouped by account (stable), and touches' contact numbers remapped.
        var contactOrder = Array(0..<stagedContacts.count)
        if !isNondecreasing(stagedContacts.account) {
            contactOrder.sort { (stagedContacts.account[$0], $0) < (stagedContacts.account[$1], $1) }
            programme.contacts = stagedContacts.permuted(contactOrder)
            var newRow = [Int32](repeating: -1, count: contactOrder.count)
            for (row, old) in contactOrder.enumerated() { newRow[old] = Int32(row) }
            stagedTouches.contact = stagedTouches.contact.map { $0 >= 0 ? newRow[Int($0)] : -1 }
        } else {
            programme.contacts = stagedContacts
        }
        programme.contacts = programme.contacts.compacted()
        stagedContacts = ContactTable()
        programme.contactStart = starts(of: programme.contacts.account, accounts: accountCount)

        // Touches, grouped by account and sorted by time then id.
        if !touchesSorted() {
            var order = Array(0..<stagedTouches.count)
            let columns = stagedTouches
            let owners = touchAccount
            order.sort { a, b in
                owners[a] != owners[b] ? owners[a] < owners[b] : columns.rowPrecedes(a, b)
            }
            stagedTouches = columns.permuted(order)
            touchAccount = order.map { owners[$0] }
        }
        programme.touchStart = starts(of: touchAccount, accounts: accountCount)
        touchAccount = []
        if let earliest = stagedTouches.time.min() {
            programme.earliestTouch = CompactTime.decode(earliest)
        }
        programme.touches = stagedTouches.compacted()
        stagedTouches = TouchColumns()

        // Intent, grouped by account and sorted by time.
        var intentSorted = true
        for i in stride(from: 1, to: intentAccount.count, by: 1) {
            let a = intentAccount[i - 1]
            let b = intentAccount[i]
            if a > b || (a == b && stagedIntent.time[i - 1] > stagedIntent.time[i]) {
                intentSorted = false
                break
            }
        }
        if !intentSorted {
            var order = Array(0..<stagedIntent.count)
            let owners = intentAccount
            let times = stagedIntent.time
            order.sort { (owners[$0], times[$0], $0) < (owners[$1], times[$1], $1) }
            stagedIntent = stagedIntent.permuted(order)
            intentAccount = order.map { owners[$0] }
        }
        programme.intentStart = starts(of: intentAccount, accounts: accountCount)
        programme.intent = stagedIntent.compacted()
        programme.accounts = programme.accounts.compacted()
        return programme
    }

    private func touchesSorted() -> Bool {
        for i in stride(from: 1, to: touchAccount.count, by: 1) {
            let a = touchAccount[i - 1]
            let b = touchAccount[i]
            if a > b { return false }
            if a == b && !stagedTouches.rowPrecedes(i - 1, i) { return false }
        }
        return true
    }
}

/// Whether `values` never decrease.
private func isNondecreasing(_ values: [Int32]) -> Bool {
    for i in stride(from: 1, to: values.count, by: 1) where values[i - 1] > values[i] {
        return false
    }
    return true
}

/// Start offsets (count + 1 of them) of the runs of each account in `owners`, which is sorted.
private func starts(of owners: [Int32], accounts: Int) -> [Int32] {
    var counts = [Int32](repeating: 0, count: accounts + 1)
    for owner in owners { counts[Int(owner) + 1] += 1 }
    for i in stride(from: 1, through: accounts, by: 1) { counts[i] += counts[i - 1] }
    return counts
}
