import CLibClang
import ConchKit

/// Decides whether a reference to a global reads it or writes it, and how.
enum AccessClassifier {
    struct Classified {
        var kind: GlobalAccess.Kind
        var range: ByteRange
        var isAtomic = false
        /// Member path on a struct global: `a.b` for `g.a.b`.
        var field: String?
        /// The element a constant index picks in a global array: `1` for `pipefds[1]`.
        var element: Int?
    }

    /// Classifies the reference and records the member path and the element it goes through.
    static func classifyWithField(_ reference: Int, variable: String, unit: UnitContext) -> Classified? {
        guard var classified = classify(reference, variable: variable, unit: unit) else { return nil }
        classified.field = memberPath(reference, unit: unit)
        classified.element = subscriptIndex(of: reference, unit: unit).flatMap { unit.library.integerValue(unit.tree[$0].cursor) }
        return classified
    }

    /// The index expression when the global is subscripted: `tid` in `activity[tid]`.
    static func subscriptIndex(of reference: Int, unit: UnitContext) -> Int? {
        let tree = unit.tree
        guard let link = tree.semanticParent(of: reference), tree[link.parent].kind == CXCursor_ArraySubscriptExpr,
              tree[link.parent].children.first == link.child else { return nil }
        return tree[link.parent].children.last.map { tree.stripped($0) }
    }

    /// The members named on the way up from the name, through parentheses and
    /// array subscripts, stopping at a pointer dereference (`g.p->x` gives `p`).
    static func memberPath(_ reference: Int, unit: UnitContext) -> String? {
        let tree = unit.tree
        var node = reference
        var members: [String] = []
        while let parent = tree[node].parent, tree[parent].children.first == node {
            let kind = tree[parent].kind
            if kind == CXCursor_MemberRefExpr, !isPointer(node, unit: unit) {
                members.append(unit.library.spelling(tree[parent].cursor))
            } else if kind == CXCursor_ArraySubscriptExpr, isPointer(node, unit: unit),
                      !(tree[node].children.first.map { isArray($0, unit: unit) } ?? false) {
                break
            } else if kind != CXCursor_ParenExpr, kind != CXCursor_ArraySubscriptExpr, kind != CXCursor_UnexposedExpr {
                break
            }
            node = parent
        }
        return members.isEmpty ? nil : members.joined(separator: ".")
    }

    /// Nil for a mention that is not evaluated: `sizeof g`.
    static func classify(_ reference: Int, variable: String, unit: UnitContext) -> Classified? {
        let tree = unit.tree
        let readRange = unit.range(reference)
        // Climb from the name to the whole object written: `g`, `g.count`, `g.a[i]`.
        var lvalue = reference
        // An element of an array: storing one updates the array. A member is a variable
        // of its own (its own path), so storing one writes it, as storing a whole variable does.
        var partial = false
        while let parent = tree[lvalue].parent {
            let kind = tree[parent].kind
            let isBase = tree[parent].children.first == lvalue
            if kind == CXCursor_ParenExpr {
                lvalue = parent
            } else if kind == CXCursor_MemberRefExpr, isBase, !isPointer(lvalue, unit: unit) {
                lvalue = parent
            } else if kind == CXCursor_ArraySubscriptExpr, isBase, isArray(lvalue, unit: unit) {
                partial = true
                lvalue = parent
            } else if kind == CXCursor_UnexposedExpr, isArray(lvalue, unit: unit), let grand = tree[parent].parent,
                      tree[grand].kind == CXCursor_ArraySubscriptExpr, tree[grand].children.first == parent {
                partial = true
                lvalue = grand
            } else {
                break
            }
        }
        if let parent = tree[lvalue].parent {
            switch tree[parent].kind {
            case CXCursor_UnaryExpr:
                return nil
            case CXCursor_BinaryOperator where tree[parent].children.first == lvalue:
                if unit.binaryOperator(parent) == "=" {
                    let kind: GlobalAccess.Kind = partial ? .augmented
                        : (reads(variable, in: tree[parent].children.last, unit: unit) ? .readModifyWrite : .rebind)
                    return Classified(kind: kind, range: unit.range(parent))
                }
            case CXCursor_CompoundAssignOperator where tree[parent].children.first == lvalue:
                return Classified(kind: .augmented, range: unit.range(parent))
            case CXCursor_UnaryOperator:
                switch unit.unaryOperator(parent) {
                case "++", "--":
                    return Classified(kind: .augmented, range: unit.range(parent))
                case "&":
                    return passed(parent, unit: unit) ?? Classified(kind: .read, range: readRange)
                default:
                    break
                }
            default:
                break
            }
        }
        // An array decays to a pointer when handed to a call: `memset(buf, 0, sizeof buf)`.
        if isArray(lvalue, unit: unit), let passed = passed(lvalue, unit: unit) { return passed }
        return Classified(kind: .read, range: readRange)
    }

    /// The access made by handing the address `pointer` to a call that writes
    /// through it or is an atomic builtin; nil for any other use.
    private static func passed(_ pointer: Int, unit: UnitContext) -> Classified? {
        let tree = unit.tree
        guard let (call, argument) = tree.semanticParent(of: pointer) else { return nil }
        if let builtin = unit.atomicBuiltin(call) {
            return atomic(builtin, range: unit.range(call))
        }
        guard tree[call].kind == CXCursor_CallExpr else { return nil }
        let read = CallReader.read(call, unit: unit)
        guard let position = read.arguments.firstIndex(of: argument) else { return nil }
        let range = unit.range(call)
        if MemoryAPIs.isAtomic(read.callee) { return atomic(read.callee, range: range) }
        if MemoryAPIs.writesThrough[read.callee]?.contains(position) == true {
            return Classified(kind: .writeThroughPointer(read.callee), range: range)
        }
        return nil
    }

    private static func atomic(_ builtin: String, range: ByteRange) -> Classified {
        switch MemoryAPIs.atomicAccess(builtin) {
        case .read: return Classified(kind: .read, range: range, isAtomic: true)
        case .store: return Classified(kind: .rebind, range: range, isAtomic: true)
        case .update: return Classified(kind: .augmented, range: range, isAtomic: true)
        }
    }

    private static func reads(_ variable: String, in subtree: Int?, unit: UnitContext) -> Bool {
        guard let subtree else { return false }
        var work = [subtree]
        while let index = work.popLast() {
            let node = unit.tree[index]
            if node.kind == CXCursor_DeclRefExpr, let target = unit.library.referenced(node.cursor),
               unit.global(target)?.name == variable { return true }
            // `g = malloc(sizeof *g)` does not read `g`: a sizeof operand is not evaluated.
            if node.kind != CXCursor_UnaryExpr { work += node.children }
        }
        return false
    }

    private static func canonicalKind(_ index: Int, unit: UnitContext) -> CXTypeKind {
        unit.library.getCanonicalType(unit.library.getCursorType(unit.tree[index].cursor)).kind
    }

    /// Whether the node's value is a pointer (through typedefs).
    static func isPointer(_ index: Int, unit: UnitContext) -> Bool {
        canonicalKind(index, unit: unit) == CXType_Pointer
    }

    /// Constant, incomplete, variable and dependent arrays (112...116).
    private static func isArray(_ index: Int, unit: UnitContext) -> Bool {
        (112...116).contains(canonicalKind(index, unit: unit).rawValue)
    }
}
