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
public struct ProgrammeBuilder: Sendable {
    private var programme = Programme()
    private var stagedContacts = ContactTable()
    /// Contact id → staging number, for the record-based paths; filled in lazily (see
    /// `indexContacts`), so loaders that add contacts by numbers never pay for it.
    private var contactNumbers: [String: Int32] = [:]
    /// How many staged contacts `contactNumbers` covers.
    private var indexedContacts = 0
    private var stagedTouches: TouchColumns
    private var touchAccount: [Int32] = []
    private var stagedIntent = IntentColumns()
    private var intentAccount: [Int32] = []

    /// A builder expecting about `touches` touches whose ids take `idBytes` bytes in all
    /// (reserving exactly that keeps memory tight for large programmes), and `accounts`
    /// accounts.
    public init(reservingTouches touches: Int = 0, idBytes: Int = 0, accounts: Int = 0) {
        stagedTouches = TouchColumns(reserving: touches, idBytes: idBytes)
        touchAccount.reserveCapacity(touches)
        programme.accounts.reserveCapacity(accounts)
        programme.accountNumbers.reserveCapacity(accounts)
        programme.opportunities.reserveCapacity(accounts)
        programme.history.reserveCapacity(accounts)
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

    /// The ids of accounts given by index, for each entry of `indexes` (−1: `nil`).
    public func accountIds(byNumber indexes: [Int32]) -> [String?] {
        indexes.map { $0 >= 0 && Int($0) < programme.accounts.count ? programme.accounts[Int($0)].id : nil }
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
        indexContacts()
        guard contactNumbers[contact.id] == nil else { throw .duplicateContact(id: contact.id) }
        let number = Int32(stagedContacts.count)
        contactNumbers[contact.id] = number
        indexedContacts += 1
        let title = contact.title.map { programme.titles.intern($0) } ?? -1
        stagedContacts.append(
            id: contact.id, name: contact.name, email: contact.email, title: title,
            role: contact.buyingRole, active: contact.active, account: account)
        return number
    }

    /// Adds a contact of the account at index `account`, given as UTF-8 bytes with its title
    /// already numbered by `internTitle` (−1: none) and no e-mail when `email` is empty — the
    /// store's loader, which makes no `String` per contact — and returns its staging number.
    /// The caller keeps ids unique (the store's key does); they are indexed only if a
    /// record-based method needs them later.
    @discardableResult
    public mutating func addContact(
        id: UnsafeBufferPointer<UInt8>, account: Int, name: UnsafeBufferPointer<UInt8>, title: Int32,
        role: BuyingRole, email: UnsafeBufferPointer<UInt8>, active: Bool
    ) -> Int32 {
        let number = Int32(stagedContacts.count)
        stagedContacts.append(
            id: id, name: name, email: email, title: title, role: role, active: active, account: Int32(account))
        return number
    }

    /// The number of `title` in the programme's job-title interner.
    public mutating func internTitle(_ title: String) -> Int32 { programme.titles.intern(title) }

    /// The staging number of contact `id`.
    public mutating func contactNumber(of id: String) -> Int32? {
        indexContacts()
        return contactNumbers[id]
    }

    /// Indexes the contacts added by numbers since the last call (the first id wins).
    private mutating func indexContacts() {
        guard indexedContacts < stagedContacts.count else { return }
        contactNumbers.reserveCapacity(stagedContacts.count)
        for row in indexedContacts..<stagedContacts.count where contactNumbers[stagedContacts.ids[row]] == nil {
            contactNumbers[stagedContacts.ids[row]] = Int32(row)
        }
        indexedContacts = stagedContacts.count
    }

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
            indexContacts()
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

    /// Adds touches staged apart from the builder (decoded on another thread, say): row `i` of
    /// `columns` belongs to the account at index `accounts[i]`; its contact is a staging
    /// number from `addContact` (or −1) and its label a number from `touchLabel`. Rows already
    /// grouped by account and sorted by time then id are taken without sorting; into an empty
    /// builder, the columns are taken as they are, without copying.
    /// - Throws: `ProgrammeError.stagedRecordsDoNotFit` when an account index or the row
    ///   count is wrong.
    public mutating func addTouches(_ columns: TouchColumns, accounts: [Int32]) throws(ProgrammeError) {
        guard accounts.count == columns.count else {
            throw .stagedRecordsDoNotFit("\(columns.count) rows but \(accounts.count) account numbers")
        }
        try checkStaged(accounts, "account index", count: programme.accounts.count)
        try checkStaged(columns.contact, "contact number", count: stagedContacts.count, noneAllowed: true)
        try checkStaged(columns.label, "label number", count: programme.touchLabels.labels.count)
        if stagedTouches.count == 0 {
            stagedTouches = columns
            touchAccount = accounts
        } else {
            for row in 0..<columns.count { stagedTouches.append(row: row, of: columns) }
            touchAccount.append(contentsOf: accounts)
        }
    }

    /// Adds intent records staged apart from the builder: row `i` of `columns` belongs to the
    /// account at index `accounts[i]` and its topic is a number from `internTopic`. Into a
    /// builder without intent, the columns are taken as they are.
    /// - Throws: `ProgrammeError.stagedRecordsDoNotFit` when an account index, a topic or the
    ///   row count is wrong.
    public mutating func addIntent(_ columns: IntentColumns, accounts: [Int32]) throws(ProgrammeError) {
        guard accounts.count == columns.count else {
            throw .stagedRecordsDoNotFit("\(columns.count) intent records but \(accounts.count) account numbers")
        }
        try checkStaged(accounts, "account index", count: programme.accounts.count)
        try checkStaged(columns.topic, "topic number", count: programme.topics.count)
        if stagedIntent.count == 0 {
            stagedIntent = columns
            intentAccount = accounts
        } else {
            for row in 0..<columns.count {
                stagedIntent.append(time: columns.time[row], topic: columns.topic[row], score: columns.score[row])
            }
            intentAccount.append(contentsOf: accounts)
        }
    }

    /// Refuses staged numbers outside `0..<count` (−1 too, when `noneAllowed`), naming the first.
    private func checkStaged(_ numbers: [Int32], _ name: String, count: Int, noneAllowed: Bool = false)
        throws(ProgrammeError)
    {
        let allowed = (noneAllowed ? -1 : 0)..<Int32(count)
        for number in numbers where !allowed.contains(number) {
            throw .stagedRecordsDoNotFit("\(name) \(number) of \(count)")
        }
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
