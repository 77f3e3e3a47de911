/// Python: `RepeatedTimer(15, beat)` where `class RepeatedTimer(threading.Thread)` stands
/// in another module of the project (or derives from a project class that does), and
/// `LiveReloadServer(host, port)` where the class is built on `socketserver.ThreadingMixIn`. The
/// scanner of the calling file sees neither the class's ancestry nor its `run`; here
/// every class's is known, and constructing one is a start, as the scanner counts one
/// for a class of its own file.
enum InheritedStarts {
    /// The project's classes, and the starting base of each that has one: what the join
    /// needs that no call tells, worked out beside the function index and the callee table.
    struct Classes: Sendable {
        var hierarchy: ClassHierarchy
        var starting: [String: StartingBase]

        init(_ files: [FileFacts], reexports: ReexportedNames) {
            hierarchy = ClassHierarchy(files, reexports: reexports)
            var starting: [String: StartingBase] = [:]
            var known: [String: StartingBase?] = [:]
            for name in hierarchy.names {
                if let base = InheritedStarts.startingBase(of: name, hierarchy, known: &known) { starting[name] = base }
            }
            for (alias, original) in hierarchy.aliases { starting[alias] = starting[original] }
            self.starting = starting
        }
    }

    static func join(_ files: inout [FileFacts], classes: Classes, knownFunctions: FunctionIndex,
                     callees: CalleeTable) {
        let starting = classes.starting
        guard !starting.isEmpty else { return }
        var added: [Int: [SpawnSite]] = [:]
        for place in callees.places(of: callees.numbers(of: starting.keys)) {
            let call = files[place.file].functions[place.function].calls[place.call]
            guard call.isResolved, let base = starting[call.callee] else { continue }
            guard !base.startsPerRequest else {
                // A forking server waits for its children once `max_children` (40) of them run.
                var site = SpawnSite(kind: base.kind, api: call.callee, entry: .none, range: call.range, function: place.function,
                                     loop: call.loop, isBounded: base.kind == .process)
                site.startsPerRequest = true
                added[place.file, default: []].append(site)
                continue
            }
            added[place.file, default: []].append(SpawnSite(kind: base.kind, api: base.base, entry: entry(of: call, classes.hierarchy, knownFunctions),
                                                            range: call.range, function: place.function, loop: call.loop, isBounded: false))
        }
        for (index, sites) in added {
            // The scanner already starts the classes whose ancestry the calling file shows.
            let known = Set(files[index].spawnSites.map(\.range))
            let new = sites.filter { !known.contains($0.range) }
            guard !new.isEmpty else { continue }
            files[index].spawnSites.append(contentsOf: new)
            files[index].spawnSites.sort { $0.range.start < $1.range.start }
        }
    }

    /// The first starting base up the class's ancestry, across the project's modules;
    /// each class's answer is kept for the classes built on it.
    static func startingBase(of name: String, _ classes: ClassHierarchy, known: inout [String: StartingBase?]) -> StartingBase? {
        if let answer = known[name] { return answer }
        guard let facts = classes[name] else { return nil }
        known[name] = .some(nil)
        var answer = facts.startsAs
        for base in facts.bases where answer == nil { answer = startingBase(of: base, classes, known: &known) }
        known[name] = answer
        return answer
    }

    /// What the started instance runs: the nearest `run` the project defines for it, else
    /// the function handed as `target=`.
    private static func entry(of call: CallFacts, _ classes: ClassHierarchy,
                              _ knownFunctions: FunctionIndex) -> SpawnSite.Entry {
        if let run = classes.ancestors(of: call.callee).map({ $0 + ".run" }).first(where: { knownFunctions[$0] != nil }) {
            return .function(run)
        }
        guard let target = call.handedFunction(keyword: "target", position: nil), knownFunctions[target] != nil else { return .none }
        return .function(target)
    }
}
