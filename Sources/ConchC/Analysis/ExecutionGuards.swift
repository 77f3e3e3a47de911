import CLibClang
import ConchKit

/// The conditions a node of one function body runs under: the `if` branches
/// around it, and the early exits before it in each enclosing block
/// (`if (io_threads_op != IDLE) { ...; break; }` gates what follows it on
/// `io_threads_op == IDLE`), and the `case` arm of a `switch` on a global or a
/// parameter. Only comparisons of a global or a parameter with an
/// integer constant, and tests of a global's bits (`global.mode & MODE_STARTING`),
/// are read; anything else guards nothing.
final class ExecutionGuards {
    /// What a condition says when it holds and when it does not.
    private struct Condition {
        var whenTrue: [ExecutionGuard] = []
        var whenFalse: [ExecutionGuard] = []
    }

    private let unit: UnitContext
    private let declaration: Int
    private let parameters: [String]
    private var tree: SyntaxTree { unit.tree }
    private var guardsAt: [Int: [ExecutionGuard]] = [:]
    /// Per block: the guards its early exits add before each of its statements.
    private var exitGuards: [Int: [Int: [ExecutionGuard]]] = [:]
    private var assignedVariables: Set<String>?
    /// The body's locals declared with an initializer, by USR: built once, when a condition first names a local.
    private var localInitializers: [String: Int]?
    /// Locals followed into their initializers (`int a = b;` ...), at most `aliasLimit` deep.
    private var aliasDepth = 0
    private static let aliasLimit = 4

    init(unit: UnitContext, declaration: Int) {
        self.unit = unit
        self.declaration = declaration
        parameters = unit.tree[declaration].children.filter { unit.tree[$0].kind == CXCursor_ParmDecl }
            .map { unit.library.spelling(unit.tree[$0].cursor) }
    }

    func guards(at index: Int) -> [ExecutionGuard] {
        var path: [Int] = []
        var current: Int? = index
        while let node = current, node != declaration, guardsAt[node] == nil {
            path.append(node)
            current = tree[node].parent
        }
        var guards = current.flatMap { guardsAt[$0] } ?? []
        for node in path.reversed() {
            if let parent = tree[node].parent { guards += added(enteringChild: node, of: parent) }
            guardsAt[node] = guards
        }
        return guards
    }

    /// What stepping from `parent` into `child` adds: the branch's condition, or a block's earlier exits.
    private func added(enteringChild child: Int, of parent: Int) -> [ExecutionGuard] {
        let children = tree[parent].children
        switch tree[parent].kind {
        case CXCursor_IfStmt where children.count >= 2:
            if child == children[1] { return condition(children[0]).whenTrue }
            if children.count == 3, child == children[2] { return condition(children[0]).whenFalse }
            return []
        case CXCursor_CompoundStmt:
            if exitGuards[parent] == nil {
                exitGuards[parent] = scanExits(parent).merging(scanSwitchArms(parent), uniquingKeysWith: +)
            }
            return exitGuards[parent]?[child] ?? []
        default:
            return []
        }
    }

    /// Walks a block's statements in order: after `if (c) return;` the rest runs
    /// only when `c` is false. A label or `case` is a jump target, so it starts over.
    private func scanExits(_ block: Int) -> [Int: [ExecutionGuard]] {
        var result: [Int: [ExecutionGuard]] = [:]
        var accumulated: [ExecutionGuard] = []
        for statement in tree[block].children {
            let kind = tree[statement].kind
            if kind == CXCursor_LabelStmt || kind == CXCursor_CaseStmt || kind == CXCursor_DefaultStmt { accumulated = [] }
            result[statement] = accumulated
            let branches = tree[statement].children
            guard kind == CXCursor_IfStmt, branches.count >= 2 else { continue }
            let thenExits = ControlFlow.exits(branches[1], unit: unit)
            let elseExits = branches.count == 3 && ControlFlow.exits(branches[2], unit: unit)
            if thenExits, !elseExits { accumulated += condition(branches[0]).whenFalse }
            if elseExits, !thenExits { accumulated += condition(branches[0]).whenTrue }
        }
        return result
    }

