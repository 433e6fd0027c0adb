import ABMCore
import ABMStore

/// The accounts or the contacts as one `bytea` (`abmboard.catalog_block`), written by the import
/// that changed them, so that loading the board reads one value instead of aggregating hundreds
/// of thousands of rows (at 50,000 accounts and 210,000 contacts the aggregation took 0.7 s of
/// the server and as much of the client). A trigger forgets the block whenever anything else
/// writes the table; the loader then reads the table itself.
///
/// Layout, little-endian: the magic `ABMC`, the format (1), the part (1 accounts, 2 contacts) and
/// the row count (`UInt32`); then each row. A text is its UTF-8 length (`UInt32`, `0xFFFF_FFFF` for
/// none) and its bytes.
enum CatalogBlock {
    /// Which table a block holds.
    enum Part: String, Sendable {
        case accounts, contacts

        /// The part's byte in the header.
        var code: UInt8 { self == .accounts ? 1 : 2 }
    }

    /// The format this abmboard writes and reads; a block of any other format is not used.
    static let format: UInt8 = 1
    private static let magic: [UInt8] = Array("ABMC".utf8)

    /// Accounts, with their numbers, in number order.
    static func encode(accounts: [(number: Int32, account: Account)]) -> [UInt8] {
        var writer = Writer(part: .accounts, count: accounts.count, capacity: accounts.count * 112)
        for (number, account) in accounts {
            writer.int32(number)
            writer.byte(UInt8(account.importedTier.rawValue))
            var flags: UInt8 = account.holdout ? 1 : 0
            if account.employees != nil { flags |= 2 }
            if account.annualRevenue != nil { flags |= 4 }
            if account.icpScore != nil { flags |= 8 }
            writer.byte(flags)
            writer.int64(Int64(account.employees ?? 0))
            writer.int64(Int64(bitPattern: (account.annualRevenue ?? 0).bitPattern))
            writer.int32(Int32(account.icpScore ?? 0))
            for text in [
                account.id, account.name, account.domain, account.industry, account.region, account.owner,
                account.sdr, account.parentAccountId,
            ] {
                writer.text(text)
            }
        }
        return writer.bytes
    }

    /// Contacts in number order.
    static func encode(contacts: [PostgresStore.SnapshotContact]) -> [UInt8] {
        var writer = Writer(part: .contacts, count: contacts.count, capacity: contacts.count * 96)
        for contact in contacts {
            writer.int32(contact.number)
            writer.int32(contact.account)
            writer.byte(contact.active ? 1 : 0)
            for text in [contact.id, contact.name, contact.title, contact.role, contact.email] {
                writer.text(text)
            }
        }
        return writer.bytes
    }

    /// The accounts of a block, or `nil` when the block is not an accounts block of this format.
    static func accounts(_ bytes: UnsafeRawBufferPointer) -> [(number: Int32, account: Account)]? {
        var reader = Reader(bytes)
        guard let count = reader.header(part: .accounts) else { return nil }
        var accounts: [(number: Int32, account: Account)] = []
        accounts.reserveCapacity(count)
        for _ in 0..<count {
            guard let number = reader.int32(), let tier = reader.byte(), let flags = reader.byte(),
                let employees = reader.int64(), let revenue = reader.int64(), let icp = reader.int32(),
                let id = reader.text() ?? nil, let name = reader.text() ?? nil, let domain = reader.text(),
                let industry = reader.text(), let region = reader.text(), let owner = reader.text(),
                let sdr = reader.text(), let parent = reader.text()
            else { return nil }
            let account = Account(
                id: id, name: name, importedTier: Tier(rawValue: Int(tier)) ?? .three, domain: domain,
                industry: industry, employees: flags & 2 != 0 ? Int(employees) : nil,
                annualRevenue: flags & 4 != 0 ? Double(bitPattern: UInt64(bitPattern: revenue)) : nil,
                region: region, owner: owner, sdr: sdr, icpScore: flags & 8 != 0 ? Int(icp) : nil,
                holdout: flags & 1 != 0, parentAccountId: parent)
            accounts.append((number, account))
        }
        return reader.isAtEnd ? accounts : nil
    }

    /// The contacts of a block, or `nil` when the block is not a contacts block of this format.
    static func contacts(_ bytes: UnsafeRawBufferPointer) -> [PostgresStore.SnapshotContact]? {
        var reader = Reader(bytes)
        guard let count = reader.header(part: .contacts) else { return nil }
        var contacts: [PostgresStore.SnapshotContact] = []
        contacts.reserveCapacity(count)
        for _ in 0..<count {
            guard let number = reader.int32(), let account = reader.int32(), let active = reader.byte(),
                let id = reader.text() ?? nil, let name = reader.text() ?? nil, let title = reader.text(),
                let role = reader.text() ?? nil, let email = reader.text()
            else { return nil }
            contacts.append(
                PostgresStore.SnapshotContact(
                    number: number, account: account, id: id, name: name, title: title, role: role, email: email,
                    active: active != 0))
        }
        return reader.isAtEnd ? contacts : nil
    }

    /// Appends a block's fields.
    private struct Writer {
        var bytes: [UInt8] = []

        init(part: Part, count: Int, capacity: Int) {
            bytes.reserveCapacity(capacity + 10)
            bytes += CatalogBlock.magic
            bytes.append(CatalogBlock.format)
            bytes.append(part.code)
            int32(Int32(truncatingIfNeeded: count))
        }

        mutating func byte(_ value: UInt8) { bytes.append(value) }

        mutating func int32(_ value: Int32) { bytes.appendLittleEndian(value) }

        mutating func int64(_ value: Int64) { bytes.appendLittleEndian(value) }

        mutating func text(_ value: String?) {
            guard var value else { return int32(-1) }
            value.withUTF8 { utf8 in
                int32(Int32(truncatingIfNeeded: utf8.count))
                bytes += utf8
            }
        }
    }

    /// Reads a block's fields; every read is `nil` past the end.
    private struct Reader {
        let bytes: UnsafeRawBufferPointer
        var offset = 0

        init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

        var isAtEnd: Bool { offset == bytes.count }

        /// The row count, when the header is this format's for `part`.
        mutating func header(part: Part) -> Int? {
            guard bytes.count >= 10, Array(bytes[0..<4]) == CatalogBlock.magic, bytes[4] == CatalogBlock.format,
                bytes[5] == part.code
            else { return nil }
            offset = 6
            guard let count = int32(), count >= 0 else { return nil }
            return Int(count)
        }

        mutating func byte() -> UInt8? {
            guard offset < bytes.count else { return nil }
            defer { offset += 1 }
            return bytes[offset]
        }

        mutating func int32() -> Int32? {
            guard bytes.count - offset >= 4 else { return nil }
            defer { offset += 4 }
            return Int32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: Int32.self))
        }

        mutating func int64() -> Int64? {
            guard bytes.count - offset >= 8 else { return nil }
            defer { offset += 8 }
            return Int64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: Int64.self))
        }

        /// A text: `.some(nil)` for none, `nil` when the block ends inside it.
        mutating func text() -> String?? {
            guard let length = int32() else { return nil }
            if length == -1 { return .some(nil) }
            guard length >= 0, bytes.count - offset >= Int(length) else { return nil }
            defer { offset += Int(length) }
            return String(
                decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + Int(length)]), as: UTF8.self)
        }
    }
}
