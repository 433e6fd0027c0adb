import ABMCore
import GRDB

/// Every stored touch and intent record decoded into programme columns, but numbered the
/// store's way: a touch's contact is a store contact number (−1 when none, or when the contact
/// works for another account), its label an index into `labels`; an intent record's topic is a
/// store term number. Decoding needs nothing else the loader reads, so it runs on a second core
/// while the loader reads the rest.
struct StagedBlocks: Sendable {
    /// The revision the blocks were read at.
    var revision: Int64
    /// The touches, in store account order, sorted within each account.
    var touches: TouchColumns
    /// Runs of touch rows: `count` consecutive rows of the account with store number `account`.
    var touchRuns: [Run]
    /// The (topic, logged-by) term-number pairs the touches' label column indexes (−1: none).
    var labels: [(topic: Int32, by: Int32)]
    /// The intent records, in store account order, sorted within each account.
    var intent: IntentColumns
    /// Runs of intent rows.
    var intentRuns: [Run]

    /// `count` consecutive rows of the account with store number `account`.
    struct Run: Sendable {
        var account: Int32
        var count: Int32
    }
}

/// Decodes every touch block (see `TouchBlock`) and intent block (see `IntentBlock`).
struct BlockStager {
    let db: Database

    /// Reads and decodes every block.
    func stage() throws -> StagedBlocks {
        let revision = try SQLiteStore.revision(db)
        let (touches, touchRuns, labels) = try stageTouches()
        let (intent, intentRuns) = try stageIntent()
        return StagedBlocks(
            revision: revision, touches: touches, touchRuns: touchRuns, labels: labels, intent: intent,
            intentRuns: intentRuns)
    }

    /// Every touch block in one pass, into plain arrays (appending to them here, where the
    /// compiler sees the loop whole, is several times faster than appending row by row
    /// through `TouchColumns`).
    private func stageTouches() throws -> (TouchColumns, [StagedBlocks.Run], [(topic: Int32, by: Int32)]) {
        let contactAccount = try contactAccounts()
        let totals = try Row.fetchOne(
            db, sql: "SELECT coalesce(sum(touches), 0), coalesce(sum(id_bytes), 0) FROM touch_block")
        let total: Int = totals?[0] ?? 0
        var time = [Int32](reservingCapacity: total)
        var kinds = [UInt8](reservingCapacity: total)
        var contacts = [Int32](reservingCapacity: total)
        var labelColumn = [Int32](reservingCapacity: total)
        var idEnds = [UInt32](reservingCapacity: total)
        var idBytes = [UInt8](reservingCapacity: totals?[1] ?? 0)
        var notes: [Int32: String] = [:]
        var runs: [StagedBlocks.Run] = []
        let termCount = try Int.fetchOne(db, sql: "SELECT coalesce(max(number), 0) + 1 FROM term") ?? 0
        var labels = LabelNumbering(terms: termCount)
        var badTime = false
        let rows = try RawRows(db, sql: "SELECT account, data FROM touch_block ORDER BY account", what: "touches")
        while try rows.next() {
            let account = Int32(truncatingIfNeeded: rows.int(0))
            let before = time.count
            let decoded = TouchBlock.forEach(in: rows.blob(1)) { at, kind, contact, topic, by, id, note in
                guard let compact = CompactTime.encode(Instant(seconds: at)) else {
                    badTime = true
                    return
                }
                let own = contact >= 0 && Int(contact) < contactAccount.count && contactAccount[Int(contact)] == account
                if let note { notes[Int32(time.count)] = String(decoding: note, as: UTF8.self) }
                time.append(compact)
                kinds.append(kind)
                contacts.append(own ? contact : -1)
                labelColumn.append(labels.number(topic: topic, by: by))
                idBytes.append(contentsOf: id.assumingMemoryBound(to: UInt8.self))
                idEnds.append(UInt32(truncatingIfNeeded: idBytes.count))
            }
            if decoded == nil || badTime {
                throw StoreError.database("the touch block of account number \(account) is damaged")
            }
            if time.count > before {
                runs.append(StagedBlocks.Run(account: account, count: Int32(time.count - before)))
            }
        }
        guard idBytes.count <= Int(UInt32.max), let ids = StringArena(bytes: idBytes, ends: idEnds),
            let columns = TouchColumns(
                time: time, kind: kinds, contact: contacts, label: labelColumn, ids: ids, notes: notes)
        else { throw StoreError.database("the touch ids take more than 4 GB") }
        return (columns, runs, labels.pairs)
    }

