import Foundation

/// The base protocol's framing: `Content-Length: N\r\n` headers, a blank line,
/// then N bytes of JSON. Bytes arrive in arbitrary pieces; one read may hold half
/// a message or several.
public struct FrameDecoder: Sendable {
    public enum Event: Equatable, Sendable {
        case message([UInt8])
        /// A header block without a usable Content-Length; its bytes were dropped.
        case badHeader(String)
    }

    /// Larger bodies are refused rather than buffered.
    public static let maximumBodySize = 64 << 20

    private var buffer: [UInt8] = []
    private var start = 0

    public init() {}

    /// Bytes received but not yet part of a complete message.
    public var pendingByteCount: Int { buffer.count - start }

    public mutating func append(_ bytes: some Sequence<UInt8>) {
        buffer.append(contentsOf: bytes)
    }

    /// The next complete message or framing error, or nil when more bytes are needed.
    public mutating func next() -> Event? {
        defer { compact() }
        while start < buffer.count, buffer[start] == 0x0D || buffer[start] == 0x0A { start += 1 }
        guard let headerEnd = Self.find(Self.separator, in: buffer, from: start) else { return nil }
        let header = String(decoding: buffer[start..<headerEnd], as: UTF8.self)
        let bodyStart = headerEnd + Self.separator.count
        guard let length = Self.contentLength(in: header) else {
            start = bodyStart
            return .badHeader("missing or invalid Content-Length header")
        }
        guard length <= Self.maximumBodySize else {
            start = bodyStart
            return .badHeader("Content-Length \(length) exceeds the limit of \(Self.maximumBodySize) bytes")
        }
        guard buffer.count - bodyStart >= length else { return nil }
        let body = Array(buffer[bodyStart..<(bodyStart + length)])
        start = bodyStart + length
        return .message(body)
    }

    public static func frame(_ body: [UInt8]) -> [UInt8] {
        Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
    }

    private static let separator: [UInt8] = [0x0D, 0x0A, 0x0D, 0x0A]

    /// The last Content-Length line in the block, so that garbage in front of a
    /// real header (the rest of a dropped message) does not hide it.
    private static func contentLength(in header: String) -> Int? {
        var found: Int?
        for line in header.lowercased().split(whereSeparator: \.isNewline) {
            guard let name = line.range(of: "content-length:", options: .backwards) else { continue }
            let value = line[name.upperBound...].trimmingCharacters(in: .whitespaces)
            if let length = Int(value), length >= 0 { found = length } else { found = nil }
        }
        return found
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        var index = from
        while index <= haystack.count - needle.count {
            if haystack[index] == needle[0], haystack[index + 1] == needle[1],
               haystack[index + 2] == needle[2], haystack[index + 3] == needle[3] { return index }
            index += 1
        }
        return nil
    }

    private mutating func compact() {
        if start == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            start = 0
        } else if start > 1 << 16, start > buffer.count / 2 {
            buffer.removeFirst(start)
            start = 0
        }
    }
}
