import ConchKit

/// Whether an access certainly happens before some thread or process starts: then it
/// cannot race with it. Only orderings visible in the text of the starting function
/// (or of module-level code), through start-up helpers up to three calls deep, are trusted.
struct StartOrdering {
    let model: ProjectModel
    /// Functions holding a start of the entries asked about (module bodies by their module name).
    private let starters: Set<FunctionID>
    /// Per file: the offset of the first module-level statement that starts one of the entries.
    private var firstModuleStart: [String: Int?] = [:]
    /// Functions from which a call chain leads to one of the starters. Built when first needed.
    private var leadsToStart: FunctionSet?
    /// Per function, by place (two `main`s share a number): where it starts an entry or
    /// calls toward a start. Built when first needed.
    private var leadingCalls: [Place: [Int]] = [:]
    /// Threads that join the main thread, after which it runs no more.
    var mainThreadJoins: MainThreadJoins

    private struct Place: Hashable {
        let file: Int
        let function: Int
    }

    init(model: ProjectModel, entries: [ExecutionContexts.Entry]) {
        self.model = model
        mainThreadJoins = MainThreadJoins(model)
        starters = Set(entries.flatMap(\.starts).map { $0.file.functions[$0.site.function].id })
    }

    /// The access runs before `entry` is started: in the starting function above the start
    /// (and outside the loop that starts it), or in module-level code that runs before
    /// anything at module level leads to a start.
    mutating func precedes(_ located: GlobalAccessIndex.Located, startsOf entry: ExecutionContexts.Entry) -> Bool {
        if precedes(file: located.file, function: located.function, offset: located.access.range.start, entry) { return true }
        let function = model.files[located.file].functions[located.function]
        // Each call of a function makes its closures' variables anew: one it sets before
        // every call of its own that leads to a start (yt-dlp's `heartbeat_state = [None, 1]`
        // above `heartbeat()`, which arms the timer) is set before any thread of that call.
        if located.access.closureOwner == function.id,
           !callsLeadingToStarts(file: located.file, function: located.function).isEmpty,
           precedesEveryLeadingCall(file: located.file, function: located.function, offset: located.access.range.start) {
            return true
        }
        guard function.kind != .module, let number = model.callGraph.number(of: function.id) else { return false }
        var visited: Set<Int> = []
        if everyCallPrecedes(number, entry, depth: Self.helperDepth, visited: &visited) { return true }
        var known: [Place: Bool] = [:]
        return model.files[located.file].language == .c
            && runsBeforeAnyStart(file: located.file, function: located.function, offset: located.access.range.start,
                                  depth: Self.helperDepth, known: &known)
    }

    /// C set-up before the calls that lead to a start: uwsgi's `uwsgi_setup` clears `uwsgi`
    /// with `memset` before it calls `uwsgi_start`, which goes on to start the threads, and
    /// `main` calls `uwsgi_setup` before anything else that starts one. The access comes
    /// before every call in its function that leads to a start (outside any loop around
    /// one), in `main` or in a function each call of which does the same.
    private mutating func runsBeforeAnyStart(file fileIndex: Int, function: Int, offset: Int, depth: Int, known: inout [Place: Bool]) -> Bool {
        guard let number = model.number(file: fileIndex, function: function),
              precedesEveryLeadingCall(file: fileIndex, function: function, offset: offset) else { return false }
        let facts = model.files[fileIndex].functions[function]
        // Whether the function itself runs before any start is the same for every offset;
        // by place, since two `main`s (or two `usage`s of two programs) share a number.
        let place = Place(file: fileIndex, function: function)
        if let answer = known[place] { return answer }
        known[place] = false
        let callers = model.callSites.byCallee[number]
        let answer = callers.isEmpty ? facts.name == "main" : depth > 1 && callers.allSatisfy { caller in
            runsBeforeAnyStart(file: caller.file, function: caller.function, offset: caller.offset, depth: depth - 1, known: &known)
        }
        known[place] = answer
        return answer
    }

    /// The offset comes before every place in the function that starts an entry or calls
    /// toward a start, outside any loop around both. A caller's own call site leads to the
    /// start too: it is where the callee's earlier code runs.
    private mutating func precedesEveryLeadingCall(file fileIndex: Int, function: Int, offset: Int) -> Bool {
        let facts = model.files[fileIndex].functions[function]
        return callsLeadingToStarts(file: fileIndex, function: function).allSatisfy { start in
            offset <= start && !facts.loops.contains { $0.range.contains(offset) && $0.range.contains(start) }
        }
    }

    /// Where the function starts one of the entries, or calls a function that leads to a start.
    private mutating func callsLeadingToStarts(file fileIndex: Int, function: Int) -> [Int] {
        let place = Place(file: fileIndex, function: function)
        if let known = leadingCalls[place] { return known }
        let file = model.files[fileIndex]
        let graph = model.callGraph
        let leading = leadsToStarters()
        var offsets = file.spawnSites.filter { $0.function == function }.map(\.range.start)
        for (callIndex, call) in file.functions[function].calls.enumerated() {
            if let callee = graph.callee(file: fileIndex, function: function, call: callIndex), leading.contains(callee) {
                offsets.append(call.range.start)
            }
        }
        leadingCalls[place] = offsets
        return offsets
    }

    /// `main` → `parse_options` → `init_options` (ag): the calls a helper runs through.
    private static let helperDepth = 3

    /// A start-up helper (`setup()` called above the start) runs before it too, when every
    /// call to it does: one above the start, or one in a helper that itself runs before it.
    private mutating func everyCallPrecedes(_ number: Int, _ entry: ExecutionContexts.Entry, depth: Int, visited: inout Set<Int>) -> Bool {
        let callers = model.callSites.byCallee[number]
        guard !callers.isEmpty, visited.insert(number).inserted else { return false }
        for caller in callers where !precedes(file: caller.file, function: caller.function, offset: caller.offset, entry) {
            guard depth > 1, let callerNumber = model.number(file: caller.file, function: caller.function),
                  everyCallPrecedes(callerNumber, entry, depth: depth - 1, visited: &visited) else { return false }
        }
        return true
    }

    private mutating func precedes(file fileIndex: Int, function: Int, offset: Int, _ entry: ExecutionContexts.Entry) -> Bool {
        let file = model.files[fileIndex]
        if ExecutionContexts.precedesStart(of: entry, file, function, at: offset) { return true }
        guard file.functions[function].kind == .module else { return false }
        guard let start = firstStart(inModuleOf: fileIndex) else { return true }
        return offset < start
    }

    private mutating func firstStart(inModuleOf fileIndex: Int) -> Int? {
        let file = model.files[fileIndex]
        if let known = firstModuleStart[file.path] { return known }
        guard let module = file.functions.first else { return nil }
        var first: Int?
        if starters.contains(module.id) {
            first = file.spawnSites.filter { $0.function == 0 }.map(\.range.start).min()
        }
        let graph = model.callGraph
        let leading = leadsToStarters()
        for (callIndex, call) in module.calls.enumerated() where first.map({ call.range.start < $0 }) ?? true {
            guard let callee = graph.callee(file: fileIndex, function: 0, call: callIndex), leading.contains(callee) else { continue }
            first = call.range.start
        }
        firstModuleStart[file.path] = first
        return first
    }

    private mutating func leadsToStarters() -> FunctionSet {
        if let leadsToStart { return leadsToStart }
        let graph = model.callGraph
        let computed = graph.reaching(starters.compactMap(graph.number))
        leadsToStart = computed
        return computed
    }
}
