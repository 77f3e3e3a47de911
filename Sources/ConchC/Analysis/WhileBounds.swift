import CLibClang
import ConchKit

/// `while` loops whose passes the source bounds though their condition is no count: one
/// pass per bit of an integer the body shrinks or grows, or one per node of a linked list.
enum WhileBounds {
    /// `.constant(64)` for a loop over the bits of an integer, `.collection` for a walk
    /// over a linked list; nil for any other `while`.
    static func bound(condition: Int, body: Int, unit: UnitContext) -> LoopFacts.Bound? {
        if shrinksBitByBit(condition: condition, body: body, unit: unit) || growsBitByBit(condition: condition, body: body, unit: unit) {
            return .constant(integerBits)
        }
        return walksList(condition: condition, body: body, unit: unit) ? .collection : nil
    }

    /// The most bits an integer a loop walks through can have.
    private static let integerBits = 64

    /// `while (entry) { ...; entry = entry->next; }`: a walk over a linked list, as
    /// `for x in items` is over a collection, not a loop that runs until something changes.
    private static func walksList(condition: Int, body: Int, unit: UnitContext) -> Bool {
        let tree = unit.tree
        var subject = tree.stripped(condition)
        if tree[subject].kind == CXCursor_BinaryOperator, tree[subject].children.count == 2 {
            guard unit.binaryOperator(subject) == "!=", unit.compactText(tree.stripped(tree[subject].children[1])).hasSuffix("0")
                    || unit.compactText(tree.stripped(tree[subject].children[1])) == "NULL" else { return false }
            subject = tree.stripped(tree[subject].children[0])
        }
        guard tree[subject].kind == CXCursor_DeclRefExpr, AccessClassifier.isPointer(subject, unit: unit) else { return false }
        let name = unit.compactText(subject)
        var work = [body]
        while let index = work.popLast() {
            work += tree[index].children
            let node = tree[index]
            guard node.kind == CXCursor_BinaryOperator, node.children.count == 2, unit.binaryOperator(index) == "=",
                  unit.compactText(tree.stripped(node.children[0])) == name else { continue }
            if unit.compactText(tree.stripped(node.children[1])).hasPrefix(name + "->") { return true }
        }
        return false
    }

    /// `while (n)`, `while (n != 0)` or `while (n > 0)` whose body only shrinks `n`
    /// by at least one bit a pass (`n &= n - 1`, `n >>= 1`, `n /= 10`): at most one
    /// pass per bit, however large `n` is.
    private static func shrinksBitByBit(condition: Int, body: Int, unit: UnitContext) -> Bool {
        let tree = unit.tree
        var subject = tree.stripped(condition)
        if tree[subject].kind == CXCursor_BinaryOperator, tree[subject].children.count == 2 {
            guard ["!=", ">"].contains(unit.binaryOperator(subject) ?? ""),
                  unit.library.integerValue(tree[tree[subject].children[1]].cursor) == 0 else { return false }
            subject = tree.stripped(tree[subject].children[0])
        }
        guard tree[subject].kind == CXCursor_DeclRefExpr || tree[subject].kind == CXCursor_MemberRefExpr else { return false }
        let name = unit.compactText(subject)
        return everyWrite(to: name, in: body, unit: unit) { write in
            let node = tree[write]
            guard node.kind == CXCursor_CompoundAssignOperator, node.children.count == 2 else { return .other }
            let amount = unit.library.integerValue(tree[node.children[1]].cursor)
            switch unit.binaryOperator(write) {
            case "&=" where unit.compactText(tree.stripped(node.children[1])) == name + "-1": return .scales
            case ">>=" where (amount ?? 0) >= 1, "/=" where (amount ?? 0) >= 2: return .scales
            default: return .other
            }
        }
    }

    /// `while (size < needed)` whose body only grows `size` by at least one bit a pass
    /// (`size *= 2`, `size <<= 1`, `size = size * 2`), or sets it to the limit itself:
    /// the doubling of a growable buffer, at most one pass per bit.
    private static func growsBitByBit(condition: Int, body: Int, unit: UnitContext) -> Bool {
        let tree = unit.tree
        let comparison = tree.stripped(condition)
        guard tree[comparison].kind == CXCursor_BinaryOperator, tree[comparison].children.count == 2,
              ["<", "<="].contains(unit.binaryOperator(comparison) ?? "") else { return false }
        let subject = tree.stripped(tree[comparison].children[0])
        guard tree[subject].kind == CXCursor_DeclRefExpr || tree[subject].kind == CXCursor_MemberRefExpr else { return false }
        let name = unit.compactText(subject)
        let limit = unit.compactText(tree.stripped(tree[comparison].children[1]))
        func doubles(_ value: Int) -> Bool {
            let node = tree[value]
            guard node.kind == CXCursor_BinaryOperator, node.children.count == 2 else { return false }
            let (left, right) = (tree.stripped(node.children[0]), tree.stripped(node.children[1]))
            func factor(of operand: Int, beside other: Int) -> Int? {
                unit.compactText(other) == name ? unit.library.integerValue(tree[operand].cursor) : nil
            }
            switch unit.binaryOperator(value) {
            case "*": return (factor(of: right, beside: left) ?? factor(of: left, beside: right) ?? 0) >= 2
            case "<<": return (factor(of: right, beside: left) ?? 0) >= 1
            case "+": return unit.compactText(left) == name && unit.compactText(right) == name
            default: return false
            }
        }
        return everyWrite(to: name, in: body, unit: unit) { write in
            let node = tree[write]
            guard node.children.count == 2 else { return .other }
            let value = tree.stripped(node.children[1])
            let amount = unit.library.integerValue(tree[value].cursor)
            switch (node.kind, unit.binaryOperator(write)) {
            case (CXCursor_CompoundAssignOperator, "*=") where (amount ?? 0) >= 2,
                 (CXCursor_CompoundAssignOperator, "<<=") where (amount ?? 0) >= 1:
                return .scales
            case (CXCursor_CompoundAssignOperator, "+=") where unit.compactText(value) == name:
                return .scales
            case (CXCursor_BinaryOperator, "="):
                return unit.compactText(value) == limit ? .keepsBound : doubles(value) ? .scales : .other
            default:
                return .other
            }
        }
    }

    private enum Write { case scales, keepsBound, other }

    /// Whether the body writes `name` (an assignment, a compound assignment, `++`, `--`)
    /// only in ways `judge` accepts, and scales it at least once.
    private static func everyWrite(to name: String, in body: Int, unit: UnitContext, judge: (Int) -> Write) -> Bool {
        let tree = unit.tree
        var scales = false
        var work = [body]
        while let index = work.popLast() {
            work += tree[index].children
            let node = tree[index]
            guard let target = node.children.first, unit.compactText(tree.stripped(target)) == name else { continue }
            let writes = switch node.kind {
            case CXCursor_CompoundAssignOperator: true
            case CXCursor_BinaryOperator: unit.binaryOperator(index) == "="
            case CXCursor_UnaryOperator: ["++", "--"].contains(unit.unaryOperator(index) ?? "")
            default: false
            }
            guard writes else { continue }
            switch node.kind == CXCursor_UnaryOperator ? .other : judge(index) {
            case .scales: scales = true
            case .keepsBound: break
            case .other: return false
            }
        }
        return scales
    }
}
