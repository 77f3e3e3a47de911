import ConchKit

/// Which globals a body of code writes, and how: enough to tell whether a guard
/// on a global, or on some of its bits, can change while that code runs.
struct WriteSummary {
    /// Per written path: the bits its writes set or clear, or nil once one write replaces more.
    private var exact: [String: Int?] = [:]
    /// Paths around a written member: `server` when `server.mode` is written.
    private var enclosing: Set<String> = []

    mutating func add(_ access: GlobalAccess) {
        let paths = GuardedReach.enclosingPaths(of: access.path)
        let mask: Int? = if case .globalBits(_, let mask)? = access.leaves?.subject { mask } else { nil }
        if let known = exact[paths[0]] {
            exact[paths[0]] = .some(known.flatMap { bits in mask.map { bits | $0 } })
        } else {
            exact[paths[0]] = .some(mask)
        }
        enclosing.formUnion(paths.dropFirst())
    }

    /// Whether the writes may change what a guard keyed by `key` (`GuardedReach.trustKey`) reads.
    func mayChange(key: String) -> Bool {
        let (name, mask) = Self.split(key)
        if enclosing.contains(name) { return true }
        let paths = GuardedReach.enclosingPaths(of: name)
        if paths.dropFirst().contains(where: { exact[$0] != nil }) { return true }
        guard let written = exact[name] else { return false }
        guard let mask, let bits = written else { return true }
        return bits & mask != 0
    }

    /// `global.mode&1` -> (`global.mode`, 1); `server.mode` -> (`server.mode`, nil).
    static func split(_ key: String) -> (name: String, mask: Int?) {
        guard let ampersand = key.lastIndex(of: "&"), let mask = Int(key[key.index(after: ampersand)...]) else { return (key, nil) }
        return (String(key[..<ampersand]), mask)
    }
}
