/// A half-open range of UTF-8 byte offsets into one file. Everything inside the
/// engine is kept in bytes; columns for people, LSP and SARIF are derived at the edge.
public struct ByteRange: Hashable, Sendable, Codable, Comparable {
    // Stored in 32 bits: a project holds millions of ranges and no source file reaches 4 GB.
    private var storedStart: UInt32
    private var storedEnd: UInt32

    public var start: Int {
        get { Int(storedStart) }
        set { storedStart = UInt32(clamping: newValue) }
    }

    public var end: Int {
        get { Int(storedEnd) }
        set { storedEnd = UInt32(clamping: newValue) }
    }

    public init(_ start: Int, _ end: Int) {
        storedStart = UInt32(clamping: start)
        storedEnd = UInt32(clamping: max(start, end))
    }

    private enum CodingKeys: String, CodingKey { case start, end }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(try container.decode(Int.self, forKey: .start), try container.decode(Int.self, forKey: .end))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(start, forKey: .start)
        try container.encode(end, forKey: .end)
    }

    public var isEmpty: Bool { start == end }

    public func contains(_ offset: Int) -> Bool { offset >= start && offset < end }

    public func contains(_ other: ByteRange) -> Bool { other.start >= start && other.end <= end }

    public static func < (lhs: ByteRange, rhs: ByteRange) -> Bool {
        lhs.start != rhs.start ? lhs.start < rhs.start : lhs.end < rhs.end
    }
}

/// A point in a file, in every column convention a consumer may ask for.
/// Lines and columns are 1-based.
public struct SourcePosition: Hashable, Sendable, Codable {
    public var line: Int
    /// Column counted in Unicode scalars: what people and the JSON output see.
    public var column: Int
    /// Column counted in UTF-16 code units: LSP's default and SARIF's `utf16CodeUnits`.
    public var utf16Column: Int
    /// Column counted in bytes: LSP's `utf-8` position encoding.
    public var utf8Column: Int

    public init(line: Int, column: Int, utf16Column: Int, utf8Column: Int) {
        self.line = line
        self.column = column
        self.utf16Column = utf16Column
        self.utf8Column = utf8Column
    }
}

/// A file's bytes with a line table, shared read-only across the pipeline.
public final class SourceText: Sendable {
    public let bytes: [UInt8]
    /// Byte offset at which each line starts; `lineStarts[0] == 0`.
    public let lineStarts: [Int]

    public init(bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        starts.reserveCapacity(bytes.count / 32 + 1)
        bytes.withUnsafeBufferPointer { buffer in
            let count = buffer.count
            var index = 0
            while index < count {
                // Eight bytes at a time past stretches with no line terminator: most of a file.
                if index + 8 <= count, let base = UnsafeRawPointer(buffer.baseAddress),
                   !WordBytes.containsLineTerminator(base.loadUnaligned(fromByteOffset: index, as: UInt64.self)) {
                    index += 8
                    continue
                }
                let byte = buffer[index]
                if byte == 0x0A {
                    starts.append(index + 1)
                } else if byte == 0x0D {
                    if index + 1 < count, buffer[index + 1] == 0x0A { index += 1 }
                    starts.append(index + 1)
                }
                index += 1
            }
        }
        lineStarts = starts
    }

    public convenience init(_ string: String) {
        self.init(bytes: Array(string.utf8))
    }

    public var lineCount: Int { lineStarts.count }

    /// 0-based index of the line holding `offset`.
    public func lineIndex(of offset: Int) -> Int {
        Self.lineIndex(of: offset, in: lineStarts)
    }

    /// 0-based index of the line holding `offset`, given each line's start offset.
    public static func lineIndex<Offset: BinaryInteger>(of offset: Int, in lineStarts: [Offset]) -> Int {
        lineStarts.lastIndex(notAbove: offset)
    }

    /// Byte range of a 0-based line, without its line terminator.
    public func lineRange(_ index: Int) -> ByteRange {
        let start = lineStarts[index]
        var end = index + 1 < lineStarts.count ? lineStarts[index + 1] : bytes.count
        while end > start, bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D { end -= 1 }
        return ByteRange(start, end)
    }

    public func lineText(_ index: Int) -> String {
        let range = lineRange(index)
        return String(decoding: bytes[range.start..<range.end], as: UTF8.self)
    }

    public func text(_ range: ByteRange) -> String {
        let start = min(max(range.start, 0), bytes.count)
        let end = min(max(range.end, start), bytes.count)
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// The text of `range`, or of its first `limit` bytes when it is longer, cut where a scalar starts.
    public func text(_ range: ByteRange, atMost limit: Int) -> String {
        guard range.end - range.start > limit else { return text(range) }
        var cut = range.start + limit
        while cut > range.start, cut < bytes.count, bytes[cut] & 0xC0 == 0x80 { cut -= 1 }
        return text(ByteRange(range.start, cut))
    }

    public func position(of offset: Int) -> SourcePosition {
        let clamped = min(max(offset, 0), bytes.count)
        let line = lineIndex(of: clamped)
        let start = lineStarts[line]
        var scalars = 0
        var utf16 = 0
        var index = start
        while index < clamped {
            let byte = bytes[index]
            let width: Int
            switch byte {
            case ..<0x80: width = 1
            case 0xC0..<0xE0: width = 2
            case 0xE0..<0xF0: width = 3
            case 0xF0...: width = 4
            default: width = 1
            }
            scalars += 1
            utf16 += width == 4 ? 2 : 1
            index += width
        }
        return SourcePosition(line: line + 1, column: scalars + 1, utf16Column: utf16 + 1, utf8Column: clamped - start + 1)
    }

    /// Byte offset of a 1-based line and 1-based UTF-16 column (LSP input), clamped to the line.
    public func offset(line: Int, utf16Column: Int) -> Int {
        guard line >= 1, line <= lineStarts.count else { return line < 1 ? 0 : bytes.count }
        let range = lineRange(line - 1)
        var index = range.start
        var units = 1
        while index < range.end, units < utf16Column {
            let byte = bytes[index]
            let width = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
            units += width == 4 ? 2 : 1
            index += width
        }
        return min(index, range.end)
    }
}

/// Questions about eight bytes at once, by the usual bit tricks.
public enum WordBytes {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// Whether some byte of `word` is zero.
    @inline(__always)
    static func hasZeroByte(_ word: UInt64) -> Bool {
        (word &- ones) & ~word & highBits != 0
    }

    /// Whether some byte of `word` is `\n` or `\r`.
    @inline(__always)
    public static func containsLineTerminator(_ word: UInt64) -> Bool {
        hasZeroByte(word ^ (ones &* 0x0A)) || hasZeroByte(word ^ (ones &* 0x0D))
    }

    /// Whether every byte of `word` is ASCII.
    @inline(__always)
    public static func isASCII(_ word: UInt64) -> Bool {
        word & highBits == 0
    }
}

extension Array where Element: BinaryInteger {
    /// In an ascending array of starts, the last index whose start is at most `value`
    /// (0 when none is): the line holding an offset, the file holding a call. Of equal
    /// starts the last wins, since only it can hold anything.
    func lastIndex(notAbove value: Int) -> Int {
        var low = 0
        var high = count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if Int(self[middle]) <= value { low = middle } else { high = middle - 1 }
        }
        return low
    }
}
