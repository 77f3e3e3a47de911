import ConchKit

/// A C thread that joins the main thread (squashfs's restore thread cancels every other
/// thread, then `pthread_join(main_thread, NULL)`, where the main thread stored
/// `main_thread = pthread_self()` in a global): what it runs after that join runs once
/// the main thread has ended.
struct MainThreadJoins {
    private let model: ProjectModel
    /// Globals that code only the main thread runs stores its own thread's handle in.
    private let handles: Set<String>
    /// Per entry: where it joins the main thread, and what its calls before that reach.
    private var joins: [FunctionID: (offset: Int, before: FunctionSet)?] = [:]

    init(_ model: ProjectModel) {
        self.model = model
        var handles: Set<String> = []
        let contexts = model.executionContexts
        // The callee table finds the few calls of `pthread_self` without a look at every call.
        model.forEachCall(toAnyOf: ["pthread_self"]) { fileIndex, functionIndex, call in
            let file = model.files[fileIndex]
            let function = file.functions[functionIndex]
            // Stored by code only the main thread runs, in a global.
            guard file.language == .c, let name = call.boundName, contexts.mainSide?.contains(function.id) ?? false,
                  !contexts.threads.contains(where: { $0.reached.contains(function.id) }),
                  function.globalAccesses.contains(where: { $0.isWrite && ($0.variable == name || $0.variable.hasSuffix("::" + name)) })
            else { return }
            handles.insert(name)
        }
        self.handles = handles
    }

    /// Whether `entry`'s thread makes the access at `offset` of `function` only after it
    /// has joined the main thread: later in its own code, or in a function only its
    /// calls after the join reach.
    mutating func followsTheMainThreadsEnd(_ offset: Int, in function: FunctionID, entry: ExecutionContexts.Entry) -> Bool {
        guard !handles.isEmpty, let join = join(of: entry) else { return false }
        if function == entry.id { return offset > join.offset }
        guard let number = model.callGraph.number(of: function) else { return false }
        return !join.before.contains(number)
    }

    private mutating func join(of entry: ExecutionContexts.Entry) -> (offset: Int, before: FunctionSet)? {
        if let known = joins[entry.id] { return known }
        var found: (offset: Int, before: FunctionSet)?
        if let reference = model.functionIndex[entry.id] {
            let function = model.files[reference.file].functions[reference.function]
            if let join = function.calls.first(where: { ["pthread_join", "thrd_join"].contains($0.callee)
                && $0.argument(at: 0).map { handles.contains($0.text) } ?? false }) {
                let graph = model.callGraph
                let roots = function.calls.indices.filter { function.calls[$0].range.start < join.range.start }
                    .compactMap { graph.callee(file: reference.file, function: reference.function, call: $0) }
                found = (join.range.end, graph.reach(from: roots))
            }
        }
        joins[entry.id] = .some(found)
        return found
    }
}
