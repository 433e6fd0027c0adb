extension Programme {
    /// Adds a touch logged after the build (or updates the account's touch with the same id),
    /// keeping the account's touches sorted.
    /// - Throws: `ProgrammeError` for an unknown account or contact, a contact of another
    ///   account, or a time out of range.
    public mutating func appendTouch(_ touch: Touch) throws(ProgrammeError) {
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
        let label = touchLabels.number(
            topic: touch.topic.map { topics.intern($0) } ?? -1,
            by: touch.by.map { people.intern($0) } ?? -1)
        let kind = TouchColumns.packKind(touch.channel, touch.direction)

        var rebuilt = TouchColumns()
        var inserted = false
        withTouchColumns(of: account) { columns, rows in
            for row in rows {
                if columns.ids.equals(row, touch.id) { continue }  // replaced below
                let precedes =
                    columns.time[row] < compact
                    || (columns.time[row] == compact && columns.ids[row] < touch.id)
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
        if earliestTouch.map({ touch.occurredAt < $0 }) ?? true {
            earliestTouch = touch.occurredAt
        }
    }

    /// Appends a history record to its account's history (check it first with `MarkRules`).
    /// - Throws: `ProgrammeError.unknownAccount`.
    public mutating func appendHistory(_ record: HistoryRecord) throws(ProgrammeError) {
        guard let account = index(ofAccount: record.accountId) else {
            throw .unknownAccount(id: record.accountId, record: "mark at \(record.at)")
        }
        history[account].append(record)
    }

    /// Adds an opportunity, or replaces the one with the same id on the same account.
    /// - Throws: `ProgrammeError.unknownAccount`.
    public mutating func upsertOpportunity(_ opportunity: Opportunity) throws(ProgrammeError) {
        guard let account = index(ofAccount: opportunity.accountId) else {
            throw .unknownAccount(
                id: opportunity.accountId, record: "opportunity \"\(opportunity.id)\"")
        }
        if let existing = opportunities[account].firstIndex(where: { $0.id == opportunity.id }) {
            opportunities[account][existing] = opportunity
        } else {
            opportunities[account].append(opportunity)
        }
    }
}
