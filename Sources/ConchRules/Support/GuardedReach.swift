import ConchKit

/// What a thread or child process reaches when the conditions met on the way
/// are kept: a call or access whose guards contradict them does not run there.
/// Calls on the way to ending the process (a failed assertion's crash report)
/// are not followed: what they run cannot race with a program that is going away.
///
/// A guard on a global counts only while nothing the entry reaches writes that
/// global: a mode the other side sets (`io_threads_op`), never one the entry
/// changes itself. A guard on a parameter counts when the caller passes a constant
/// (`do_slabs_alloc(size, id, SLABS_ALLOC_NO_NEWPAGE)`).
struct GuardedReach: Sendable {
    /// The functions reached on some way in.
    private(set) var functions: FunctionSet
    /// Entered from C code: only the C front end records guards, so a walk from
    /// Python code is plain reachability over the call graph.
    private let isGuarded: Bool
    /// C: per function, the sets of guards known to hold on entry; one per distinct way in.
    private(set) var contexts: [FunctionID: [Set<ExecutionGuard>]] = [:]

    /// Beyond this many ways into one function, enter it once more knowing nothing, which covers them all.
    private static let contextsPerFunction = 8

    /// The regions the walk does not enter: fork child branches (a thread that forks runs
    /// only the parent's side), the code only the main thread runs.
    private let cutBranches: [FunctionID: [ByteRange]]

    /// `guarded`: the globals any guard names (`guardedGlobals(in:)`), to trust until the reach writes them.
    /// `known`: what holds when the roots start (`StartModes`), kept while trusted.
    /// `cutting`: per function, regions whose calls the walk does not follow: fork child
    /// branches, and for a thread the code only the main thread runs.
    init(_ model: ProjectModel, from roots: [FunctionID], guarded: Set<String>, known: Set<ExecutionGuard> = [],
         cutting cutBranches: [FunctionID: [ByteRange]] = [:]) {
        self.cutBranches = cutBranches
        isGuarded = roots.contains { root in model.functionIndex[root].map { model.files[$0.file].language == .c } ?? false }
        guard isGuarded else {
            let graph = model.callGraph
            let cut = Dictionary(cutBranches.compactMap { id, ranges in graph.number(of: id).map { ($0, ranges) } }) { $0 + $1 }
            functions = cut.isEmpty ? model.reachable(from: roots) : graph.reach(from: roots.compactMap(graph.number), cutting: cut, in: model.files)
            return
        }
        let graph = model.callGraph
        functions = FunctionSet(graph)
        var trusted = guarded
        while true {
            contexts = Self.walk(model, from: roots, knowing: known, trusting: trusted, cutting: cutBranches)
            let changed = written(model, among: trusted)
            if changed.isEmpty { break }
            trusted.subtract(changed)
        }
        for id in contexts.keys {
            if let number = graph.number(of: id) { functions.insert(number) }
        }
    }

    /// Leaves `function` out: a fork's child runs only its branch of the forking function.
    mutating func remove(_ function: FunctionID) {
        contexts[function] = nil
        functions.remove(function)
    }

    /// Whether code under `guards` at `offset` of `function` runs on some way in.
    func admits(_ guards: [ExecutionGuard], in function: FunctionID, at offset: Int) -> Bool {
        guard isGuarded else { return functions.contains(function) }
        if let cut = cutBranches[function], cut.contains(where: { $0.contains(offset) }) { return false }
        return contexts[function]?.contains { Self.isConsistent(guards, with: $0) } ?? false
    }

    private static func isConsistent(_ guards: [ExecutionGuard], with known: Set<ExecutionGuard>) -> Bool {
        !guards.contains { guardian in known.contains { $0.contradicts(guardian) } }
    }