    /// In the body of `switch (subject)`, the statements of an arm entered only by
    /// one `case` label run when the subject equals it (`case CMD_FREE:`), and those
    /// of a `default:` arm when it equals none of the labels. An arm that the one
    /// before falls into, or with several labels, is left unguarded, and so is every
    /// arm of a switch with labels nested deeper than its body (Duff's device).
    private func scanSwitchArms(_ body: Int) -> [Int: [ExecutionGuard]] {
        guard let statement = tree[body].parent, tree[statement].kind == CXCursor_SwitchStmt,
              tree[statement].children.last == body, let condition = tree[statement].children.first,
              let subject = subject(condition) else { return [:] }
        var arms: [Int: [Int?]] = [:]
        for statement in tree[body].children {
            guard let labels = armLabels(statement) else { return [:] }
            if !labels.isEmpty { arms[statement] = labels }
        }
        guard arms.values.reduce(0, { $0 + $1.count }) == labelCount(under: body) else { return [:] }
        // In source order: a dictionary's order changes from run to run, and facts must not.
        let caseValues = tree[body].children.compactMap { arms[$0] }.flatMap { $0.compactMap { $0 } }
        var result: [Int: [ExecutionGuard]] = [:]
        var current: [ExecutionGuard] = []
        var previous: Int?
        for statement in tree[body].children {
            if let labels = arms[statement] {
                let fallsIn = previous.map { ControlFlow.ending($0, unit: unit) == .continues } ?? false
                if fallsIn || labels.count != 1 {
                    current = []
                } else if let value = labels[0] {
                    current = [ExecutionGuard(subject: subject, value: value, isEqual: true)]
                } else {
                    current = caseValues.map { ExecutionGuard(subject: subject, value: $0, isEqual: false) }
                }
            }
            result[statement] = current
            previous = statement
        }
        return result
    }

    /// The labels that start an arm, innermost last: `case 1: case 2: stmt` -> [1, 2],
    /// `default:` -> [nil]; empty for a statement inside an arm, nil for a label whose value is unknown or a range.
    private func armLabels(_ statement: Int) -> [Int?]? {
        var labels: [Int?] = []
        var node = statement
        while true {
            switch tree[node].kind {
            case CXCursor_CaseStmt:
                // Three children is a GNU range, `case 1 ... 5:`.
                guard tree[node].children.count == 2,
                      let value = unit.library.integerValue(tree[tree[node].children[0]].cursor) else { return nil }
                labels.append(value)
            case CXCursor_DefaultStmt:
                labels.append(nil)
            default:
                return labels
            }
            guard let next = tree[node].children.last else { return labels }
            node = next
        }
    }

    /// Every `case` and `default` label of the switch whose body this is, at any depth.
    private func labelCount(under body: Int) -> Int {
        var count = 0
        var work = tree[body].children
        while let index = work.popLast() {
            let kind = tree[index].kind
            if kind == CXCursor_SwitchStmt { continue }
            if kind == CXCursor_CaseStmt || kind == CXCursor_DefaultStmt { count += 1 }
            work += tree[index].children
        }
        return count
    }

    private func condition(_ index: Int) -> Condition {
        let inner = tree.stripped(index)
        let children = tree[inner].children
        switch tree[inner].kind {
        case CXCursor_UnaryOperator where unit.unaryOperator(inner) == "!" && children.count == 1:
            let operand = condition(children[0])
            return Condition(whenTrue: operand.whenFalse, whenFalse: operand.whenTrue)
        case CXCursor_BinaryOperator where children.count == 2:
            switch unit.binaryOperator(inner) {
            case "&&":
                return Condition(whenTrue: condition(children[0]).whenTrue + condition(children[1]).whenTrue)
            case "||":
                return Condition(whenFalse: condition(children[0]).whenFalse + condition(children[1]).whenFalse)
            case "&":
                // `global.mode & MODE_STARTING`: whether some of those bits are set.
                guard let (subject, mask) = comparedWithConstant(children[0], children[1])
                        ?? comparedWithConstant(children[1], children[0]), mask != 0 else { return Condition() }
                switch subject {
                case .global(let name): return Self.condition(ExecutionGuard(subject: .globalBits(name, mask: mask), value: 0, isEqual: false))
                case .parameter(let position):
                    return Self.condition(ExecutionGuard(subject: .parameterBits(position, mask: mask), value: 0, isEqual: false))
                default: return Condition()
                }
            case let comparison? where comparison == "==" || comparison == "!=":
                if let subject = sameAddress(children[0], children[1]) ?? sameAddress(children[1], children[0]) {
                    return Self.condition(ExecutionGuard(subject: subject, value: 1, isEqual: comparison == "=="))
                }
                guard let (subject, value) = comparedWithConstant(children[0], children[1])
                        ?? comparedWithConstant(children[1], children[0]) else { return Condition() }
                return Self.condition(ExecutionGuard(subject: subject, value: value, isEqual: comparison == "=="))
            default:
                return Condition()
            }
        default:
            // git's `int ignore_fsmonitor = options & CE_MATCH_IGNORE_FSMONITOR;` then `if (!ignore_fsmonitor)`.
            if aliasDepth < Self.aliasLimit, let initializer = constantLocalInitializer(inner) {
                aliasDepth += 1
                defer { aliasDepth -= 1 }
                return condition(initializer)
            }
            // `if (flag)` is `flag != 0`.
            guard let subject = subject(inner) else { return Condition() }
            return Self.condition(ExecutionGuard(subject: subject, value: 0, isEqual: false))
        }
    }

