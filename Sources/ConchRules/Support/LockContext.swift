import ConchKit

/// Locks held at a point of the program beyond what one function's text shows:
/// taken by a wrapper defined in another C unit (`STATS_LOCK()` in thread.c), or
/// held by every caller (`item_lock(hv); do_item_link(it); item_unlock(hv);`), or
/// made by `main` before any thread that runs the same code exists.
/// The front end sees one unit and one function at a time; this joins them.
struct LockContext {
    private let model: ProjectModel
    /// Functions that take or release a lock for their caller, by id.
    private let wrappers: [FunctionID: [LockEffect]]
    /// Functions every known caller calls with some lock held.
    private var lockedEntries: Set<FunctionID> = []

    /// `threads`: the program's thread entries, which start with nothing held whoever
    /// else calls them; `callbacks`: event-loop callbacks, likewise run directly.
    init(_ model: ProjectModel, threads: [ExecutionContexts.Entry], callbacks: Set<FunctionID>) {
        self.model = model
        var wrappers: [FunctionID: [LockEffect]] = [:]
        for file in model.files {
            for function in file.functions where !function.lockEffects.isEmpty { wrappers[function.id] = function.lockEffects }
        }
        self.wrappers = wrappers
        lockedEntries = computeLockedEntries(unlockedEntries: Set(threads.map(\.id)).union(callbacks), threads: threads)
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

    /// Where C `main` starts threads, each with everything those threads run. A call
    /// of `main` before every start of a thread that runs what it calls cannot overlap
    /// with one (`slabs_init()` before the workers, even after the logger thread is
    /// up), so it counts as guarded for the helpers the threads call under a lock.
    private func threadStarts(_ threads: [ExecutionContexts.Entry]) -> [FunctionID: [(offset: Int, runs: Set<FunctionID>)]] {
        var starters: [FunctionID: Set<FunctionID>] = [:]
        for thread in threads {
            for start in thread.starts { starters[start.file.functions[start.site.function].id, default: []].formUnion(thread.reached) }
        }
        guard !starters.isEmpty else { return [:] }
        var result: [FunctionID: [(offset: Int, runs: Set<FunctionID>)]] = [:]
        for file in model.files where file.language == .c {
            // Several programs may share a project (a server and its tests): only the `main` the model indexes.
            for (index, function) in file.functions.enumerated() where function.name == "main" && function.kind == .function
                && model.function(function.id)?.file.path == file.path {
                var points: [(offset: Int, runs: Set<FunctionID>)] = []
                for call in function.calls {
                    guard let callee = model.resolve(call.callee, from: file) else { continue }
                    let runs = model.reachable(from: [callee]).keys.reduce(into: Set<FunctionID>()) { runs, reached in
                        runs.formUnion(starters[reached] ?? [])
                    }
                    if !runs.isEmpty { points.append((call.range.start, runs)) }
                }
                for thread in threads {
                    for start in thread.starts where start.file.path == file.path && start.site.function == index {
                        points.append((start.site.range.start, thread.reached))
                    }
                }
                // A start inside a loop is ordered after nothing in that loop: it counts from the loop's top.
                result[function.id] = points.map { point in
                    let loopStart = function.loops.filter { $0.range.contains(point.offset) }.map(\.range.start).min()
                    return (loopStart ?? point.offset, point.runs)
                }
            }
        }
        return result
    }

    /// A must-analysis over the call graph: a function is locked on entry when every
    /// call to it holds some lock, counting callers that are locked on entry themselves.
    /// Which lock is not compared, as within a function. Starts from "locked" and
    /// clears until stable; functions nobody calls start unlocked.
    private func computeLockedEntries(unlockedEntries: Set<FunctionID>, threads: [ExecutionContexts.Entry]) -> Set<FunctionID> {
        var sites: [FunctionID: [(caller: FunctionID?, holds: Bool)]] = [:]
        let startup = threadStarts(threads)
        for file in model.files {
            for function in file.functions {
                for call in function.calls {
                    guard let callee = model.resolve(call.callee, from: file), callee != function.id else { continue }
                    let beforeThreads = startup[function.id].map { points in
                        let runs = Set(model.reachable(from: [callee]).keys)
                        return points.allSatisfy { call.range.end <= $0.offset || $0.runs.isDisjoint(with: runs) }
                    } ?? false
                    let holds = beforeThreads || !call.locksHeld.isEmpty
                        || !wrapperLocks(before: call.range.start, in: function, file: file).isEmpty
                    sites[callee, default: []].append((function.kind == .module ? nil : function.id, holds))
                }
            }
        }
        var locked = Set(sites.keys).subtracting(unlockedEntries)
        var changed = true
        while changed {
            changed = false
            for id in locked {
                let allHold = (sites[id] ?? []).allSatisfy { site in
                    site.holds || site.caller.map { locked.contains($0) } == true
                }
                if !allHold {
                    locked.remove(id)
                    changed = true
                }
            }
        }
        return locked
    }
}
