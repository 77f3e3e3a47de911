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
        var starters: Set<FunctionID> = []
        for (file, site) in model.spawnSites where site.runsInThread { starters.insert(file.functions[site.function].id) }
        guard !starters.isEmpty else { return [:] }
        var ends: [FunctionID: Int] = [:]
        for file in model.files where file.language == .c {
            // Several programs may share a project (a server and its tests): only the `main` the model indexes.
            for function in file.functions where function.name == "main" && function.kind == .function
                && model.function(function.id)?.file.path == file.path {
                let direct = file.spawnSites.filter { $0.runsInThread && file.functions[$0.function].id == function.id }.map(\.range.start)
                let leading = function.calls.filter { call in
                    guard let callee = model.resolve(call.callee, from: file) else { return false }
                    return !starters.isDisjoint(with: model.reachable(from: [callee]).keys)
                }.map(\.range.start)
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
        var sites: [FunctionID: [(caller: FunctionID?, holds: Bool)]] = [:]
        let startup = startupEnds()
        for file in model.files {
            for function in file.functions {
                for call in function.calls {
                    guard let callee = model.resolve(call.callee, from: file), callee != function.id else { continue }
                    let beforeThreads = startup[function.id].map { call.range.end <= $0 } ?? false
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
