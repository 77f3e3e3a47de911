import CLibClang
import ConchKit

/// Functions of this file that take or release a lock for their caller:
/// `static void stats_lock(void) { pthread_mutex_lock(&stats_mutex); }`, or
/// `void lock(pthread_mutex_t *m) { pthread_mutex_lock(m); }` with the lock passed in.
enum LockWrappers {
    enum Target: Hashable {
        case named(String)
        /// The caller's argument at this position names the lock.
        case parameter(Int)
    }

    struct Effect: Hashable {
        var acquires: Bool
        var target: Target

        /// The effect as a fact, for callers in other units.
        var published: LockEffect {
            switch target {
            case .named(let name): LockEffect(acquires: acquires, target: .named(name))
            case .parameter(let position): LockEffect(acquires: acquires, target: .parameter(position))
            }
        }
    }

    /// Function id -> the lock effects its body leaves behind. Bodies with loops are not
    /// wrappers; a `do { ... } while (0)` (an assert macro around the lock call) is no loop.
    /// Nor are bodies that call through a pointer, which may release what they took:
    /// `pthread_cleanup_pop(1)` runs the `pthread_mutex_unlock` that `pthread_cleanup_push` stored.
    static func find(_ unit: UnitContext) -> [FunctionID: [Effect]] {
        let tree = unit.tree
        var result: [FunctionID: [Effect]] = [:]
        for root in tree.roots where tree[root].kind == CXCursor_FunctionDecl {
            guard let body = tree[root].children.last, tree[body].kind == CXCursor_CompoundStmt else { continue }
            let parameters = tree[root].children.filter { tree[$0].kind == CXCursor_ParmDecl }.map { unit.library.spelling(tree[$0].cursor) }
            if let spin = SpinLocks.effect(body: body, parameters: parameters, unit: unit) {
                result[unit.functionID(tree[root].cursor)] = [spin]
                continue
            }
            var tally = Tally()
            var work = [body]
            var isWrapper = true
            while let index = work.popLast() {
                let node = tree[index]
                if [CXCursor_ForStmt, CXCursor_WhileStmt, CXCursor_DoStmt].contains(node.kind), !LoopShape.runsOnce(index, unit: unit) {
                    isWrapper = false
                    break
                }
                work += node.children.reversed()
                guard node.kind == CXCursor_CallExpr else { continue }
                let call = CallReader.read(index, unit: unit)
                if call.isThroughPointer { isWrapper = false; break }
                let acquires = LockAPIs.acquire.contains(call.callee)
                guard acquires || LockAPIs.release.contains(call.callee),
                      let argument = LockAPIs.lockArgument(of: call.callee, in: call.arguments) else { continue }
                tally.record(acquires: acquires, target(lockName(argument, unit: unit), parameters: parameters))
            }
            guard isWrapper, let effects = tally.effects else { continue }
            result[unit.functionID(tree[root].cursor)] = effects
        }
        return result
    }

    /// The locks a body's lock calls, in order, leave taken or released.
    struct Tally {
        private var held: [Target] = []
        private var released: [Target] = []

        mutating func record(acquires: Bool, _ target: Target) {
            if acquires {
                if !held.contains(target) { held.append(target) }
            } else if let position = held.firstIndex(of: target) {
                held.remove(at: position)
            } else {
                released.append(target)
            }
        }

        /// Nil when the calls leave no lock changed.
        var effects: [Effect]? {
            held.isEmpty && released.isEmpty ? nil
                : held.map { Effect(acquires: true, target: $0) } + released.map { Effect(acquires: false, target: $0) }
        }
    }

    /// The caller's argument for a lock the helper takes as a parameter, else the lock's name.
    static func target(_ name: String, parameters: [String]) -> Target {
        parameters.firstIndex(of: name).map(Target.parameter) ?? .named(name)
    }

    /// `&m` -> `m`, `&s->lock` -> `s->lock`, `m` -> `m`.
    static func lockName(_ argument: Int, unit: UnitContext) -> String {
        let tree = unit.tree
        let inner = tree.stripped(argument)
        if let operand = unit.addressOperand(inner) {
            return CallReader.spelledPath(operand, unit: unit) ?? unit.compactText(operand)
        }
        return CallReader.spelledPath(inner, unit: unit) ?? unit.compactText(inner)
    }
}