    private static func condition(_ holding: ExecutionGuard) -> Condition {
        Condition(whenTrue: [holding], whenFalse: [holding.negated])
    }

    /// `loop == default_loop_ptr`: a pointer parameter the function never assigns, against a global pointer.
    private func sameAddress(_ operand: Int, _ other: Int) -> ExecutionGuard.Subject? {
        guard case .parameter(let position)? = subject(operand), AccessClassifier.isPointer(tree.stripped(operand), unit: unit),
              case .global(let name)? = subject(other), AccessClassifier.isPointer(tree.stripped(other), unit: unit) else { return nil }
        return .sameAddress(parameter: position, global: name)
    }

    private func comparedWithConstant(_ operand: Int, _ other: Int) -> (ExecutionGuard.Subject, Int)? {
        guard let subject = subject(operand), self.subject(other) == nil,
              let value = unit.library.integerValue(tree[tree.stripped(other)].cursor) else { return nil }
        return (subject, value)
    }

    /// A global (through `.` members), or a parameter the function never assigns.
    private func subject(_ index: Int) -> ExecutionGuard.Subject? {
        var node = tree.stripped(index)
        var members = 0
        while tree[node].kind == CXCursor_MemberRefExpr, let base = tree[node].children.first {
            members += 1
            node = tree.stripped(base)
        }
        guard tree[node].kind == CXCursor_DeclRefExpr, let declaration = unit.library.referenced(tree[node].cursor) else { return nil }
        if declaration.kind == CXCursor_ParmDecl {
            let name = unit.library.spelling(declaration)
            guard members == 0, let position = parameters.firstIndex(of: name), !isAssigned(name) else { return nil }
            return .parameter(position)
        }
        guard let global = unit.global(declaration) else { return nil }
        guard members > 0 else { return .global(global.name) }
        // `server.io_threads_num`, not `server.master->flags`: a pointer leads away from the global.
        guard let path = AccessClassifier.memberPath(node, unit: unit),
              path.split(separator: ".").count == members else { return nil }
        return .global(global.name + "." + path)
    }

    /// The initializer of a local the condition names, when the body never stores to it again.
    private func constantLocalInitializer(_ index: Int) -> Int? {
        guard tree[index].kind == CXCursor_DeclRefExpr, let declaration = unit.library.referenced(tree[index].cursor),
              declaration.kind == CXCursor_VarDecl, unit.global(declaration) == nil,
              !isAssigned(unit.library.spelling(declaration)) else { return nil }
        if localInitializers == nil { localInitializers = findLocalInitializers() }
        return localInitializers?[unit.library.usr(declaration)]
    }

    private func findLocalInitializers() -> [String: Int] {
        var initializers: [String: Int] = [:]
        var work = tree[declaration].children
        while let node = work.popLast() {
            work += tree[node].children
            guard tree[node].kind == CXCursor_VarDecl, tree[node].children.count == 1, let initializer = tree[node].children.last else { continue }
            initializers[unit.library.usr(tree[node].cursor)] = initializer
        }
        return initializers
    }

    /// A parameter (or local) the body stores to, increments or takes the address of no longer holds the caller's argument (or its first value).
    private func isAssigned(_ variable: String) -> Bool {
        if assignedVariables == nil { assignedVariables = findAssignedVariables() }
        return assignedVariables?.contains(variable) ?? true
    }

    private func findAssignedVariables() -> Set<String> {
        var assigned: Set<String> = []
        var work = tree[declaration].children
        while let index = work.popLast() {
            work += tree[index].children
            guard tree[index].kind == CXCursor_DeclRefExpr, let target = unit.library.referenced(tree[index].cursor),
                  target.kind == CXCursor_ParmDecl || target.kind == CXCursor_VarDecl,
                  let (parent, child) = tree.semanticParent(of: index) else { continue }
            let isStoredTo: Bool
            switch tree[parent].kind {
            case CXCursor_BinaryOperator:
                isStoredTo = unit.binaryOperator(parent) == "=" && tree[parent].children.first == child
            case CXCursor_CompoundAssignOperator:
                isStoredTo = tree[parent].children.first == child
            case CXCursor_UnaryOperator:
                isStoredTo = ["++", "--", "&"].contains(unit.unaryOperator(parent) ?? "")
            default:
                isStoredTo = false
            }
            if isStoredTo { assigned.insert(unit.library.spelling(target)) }
        }
        return assigned
    }
}
