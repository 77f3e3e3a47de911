import CLibClang
import ConchKit

/// Which operator nodes count as arithmetic work in a loop body.
enum Operators {
    static let binary: Set<String> = ["+", "-", "*", "/", "%", "<<", ">>", "&", "|", "^"]
    static let comparisons: Set<String> = ["<", ">", "<=", ">=", "==", "!="]
    static let unary: Set<String> = ["++", "--", "-", "~"]

    /// Binary arithmetic, bitwise and comparison operators, every compound
    /// assignment, and `++`, `--`, unary `-` and `~`, with whether it compares; nil
    /// for the rest: `=`, `&&`, `||`, `,`, `&x`, `*p`.
    static func arithmetic(_ kind: CXCursorKind, unit: UnitContext, index: Int) -> Bool? {
        switch kind {
        case CXCursor_CompoundAssignOperator:
            return false
        case CXCursor_BinaryOperator:
            guard let op = unit.binaryOperator(index) else { return nil }
            return binary.contains(op) ? false : comparisons.contains(op) ? true : nil
        case CXCursor_UnaryOperator:
            return unit.unaryOperator(index).flatMap { unary.contains($0) ? false : nil }
        default:
            return nil
        }
    }
}

/// Whether a statement leaves the enclosing block rather than falling through.
enum ControlFlow {
    enum Ending { case continues, breaks, leaves }

    /// How control leaves a statement inside a `switch`: on to the next one,
    /// out of the switch (`break`), or out of the function or loop.
    static func ending(_ index: Int, unit: UnitContext) -> Ending {
        let node = unit.tree[index]
        switch node.kind {
        case CXCursor_BreakStmt:
            return .breaks
        case CXCursor_CaseStmt, CXCursor_DefaultStmt, CXCursor_LabelStmt, CXCursor_CompoundStmt:
            return node.children.last.map { ending($0, unit: unit) } ?? .continues
        default:
            return exits(index, unit: unit) ? .leaves : .continues
        }
    }

    /// `leavingTheFunction`: only by `return` or a call that does not return, not by a
    /// jump that goes on elsewhere in the function (`goto`, `break`, `continue`).
    static func exits(_ index: Int, unit: UnitContext, leavingTheFunction: Bool = false) -> Bool {
        let tree = unit.tree
        let node = tree[index]
        switch node.kind {
        case CXCursor_ReturnStmt:
            return true
        case CXCursor_GotoStmt, CXCursor_IndirectGotoStmt, CXCursor_BreakStmt, CXCursor_ContinueStmt:
            return !leavingTheFunction
        case CXCursor_CompoundStmt:
            return node.children.last.map { exits($0, unit: unit, leavingTheFunction: leavingTheFunction) } ?? false
        case CXCursor_IfStmt:
            return node.children.count == 3 && exits(node.children[1], unit: unit, leavingTheFunction: leavingTheFunction)
                && exits(node.children[2], unit: unit, leavingTheFunction: leavingTheFunction)
        default:
            return isNoReturnCall(index, unit: unit)
        }
    }

    /// Whether the statement ends the process on every path (`_exit(0);`, `{ log(); exit(1); }`).
    static func endsProcess(_ index: Int, unit: UnitContext) -> Bool {
        endsProcess(index, unit: unit, ending: unit.endingFunctions)
    }

    /// `endsProcess`, with `ending` the unit's functions known to end it.
    private static func endsProcess(_ index: Int, unit: UnitContext, ending: Set<String>) -> Bool {
        let node = unit.tree[index]
        switch node.kind {
        case CXCursor_CompoundStmt, CXCursor_DefaultStmt, CXCursor_CaseStmt:
            return node.children.last.map { endsProcess($0, unit: unit, ending: ending) } ?? false
        case CXCursor_IfStmt:
            return node.children.count == 3 && endsProcess(node.children[1], unit: unit, ending: ending)
                && endsProcess(node.children[2], unit: unit, ending: ending)
        default:
            return endsProcessCall(index, unit: unit, ending: ending)
        }
    }

