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
    /// Per thread entry, what it reaches through calls made with no lock held, built when first asked.
    private let unlockedReaches = UnlockedReaches()

    private final class UnlockedReaches: @unchecked Sendable {
        var byEntry: [FunctionID: FunctionSet] = [:]
    }

    /// `threads`: the program's thread entries, which start with nothing held whoever
    /// else calls them; `callbacks`: event-loop callbacks, likewise run directly.
    init(_ model: ProjectModel, threads: [ExecutionContexts.Entry], callbacks: Set<FunctionID>) {
        self.model = model
        var wrappers: [FunctionID: [LockEffect]] = [:]
        for file in model.files {
            for function in file.functions where !function.lockEffects.isEmpty { wrappers[function.id] = function.lockEffects }
        }
        self.wrappers = wrappers.isEmpty ? wrappers : Self.chained(wrappers, model)
        lockedEntries = computeLockedEntries(unlockedEntries: Set(threads.map(\.id)).union(callbacks), threads: threads)
    }

    /// Whether some lock guards the access: held where it stands, taken earlier in the
    /// function through a wrapper from another unit, or held by every caller.
    func isGuarded(_ access: GlobalAccess, in function: FunctionFacts, file: FileFacts) -> Bool {
        if !access.locksHeld.isEmpty || lockedEntries.contains(function.id) { return true }
        return !wrapperLocks(before: access.range.start, in: function, file: file).isEmpty
    }

    /// Whether a thread running `entry` gets to `function` only through calls made with a
    /// lock held (git's `grep_attr_lock(); userdiff_find_by_path(...)`): all it does there
    /// runs under that lock, whatever the function's other callers hold.
    func reachesOnlyUnderLocks(_ function: FunctionID, from entry: FunctionID) -> Bool {
        function != entry && !unlockedReach(of: entry).contains(function)
    }

    /// `unlockedReach(from:)`, once per entry.
    private func unlockedReach(of entry: FunctionID) -> FunctionSet {
        if let known = unlockedReaches.byEntry[entry] { return known }
        let reach = unlockedReach(from: entry)
        unlockedReaches.byEntry[entry] = reach
        return reach
    }

    /// The functions reached from `entry` through calls that leave it unlocked.
    private func unlockedReach(from entry: FunctionID) -> FunctionSet {
        let graph = model.callGraph
        var reached = FunctionSet(graph)
        guard let root = graph.number(of: entry) else { return reached }
        reached.insert(root)
        var queue = [root]
        while let number = queue.popLast() {
            let reference = graph.references[number]
            for index in model.files[reference.file].functions[reference.function].calls.indices {
                guard let callee = graph.callee(file: reference.file, function: reference.function, call: index),
                      !reached.contains(callee), leavesUnlocked(number, call: index) else { continue }
                reached.insert(callee)
                queue.append(callee)
            }
        }
        return reached
    }

    /// The call holds no lock, or goes to a function that releases one it did not take
    /// (and so runs part of its work unlocked).
    private func leavesUnlocked(_ caller: Int, call index: Int) -> Bool {
        let graph = model.callGraph
        let reference = graph.references[caller]
        let file = model.files[reference.file]
        let function = file.functions[reference.function]
        let call = function.calls[index]
        let locked = !call.locksHeld.isEmpty
            || (!wrappers.isEmpty && !wrapperLocks(before: call.range.start, in: function, file: file).isEmpty)
        guard locked, let callee = graph.callee(file: reference.file, function: reference.function, call: index) else { return true }
        return wrappers[graph.id(of: callee)]?.contains { !$0.acquires } ?? false
    }

    /// How a thread gets to `function`: by calls that hold no lock where there is such a
    /// way (the one its unguarded code is reported for), else by any call it makes.
    func callPath(from entry: ExecutionContexts.Entry, to function: FunctionID) -> [(caller: Int, call: Int)] {
        let unlocked = unlockedReach(of: entry.id)
        return entry.callPath(to: function, model) { caller, call in unlocked.contains(caller) && leavesUnlocked(caller, call: call) }
            ?? entry.callPath(to: function, model) ?? []
    }

    /// Locks left taken by wrapper calls before `offset`, in source order; of the branches
    /// only those that end by leaving are told apart: `if (busy) { unlock(); return; }`
    /// leaves the lock held after the `if`.
    private func wrapperLocks(before offset: Int, in function: FunctionFacts, file: FileFacts) -> Set<String> {
        var held: Set<String> = []
        guard !wrappers.isEmpty else { return held }
        for call in function.calls where call.range.end <= offset
            && !function.exitingBranches.contains(where: { $0.contains(call.range.start) && !$0.contains(offset) }) {
            // Wrappers of the same unit are already applied by the front end, branch by branch.
            guard let callee = model.resolve(call.callee, from: file), let effects = wrappers[callee],
                  model.function(callee)?.file.path != file.path else { continue }
            for effect in effects {
                guard let lock = Self.name(of: effect.target, at: call) else { continue }
                if effect.acquires { held.insert(lock) } else { held.remove(lock) }
            }
        }
        return held
    }

    private static func name(of target: LockEffect.Target, at call: CallFacts) -> String? {
        switch target {
        case .named(let name): return name
        case .parameter(let position):
            return call.argument(at: position)?.lockName
        }
    }

    /// The calls a wrapper of a wrapper makes at most: the lock call, and a check or a log line.
    private static let wrapperCallLimit = 3

    /// Wrappers of wrappers from another unit, which the front end cannot see as such:
    /// icecast's `global_lock()` in global.c calls `thread_mutex_lock(&_global_mutex)`, a
    /// wrapper in thread.c of `pthread_mutex_lock`. A C function whose calls, in order,
    /// leave a lock taken (or released) that they did not release (or take) does the same
    /// for its caller; three rounds follow chains three wrappers long.
    private static func chained(_ direct: [FunctionID: [LockEffect]], _ model: ProjectModel) -> [FunctionID: [LockEffect]] {
        var wrappers = direct
        for _ in 0..<3 {
            var added = false
            for file in model.files where file.language == .c {
                // A wrapper is small: a function that does its work between a lock and an unlock
                // whose pairing the front end did not see (an assert around one) is none.
                for function in file.functions where function.kind == .function && wrappers[function.id] == nil
                    && function.calls.count <= Self.wrapperCallLimit {
                    var net: [String: Bool] = [:]
                    for call in function.calls {
                        guard let callee = model.resolve(call.callee, from: file), callee != function.id,
                              let effects = wrappers[callee] else { continue }
                        for effect in effects {
                            guard let lock = name(of: effect.target, at: call) else { continue }
                            net[lock] = net[lock] == !effect.acquires ? nil : effect.acquires
                        }
                    }
                    guard !net.isEmpty else { continue }
                    let parameters = function.parameters
                    wrappers[function.id] = net.sorted { $0.key < $1.key }.map { lock, acquires in
                        LockEffect(acquires: acquires, target: parameters.firstIndex(of: lock).map { .parameter($0) } ?? .named(lock))
                    }
                    added = true
                }
            }
            if !added { break }
        }
        return wrappers
    }

    /// Where C `main` starts threads, each with everything those threads run. A call
    /// of `main` before every start of a thread that runs what it calls cannot overlap
    /// with one (`slabs_init()` before the workers, even after the logger thread is
    /// up), so it counts as guarded for the helpers the threads call under a lock.
    private func threadStarts(_ threads: [ExecutionContexts.Entry]) -> [FunctionID: [(offset: Int, runs: FunctionSet)]] {
        let graph = model.callGraph
        var starters: [Int: FunctionSet] = [:]
        for thread in threads {
            for start in thread.starts {
                guard let starter = graph.number(of: start.file.functions[start.site.function].id) else { continue }
                starters[starter, default: FunctionSet(graph)].formUnion(thread.reached)
            }
        }
        guard !starters.isEmpty else { return [:] }
        var result: [FunctionID: [(offset: Int, runs: FunctionSet)]] = [:]
        for (fileIndex, file) in model.files.enumerated() where file.language == .c {
            // Several programs may share a project (a server and its tests): only the `main` the model indexes.
            for (index, function) in file.functions.enumerated() where function.name == "main" && function.kind == .function
                && model.function(function.id)?.file.path == file.path {
                var points: [(offset: Int, runs: FunctionSet)] = []
                for (callIndex, call) in function.calls.enumerated() {
                    guard let callee = graph.callee(file: fileIndex, function: index, call: callIndex) else { continue }
                    let reached = graph.reach(from: [callee])
                    var runs = FunctionSet(graph)
                    for (starter, started) in starters where reached.contains(starter) { runs.formUnion(started) }
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
        let graph = model.callGraph
        var sites = [[(caller: Int?, holds: Bool)]](repeating: [], count: graph.count)
        var called = FunctionSet(graph)
        let startup = threadStarts(threads)
        for (fileIndex, file) in model.files.enumerated() {
            var current = -1
            var caller: Int?
            var startPoints: [(offset: Int, runs: FunctionSet)]?
            graph.forEachResolvedCall(in: file, at: fileIndex) { function, call, callee in
                if function != current {
                    current = function
                    caller = file.functions[function].kind == .module ? nil : model.number(file: fileIndex, function: function)
                    startPoints = startup.isEmpty ? nil : startup[file.functions[function].id]
                }
                guard callee != caller else { return }
                let range = call.range
                let beforeThreads = startPoints.map { points in
                    let runs = graph.reach(from: [callee])
                    return points.allSatisfy { range.end <= $0.offset || $0.runs.isDisjoint(with: runs) }
                } ?? false
                let holds = beforeThreads || !call.locksHeld.isEmpty
                    || (!wrappers.isEmpty && !wrapperLocks(before: range.start, in: file.functions[function], file: file).isEmpty)
                sites[callee].append((caller, holds))
                called.insert(callee)
            }
        }
        var locked = called
        for id in unlockedEntries { locked.remove(id) }
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
