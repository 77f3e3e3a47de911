import ConchKit

extension ProjectModel {
    /// What each function reachable from `entries` holds to report (`items`, asked once per
    /// function the entries reach together, in file order), handed to the first entry, in
    /// order, whose own reach includes it. An entry's own reach is walked only while
    /// something is left to hand out, so with nothing to report none is.
    func firstReaching<Entry, Item>(from entries: [Entry], start: (Entry) -> FunctionID, items: (_ number: Int) -> [Item])
        -> [(entry: Entry, items: [Item])] {
        let graph = callGraph
        var pending: [Int: [Item]] = [:]
        for number in graph.reach(from: entries.compactMap { graph.number(of: start($0)) }).numbers {
            let found = items(number)
            if !found.isEmpty { pending[number] = found }
        }
        var handed: [(entry: Entry, items: [Item])] = []
        for entry in entries where !pending.isEmpty {
            guard let number = graph.number(of: start(entry)) else { continue }
            for reached in graph.reach(from: [number]).numbers {
                if let found = pending.removeValue(forKey: reached) { handed.append((entry, found)) }
            }
        }
        return handed
    }
}
