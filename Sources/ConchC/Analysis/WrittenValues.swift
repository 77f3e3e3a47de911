import CLibClang
import ConchKit

/// What a write to a global leaves behind: `global.mode &= ~MODE_STARTING` leaves
/// that bit clear. Read for the writes that `main` makes before it starts threads,
/// which decide the modes the threads run in.
enum WrittenValues {
    /// `g = 2`, `g |= F`, `g &= ~F` with constants; nil for anything else.
    /// `subject`: the written global or member path, as guards name it.
    static func leaves(_ reference: Int, subject: String, unit: UnitContext) -> ExecutionGuard? {
        let tree = unit.tree
        var lvalue = reference
        while let parent = tree[lvalue].parent, tree[parent].children.first == lvalue,
              [CXCursor_MemberRefExpr, CXCursor_ParenExpr, CXCursor_UnexposedExpr].contains(tree[parent].kind) {
            lvalue = parent
        }
        guard let assignment = tree[lvalue].parent, tree[assignment].children.count == 2, tree[assignment].children[0] == lvalue,
              let value = unit.library.integerValue(tree[tree.stripped(tree[assignment].children[1])].cursor) else { return nil }
        switch (tree[assignment].kind, unit.binaryOperator(assignment)) {
        case (CXCursor_BinaryOperator, "="):
            return ExecutionGuard(subject: .global(subject), value: value, isEqual: true)
        case (CXCursor_CompoundAssignOperator, "|=") where value != 0:
            return ExecutionGuard(subject: .globalBits(subject, mask: value), value: 0, isEqual: false)
        case (CXCursor_CompoundAssignOperator, "&=") where ~value != 0:
            return ExecutionGuard(subject: .globalBits(subject, mask: ~value), value: 0, isEqual: true)
        default:
            return nil
        }
    }

    /// Whether the node runs whenever its function gets that far: no branch, loop,
    /// `switch`, label or short-circuit operand lies between it and the body.
    static func isUnconditional(_ index: Int, in declaration: Int, unit: UnitContext) -> Bool {
        let tree = unit.tree
        var current = index
        while let parent = tree[current].parent, parent != declaration {
            switch tree[parent].kind {
            case CXCursor_IfStmt, CXCursor_ForStmt, CXCursor_WhileStmt, CXCursor_DoStmt, CXCursor_SwitchStmt,
                 CXCursor_CaseStmt, CXCursor_DefaultStmt, CXCursor_LabelStmt, CXCursor_ConditionalOperator:
                return false
            case CXCursor_BinaryOperator where ["&&", "||"].contains(unit.binaryOperator(parent) ?? ""):
                return false
            default:
                current = parent
            }
        }
        return true
    }
}
