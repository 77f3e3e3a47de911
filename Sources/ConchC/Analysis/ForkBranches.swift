import CLibClang
import ConchKit

/// Finds the code a `fork()` child runs: the branch taken when the result is 0.
enum ForkBranches {
    private enum Side { case child, parent, failure, unknown }

    static func childBranch(of call: Int, unit: UnitContext) -> ByteRange? {
        firstTest(of: call, unit: unit) { candidate, pid, rest in branch(candidate, pid: pid, call: call, rest: rest, unit: unit) }
    }

    /// Whether the parent ends the process right after the fork (`if (pid > 0) _exit(0);`,
    /// a daemon detaching): the child goes on alone, so one process runs however often it forks.
    static func parentEndsProcess(of call: Int, unit: UnitContext) -> Bool {
        parentArm(of: call, unit: unit).map { ControlFlow.endsProcess($0, unit: unit) } ?? false
    }

    /// Where the arm taken when the call returns nonzero lies, for a call whose result an
    /// `if` tests: `if (pthread_create(...) != 0)`, `if ((err = start(...)) < 0)`, or
    /// `ret = start(...);` then `if (ret)`; the `else` of `if (start(...) == 0)`. Only for
    /// `int`, `long` and the other integer types, not `bool` unless `orBool`: a start that
    /// returns one says 0 for success, as `pthread_create` does.
    static func nonzeroArm(ofIntegerCall call: Int, orBool: Bool = false, unit: UnitContext) -> ByteRange? {
        let type = unit.library.getCanonicalType(unit.library.getCursorType(unit.tree[call].cursor)).kind
        guard (CXType_Char_U.rawValue...CXType_Int128.rawValue).contains(type.rawValue) || orBool && type == CXType_Bool else { return nil }
        return firstTest(of: call, unit: unit) { statement, result, _ in
            let node = unit.tree[statement]
            guard node.kind == CXCursor_IfStmt, node.children.count >= 2 else { return nil }
            switch side(whenTrue: node.children[0], pid: result, call: call, unit: unit) {
            case .parent, .failure: return unit.range(node.children[1])
            case .child: return node.children.count > 2 ? unit.range(node.children[2]) : nil
            case .unknown: return nil
            }
        }
    }

    /// Where the parent's arm of the test of the fork's result lies (`else if (pid) { ... }`).
    static func parentArmRange(of call: Int, unit: UnitContext) -> ByteRange? {
        parentArm(of: call, unit: unit).map { unit.range($0) }
    }

    private static func parentArm(of call: Int, unit: UnitContext) -> Int? {
        firstTest(of: call, unit: unit) { candidate, pid, _ in parentArm(candidate, pid: pid, call: call, unit: unit) }
    }

    /// The first answer `answer` gives for the statements that test the fork's result:
    /// the one holding the call, then those after it in its block that name the pid.
    private static func firstTest<Answer>(of call: Int, unit: UnitContext,
                                          _ answer: (_ statement: Int, _ pid: String?, _ rest: ByteRange) -> Answer?) -> Answer? {
        let tree = unit.tree
        let pid = CallReader.boundName(call, unit: unit)
        // The statement holding the call, directly inside a block.
        var statement = call
        while let parent = tree[statement].parent, tree[parent].kind != CXCursor_CompoundStmt { statement = parent }
        guard let block = tree[statement].parent else { return nil }
        let siblings = tree[block].children
        guard let position = siblings.firstIndex(of: statement) else { return nil }
        for (offset, candidate) in siblings[position...].enumerated() {
            let mentions = offset == 0 ? tree.isAncestor(candidate, of: call) : pid.map { mentionsName($0, candidate, unit: unit) } ?? false
            guard mentions else { continue }
            let rest = ByteRange(unit.tree[candidate].end, unit.tree[block].end - 1)
            if let found = answer(candidate, pid, rest) { return found }
        }
        return nil
    }

