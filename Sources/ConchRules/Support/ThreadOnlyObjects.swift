import ConchKit

/// A thread's lock, event or queue made by the module (`lock = threading.Lock()`,
/// `results = queue.Queue()`) and used by its global name in a child process. Under every
/// start method the child works on its own copy (fork copies the object, spawn makes it
/// again), so nothing passes through it between processes: a child's `put` never reaches
/// the parent's `get`, the parent's `set()` never wakes a child's `wait()`, and children
/// that each take the lock never wait for one another. The worker interpreters of an
/// `InterpreterPoolExecutor` each import the module and make their own, to the same effect.
enum ThreadOnlyObjects {
    struct Use {
        /// The child's use of the global, as the spawn check records one.
        var site: ReimportedObjects.Use
        var role: Role
        /// The parent's side of the exchange (its `get()`, its `set()`); nil for a lock
        /// that several children take.
        var counterpart: GlobalAccessIndex.Located?
    }

    enum Role {
        /// A child puts into a queue or sets an event that the parent reads.
        case sends
        /// A child waits on an event that the parent sets after the start.
        case waits
        /// A child's own target takes a lock (or waits at a barrier) that other processes take too.
        case locks
    }

    static func uses(_ model: ProjectModel, contexts: ExecutionContexts, index: GlobalAccessIndex) -> [Use] {
        // A task queue's worker is no child: the advice, a `multiprocessing` twin handed to it, cannot reach one.
        let children = contexts.children.filter { $0.branch == nil && $0.worker == nil }
        guard !children.isEmpty else { return [] }
        let objects = ReimportedObjects.moduleObjects(model) { _, global in kind(of: global) != nil }
        guard !objects.isEmpty else { return [] }
        var ordering = StartOrdering(model: model, entries: contexts.children)
        var startsThreads: [FunctionID: Bool] = [:]
        var found: [Use] = []
        var reported: Set<String> = []
        // From each object's accesses to the children that reach them: far fewer than all a child reaches.
        for (variable, global) in objects.sorted(by: { $0.key < $1.key }) {
            for located in index.accesses[variable] ?? [] {
                let file = model.files[located.file]
                let function = file.functions[located.function]
                let access = located.access
                for entry in children where entry.reached.contains(function.id)
                    && entry.runs(function.id, of: file, at: access.range.start, guardedBy: access.guards) {
                    let threads = startsThreads[entry.id] ?? contexts.threads.contains { thread in
                        thread.starts.contains { entry.reached.contains($0.file.functions[$0.site.function].id) }
                    }
                    startsThreads[entry.id] = threads
                    guard let use = use(access, of: global, in: file, function, entry: entry, startsThreads: threads,
                                        model, contexts, index, &ordering),
                          reported.insert(variable + "\u{0}" + entry.id).inserted else { continue }
                    found.append(use)
                }
            }
        }
        return found
    }

    private static func use(_ access: GlobalAccess, of global: GlobalVariable, in file: FileFacts, _ function: FunctionFacts,
                            entry: ExecutionContexts.Entry, startsThreads: Bool, _ model: ProjectModel,
                            _ contexts: ExecutionContexts, _ index: GlobalAccessIndex, _ ordering: inout StartOrdering) -> Use? {
        let kind = kind(of: global)
        let method = method(at: access, in: function)
        func parent(calling methods: Set<String>, after start: Bool) -> GlobalAccessIndex.Located? {
            (index.accesses[access.variable] ?? []).first { other in
                let otherFile = model.files[other.file]
                let otherFunction = otherFile.functions[other.function]
                let offset = other.access.range.start
                return methods.contains(Self.method(at: other.access, in: otherFunction) ?? "")
                    && contexts.runsInMain(otherFile, otherFunction, at: offset)
                    && !entry.runs(otherFunction.id, of: otherFile, at: offset, guardedBy: other.access.guards)
                    && !(start && ordering.precedes(other, startsOf: entry))
            }
        }
        func make(_ role: Role, _ counterpart: GlobalAccessIndex.Located?) -> Use {
            Use(site: ReimportedObjects.Use(entry: entry, file: file, function: function, access: access, global: global),
                role: role, counterpart: counterpart)
        }
        switch kind {
        case .queue where method.map(queuePuts.contains) == true:
            return parent(calling: queueReads, after: false).map { make(.sends, $0) }
        case .event where method == "set":
            return parent(calling: eventWaits, after: false).map { make(.sends, $0) }
        case .event where method.map(eventWaits.contains) == true:
            return parent(calling: ["set"], after: true).map { make(.waits, $0) }
        case .lock, .barrier:
            // A lock the child's own threads share guards them; only the target's own use shows it meant the processes.
            guard function.id == entry.id, !startsThreads else { return nil }
            if entry.runsBesideItself { return make(.locks, nil) }
            return kind == .lock ? parent(calling: lockTakes, after: true).map { make(.locks, $0) } : nil
        default:
            return nil
        }
    }

    /// The method called on the global at the access (`put` for `results.put(x)`); nil
    /// for a bare use such as `with lock:`.
    static func method(at access: GlobalAccess, in function: FunctionFacts) -> String? {
        guard let call = function.calls.first(where: { $0.calleeRange.start == access.range.start && $0.calleeRange.end > access.range.end }),
              let dot = call.callee.lastIndex(of: ".") else { return nil }
        return String(call.callee[call.callee.index(after: dot)...])
    }

    enum Kind {
        case lock, event, queue, barrier
    }

    static func kind(of global: GlobalVariable) -> Kind? {
        guard let type = global.typeName, let dot = type.lastIndex(of: ".") else { return nil }
        let module = type[..<dot]
        let name = String(type[type.index(after: dot)...])
        if module == "queue" { return ["Queue", "LifoQueue", "PriorityQueue", "SimpleQueue"].contains(name) ? .queue : nil }
        guard module == "threading" else { return nil }
        switch name {
        case "Lock", "RLock", "Semaphore", "BoundedSemaphore", "Condition": return .lock
        case "Event": return .event
        case "Barrier": return .barrier
        default: return nil
        }
    }

    /// What `multiprocessing` offers in its place: `queue.LifoQueue` and `PriorityQueue` have no twin.
    static func processEquivalent(of type: String) -> String {
        switch type {
        case "queue.SimpleQueue": "multiprocessing.SimpleQueue"
        case let queue where queue.hasPrefix("queue."): "multiprocessing.Queue"
        default: "multiprocessing." + (type.split(separator: ".").last.map(String.init) ?? type)
        }
    }

    private static let queuePuts: Set<String> = ["put", "put_nowait"]
    private static let queueReads: Set<String> = ["get", "get_nowait", "empty", "qsize", "join"]
    private static let eventWaits: Set<String> = ["wait", "is_set", "isSet"]
    /// A lock the parent also takes, for itself: `acquire`, or the bare name of `with lock:`.
    private static let lockTakes: Set<String> = ["acquire", ""]
}
