extension ProjectModel {
    /// The function a call's callee names, looked up as written and, for C, as
    /// the file's own `static` function first.
    public func resolve(_ callee: String, from file: FileFacts) -> FunctionID? {
        if file.language == .c, functionIndex[file.path + "::" + callee] != nil { return file.path + "::" + callee }
        return functionIndex[callee] != nil ? callee : nil
    }

    /// Workload of one function, classified through everything it calls.
    public func workload(of id: FunctionID) -> Workload {
        var classifier = WorkloadClassifier(model: self)
        return classifier.workload(of: id)
    }

    /// Workloads of many functions, sharing one pass over the call graph.
    public func workloads(of ids: [FunctionID]) -> [FunctionID: Workload] {
        var classifier = WorkloadClassifier(model: self)
        return Dictionary(ids.map { ($0, classifier.workload(of: $0)) }, uniquingKeysWith: { first, _ in first })
    }

    /// Every function reachable from `entries` through resolved calls, with the
    /// entry it was first reached from.
    public func reachable(from entries: [FunctionID]) -> [FunctionID: FunctionID] {
        var reachedFrom: [FunctionID: FunctionID] = [:]
        var queue: [(FunctionID, FunctionID)] = entries.filter { functionIndex[$0] != nil }.map { ($0, $0) }
        var head = 0
        while head < queue.count {
            let (id, entry) = queue[head]
            head += 1
            guard reachedFrom[id] == nil, let (file, function) = self.function(id) else { continue }
            reachedFrom[id] = entry
            for call in function.calls {
                if let callee = resolve(call.callee, from: file), reachedFrom[callee] == nil { queue.append((callee, entry)) }
            }
        }
        return reachedFrom
    }

    /// The loops of one function that count as CPU-bound by its own code (the
    /// classifier's hot loops), outer loops first.
    public func hotLoops(in function: FunctionFacts) -> [LoopFacts] {
        WorkloadClassifier.hotLoops(in: function)
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
