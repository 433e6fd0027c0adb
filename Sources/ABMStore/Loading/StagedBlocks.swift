import ABMCore

/// Every stored touch and intent record decoded into programme columns, but numbered the
/// store's way: a touch's contact is a store contact number (−1 when none, or when the contact
/// works for another account), its label an index into `labels`; an intent record's topic is a
/// store term number. Decoding needs nothing else the loader reads, so it runs on a second core
/// while the loader reads the rest. Both stores keep touches and intent as the same blocks
/// (`TouchBlock`, `IntentBlock`), so both stage them here.
package struct StagedBlocks: Sendable {
    /// The revision the blocks were read at.
    package var revision: Int64
    /// The touches, in store account order, sorted within each account.
    package var touches: TouchColumns
    /// Runs of touch rows: `count` consecutive rows of the account with store number `account`.
    package var touchRuns: [Run]
    /// The (topic, logged-by) term-number pairs the touches' label column indexes (−1: none).
    package var labels: [(topic: Int32, by: Int32)]
    /// The intent records, in store account order, sorted within each account.
    package var intent: IntentColumns
    /// Runs of intent rows.
    package var intentRuns: [Run]

    /// `count` consecutive rows of the account with store number `account`.
    package struct Run: Sendable {
        package var account: Int32
        package var count: Int32
    }

    /// Staged touches and intent read at `revision`.
    package init(revision: Int64, touches: TouchStaging.Staged, intent: IntentStaging.Staged) {
        self.revision = revision
        self.touches = touches.columns
        touchRuns = touches.runs
        labels = touches.labels
        self.intent = intent.columns
        intentRuns = intent.runs
    }
}

/// Decodes touch blocks one account at a time into plain arrays (appending to them in one
/// loop per block, where the compiler sees it whole, is several times faster than appending
/// row by row through `TouchColumns`).
package struct TouchStaging: Sendable {
    private var time: [Int32]
    private var kinds: [UInt8]
    private var contacts: [Int32]
    private var labelColumn: [Int32]
    private var idEnds: [UInt32]
    private var idBytes: [UInt8]
    private var notes: [Int32: String] = [:]
    private var runs: [StagedBlocks.Run] = []
    private var labels: LabelNumbering

    /// What staging gives: the columns, the runs of accounts, and the label pairs.
    package typealias Staged = (columns: TouchColumns, runs: [StagedBlocks.Run], labels: [(topic: Int32, by: Int32)])

    /// Staging with room for `touches` touches whose ids take `idBytes` bytes, `terms` being
    /// one more than the highest term number. Every touch keeps its contact until
    /// `finish(keepingContactsOf:)` is given the contacts (so that decoding need not wait for
    /// them).
    package init(touches: Int, idBytes: Int, terms: Int) {
        time = [Int32](reservingCapacity: touches)
        kinds = [UInt8](reservingCapacity: touches)
        contacts = [Int32](reservingCapacity: touches)
        labelColumn = [Int32](reservingCapacity: touches)
        idEnds = [UInt32](reservingCapacity: touches)
        self.idBytes = [UInt8](reservingCapacity: idBytes)
        labels = LabelNumbering(terms: terms)
    }

    /// Adds the block of the account with store number `account` (accounts in rising order).
    /// - Throws: `StoreError.database` when the block is damaged.
    package mutating func add(account: Int32, block: UnsafeRawBufferPointer) throws(StoreError) {
        let before = time.count
        var badTime = false
        let decoded = TouchBlock.forEach(in: block) { at, kind, contact, topic, by, id, note in
            guard let compact = CompactTime.encode(Instant(seconds: at)) else {
                badTime = true
                return
            }
            if let note { notes[Int32(time.count)] = String(decoding: note, as: UTF8.self) }
            time.append(compact)
            kinds.append(kind)
            contacts.append(contact)
            labelColumn.append(labels.number(topic: topic, by: by))
            idBytes.append(contentsOf: id.assumingMemoryBound(to: UInt8.self))
            idEnds.append(UInt32(truncatingIfNeeded: idBytes.count))
        }
        if decoded == nil || badTime {
            throw .database("the touch block of account number \(account) is damaged")
        }
        if time.count > before {
            runs.append(StagedBlocks.Run(account: account, count: Int32(time.count - before)))
        }
    }

    /// The staged columns, a touch keeping its contact only when `contactAccount` (store contact
    /// number → its account's number) says the contact works for the touch's account.
    /// - Throws: `StoreError.database` when the ids take more than 4 GB.
    package consuming func finish(keepingContactsOf contactAccount: [Int32]) throws(StoreError) -> Staged {
        var row = 0
        for run in runs {
            for index in row..<row + Int(run.count) {
                let contact = Int(contacts[index])
                if contact >= 0 && !(contact < contactAccount.count && contactAccount[contact] == run.account) {
                    contacts[index] = -1
                }
            }
            row += Int(run.count)
        }
        return try finish()
    }

    /// The staged columns.
    /// - Throws: `StoreError.database` when the ids take more than 4 GB.
    private consuming func finish() throws(StoreError) -> Staged {
        guard idBytes.count <= Int(UInt32.max), let ids = StringArena(bytes: idBytes, ends: idEnds),
            let columns = TouchColumns(
                time: time, kind: kinds, contact: contacts, label: labelColumn, ids: ids, notes: notes)
        else { throw .database("the touch ids take more than 4 GB") }
        return (columns, runs, labels.pairs)
    }
}

