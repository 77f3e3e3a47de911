extension ProjectModel {
    /// The function a call's callee names, looked up as written and, for C, as
    /// the file's own `static` function first.
    public func resolve(_ callee: String, from file: FileFacts) -> FunctionID? {
        resolvedReference(callee, from: file)?.id
    }

    /// `resolve`, with where the function stands.
    func resolvedReference(_ callee: String, from file: FileFacts) -> (id: FunctionID, reference: FunctionReference)? {
        if file.language == .c {
            let own = file.path + "::" + callee
            if let reference = functionIndex[own] { return (own, reference) }
            // A project definition that only the project declares is a platform's replacement
            // (git's `compat/poll`), built where the callers see no library declaration.
            if file.libraryCallees.contains(callee), let reference = functionIndex[callee],
               !files[reference.file].functions[reference.function].definesLibraryFunction { return nil }
        }
        // As defined: the callee may name it as a package re-exports it.
        if let reference = functionIndex[callee] { return (files[reference.file].functions[reference.function].id, reference) }
        return file.language == .python ? initializer(of: callee) : nil
    }

    /// `ClusterNode(host, port)` runs the `__init__` the class or its nearest project base defines.
    private func initializer(of className: String) -> (id: FunctionID, reference: FunctionReference)? {
        // Most unresolved callees are library functions and methods, ruled out by their spelling.
        guard ClassNames.looksLikeClass(className) else { return nil }
        let hierarchy = classHierarchy
        guard hierarchy[className] != nil else { return nil }
        for ancestor in hierarchy.ancestors(of: className) {
            let id = ancestor + ".__init__"
            if let reference = functionIndex[id] { return (id, reference) }
        }
        return nil
    }

    /// Workload of one function, classified through everything it calls.
    public func workload(of id: FunctionID) -> Workload {
        var classifier = WorkloadClassifier(model: self)
        return classifier.workload(of: id)
    }

    /// Workload of the code of a function inside `range`: a fork child's branch.
    public func workload(of id: FunctionID, within range: ByteRange) -> Workload {
        var classifier = WorkloadClassifier(model: self)
        return classifier.workload(of: id, within: range)
    }

    /// Workload of what one start runs, from `known`, the function's own workload, and
    /// the integer constants the start hands it (`handedCounts(of:in:)`): with no
    /// CPU work known, a loop whose passes one of them sets (`countdown(n)`'s
    /// `while n > 0:`, started with `args=(10**7,)`) can make it CPU-bound.
    public func workload(of id: FunctionID, known: Workload, handed arguments: HandedCounts) -> Workload {
        guard known.cpu == nil, let evidence = countedLoop(in: id, handed: arguments) else { return known }
        return Workload(cpu: evidence, io: known.io, native: known.native)
    }

    /// A loop of function `id`'s own that computes and that the integer constants a call
    /// hands it (by parameter position) make run a thousand times or more:
    /// `crunch(10_000_000)` for `def crunch(n): for i in range(n): ...`.
    public func countedLoop(in id: FunctionID, handed arguments: HandedCounts) -> WorkloadEvidence? {
        var classifier = WorkloadClassifier(model: self)
        return classifier.countedLoop(in: id, handed: arguments)
    }

    /// `fib(30)` for `def fib(n): return fib(n - 1) + fib(n - 2)`: a function that calls
    /// itself twice on a count it takes down by a constant, handed a count of
    /// `deepRecursion` or more, makes hundreds of thousands of calls or more.
    public func countedRecursion(in id: FunctionID, handed counts: [Int: Int]) -> WorkloadEvidence? {
        guard let (file, function) = function(id), let index = function.branchingRecursion,
              !function.decorators.contains(where: WorkloadCatalog.memoizing.contains) else { return nil }
        let recursive = function.calls[Int(index)]
        let parameters = function.parameters
        let countsDown = counts.contains { position, value in
            guard value >= Self.deepRecursion, position < parameters.count,
                  let written = recursive.argument(at: position)?.text.filter({ $0 != " " }) else { return false }
            let step = written.dropFirst(parameters[position].count + 1)
            return written.hasPrefix(parameters[position] + "-") && !step.isEmpty && step.allSatisfy(\.isNumber)
        }
        guard countsDown else { return nil }
        return WorkloadEvidence(kind: .recursion, path: file.path, range: recursive.range, function: id, via: [])
    }

    /// Two calls per level, 25 levels down: fib(25) makes about 250,000 calls.
    private static let deepRecursion = 25

    /// Workloads of many functions, sharing one pass over the call graph.
    public func workloads(of ids: [FunctionID]) -> [FunctionID: Workload] {
        var classifier = WorkloadClassifier(model: self)
        return Dictionary(ids.map { ($0, classifier.workload(of: $0)) }, uniquingKeysWith: { first, _ in first })
    }

    /// A library function handed over as a task (`pool.map(requests.head, urls)`): the
    /// wait the catalog knows it for, placed at the call that hands it over, made in
    /// function `caller`. Nil for a function of the project, or one the catalog does not know.
    public func workload(ofLibraryTask callee: FunctionID, handedAt range: ByteRange, in file: FileFacts,
                         by caller: FunctionID) -> Workload? {
        guard functionIndex[callee] == nil, WorkloadCatalog.waits(callee) else { return nil }
        let wait = WorkloadEvidence(kind: .ioCall(callee), path: file.path, range: range, function: caller, via: [])
        return Workload(cpu: nil, io: wait, native: nil)
    }

    /// The resolved call graph, numbered; built by the first analysis that asks.
    public var callGraph: CallGraph {
        shared(CallGraph.self) { CallGraph(self) }
    }

    /// Every function reachable from `entries` through resolved calls, entries included.
    public func reachable(from entries: [FunctionID]) -> FunctionSet {
        let graph = callGraph
        return graph.reach(from: entries.compactMap(graph.number))
    }

    /// The loops of one function of `file` that count as CPU-bound (the classifier's
    /// hot loops): by their own code, and calling no function of the project that
    /// waits or runs native code. Outer loops first.
    public func hotLoops(in function: FunctionFacts, of file: FileFacts) -> [LoopFacts] {
        var classifier = WorkloadClassifier(model: self)
        return classifier.hotLoops(in: function, of: file)
    }

    /// A hot loop of the function whose count is written in it and long
    /// (`sum(i * i for i in range(10 ** 7))`): work as sure, wherever it is called from,
    /// as a count a caller hands over. Outermost first.
    public func longWrittenLoop(in id: FunctionID) -> WorkloadEvidence? {
        guard let (file, function) = function(id),
              let loop = hotLoops(in: function, of: file).first(where: { loop in
                  if case let .constant(count) = loop.bound { return count >= WorkloadClassifier.longCount }
                  return false
              }) else { return nil }
        return WorkloadEvidence(kind: .hotLoop, path: file.path, range: loop.headerRange, function: id, via: [])
    }

    /// Every spawn site in the project with the file it stands in.
    public var spawnSites: [(file: FileFacts, site: SpawnSite)] {
        files.flatMap { file in file.spawnSites.map { (file, $0) } }
    }

    /// Event-loop frameworks the project starts, with where.
    public var eventLoopRuns: [(file: FileFacts, marker: EventLoopMarker)] {
        files.flatMap { file in file.eventLoops.filter { $0.kind == .run }.map { (file, $0) } }
    }
}
