extension Programme {
    /// Adds a touch logged after the build, or updates the touch with the same id, keeping the
    /// account's touches sorted by time, then id.
    ///
    /// The id is looked for in the touch's own account; when an update moves a touch from
    /// another account, pass that account as `previousAccount` (the store knows it from its
    /// primary key) so the touch leaves it.
    /// - Throws: `ProgrammeError` for an unknown account or contact, a contact of another
    ///   account, or a time out of range.
    public mutating func appendTouch(_ touch: Touch, previousAccount: String? = nil) throws(ProgrammeError) {
        let record = "touch \"\(touch.id)\""
        guard let account = index(ofAccount: touch.accountId) else {
            throw .unknownAccount(id: touch.accountId, record: record)
        }
        guard let compact = CompactTime.encode(touch.occurredAt) else {
            throw .timeOutOfRange(touch.occurredAt, record: record)
        }
        var contact: Int32 = -1
        if let contactId = touch.contactId {
            guard let row = contactRow(id: contactId, inAccount: account) else {
                if let other = (0..<contacts.count).first(where: { contacts.ids.equals($0, contactId) }) {
                    throw .contactOfAnotherAccount(
                        contact: contactId,
                        contactAccount: accounts[Int(contacts.account[other])].id, record: record)
                }
                throw .unknownContact(id: contactId, record: record)
            }
            contact = Int32(row)
        }
        var replacedTimes: [Instant] = []
        if let previousAccount, previousAccount != touch.accountId, let previous = index(ofAccount: previousAccount) {
            replacedTimes += takeTouch(id: touch.id, fromAccount: previous)
        }
        let label = touchLabels.number(
            topic: touch.topic.map { topics.intern($0) } ?? -1,
            by: touch.by.map { people.intern($0) } ?? -1)
        let kind = TouchColumns.packKind(touch.channel, touch.direction)

        var rebuilt = TouchColumns()
        var inserted = false
        withTouchColumns(of: account) { columns, rows in
            for row in rows {
                if columns.ids.equals(row, touch.id) {  // the old version: replaced below
                    replacedTimes.append(CompactTime.decode(columns.time[row]))
                    continue
                }
                let precedes =
                    columns.time[row] < compact
                    || (columns.time[row] == compact && codePointPrecedes(columns.ids[row], touch.id))
                if !inserted && !precedes {
                    rebuilt.append(
                        time: compact, kind: kind, contact: contact, label: label,
                        id: touch.id, note: touch.note)
                    inserted = true
                }
                rebuilt.append(row: row, of: columns)
            }
        }
        if !inserted {
            rebuilt.append(
                time: compact, kind: kind, contact: contact, label: label, id: touch.id,
                note: touch.note)
        }
        relocatedTouches[Int32(account)] = rebuilt
        if replacedTimes.contains(where: { $0 == earliestTouch }) {
            recomputeEarliestTouch()
        } else if earliestTouch.map({ touch.occurredAt < $0 }) ?? true {
            earliestTouch = touch.occurredAt
        }
    }

    /// Removes touch `id` from account `index` and returns the times of what was removed
    /// (nothing when the account has no such touch).
    @discardableResult
    public mutating func removeTouch(id: String, fromAccount index: Int) -> [Instant] {
        let removed = takeTouch(id: id, fromAccount: index)
        if removed.contains(where: { $0 == earliestTouch }) { recomputeEarliestTouch() }
        return removed
    }

    /// Removes touch `id` from account `index`, leaving the programme's start to the caller.
    private mutating func takeTouch(id: String, fromAccount index: Int) -> [Instant] {
        var removed: [Instant] = []
        var kept = TouchColumns()
        withTouchColumns(of: index) { columns, rows in
            for row in rows {
                if columns.ids.equals(row, id) {
                    removed.append(CompactTime.decode(columns.time[row]))
                } else {
                    kept.append(row: row, of: columns)
                }
            }
        }
        if !removed.isEmpty { relocatedTouches[Int32(index)] = kept }
        return removed
    }

    /// The earliest touch of the programme, found again (each account's first row is its
    /// earliest).
    mutating func recomputeEarliestTouch() {
        var earliest: Int32?
        for index in 0..<accountCount {
            let first: Int32? = withTouchColumns(of: index) { columns, rows in
                rows.isEmpty ? nil : columns.time[rows.lowerBound]
            }
            if let first, earliest.map({ first < $0 }) ?? true { earliest = first }
        }
        earliestTouch = earliest.map(CompactTime.decode)
    }

    /// Appends a history record to its account's history (check it first with `MarkRules`).
    /// - Throws: `ProgrammeError.unknownAccount`.
    public mutating func appendHistory(_ record: HistoryRecord) throws(ProgrammeError) {
        guard let account = index(ofAccount: record.accountId) else {
            throw .unknownAccount(id: record.accountId, record: "mark at \(record.at)")
        }
        history[account].append(record)
    }

    /// Adds an opportunity, or replaces the one with the same id on the same account; pass
    /// `previousAccount` when an update moves it from another account.
    /// - Throws: `ProgrammeError.unknownAccount`.
    public mutating func upsertOpportunity(_ opportunity: Opportunity, previousAccount: String? = nil)
        throws(ProgrammeError)
    {
        guard let account = index(ofAccount: opportunity.accountId) else {
            throw .unknownAccount(
                id: opportunity.accountId, record: "opportunity \"\(opportunity.id)\"")
        }
        if let previousAccount, previousAccount != opportunity.accountId,
            let previous = index(ofAccount: previousAccount)
        {
            opportunities[previous].removeAll { $0.id == opportunity.id }
        }
        if let existing = opportunities[account].firstIndex(where: { $0.id == opportunity.id }) {
            opportunities[account][existing] = opportunity
        } else {
            opportunities[account].append(opportunity)
        }
    }
}
