import CLibClang
import ConchKit

/// A thread entry handed in as a parameter: `create_worker(void *(*func)(void *), void *arg)`
/// calls `pthread_create(&t, NULL, func, arg)`. The site names the parameter; the project
/// model (`ForwardedThreadEntries`) makes each call of the wrapper, in this unit or
/// another, a start of the function it passes (`create_worker(worker_libevent, ...)`).
enum ForwardedEntries {
    /// Names the parameter in each spawn site whose entry is a parameter of its function,
    /// directly or through a trampoline.
    static func resolve(_ facts: inout FileFacts, declarations: [Int: Int], unit: UnitContext) {
        for index in facts.spawnSites.indices {
            let site = facts.spawnSites[index]
            guard let declaration = declarations[site.function] else { continue }
            switch site.entry {
            case .unresolved(let name):
                let names = parameters(declaration, unit: unit).map { unit.library.spelling(unit.tree[$0].cursor) }
                guard let position = names.firstIndex(of: name) else { continue }
                facts.spawnSites[index].entry = .parameter(position)
            case .function(let entry) where site.kind != .forkChild:
                guard let trampoline = facts.functions.firstIndex(where: { $0.id == entry }), trampoline != site.function,
                      let position = trampolinedParameter(wrapper: declaration, trampoline: trampoline, facts, declarations, unit)
                else { continue }
                facts.spawnSites[index].entry = .parameter(position)
            default:
                continue
            }
        }
    }

    /// collectd's `plugin_thread_create(pthread_t *thread, void *(*start_routine)(void *), ...)`
    /// stores `start_routine` in a field (`plugin_thread->start_routine = start_routine`) and
    /// starts its own `plugin_thread_start`, which reads the field back and calls through it:
    /// the thread runs what the wrapper's caller hands it. The position of that parameter.
    private static func trampolinedParameter(wrapper: Int, trampoline: Int, _ facts: FileFacts, _ declarations: [Int: Int],
                                             _ unit: UnitContext) -> Int? {
        guard let trampolineDeclaration = declarations[trampoline],
              facts.functions[trampoline].calls.contains(where: { !$0.isResolved }) else { return nil }
        let handed = parameters(wrapper, unit: unit).map { isFunctionPointer($0, unit: unit) ? unit.library.spelling(unit.tree[$0].cursor) : nil }
        guard handed.contains(where: { $0 != nil }) else { return nil }
        let tree = unit.tree
        var fields: [String: Int] = [:]
        for node in descendants(of: wrapper, in: tree) where tree[node].kind == CXCursor_BinaryOperator && tree[node].children.count == 2 {
            let (target, value) = (tree.stripped(tree[node].children[0]), tree.stripped(tree[node].children[1]))
            guard tree[target].kind == CXCursor_MemberRefExpr, tree[value].kind == CXCursor_DeclRefExpr, unit.binaryOperator(node) == "=",
                  let position = handed.firstIndex(of: unit.library.spelling(tree[value].cursor)) else { continue }
            fields[unit.library.spelling(tree[target].cursor)] = position
        }
        guard !fields.isEmpty else { return nil }
        return descendants(of: trampolineDeclaration, in: tree).lazy
            .filter { tree[$0].kind == CXCursor_MemberRefExpr }
            .compactMap { fields[unit.library.spelling(tree[$0].cursor)] }.first
    }

    private static func parameters(_ declaration: Int, unit: UnitContext) -> [Int] {
        unit.tree[declaration].children.filter { unit.tree[$0].kind == CXCursor_ParmDecl }
    }

    /// `void *(*start_routine)(void *)`, or a typedef of one.
    private static func isFunctionPointer(_ parameter: Int, unit: UnitContext) -> Bool {
        let library = unit.library
        let type = library.getCanonicalType(library.getCursorType(unit.tree[parameter].cursor))
        guard type.kind == CXType_Pointer else { return false }
        // `CXType_FunctionNoProto` and `CXType_FunctionProto`.
        return (110...111).contains(library.getCanonicalType(library.getPointeeType(type)).kind.rawValue)
    }

    private static func descendants(of root: Int, in tree: SyntaxTree) -> [Int] {
        var found: [Int] = []
        var work = tree[root].children
        while let node = work.popLast() {
            found.append(node)
            work.append(contentsOf: tree[node].children)
        }
        return found
    }
}
