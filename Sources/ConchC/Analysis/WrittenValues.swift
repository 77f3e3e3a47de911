import CLibClang
import ConchKit

/// What a write to a global leaves behind (`global.mode &= ~MODE_STARTING` leaves that
/// bit clear), read for the writes `main` makes before it starts threads, which decide
/// the modes the threads run in; and which pointers can never hold a global object's
/// address, for comparisons such as `loop == default_loop_ptr`.
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

    /// Whether a write stores a null pointer or a global object's address
    /// (`default_loop_ptr = &default_loop_struct`), which never points into a stack.
    static func storesFixedAddress(_ reference: Int, unit: UnitContext) -> Bool {
        let tree = unit.tree
        guard let (assignment, lvalue) = tree.semanticParent(of: reference), tree[assignment].kind == CXCursor_BinaryOperator,
              unit.binaryOperator(assignment) == "=", tree[assignment].children.first == lvalue,
              let stored = tree[assignment].children.last.map({ tree.stripped($0) }) else { return false }
        if unit.library.integerValue(tree[stored].cursor) == 0 { return true }
        guard let operand = unit.addressOperand(stored).map(tree.stripped), tree[operand].kind == CXCursor_DeclRefExpr,
              let target = unit.library.referenced(tree[operand].cursor) else { return false }
        return unit.global(target) != nil
    }

    /// `&loop` of the function's own automatic variable, or `&ctx->loop` of a member:
    /// never the address of a whole global object.
    static func addressesNoGlobalObject(_ index: Int, unit: UnitContext) -> Bool {
        let tree = unit.tree
        if tree[index].kind == CXCursor_DeclRefExpr { return holdsOnlyHeapMemory(index, unit: unit) }
        guard let operand = unit.addressOperand(index).map(tree.stripped) else { return false }
        if tree[operand].kind == CXCursor_MemberRefExpr { return true }
        guard tree[operand].kind == CXCursor_DeclRefExpr, let target = unit.library.referenced(tree[operand].cursor),
              target.kind == CXCursor_VarDecl else { return false }
        let storage = unit.library.getStorageClass(target)
        return unit.global(target) == nil && storage != CX_SC_Static && storage != CX_SC_Extern
    }

    /// `loop` where the function's local pointer `loop` is only ever given fresh heap
    /// memory (`loop = malloc(sizeof(*loop))`) or null, and its address is never taken.
    private static func holdsOnlyHeapMemory(_ reference: Int, unit: UnitContext) -> Bool {
        let tree = unit.tree
        guard AccessClassifier.isPointer(reference, unit: unit),
              let variable = unit.library.referenced(tree[reference].cursor), variable.kind == CXCursor_VarDecl,
              unit.global(variable) == nil, unit.library.getStorageClass(variable) == CX_SC_None else { return false }
        let key = unit.library.usr(variable)
        guard !key.isEmpty else { return false }
        if let known = unit.heapOnlyLocals[key] { return known }
        var function = reference
        while let parent = tree[function].parent, tree[function].kind != CXCursor_FunctionDecl { function = parent }
        let result = tree[function].kind == CXCursor_FunctionDecl && givenOnlyHeapMemory(key, in: function, unit: unit)
        unit.heapOnlyLocals[key] = result
        return result
    }

    /// libclang numbers its expression cursor kinds from 100 to 199.
    private static let expressionKinds: Range<UInt32> = 100..<200

    private static func givenOnlyHeapMemory(_ key: String, in function: Int, unit: UnitContext) -> Bool {
        let tree = unit.tree
        let library = unit.library
        func names(_ index: Int) -> Bool {
            let node = tree[tree.stripped(index)]
            return node.kind == CXCursor_DeclRefExpr && library.referenced(node.cursor).map(library.usr) == key
        }
        func isFresh(_ index: Int) -> Bool {
            let value = tree.stripped(index)
            if library.integerValue(tree[value].cursor) == 0 { return true }
            return tree[value].kind == CXCursor_CallExpr && MemoryAPIs.allocators.contains(CallReader.read(value, unit: unit).callee)
        }
        var allocated = false
        var work = [function]
        while let index = work.popLast() {
            let node = tree[index]
            work += node.children
            switch node.kind {
            case CXCursor_VarDecl where library.usr(node.cursor) == key:
                // The initialiser is the expression child; a type reference may stand before it.
                guard let initial = node.children.last(where: { Self.expressionKinds.contains(tree[$0].kind.rawValue) }) else { continue }
                guard isFresh(initial) else { return false }
                allocated = true
            case CXCursor_BinaryOperator where node.children.count == 2 && names(node.children[0]):
                guard unit.binaryOperator(index) == "=" else { continue }
                guard isFresh(node.children[1]) else { return false }
                allocated = true
            case CXCursor_CompoundAssignOperator where node.children.first.map(names) == true:
                return false
            case CXCursor_UnaryOperator where node.children.last.map(names) == true:
                if unit.unaryOperator(index) == "&" { return false }
            default:
                continue
            }
        }
        return allocated
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