    /// The arm the parent takes in a statement testing the fork's result: an `if` arm, or
    /// the `default:` section's last statement of a `switch`.
    private static func parentArm(_ statement: Int, pid: String?, call: Int, unit: UnitContext) -> Int? {
        let tree = unit.tree
        let node = tree[statement]
        switch node.kind {
        case CXCursor_IfStmt where node.children.count >= 2:
            let otherwise = node.children.count > 2 ? node.children[2] : nil
            switch side(whenTrue: node.children[0], pid: pid, call: call, unit: unit) {
            case .parent: return node.children[1]
            case .child: return otherwise
            case .failure: return otherwise.flatMap { parentArm($0, pid: pid, call: call, unit: unit) }
            case .unknown: return nil
            }
        case CXCursor_SwitchStmt where node.children.count == 2:
            let sections = tree[node.children[1]].children
            guard let label = sections.lastIndex(where: { tree[$0].kind == CXCursor_DefaultStmt }) else { return nil }
            let next = sections[(label + 1)...].firstIndex { [CXCursor_CaseStmt, CXCursor_DefaultStmt].contains(tree[$0].kind) }
            return sections[label..<(next ?? sections.endIndex)].last
        default:
            return nil
        }
    }

    private static func branch(_ statement: Int, pid: String?, call: Int, rest: ByteRange, unit: UnitContext) -> ByteRange? {
        let tree = unit.tree
        let node = tree[statement]
        switch node.kind {
        case CXCursor_IfStmt where node.children.count >= 2:
            let then = node.children[1]
            let otherwise = node.children.count > 2 ? node.children[2] : nil
            switch side(whenTrue: node.children[0], pid: pid, call: call, unit: unit) {
            case .child:
                return unit.range(then)
            case .parent:
                if let otherwise { return unit.range(otherwise) }
                return ControlFlow.exits(then, unit: unit) ? rest : nil
            case .failure:
                if let otherwise { return branch(otherwise, pid: pid, call: call, rest: rest, unit: unit) }
                return nil
            case .unknown:
                return nil
            }
        case CXCursor_SwitchStmt where node.children.count == 2:
            let body = tree[node.children[1]]
            for (offset, label) in body.children.enumerated() where tree[label].kind == CXCursor_CaseStmt {
                guard let value = tree[label].children.first, unit.library.integerValue(tree[value].cursor) == 0 else { continue }
                // Clang gives a label whose statement it could not build (an undeclared
                // name, in a unit missing headers) no place of its own: it marks no branch.
                guard tree[label].start > node.start else { return nil }
                let next = body.children[(offset + 1)...].first { [CXCursor_CaseStmt, CXCursor_DefaultStmt].contains(tree[$0].kind) }
                return ByteRange(tree[label].start, next.map { tree[$0].start } ?? body.end - 1)
            }
            return nil
        default:
            return nil
        }
    }

    /// Which process runs the branch taken when `condition` is true.
    private static func side(whenTrue condition: Int, pid: String?, call: Int, unit: UnitContext) -> Side {
        let tree = unit.tree
        let inner = tree.stripped(condition)
        func isPID(_ index: Int) -> Bool {
            let stripped = tree.stripped(index)
            if stripped == call { return true }
            // `(pid = fork()) == 0`
            if tree[stripped].kind == CXCursor_BinaryOperator, let value = tree[stripped].children.last, tree.stripped(value) == call { return true }
            return pid.map { unit.compactText(stripped) == $0 } ?? false
        }
        switch tree[inner].kind {
        case CXCursor_UnaryOperator where unit.unaryOperator(inner) == "!":
            return tree[inner].children.last.map(isPID) == true ? .child : .unknown
        case CXCursor_BinaryOperator where tree[inner].children.count == 2:
            let lhs = tree[inner].children[0]
            let rhs = tree[inner].children[1]
            let (value, swapped): (Int?, Bool) = isPID(lhs) ? (unit.library.integerValue(tree[rhs].cursor), false)
                : isPID(rhs) ? (unit.library.integerValue(tree[lhs].cursor), true) : (nil, false)
            guard let value, var op = unit.binaryOperator(inner) else { return .unknown }
            if swapped { op = ["<": ">", ">": "<", "<=": ">=", ">=": "<="][op] ?? op }
            switch (op, value) {
            case ("==", 0), ("<=", 0): return .child
            case ("!=", 0), (">", 0): return .parent
            case ("<", 0), ("==", -1), ("<=", -1): return .failure
            default: return .unknown
            }
        default:
            return isPID(condition) ? .parent : .unknown
        }
    }

    /// Whether an `if`/`switch` condition names the variable holding the pid.
    private static func mentionsName(_ name: String, _ statement: Int, unit: UnitContext) -> Bool {
        let tree = unit.tree
        guard tree[statement].kind == CXCursor_IfStmt || tree[statement].kind == CXCursor_SwitchStmt,
              let condition = tree[statement].children.first else { return false }
        var work = [condition]
        while let index = work.popLast() {
            if unit.compactText(index) == name { return true }
            work += tree[index].children
        }
        return false
    }
}
