/// The whole programme in memory: accounts, contacts, touches, intent, opportunities and the
/// mark history, held compactly (columnar touches and intent, interned strings) so that 50,000
/// accounts and 5,000,000 touches fit in under 40 bytes a touch.
///
/// Accounts are addressed by index (`0..<accountCount`). Build one with `ProgrammeBuilder`;
/// afterwards touches, opportunities and history records can be appended as people work.
public struct Programme: Sendable {
    /// The accounts, by index.
    public internal(set) var accounts: [Account] = []
    var accountNumbers: [String: Int32] = [:]

    /// All contacts, grouped by account.
    public internal(set) var contacts = ContactTable()
    /// `contactStart[a]..<contactStart[a + 1]` are account `a`'s contact rows.
    var contactStart: [Int32] = [0]

    /// All touches as built, grouped by account and sorted by time within each.
    var touches = TouchColumns()
    /// `touchStart[a]..<touchStart[a + 1]` are account `a`'s rows in `touches`.
    var touchStart: [Int32] = [0]
    /// Accounts whose touches changed after the build, with their own sorted columns.
    var relocatedTouches: [Int32: TouchColumns] = [:]

    /// All intent records, grouped by account and sorted by time within each.
    var intent = IntentColumns()
    /// `intentStart[a]..<intentStart[a + 1]` are account `a`'s rows in `intent`.
    var intentStart: [Int32] = [0]

    /// Opportunities by account index.
    var opportunities: [[Opportunity]] = []
    /// History records by account index, in recording order.
    var history: [[HistoryRecord]] = []

    /// Topic names (touches and intent).
    public internal(set) var topics = Interner()
    /// People who logged touches.
    public internal(set) var people = Interner()
    /// Contact job titles.
    public internal(set) var titles = Interner()
    /// The (topic, logged-by) pairs of touches.
    public internal(set) var touchLabels = TouchLabels()

    /// The earliest touch of any account and direction, if there is one.
    public internal(set) var earliestTouch: Instant?

    /// An empty programme.
    public init() {}

    /// The number of accounts.
    public var accountCount: Int { accounts.count }

    /// The number of touches.
    public var touchCount: Int {
        var total = touches.count
        for (account, columns) in relocatedTouches {
            total += columns.count - Int(touchStart[Int(account) + 1] - touchStart[Int(account)])
        }
        return total
    }

    /// The number of touches of account `index`.
    public func touchCount(of index: Int) -> Int { withTouchColumns(of: index) { $1.count } }

    /// The number of intent records.
    public var intentCount: Int { intent.count }

    /// The index of the account with id `id`.
    public func index(ofAccount id: String) -> Int? {
        accountNumbers[id].map(Int.init)
    }

    /// Account `index`'s contact rows in `contacts`.
    public func contactRows(of index: Int) -> Range<Int> {
        Int(contactStart[index])..<Int(contactStart[index + 1])
    }

    /// The contact at `row` of `contacts`, as a record.
    public func contact(atRow row: Int) -> Contact {
        Contact(
            id: contacts.ids[row], accountId: accounts[Int(contacts.account[row])].id,
            name: contacts.names[row], title: titles[contacts.titles[row]],
            buyingRole: contacts.role(row),
            email: contacts.emails.byteRange(row).isEmpty ? nil : contacts.emails[row],
            active: contacts.active[row])
    }

    /// Account `index`'s contacts, as records.
    public func contacts(of index: Int) -> [Contact] {
        contactRows(of: index).map { contact(atRow: $0) }
    }

    /// The row of contact `id` among account `index`'s contacts.
    public func contactRow(id: String, inAccount index: Int) -> Int? {
        contactRows(of: index).first { contacts.ids.equals($0, id) }
    }

    /// Account `index`'s touches, as records, in time order (then by id).
    public func touches(of index: Int) -> [Touch] {
        withTouchColumns(of: index) { columns, rows in
            rows.map { touch(row: $0, of: columns, account: index) }
        }
    }

    /// The touch at `row` of `columns` (account `index`'s), as a record.
    func touch(row: Int, of columns: TouchColumns, account index: Int) -> Touch {
        let kind = columns.kind[row]
        let contactRow = Int(columns.contact[row])
        let label = touchLabels[columns.label[row]]
        return Touch(
            id: columns.ids[row], accountId: accounts[index].id,
            channel: TouchColumns.channel(ofKind: kind),
            direction: TouchColumns.direction(ofKind: kind),
            occurredAt: CompactTime.decode(columns.time[row]),
            contactId: contactRow >= 0 ? contacts.ids[contactRow] : nil,
            topic: topics[label.topic], by: people[label.by],
            note: columns.notes[Int32(row)])
    }

    /// Account `index`'s intent records, in time order.
    public func intent(of index: Int) -> [IntentRecord] {
        intentRows(of: index).map { row in
            IntentRecord(
                accountId: accounts[index].id, topic: topics[intent.topic[row]] ?? "",
                score: Int(intent.score[row]), observedAt: CompactTime.decode(intent.time[row]))
        }
    }

    /// Account `index`'s rows in the intent columns.
    func intentRows(of index: Int) -> Range<Int> {
        Int(intentStart[index])..<Int(intentStart[index + 1])
    }

    /// Account `index`'s opportunities.
    public func opportunities(of index: Int) -> [Opportunity] { opportunities[index] }

    /// Account `index`'s history, in recording order.
    public func history(of index: Int) -> [HistoryRecord] { history[index] }

    /// Calls `body` with the columns holding account `index`'s touches and its row range there.
    func withTouchColumns<R>(of index: Int, _ body: (TouchColumns, Range<Int>) -> R) -> R {
        if !relocatedTouches.isEmpty, let relocated = relocatedTouches[Int32(index)] {
            return body(relocated, 0..<relocated.count)
        }
        return body(touches, Int(touchStart[index])..<Int(touchStart[index + 1]))
    }

    /// Bytes the programme holds by part (array capacities; strings longer than 15 bytes
    /// counted with their heap storage), for the memory benchmark.
    public var memoryBreakdown: [(part: String, bytes: Int)] {
        var accountBytes = accounts.capacity * MemoryLayout<Account>.stride
        for account in accounts {
            for text in [
                account.id, account.name, account.domain, account.industry,
                account.region, account.owner, account.sdr, account.parentAccountId,
            ] {
                if let text, text.utf8.count > 15 { accountBytes += text.utf8.count + 32 }
            }
        }
        accountBytes += accountNumbers.capacity * (MemoryLayout<String>.stride + 4)
        accountBytes += (touchStart.capacity + contactStart.capacity + intentStart.capacity) * 4
        var recordBytes = opportunities.capacity * 8 + history.capacity * 8
        for list in opportunities where !list.isEmpty {
            recordBytes += list.capacity * MemoryLayout<Opportunity>.stride + 32
        }
        for list in history where !list.isEmpty {
            recordBytes += list.capacity * MemoryLayout<HistoryRecord>.stride + 32
        }
        return [
            ("touches", touches.memoryFootprint + relocatedTouches.values.reduce(0) { $0 + $1.memoryFootprint }),
            ("intent", intent.memoryFootprint),
            ("contacts", contacts.memoryFootprint),
            ("accounts", accountBytes),
            ("opportunities and history", recordBytes),
        ]
    }

    /// Bytes the programme holds in all (see `memoryBreakdown`).
    public var memoryFootprint: Int {
        memoryBreakdown.reduce(0) { $0 + $1.bytes }
    }
}
