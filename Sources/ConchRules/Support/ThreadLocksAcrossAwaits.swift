import ConchKit

/// A coroutine that awaits while it holds a lock made for threads (`with state_lock:`
/// around an `await`, `state_lock` a `threading.Lock`): another task that takes the
/// lock blocks the whole loop, and the holder, which needs the loop to resume, never
/// releases it.
enum ThreadLocksAcrossAwaits {
    struct Held {
        var call: CallFacts
        /// The lock as written: `state_lock`, `self._guard`.
        var lock: String
        var type: String

        /// What holding it across an `await` does.
        var consequence: String {
            type == "threading.RLock"
                ? "an RLock belongs to its thread, and every task of the loop runs in the same one, so another task takes it "
                    + "at once: it guards nothing between tasks"
                : "another task that takes it blocks the whole event loop, and this one, which needs the loop to resume, "
                    + "never releases it"
        }
    }

    static let threadLockTypes: Set<String> = [
        "threading.Lock", "threading.RLock", "threading.Semaphore", "threading.BoundedSemaphore", "threading.Condition",
        "_thread.allocate_lock",
    ]

    /// The first awaited call of the coroutine made under each thread lock it holds.
    static func awaitsUnderThreadLocks(in coroutine: FunctionFacts, of file: FileFacts) -> [Held] {
        var reported: Set<String> = []
        var found: [Held] = []
        for call in coroutine.calls where call.isAwaited {
            for lock in call.locksHeld where !reported.contains(lock) {
                guard let (type, written) = threadLockType(of: lock, in: coroutine, of: file) else { continue }
                reported.insert(lock)
                found.append(Held(call: call, lock: written, type: type))
            }
        }
        return found
    }

    /// The type of the lock named `lock` (as the facts name locks: `mod.state_lock`,
    /// `mod.Cache._guard`, a local's bare name): a module global's, or that of the
    /// constructor call bound to it, in the class's methods (`self._guard = RLock()`
    /// in `__init__`) or the coroutine itself.
    private static func threadLockType(of lock: String, in coroutine: FunctionFacts, of file: FileFacts)
        -> (type: String, written: String)? {
        if let global = file.globals.first(where: { file.moduleName + "." + $0.name == lock }) {
            return global.typeName.flatMap { threadLockTypes.contains($0) ? ($0, global.name) : nil }
        }
        var bound = lock
        var makers = [coroutine]
        if let owner = coroutine.className, lock.hasPrefix(owner + ".") {
            bound = "self." + lock.dropFirst(owner.count + 1)
            makers = file.functions.filter { $0.className == owner }
        }
        for function in makers {
            for call in function.calls where call.boundName == bound && threadLockTypes.contains(call.callee) {
                return onlyTriedWithoutWaiting(lock, written: bound, in: makers) ? nil : (call.callee, bound)
            }
        }
        return nil
    }

    /// `if not self._retry_lock.acquire(blocking=False): return` in every function that
    /// holds the lock (Synapse's device-list resync): no task ever waits for it, so
    /// holding it across an `await` only turns the others away.
    private static func onlyTriedWithoutWaiting(_ lock: String, written: String, in functions: [FunctionFacts]) -> Bool {
        var tried = false
        for function in functions {
            let acquires = function.calls.filter { $0.calleeText == written + ".acquire" }
            guard acquires.allSatisfy({ SleepCalls.triesALock($0, in: .python) }) else { return false }
            // Holding it with no acquire of its own: a `with` block, which waits.
            if acquires.isEmpty, function.calls.contains(where: { $0.locksHeld.contains(lock) }) { return false }
            tried = tried || !acquires.isEmpty
        }
        return tried
    }
}
