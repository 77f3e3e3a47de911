import ConchKit

/// Locks held at a point of the program beyond what one function's text shows:
/// taken by a wrapper defined in another C unit (`STATS_LOCK()` in thread.c), or
/// held by every caller (`item_lock(hv); do_item_link(it); item_unlock(hv);`).
/// The front end sees one unit and one function at a time; this joins them.
struct LockContext {
    private let model: ProjectModel
    /// Functions that take or release a lock for their caller, by id.
    private let wrappers: [FunctionID: [LockEffect]]
    /// Locks every known caller holds when it calls the function.
    private var entryLocks: [FunctionID: Set<String>] = [:]

    /// `unlockedEntries`: functions that start with nothing held whoever else calls
    /// them (thread entries, event-loop callbacks), because something runs them directly.
    init(_ model: ProjectModel, unlockedEntries: Set<FunctionID>) {
        self.model = model
        var wrappers: [FunctionID: [LockEffect]] = [:]
        for file in model.files {
            for function in file.functions where !function.lockEffects.isEmpty { wrappers[function.id] = function.lockEffects }
        }
        self.wrappers = wrappers
        entryLocks = computeEntryLocks(unlockedEntries: unlockedEntries)
    }

    /// Whether some lock guards the access: held where it stands, taken earlier in the
    /// function through a wrapper from another unit, or held by every caller.
    func isGuarded(_ access: GlobalAccess, in function: FunctionFacts, file: FileFacts) -> Bool {
        if !access.locksHeld.isEmpty || !(entryLocks[function.id] ?? []).isEmpty { return true }
        return !wrapperLocks(before: access.range.start, in: function, file: file).isEmpty
    }

    /// Locks left taken by wrapper calls before `offset`, in source order; branches are not told apart.
    private func wrapperLocks(before offset: Int, in function: FunctionFacts, file: FileFacts) -> Set<String> {
        var held: Set<String> = []
        for call in function.calls where call.range.end <= offset {
            guard let callee = model.resolve(call.callee, from: file), let effects = wrappers[callee] else { continue }
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

    /// A must-analysis over the call graph: a function's entry locks are those held at
    /// every call site, counting the caller's own entry locks. Starts from "everything"
    /// and shrinks until stable; functions nobody calls start with nothing held.
    private func computeEntryLocks(unlockedEntries: Set<FunctionID>) -> [FunctionID: Set<String>] {
        var sites: [FunctionID: [(caller: FunctionID, held: Set<String>)]] = [:]
        for file in model.files {
            for function in file.functions {
                for call in function.calls {
                    guard let callee = model.resolve(call.callee, from: file), callee != function.id else { continue }
                    let held = Set(call.locksHeld).union(wrapperLocks(before: call.range.start, in: function, file: file))
                    sites[callee, default: []].append((function.kind == .module ? "" : function.id, held))
                }
            }
        }
        // nil stands for "not known yet" (the top of the lattice).
        var result: [FunctionID: Set<String>?] = [:]
        for id in sites.keys { result[id] = unlockedEntries.contains(id) ? Set<String>() : nil }
        var changed = true
        var rounds = 0
        while changed && rounds < 50 {
            changed = false
            rounds += 1
            for (callee, calls) in sites where !unlockedEntries.contains(callee) {
                var meet: Set<String>?
                for site in calls {
                    let callerLocks: Set<String>? = site.caller.isEmpty ? [] : (sites[site.caller] == nil ? [] : result[site.caller] ?? nil)
                    guard let callerLocks else { continue }
                    let here = site.held.union(callerLocks)
                    meet = meet.map { $0.intersection(here) } ?? here
                }
                guard let meet, result[callee] ?? nil != meet else { continue }
                result[callee] = meet
                changed = true
            }
        }
        return result.compactMapValues { $0 }
    }
}