/// Decodes intent blocks one account at a time.
package struct IntentStaging: Sendable {
    private var time: [Int32]
    private var topics: [Int32]
    private var scores: [UInt8]
    private var runs: [StagedBlocks.Run] = []

    /// What staging gives: the columns and the runs of accounts.
    package typealias Staged = (columns: IntentColumns, runs: [StagedBlocks.Run])

    /// Staging with room for `records` records.
    package init(records: Int) {
        time = [Int32](reservingCapacity: records)
        topics = [Int32](reservingCapacity: records)
        scores = [UInt8](reservingCapacity: records)
    }

    /// Adds the block of the account with store number `account` (accounts in rising order).
    /// - Throws: `StoreError.database` when the block is damaged.
    package mutating func add(account: Int32, block bytes: UnsafeRawBufferPointer) throws(StoreError) {
        var offset = 0
        while offset + IntentBlock.recordBytes <= bytes.count {
            let at = bytes.loadUnaligned(fromByteOffset: offset, as: Int64.self).littleEndian
            let score = bytes[offset + 12]
            guard let compact = CompactTime.encode(Instant(seconds: at)), score <= 100 else { break }
            time.append(compact)
            topics.append(bytes.loadUnaligned(fromByteOffset: offset + 8, as: Int32.self).littleEndian)
            scores.append(score)
            offset += IntentBlock.recordBytes
        }
        guard offset == bytes.count else {
            throw .database("the intent block of account number \(account) is damaged")
        }
        runs.append(StagedBlocks.Run(account: account, count: Int32(bytes.count / IntentBlock.recordBytes)))
    }

    /// The staged columns.
    /// - Throws: `StoreError.database` when they do not make columns.
    package consuming func finish() throws(StoreError) -> Staged {
        guard let columns = IntentColumns(time: time, topic: topics, score: scores) else {
            throw .database("the intent blocks are damaged")
        }
        return (columns, runs)
    }
}

extension Array {
    /// An empty array with room for `capacity` elements.
    package init(reservingCapacity capacity: Int) {
        self.init()
        reserveCapacity(capacity)
    }

    /// The element at `index`, or `nil` when out of range (or itself `nil`).
    package func element<Wrapped>(at index: Int) -> Wrapped? where Element == Wrapped? {
        index >= 0 && index < count ? self[index] : nil
    }
}