    /// The unit's functions whose body ends the process on every path, through libc's
    /// calls that never return (`fatal_exit()`: `fprintf(...); _exit(99);`).
    static func endingFunctions(in unit: UnitContext) -> Set<String> {
        let tree = unit.tree
        var found: Set<String> = []
        for root in tree.roots where tree[root].kind == CXCursor_FunctionDecl {
            guard let body = tree[root].children.last, tree[body].kind == CXCursor_CompoundStmt,
                  endsProcess(body, unit: unit, ending: []), !returns(body, tree) else { continue }
            found.insert(unit.library.spelling(tree[root].cursor))
        }
        return found
    }

    /// Whether a `return` stands anywhere in the statement: a way out that does not end the process.
    private static func returns(_ index: Int, _ tree: SyntaxTree) -> Bool {
        var pending = [index]
        while let current = pending.popLast() {
            if tree[current].kind == CXCursor_ReturnStmt { return true }
            pending += tree[current].children
        }
        return false
    }

    /// Whether what comes right after a call, in its comma expression or its block,
    /// never returns: `(_serverAssert(...), __builtin_unreachable())`, `report(); abort();`,
    /// `fprintf(stderr, "%s\n", strerror(errno)); _exit(99);`.
    static func isFollowedByExit(_ call: Int, unit: UnitContext) -> Bool {
        let tree = unit.tree
        guard var (parent, child) = tree.semanticParent(of: call) else { return false }
        // A void call can only be the right operand of `,`; macro expansions
        // (`serverAssert`) hide the operator's text, so it is not read.
        if tree[parent].kind == CXCursor_BinaryOperator, tree[parent].children.count == 2, tree[parent].children[0] == child,
           endsProcessCall(tree[parent].children[1], unit: unit, ending: unit.endingFunctions) {
            return true
        }
        // Up to the statement that holds the call, within its block.
        while tree[parent].kind != CXCursor_CompoundStmt {
            guard tree[parent].kind != CXCursor_FunctionDecl, let above = tree[parent].parent else { return false }
            (parent, child) = (above, parent)
        }
        let siblings = tree[parent].children
        guard let position = siblings.firstIndex(of: child), position + 1 < siblings.count else { return false }
        return endsProcessCall(siblings[position + 1], unit: unit, ending: unit.endingFunctions)
    }

    /// A call of one of the unit's functions that ends the process (its `die()`).
    static func callsEndingFunction(_ index: Int, unit: UnitContext) -> Bool {
        calleeName(index, unit: unit).map(unit.endingFunctions.contains) ?? false
    }

    /// A call after which control does not come back: libc's, or one of the unit's functions that ends the process.
    private static func isNoReturnCall(_ index: Int, unit: UnitContext) -> Bool {
        guard let name = calleeName(index, unit: unit) else { return false }
        return LockAPIs.noReturn.contains(name) || unit.endingFunctions.contains(name)
    }

    /// A call that ends the process, not just the thread (`pthread_exit`) or the jump (`longjmp`).
    private static func endsProcessCall(_ index: Int, unit: UnitContext, ending: Set<String>) -> Bool {
        guard let name = calleeName(index, unit: unit) else { return false }
        return LockAPIs.endsProcess.contains(name) || ending.contains(name)
    }

    private static func calleeName(_ index: Int, unit: UnitContext) -> String? {
        let inner = unit.tree.stripped(index)
        guard unit.tree[inner].kind == CXCursor_CallExpr, let callee = unit.library.referenced(unit.tree[inner].cursor) else { return nil }
        return unit.library.spelling(callee)
    }
}

/// Spans between `PyEval_SaveThread` and `PyEval_RestoreThread`.
enum GILRegions {
    /// `isRelease` marks a `PyEval_SaveThread` (its start offset); the others a
    /// `PyEval_RestoreThread` (its end offset). An unmatched save runs to the function's end.
    static func pair(_ events: [(offset: Int, isRelease: Bool)], functionEnd: Int) -> [ByteRange] {
        var regions: [ByteRange] = []
        var open: Int?
        for event in events.sorted(by: { $0.offset < $1.offset }) {
            if event.isRelease {
                open = open ?? event.offset
            } else if let start = open {
                regions.append(ByteRange(start, event.offset))
                open = nil
            }
        }
        if let start = open { regions.append(ByteRange(start, functionEnd)) }
        return regions
    }
}
