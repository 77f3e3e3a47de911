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

    init(model: ProjectModel, entries: [ExecutionContexts.Entry]) {
        self.model = model
        starters = Set(entries.flatMap(\.starts).map { $0.file.functions[$0.site.function].id })
    }

    /// The access runs before `entry` is started: in the starting function above the start
    /// (and outside the loop that starts it), or in module-level code that runs before
    /// anything at module level leads to a start.
    mutating func precedes(_ located: GlobalAccessIndex.Located, startsOf entry: ExecutionContexts.Entry) -> Bool {
        if precedes(file: located.file, function: located.function, offset: located.access.range.start, entry) { return true }
        let function = model.files[located.file].functions[located.function]
        guard function.kind != .module, let number = model.callGraph.number(of: function.id) else { return false }
        var visited: Set<Int> = []
        return everyCallPrecedes(number, entry, depth: Self.helperDepth, visited: &visited)
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
