import ConchKit

/// Locks held at a point of the program beyond what one function's text shows:
/// taken by a wrapper defined in another C unit (`STATS_LOCK()` in thread.c), or
/// held by every caller (`item_lock(hv); do_item_link(it); item_unlock(hv);`), or
/// made by `main` before any thread exists.
/// The front end sees one unit and one function at a time; this joins them.
struct LockContext {
    private let model: ProjectModel
    /// Functions that take or release a lock for their caller, by id.
    private let wrappers: [FunctionID: [LockEffect]]
    /// Functions every known caller calls with some lock held.
    private var lockedEntries: Set<FunctionID> = []

    /// `unlockedEntries`: functions that start with nothing held whoever else calls
    /// them (thread entries, event-loop callbacks), because something runs them directly.
    init(_ model: ProjectModel, unlockedEntries: Set<FunctionID>) {
        self.model = model
        var wrappers: [FunctionID: [LockEffect]] = [:]
        for file in model.files {
            for function in file.functions where !function.lockEffects.isEmpty { wrappers[function.id] = function.lockEffects }
        }
        self.wrappers = wrappers
        lockedEntries = computeLockedEntries(unlockedEntries: unlockedEntries)
    }

    /// Whether some lock guards the access: held where it stands, taken earlier in the
    /// function through a wrapper from another unit, or held by every caller.
    func isGuarded(_ access: GlobalAccess, in function: FunctionFacts, file: FileFacts) -> Bool {
        if !access.locksHeld.isEmpty || lockedEntries.contains(function.id) { return true }
        return !wrapperLocks(before: access.range.start, in: function, file: file).isEmpty
    }

    /// Locks left taken by wrapper calls before `offset`, in source order; branches are not told apart.
    private func wrapperLocks(before offset: Int, in function: FunctionFacts, file: FileFacts) -> Set<String> {
        var held: Set<String> = []
        guard !wrappers.isEmpty else { return held }
        for call in function.calls where call.range.end <= offset {
            // Wrappers of the same unit are already applied by the front end, branch by branch.
            guard let callee = model.resolve(call.callee, from: file), let effects = wrappers[callee],
                  model.function(callee)?.file.path != file.path else { continue }
            for effect in effects {
                guard let lock = name(of: effect.target, at: call) else { continue }
                if effect.acquires { held.insert(lock) } else { held.remove(lock) }
            }
        }
        return held
    }

    private func name(of target: LockEffect.Target, at call: CallFacts) -> String? {
        switch target {
        case .named(let name): return name
        case .parameter(let position):
            return call.argument(at: position).map { String($0.text.filter { !$0.isWhitespace }.drop { $0 == "&" }) }
        }
    }

    /// C `main`: the offset of its first call that leads to a thread start. Calls above
    /// it run while the program has one thread (`slabs_init()` before the workers), so
    /// they count as guarded for the helpers the threads also call under a lock.
    private func startupEnds() -> [FunctionID: Int] {
        let graph = model.callGraph
        var starters: [Int] = []
        for (file, site) in model.spawnSites where site.runsInThread {
            if let number = graph.number(of: file.functions[site.function].id) { starters.append(number) }
        }
        guard !starters.isEmpty else { return [:] }
        let leadsToStart = graph.reaching(starters)
        var ends: [FunctionID: Int] = [:]
        for (fileIndex, file) in model.files.enumerated() where file.language == .c {
            // Several programs may share a project (a server and its tests): only the `main` the model indexes.
            for (functionIndex, function) in file.functions.enumerated() where function.name == "main" && function.kind == .function
                && model.function(function.id)?.file.path == file.path {
                let direct = file.spawnSites.filter { $0.runsInThread && file.functions[$0.function].id == function.id }.map(\.range.start)
                let leading = function.calls.indices.filter { call in
                    graph.callee(file: fileIndex, function: functionIndex, call: call).map(leadsToStart.contains) ?? false
                }.map { function.calls[$0].range.start }
                if let first = (direct + leading).min(), function.loops.allSatisfy({ !$0.range.contains(first) }) { ends[function.id] = first }
            }
        }
        return ends
    }

    /// A must-analysis over the call graph: a function is locked on entry when every
    /// call to it holds some lock, counting callers that are locked on entry themselves.
    /// Which lock is not compared, as within a function. Starts from "locked" and
    /// clears until stable; functions nobody calls start unlocked.
    private func computeLockedEntries(unlockedEntries: Set<FunctionID>) -> Set<FunctionID> {
        let graph = model.callGraph
        var sites = [[(caller: Int?, holds: Bool)]](repeating: [], count: graph.count)
        var called = FunctionSet(graph)
        let startup = startupEnds()
        for (fileIndex, file) in model.files.enumerated() {
            for (functionIndex, function) in file.functions.enumerated() {
                let caller = function.kind == .module ? nil : graph.number(of: function.id)
                let startupEnd = startup[function.id]
                for call in function.calls.indices {
                    guard let callee = graph.callee(file: fileIndex, function: functionIndex, call: call), callee != caller else { continue }
                    let range = function.calls[call].range
                    let beforeThreads = startupEnd.map { range.end <= $0 } ?? false
                    let holds = beforeThreads || !function.calls[call].locksHeld.isEmpty
                        || !wrapperLocks(before: range.start, in: function, file: file).isEmpty
                    sites[callee].append((caller, holds))
                    called.insert(callee)
                }
            }
        }
        var locked = called
        for id in unlockedEntries { graph.number(of: id).map { locked.remove($0) } }
        var changed = true
        while changed {
            changed = false
            for number in locked.numbers {
                let allHold = sites[number].allSatisfy { site in
                    site.holds || site.caller.map(locked.contains) == true
                }
                if !allHold {
                    locked.remove(number)
                    changed = true
                }
            }
        }
        return Set(locked.ids)
    }
}
