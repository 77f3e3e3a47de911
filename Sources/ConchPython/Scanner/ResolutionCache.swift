import ConchKit

/// A dotted chain of up to four names, as interned ids, in one scope.
struct ChainKey: Equatable {
    var scope: Int32
    var withClass: Bool
    var names: (Int32, Int32, Int32, Int32)

    static func == (lhs: ChainKey, rhs: ChainKey) -> Bool {
        lhs.scope == rhs.scope && lhs.withClass == rhs.withClass && lhs.names.0 == rhs.names.0
            && lhs.names.1 == rhs.names.1 && lhs.names.2 == rhs.names.2 && lhs.names.3 == rhs.names.3
    }

    static let empty = ChainKey(scope: -1, withClass: false, names: (-1, -1, -1, -1))

    var mixedHash: UInt64 {
        let seed = UInt64(UInt32(bitPattern: scope)) | (withClass ? 1 << 32 : 0)
        return mix(mix(mix(mix(seed, names.0), names.1), names.2), names.3)
    }

    private func mix(_ hash: UInt64, _ name: Int32) -> UInt64 {
        MultiplicativeHash.mix(hash, UInt64(UInt32(bitPattern: name)))
    }
}

/// Chain resolutions by `ChainKey`: open addressing, and a generation count so that
/// forgetting everything, which happens at every new binding, costs nothing.
struct ResolutionCache {
    private static let unresolved = Resolved(name: "", isResolved: false)
    /// Most files resolve a few hundred distinct chains: start there rather than grow to it.
    private static let initialCapacity = 512
    private var keys = Array(repeating: ChainKey.empty, count: initialCapacity)
    private var values = Array(repeating: unresolved, count: initialCapacity)
    /// The generation each slot was written in; older slots are empty.
    private var written = [UInt32](repeating: 0, count: initialCapacity)
    private var generation: UInt32 = 1
    private var count = 0

    subscript(key: ChainKey) -> Resolved? {
        get {
            var slot = slot(of: key)
            while written[slot] == generation {
                if keys[slot] == key { return values[slot] }
                slot = (slot + 1) & (written.count - 1)
            }
            return nil
        }
        set {
            guard let newValue else { return }
            insert(key, newValue)
            if count * 2 > written.count { grow() }
        }
    }

    mutating func removeAll() {
        generation &+= 1
        count = 0
        if generation == 0 {
            written = Array(repeating: 0, count: written.count)
            generation = 1
        }
    }

    private func slot(of key: ChainKey) -> Int {
        Int(truncatingIfNeeded: key.mixedHash) & (written.count - 1)
    }

    private mutating func insert(_ key: ChainKey, _ value: Resolved) {
        var slot = slot(of: key)
        while written[slot] == generation {
            if keys[slot] == key {
                values[slot] = value
                return
            }
            slot = (slot + 1) & (written.count - 1)
        }
        written[slot] = generation
        keys[slot] = key
        values[slot] = value
        count += 1
    }

    private mutating func grow() {
        let live = written.indices.filter { written[$0] == generation }.map { (keys[$0], values[$0]) }
        let capacity = written.count * 2
        written = Array(repeating: 0, count: capacity)
        keys = Array(repeating: ChainKey.empty, count: capacity)
        values = Array(repeating: Self.unresolved, count: capacity)
        generation = 1
        count = 0
        for (key, value) in live { insert(key, value) }
    }
}
