import ConchKit

/// Locks held at a point of the program beyond what one function's text shows:
/// taken by a wrapper defined in another C unit (`STATS_LOCK()` in thread.c), or
/// held by every caller (`item_lock(hv); do_item_link(it); item_unlock(hv);`).
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

    /// A must-analysis over the call graph: a function is locked on entry when every
    /// call to it holds some lock, counting callers that are locked on entry themselves.
    /// Which lock is not compared, as within a function. Starts from "locked" and
    /// clears until stable; functions nobody calls start unlocked.
    private func computeLockedEntries(unlockedEntries: Set<FunctionID>) -> Set<FunctionID> {
        var sites: [FunctionID: [(caller: FunctionID?, holds: Bool)]] = [:]
        for file in model.files {
            for function in file.functions {
                for call in function.calls {
                    guard let callee = model.resolve(call.callee, from: file), callee != function.id else { continue }
                    let holds = !call.locksHeld.isEmpty || !wrapperLocks(before: call.range.start, in: function, file: file).isEmpty
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
