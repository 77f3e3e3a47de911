/// A table of dotted names: an entry ending in `.` matches every name under it
/// (`socket.`), any other entry matches itself and its attributes (`os.stat`,
/// `queue.Queue.get`). Matching hashes the name's dotted prefixes, however long the table.
public struct NameCatalog: Sendable {
    private let names: Set<Substring>
    private let modules: Set<Substring>

    public init(_ entries: [String]) {
        names = Set(entries.filter { !$0.hasSuffix(".") }.map { $0[...] })
        modules = Set(entries.filter { $0.hasSuffix(".") }.map { $0.dropLast() })
    }

    public func matches(_ callee: String) -> Bool {
        let utf8 = callee.utf8
        var index = utf8.startIndex
        while index < utf8.endIndex {
            if utf8[index] == UInt8(ascii: "."), names.contains(callee[..<index]) || modules.contains(callee[..<index]) { return true }
            index = utf8.index(after: index)
        }
        return names.contains(callee[...])
    }
}
