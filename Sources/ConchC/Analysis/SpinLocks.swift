import CLibClang

/// Spinlocks built from atomics in helpers (curl's `curl_simple_lock_lock`): the
/// taking helper loops on an exchange, compare-exchange or test-and-set that puts a
/// constant (`true`) into the lock; the releasing one stores zero (`false`) into it,
/// or clears the flag, in no loop. A compare-exchange loop that stores a computed
/// value (`old + 1`) is a lock-free update, not a lock.
enum SpinLocks {
    /// Operations that take a spinlock, with the operand holding the value they store (nil: none).
    private static let takes: [String: Int?] = [
        "atomic_exchange": 1, "atomic_exchange_explicit": 1,
        "atomic_compare_exchange_strong": 2, "atomic_compare_exchange_strong_explicit": 2,
        "atomic_compare_exchange_weak": 2, "atomic_compare_exchange_weak_explicit": 2,
        "atomic_flag_test_and_set": nil, "atomic_flag_test_and_set_explicit": nil,
        "__atomic_exchange_n": 1, "__atomic_compare_exchange_n": 2, "__atomic_test_and_set": nil,
        "__sync_lock_test_and_set": 1, "__sync_bool_compare_and_swap": 2, "__sync_val_compare_and_swap": 2,
    ]

    /// Operations that release one, with the operand holding the value they store (nil: none).
    private static let releases: [String: Int?] = [
        "atomic_store": 1, "atomic_store_explicit": 1, "atomic_flag_clear": nil, "atomic_flag_clear_explicit": nil,
        "__atomic_store_n": 1, "__atomic_clear": nil, "__sync_lock_release": nil,
    ]

    /// The lock a helper's body takes or releases, named as `LockWrappers` names targets.
    static func effect(body: Int, parameters: [String], unit: UnitContext) -> LockWrappers.Effect? {
        let tree = unit.tree
        var taken: [LockWrappers.Target] = []
        var released: [LockWrappers.Target] = []
        var hasLoop = false
        var pending = [(body, false)]
        while let (index, inLoop) = pending.popLast() {
            let node = tree[index]
            let isLoop = [CXCursor_ForStmt, CXCursor_WhileStmt, CXCursor_DoStmt].contains(node.kind) && !LoopShape.runsOnce(index, unit: unit)
            hasLoop = hasLoop || isLoop
            pending += node.children.map { ($0, inLoop || isLoop) }
            guard let (name, operands) = operation(index, unit: unit), let lock = operands.first else { continue }
            let target = LockWrappers.target(LockWrappers.lockName(lock, unit: unit), parameters: parameters)
            if inLoop, let stored = takes[name], storesConstant(stored, operands, unit: unit, zero: false) { taken.append(target) }
            if let stored = releases[name], storesConstant(stored, operands, unit: unit, zero: true) { released.append(target) }
        }
        if hasLoop, let lock = taken.first, released.isEmpty { return LockWrappers.Effect(acquires: true, target: lock) }
        if !hasLoop, let lock = released.first, taken.isEmpty { return LockWrappers.Effect(acquires: false, target: lock) }
        return nil
    }

    /// An atomic builtin or a `__sync` call, with its operands.
    private static func operation(_ index: Int, unit: UnitContext) -> (name: String, operands: [Int])? {
        if let name = unit.atomicBuiltin(index) { return (name, unit.atomicOperands(index)) }
        // Every call of every function comes here: its spelling rules most out before the full read.
        guard unit.tree[index].kind == CXCursor_CallExpr else { return nil }
        let spelled = unit.library.spelling(unit.tree[index].cursor)
        guard takes[spelled] != nil || releases[spelled] != nil else { return nil }
        let call = CallReader.read(index, unit: unit)
        guard takes[call.callee] != nil || releases[call.callee] != nil else { return nil }
        return (call.callee, call.arguments)
    }

    /// Whether the operand at `position` is a constant, zero for a release and not for a
    /// take; an operation that stores no value (a flag's) always qualifies.
    private static func storesConstant(_ position: Int?, _ operands: [Int], unit: UnitContext, zero: Bool) -> Bool {
        guard let position else { return true }
        guard position < operands.count, let value = unit.library.integerValue(unit.tree[unit.tree.stripped(operands[position])].cursor)
        else { return false }
        return (value == 0) == zero
    }
}