    private static func walk(_ model: ProjectModel, from roots: [FunctionID], knowing known: Set<ExecutionGuard>,
                             trusting trusted: Set<String>, cutting cutBranches: [FunctionID: [ByteRange]]) -> [FunctionID: [Set<ExecutionGuard>]] {
        var contexts: [FunctionID: [Set<ExecutionGuard>]] = [:]
        var guardedParameters: [FunctionID: [ExecutionGuard.Subject]] = [:]
        let fixedPointers = model.fixedAddressGlobals
        let start = known.filter { trustKey($0).map(trusted.contains) ?? false }
        var queue: [(FunctionID, Set<ExecutionGuard>)] = roots.map { ($0, start) }
        var head = 0
        while head < queue.count {
            var (id, known) = queue[head]
            head += 1
            guard let (file, function) = model.function(id) else { continue }
            let existing = contexts[id] ?? []
            if existing.contains(where: { $0.isSubset(of: known) }) { continue }
            if existing.count >= contextsPerFunction { known = [] }
            contexts[id] = existing.filter { !known.isSubset(of: $0) } + [known]
            let globals = known.filter { $0.globalName != nil }
            let cut = cutBranches[id] ?? []
            for call in function.calls where !call.leadsToExit && isConsistent(call.guards, with: known)
                && !cut.contains(where: { $0.contains(call.range.start) }) {
                guard let callee = model.resolve(call.callee, from: file) else { continue }
                var entering = globals.union(call.guards.filter { trustKey($0).map(trusted.contains) ?? false })
                // Only the parameters the callee tests tell its ways in apart.
                let tested = guardedParameters[callee] ?? model.function(callee).map { Self.testedParameters(of: $0.function) } ?? []
                guardedParameters[callee] = tested
                for subject in tested {
                    switch subject {
                    case .parameter(let position):
                        guard let value = call.argument(at: position)?.integerValue else { continue }
                        entering.insert(ExecutionGuard(subject: subject, value: Int(value), isEqual: true))
                    case .sameAddress(let position, let global):
                        // A local or a member is never where a global that only holds null or
                        // whole global objects points (`uv_loop_close(&loop)` against `default_loop_ptr`).
                        guard call.argument(at: position)?.addressesNoGlobalObject == true, fixedPointers.contains(global) else { continue }
                        entering.insert(ExecutionGuard(subject: subject, value: 1, isEqual: false))
                    case .parameterBits(let position, let mask):
                        guard let value = call.argument(at: position)?.integerValue else { continue }
                        entering.insert(ExecutionGuard(subject: subject, value: 0, isEqual: Int(value) & mask == 0))
                    case .global, .globalBits:
                        continue
                    }
                }
                if contexts[callee]?.contains(where: { $0.isSubset(of: entering) }) == true { continue }
                queue.append((callee, entering))
            }
        }
        return contexts
    }

    /// The conditions on its parameters the function tests, each once.
    private static func testedParameters(of function: FunctionFacts) -> [ExecutionGuard.Subject] {
        var seen: Set<ExecutionGuard.Subject> = []
        return (function.calls.flatMap(\.guards) + function.globalAccesses.flatMap(\.guards)).compactMap { guardian in
            switch guardian.subject {
            case .parameter, .parameterBits, .sameAddress: seen.insert(guardian.subject).inserted ? guardian.subject : nil
            case .global, .globalBits: nil
            }
        }
    }

    /// What trusting a guard on a global is keyed by: `server.mode`, or `global.mode&1` for some of its bits.
    static func trustKey(_ guardian: ExecutionGuard) -> String? {
        switch guardian.subject {
        case .global(let name): name
        case .globalBits(let name, let mask): name + "&" + String(mask)
        case .parameter, .parameterBits, .sameAddress: nil
        }
    }

    /// Every global, or bits of one, that some C call or access is guarded on.
    static func guardedGlobals(in model: ProjectModel) -> Set<String> {
        var keys: Set<String> = []
        for file in model.files where file.language == .c {
            for function in file.functions {
                for guardian in function.calls.flatMap(\.guards) + function.globalAccesses.flatMap(\.guards) {
                    if let key = trustKey(guardian) { keys.insert(key) }
                }
            }
        }
        return keys
    }

    /// The guarded globals that code this reach runs writes: the global itself
    /// (`server.mode`), the struct around it (`server = ...`) or a member inside it.
    /// Bits of a global stay trusted while every write to it sets or clears other bits.
    private func written(_ model: ProjectModel, among guarded: Set<String>) -> Set<String> {
        var writes = WriteSummary()
        for (id, _) in contexts {
            guard let (_, function) = model.function(id) else { continue }
            for access in function.globalAccesses where access.isWrite && admits(access.guards, in: id, at: access.range.start) {
                writes.add(access)
            }
        }
        return guarded.filter { writes.mayChange(key: $0) }
    }

    /// `server.a.b`, `server.a`, `server`: a member path and the paths that contain it.
    /// A `static` global's name carries its file (`src/net.c::mode`); only members after it are cut.
    static func enclosingPaths(of name: String) -> [String] {
        let variableStart = name.ranges(of: "::").last?.upperBound ?? name.startIndex
        var paths = [name]
        var current = Substring(name)
        while let dot = current[variableStart...].lastIndex(of: ".") {
            current = current[..<dot]
            paths.append(String(current))
        }
        return paths
    }
}

/// C globals whose every store is a null pointer or a global object's address, so
/// they never point into a thread's stack.
struct FixedAddressGlobals: Sendable {
    let names: Set<String>

    init(_ model: ProjectModel) {
        var stored: Set<String> = []
        var other: Set<String> = []
        for file in model.files where file.language == .c {
            for function in file.functions {
                for access in function.globalAccesses where access.isWrite && access.field == nil {
                    if access.storesFixedAddress { stored.insert(access.variable) } else { other.insert(access.variable) }
                }
            }
        }
        names = stored.subtracting(other)
    }
}

extension ProjectModel {
    /// Built by the first thread reach that asks.
    var fixedAddressGlobals: Set<String> {
        shared(FixedAddressGlobals.self) { FixedAddressGlobals(self) }.names
    }
}