    /// Every intent block.
    private func stageIntent() throws -> (IntentColumns, [StagedBlocks.Run]) {
        let total = try Int.fetchOne(db, sql: "SELECT coalesce(sum(records), 0) FROM intent_block") ?? 0
        var time = [Int32](reservingCapacity: total)
        var topics = [Int32](reservingCapacity: total)
        var scores = [UInt8](reservingCapacity: total)
        var runs: [StagedBlocks.Run] = []
        let rows = try RawRows(db, sql: "SELECT account, data FROM intent_block ORDER BY account", what: "intent")
        while try rows.next() {
            let account = Int32(truncatingIfNeeded: rows.int(0))
            let bytes = rows.blob(1)
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
                throw StoreError.database("the intent block of account number \(account) is damaged")
            }
            runs.append(StagedBlocks.Run(account: account, count: Int32(bytes.count / IntentBlock.recordBytes)))
        }
        guard let columns = IntentColumns(time: time, topic: topics, score: scores) else {
            throw StoreError.database("the intent blocks are damaged")
        }
        return (columns, runs)
    }

    /// Contact number → its account's number (−1: no such contact).
    private func contactAccounts() throws -> [Int32] {
        let highest = try Int.fetchOne(db, sql: "SELECT coalesce(max(number), 0) FROM contact") ?? 0
        var accounts = [Int32](repeating: -1, count: highest + 1)
        let rows = try RawRows(db, sql: "SELECT number, account FROM contact", what: "contacts")
        while try rows.next() {
            let number = rows.int(0)
            if number >= 0 && number <= highest { accounts[number] = Int32(truncatingIfNeeded: rows.int(1)) }
        }
        return accounts
    }
}

extension Array {
    /// An empty array with room for `capacity` elements.
    init(reservingCapacity capacity: Int) {
        self.init()
        reserveCapacity(capacity)
    }
}

/// Numbers the (topic, logged-by) term pairs of touches in order of first appearance. Terms
/// are small numbers, so pairs are looked up in a flat table (a dictionary only when there
/// are very many terms): a lookup per touch must cost next to nothing.
struct LabelNumbering {
    /// The pairs; a pair's number is its index.
    private(set) var pairs: [(topic: Int32, by: Int32)] = []
    /// Terms below this number use `table`.
    private let side: Int
    private var table: [Int32]
    private var others: [Int64: Int32] = [:]

    /// Numbering for term numbers below `terms` (others still work, more slowly).
    init(terms: Int) {
        side = terms <= 2_048 ? terms + 1 : 0
        table = [Int32](repeating: -1, count: side * side)
    }

    /// The pair's number, adding it when new; −1 stands for "none" on either side.
    mutating func number(topic: Int32, by: Int32) -> Int32 {
        let t = Int(topic) + 1
        let b = Int(by) + 1
        if t >= 0, t < side, b >= 0, b < side {
            let slot = t * side + b
            if table[slot] >= 0 { return table[slot] }
            table[slot] = add(topic, by)
            return table[slot]
        }
        let key = Int64(topic) << 32 | Int64(UInt32(bitPattern: by))
        if let known = others[key] { return known }
        let number = add(topic, by)
        others[key] = number
        return number
    }

    private mutating func add(_ topic: Int32, _ by: Int32) -> Int32 {
        pairs.append((topic, by))
        return Int32(pairs.count - 1)
    }
}
