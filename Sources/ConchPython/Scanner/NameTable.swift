/// Interns spans of a file's bytes (its NAME tokens, repeated texts): each distinct
/// spelling is decoded into a `String` once, and every later question about it is
/// an array lookup.
struct NameTable {
    private(set) var names: [String] = []
    private var spans: [(start: Int, end: Int)] = []
    /// Open addressing: name id + 1 per slot, 0 for empty.
    private var slots = [Int32](repeating: 0, count: 256)
    private var hashes: [UInt64] = []

    /// Raw bytes: this runs once per NAME token, and bounds checks would double its cost.
    mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int32 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for index in start..<end {
            hash = (hash ^ UInt64(bytes[index])) &* 0x0000_0100_0000_01B3
        }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 {
            let id = Int(slots[slot] - 1)
            if hashes[id] == hash, Self.same(bytes, spans[id], start, end) { return Int32(id) }
            slot = (slot + 1) & mask
        }
        let id = Int32(names.count)
        let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        names.append(name)
        spans.append((start, end))
        hashes.append(hash)
        slots[slot] = id + 1
        if names.count * 2 > slots.count { grow() }
        return id
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for (id, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(id + 1)
        }
    }

    private static func same(_ bytes: UnsafeBufferPointer<UInt8>, _ span: (start: Int, end: Int), _ start: Int, _ end: Int) -> Bool {
        guard span.end - span.start == end - start else { return false }
        var offset = 0
        while offset < end - start {
            if bytes[span.start + offset] != bytes[start + offset] { return false }
            offset += 1
        }
        return true
    }
}

/// Whether interned names belong to a fixed set, worked out the first time each name is
/// asked about: a file asks about few of its names, and each of them many times.
struct NameSetMembership {
    private let set: Set<String>
    private let names: NameTable
    private enum Answer: UInt8 { case unknown, no, yes }
    private var answers: [Answer]

    init(_ set: Set<String>, names: NameTable) {
        self.set = set
        self.names = names
        answers = Array(repeating: .unknown, count: names.names.count)
    }

    mutating func contains(_ id: Int32) -> Bool {
        let index = Int(id)
        if answers[index] == .unknown { answers[index] = set.contains(names.names[index]) ? .yes : .no }
        return answers[index] == .yes
    }
}
