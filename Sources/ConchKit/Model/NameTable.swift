/// Interns spans of a file's bytes (its NAME tokens, repeated texts): each distinct
/// spelling is decoded into a `String` once, and every later question about it is
/// an array lookup. A table can intern whole strings instead (never both): its
/// multiplicative hash over the bytes costs less than the SipHash of a `Set<String>`.
///
/// Public and inlinable for the front ends, which intern every NAME token.
public struct NameTable: Sendable {
    public private(set) var names: [String] = []
    @usableFromInline var spans: [(start: Int, end: Int)] = []
    /// Open addressing: name id + 1 per slot, 0 for empty.
    @usableFromInline var slots = [Int32](repeating: 0, count: 256)
    @usableFromInline var hashes: [UInt64] = []

    public init() {}

    /// Raw bytes: this runs once per NAME token, and bounds checks would double its cost.
    @inlinable
    public mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int32 {
        let hash = Self.hash(bytes, start, end)
        let (found, slot) = find(hash) { Self.same(bytes, spans[$0], start, end) }
        if let found { return found }
        return add(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self),
                   hash: hash, span: (start, end), slot: slot)
    }

    /// The one copy of `text` this table holds.
    public mutating func intern(_ text: String) -> String {
        names[Int(id(of: text))]
    }

    /// The id of `text`, added if new.
    public mutating func id(of text: String) -> Int32 {
        let (found, slot, hash) = lookUp(text)
        return found ?? add(text, hash: hash, span: nil, slot: slot)
    }

    /// The id of `text` if the table holds it.
    public func existingID(of text: String) -> Int32? {
        lookUp(text).id
    }

    private func lookUp(_ text: String) -> (id: Int32?, slot: Int, hash: UInt64) {
        var contiguous = text
        let hash = contiguous.withUTF8 { Self.hash($0, 0, $0.count) }
        let (found, slot) = find(hash) { names[$0] == text }
        return (found, slot, hash)
    }

    /// Eight bytes per multiply: a byte-at-a-time hash spent most of interning's time
    /// waiting on its chain of multiplies.
    @inlinable
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UInt64 {
        var hash = UInt64(end - start) &* 0x9E37_79B9_7F4A_7C15
        var index = start
        if let base = UnsafeRawPointer(bytes.baseAddress) {
            while index + 8 <= end {
                hash = MultiplicativeHash.mix(hash, base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                index += 8
            }
        }
        guard index < end else { return hash }
        if index + 8 <= bytes.count, let base = UnsafeRawPointer(bytes.baseAddress) {
            // Most names are shorter than a word: one load, the bytes past the end masked off.
            let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            return MultiplicativeHash.mix(hash, word & (UInt64.max >> (64 - 8 * UInt64(end - index))))
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while index < end {
            tail |= UInt64(bytes[index]) << shift
            shift += 8
            index += 1
        }
        return MultiplicativeHash.mix(hash, tail)
    }

    /// The id of the entry with this hash that `matches`, else the empty slot to add it in.
    @inlinable
    func find(_ hash: UInt64, matches: (Int) -> Bool) -> (id: Int32?, slot: Int) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 {
            let id = Int(slots[slot] - 1)
            if hashes[id] == hash, matches(id) { return (Int32(id), slot) }
            slot = (slot + 1) & mask
        }
        return (nil, slot)
    }

    @usableFromInline
    mutating func add(_ name: String, hash: UInt64, span: (start: Int, end: Int)?, slot: Int) -> Int32 {
        let id = Int32(names.count)
        names.append(name)
        // A table of whole strings keeps no spans: a project's callee table holds hundreds of thousands.
        if let span { spans.append(span) }
        hashes.append(hash)
        slots[slot] = id + 1
        if names.count * 2 > slots.count { grow() }
        return id
    }

    @usableFromInline
    mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for (id, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(id + 1)
        }
    }

    @inlinable
    static func same(_ bytes: UnsafeBufferPointer<UInt8>, _ span: (start: Int, end: Int), _ start: Int, _ end: Int) -> Bool {
        let length = end - start
        guard span.end - span.start == length else { return false }
        var offset = 0
        if let base = UnsafeRawPointer(bytes.baseAddress) {
            while offset + 8 <= length {
                guard base.loadUnaligned(fromByteOffset: span.start + offset, as: UInt64.self)
                    == base.loadUnaligned(fromByteOffset: start + offset, as: UInt64.self) else { return false }
                offset += 8
            }
        }
        while offset < length {
            if bytes[span.start + offset] != bytes[start + offset] { return false }
            offset += 1
        }
        return true
    }
}

/// Whether interned names belong to a fixed set, worked out the first time each name is
/// asked about: a file asks about few of its names, and each of them many times.
public struct NameSetMembership {
    private let set: Set<String>
    private let names: NameTable
    private enum Answer: UInt8 { case unknown, no, yes }
    private var answers: [Answer]

    public init(_ set: Set<String>, names: NameTable) {
        self.set = set
        self.names = names
        answers = Array(repeating: .unknown, count: names.names.count)
    }

    public mutating func contains(_ id: Int32) -> Bool {
        let index = Int(id)
        if answers[index] == .unknown { answers[index] = set.contains(names.names[index]) ? .yes : .no }
        return answers[index] == .yes
    }
}
