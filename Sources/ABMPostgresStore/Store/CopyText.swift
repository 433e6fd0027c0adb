import NIOCore
import PostgresNIO

/// Rows in `COPY … FROM STDIN` text format: fields separated by tabs, rows by newlines, `\N`
/// for NULL, and backslash, tab, newline and carriage return escaped.
struct CopyText {
    /// The bytes written so far.
    private(set) var buffer: ByteBuffer

    /// An empty text with room for `capacity` bytes.
    init(capacity: Int = 1 << 20) {
        buffer = ByteBufferAllocator().buffer(capacity: capacity)
    }

    /// A text field (NULL when `nil`).
    mutating func text(_ value: String?) {
        guard var value else { return null() }
        value.withUTF8 { bytes in
            var start = 0
            for (index, byte) in bytes.enumerated() where byte == 0x5C || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                buffer.writeBytes(UnsafeBufferPointer(rebasing: bytes[start..<index]))
                switch byte {
                case 0x09: buffer.writeStaticString("\\t")
                case 0x0A: buffer.writeStaticString("\\n")
                case 0x0D: buffer.writeStaticString("\\r")
                default: buffer.writeStaticString("\\\\")
                }
                start = index + 1
            }
            buffer.writeBytes(UnsafeBufferPointer(rebasing: bytes[start...]))
        }
        buffer.writeInteger(UInt8(0x09))
    }

    /// An integer field (NULL when `nil`), its digits written straight into the buffer.
    mutating func int<T: BinaryInteger>(_ value: T?) {
        guard let value else { return null() }
        var magnitude = UInt64(value.magnitude)
        let negative = value < 0
        buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: 22) { target in
            var digits = 0
            var rest = magnitude
            repeat {
                digits += 1
                rest /= 10
            } while rest > 0
            let length = digits + (negative ? 1 : 0)
            var index = length - 1
            repeat {
                target[index] = UInt8(truncatingIfNeeded: 0x30 + magnitude % 10)
                magnitude /= 10
                index -= 1
            } while magnitude > 0
            if negative { target[0] = 0x2D }
            target[length] = 0x09
            return length + 1
        }
    }

    /// A floating-point field (NULL when `nil`), exactly as Swift prints it (round-trips).
    mutating func double(_ value: Double?) {
        guard let value else { return null() }
        buffer.writeString("\(value)")
        buffer.writeInteger(UInt8(0x09))
    }

    /// A boolean field.
    mutating func bool(_ value: Bool) {
        buffer.writeStaticString(value ? "t\t" : "f\t")
    }

    /// A `bytea` field, hex-encoded (in one pass over the buffer's memory: a block is written a
    /// byte pair at a time, and this is the import's hottest loop).
    mutating func bytes(_ value: [UInt8]) {
        buffer.writeStaticString("\\\\x")
        _ = value.withUnsafeBufferPointer { source in
            buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: source.count * 2 + 1) { target in
                Self.hexDigits.withUTF8Buffer { hex in
                    var out = 0
                    for byte in source {
                        target[out] = hex[Int(byte >> 4)]
                        target[out + 1] = hex[Int(byte & 0x0F)]
                        out += 2
                    }
                    target[out] = 0x09
                    return out + 1
                }
            }
        }
    }

    private static let hexDigits: StaticString = "0123456789abcdef"

    /// A NULL field.
    mutating func null() {
        buffer.writeStaticString("\\N\t")
    }

    /// Ends the row (the last field's tab becomes the newline).
    mutating func endRow() {
        buffer.moveWriterIndex(to: buffer.writerIndex - 1)
        buffer.writeInteger(UInt8(0x0A))
    }

    /// Takes the bytes written, leaving the text empty.
    mutating func take() -> ByteBuffer {
        let taken = buffer
        buffer = ByteBufferAllocator().buffer(capacity: taken.capacity)
        return taken
    }

    /// Whether enough bytes are waiting to be sent.
    var isFull: Bool { buffer.readableBytes >= 1 << 20 }
}

extension PostgresConnection {
    /// Streams rows into `table` with `COPY … FROM STDIN`: `row(index, &text)` writes row
    /// `index` of `count`, sent in chunks of about a megabyte.
    func copyRows(
        into table: String, columns: [String], count: Int, progress: (@Sendable (Int) -> Void)? = nil,
        _ row: (Int, inout CopyText) -> Void
    ) async throws {
        try await copyFrom(table: table, columns: columns, logger: PostgresLink.logger) { writer in
            var text = CopyText()
            for index in 0..<count {
                row(index, &text)
                if text.isFull {
                    try await writer.write(text.take())
                    progress?(index)
                }
            }
            if text.buffer.readableBytes > 0 { try await writer.write(text.take()) }
            progress?(count)
        }
    }
}
