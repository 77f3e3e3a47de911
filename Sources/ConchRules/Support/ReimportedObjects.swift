import ConchKit

/// `lock = multiprocessing.Lock()` (or a `Value`, a `Queue`) made by the module, and used
/// by its global name in a child process: under the spawn and forkserver start methods
/// (macOS, Windows, and Linux from Python 3.14) the child runs the module again and gets
/// a new object of its own, so the processes share nothing through it. A global first
/// bound inside the `__main__` block (any value) the child has not at all. Under `fork`
/// both are inherited, which is why the program works where it was written.
enum ReimportedObjects {
    struct Use {
        var entry: ExecutionContexts.Entry
        var file: FileFacts
        var function: FunctionFacts
        var access: GlobalAccess
        var global: GlobalVariable
    }

    static func uses(_ model: ProjectModel, children: [ExecutionContexts.Entry]) -> [Use] {
        let forking = forkingFiles(model)
        let fresh = children.filter { entry in
            entry.branch == nil && entry.starts.contains { startsAFreshInterpreter($0) && !forking.contains($0.file.path) }
        }
        guard !fresh.isEmpty else { return [] }
        let objects = processObjects(model)
        guard !objects.isEmpty else { return [] }
        var found: [Use] = []
        // Each child's first use of each global, once per place: a helper two children call is one finding.
        var reported: Set<String> = []
        var places: Set<String> = []
        // Children share most of what they reach: each function's uses are looked up once, by number.
        let graph = model.callGraph
        var usesByFunction: [Int: [(access: GlobalAccess, global: GlobalVariable)]] = [:]
        for entry in fresh {
            for number in entry.reached.numbers {
                let reference = graph.references[number]
                let file = model.files[reference.file]
                guard file.language == .python else { continue }
                let function = file.functions[reference.function]
                let uses = usesByFunction[number] ?? function.globalAccesses.compactMap { access in objects[access.variable].map { (access, $0) } }
                usesByFunction[number] = uses
                for (access, global) in uses {
                    guard reported.insert(entry.id + "\u{0}" + access.variable).inserted,
                          places.insert(file.path + ":" + String(access.range.start)).inserted else { continue }
                    found.append(Use(entry: entry, file: file, function: function, access: access, global: global))
                }
            }
        }
        return found
    }

    /// A `Process` or a process pool: a `fork()` of the program's own, or a forking
    /// server's child, inherits everything.
    private static func startsAFreshInterpreter(_ start: ExecutionContexts.Start) -> Bool {
        (start.site.kind == .process || start.site.kind == .processPool) && !start.site.startsPerRequest
    }

    /// The project's module-level `multiprocessing` objects, and any global first bound in
    /// the `__main__` block.
    private static func processObjects(_ model: ProjectModel) -> [String: GlobalVariable] {
        moduleObjects(model) { file, global in
            let inMainBlock = file.mainGuards.contains { $0.contains(global.range.start) }
            let type = global.typeName ?? ""
            let isProcessObject = ProcessAPIs.inheritedOnly.contains(type) || ProcessAPIs.sharedObjects.contains(type)
            // A manager made at module level is CON205's; its proxies made in the `__main__` block are missing from the child.
            return inMainBlock || (isProcessObject && !type.hasPrefix("multiprocessing.managers."))
        }
    }

    /// The project's module-level globals that `chosen` picks, by qualified name; but those a
    /// function binds again (a pool's `initializer` setting the global it was handed).
    static func moduleObjects(_ model: ProjectModel, _ chosen: (FileFacts, GlobalVariable) -> Bool) -> [String: GlobalVariable] {
        var objects: [String: GlobalVariable] = [:]
        for file in model.files where file.language == .python {
            for global in file.globals where chosen(file, global) {
                objects[file.moduleName + "." + global.name] = global
            }
        }
        guard !objects.isEmpty else { return [:] }
        let index = model.globalAccessIndex
        return objects.filter { variable, _ in
            !(index.accesses[variable] ?? []).contains { $0.access.kind == .rebind && model.files[$0.file].functions[$0.function].kind != .module }
        }
    }

    /// The files of the programs that call `multiprocessing.set_start_method("fork")` or
    /// `multiprocessing.get_context("fork")`: the module that calls it and those it imports
    /// chose to inherit.
    private static func forkingFiles(_ model: ProjectModel) -> Set<String> {
        var callers: Set<Int> = []
        model.forEachCall(toAnyOf: ["multiprocessing.set_start_method", "multiprocessing.get_context"]) { file, _, call in
            if call.arguments.first.map({ $0.text == "\"fork\"" || $0.text == "'fork'" }) == true { callers.insert(file) }
        }
        guard !callers.isEmpty else { return [] }
        let imports = model.importGraph
        return Set(callers.flatMap { imports.closure(from: $0) }.map { model.files[$0].path })
    }
}
