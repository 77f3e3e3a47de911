import ConchKit

/// Whether an access certainly happens before some thread or process starts: then it
/// cannot race with it. Only orderings visible in one function's text are trusted.
struct StartOrdering {
    let model: ProjectModel
    /// Functions holding a start of the entries asked about (module bodies by their module name).
    private let starters: Set<FunctionID>
    /// Per file: the offset of the first module-level statement that starts one of the entries.
    private var firstModuleStart: [String: Int?] = [:]
    private var reachesStarter: [FunctionID: Bool] = [:]

    init(model: ProjectModel, entries: [ExecutionContexts.Entry]) {
        self.model = model
        starters = Set(entries.flatMap(\.starts).map { $0.file.functions[$0.site.function].id })
    }

    /// The access runs before `entry` is started: in the starting function above the start
    /// (and outside the loop that starts it), or in module-level code that runs before
    /// anything at module level leads to a start.
    mutating func precedes(_ located: GlobalAccessIndex.Located, startsOf entry: ExecutionContexts.Entry) -> Bool {
        let file = model.files[located.file]
        let offset = located.access.range.start
        if ExecutionContexts.precedesStart(of: entry, file, located.function, at: offset) { return true }
        guard file.functions[located.function].kind == .module else { return false }
        guard let start = firstStart(inModuleOf: located.file) else { return true }
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
        for call in module.calls where first.map({ call.range.start < $0 }) ?? true {
            guard let callee = model.resolve(call.callee, from: file), leadsToStart(callee) else { continue }
            first = call.range.start
        }
        firstModuleStart[file.path] = first
        return first
    }

    private mutating func leadsToStart(_ id: FunctionID) -> Bool {
        if let known = reachesStarter[id] { return known }
        let result = !starters.isDisjoint(with: model.reachable(from: [id]).keys)
        reachesStarter[id] = result
        return result
    }
}
