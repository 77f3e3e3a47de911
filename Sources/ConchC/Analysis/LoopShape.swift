import CLibClang
import ConchKit

/// A loop's kind, header and bound, read from its header bytes and its condition.
struct LoopShape {
    var kind: LoopFacts.Kind
    var header: ByteRange
    var bound: LoopFacts.Bound
    /// The body statement's node.
    var body: Int?
    /// `while (running < limit)` with `running++` or `running += n` in the body, or
    /// a body that skips the pass while a count it keeps is at a limit.
    var boundedByCounter = false

    /// `do { ... } while (0)`: a macro idiom (`pa_assert_se(...)`), not a loop.
    static func runsOnce(_ index: Int, unit: UnitContext) -> Bool {
        unit.tree[index].kind == CXCursor_DoStmt && doCondition(index, unit: unit) == 0
    }

    /// The value of a `do` loop's condition, when it is a constant.
    private static func doCondition(_ index: Int, unit: UnitContext) -> Int? {
        unit.tree[index].children.last.flatMap { unit.library.integerValue(unit.tree[$0].cursor) }
    }

    /// Nil for `do { ... } while (0)`: a macro idiom, not a loop.
    static func analyse(_ index: Int, unit: UnitContext) -> LoopShape? {
        let node = unit.tree[index]
        let scanner = ByteScanner(bytes: unit.bytes)
        switch node.kind {
        case CXCursor_DoStmt:
            let value = doCondition(index, unit: unit)
            if value == 0 { return nil }
            var header = unit.range(index)
            if let body = node.children.first, unit.tree[body].hasRange, node.hasRange,
               let keyword = scanner.find(UInt8(ascii: "w"), from: unit.tree[body].end, before: node.end),
               let open = scanner.find(UInt8(ascii: "("), from: keyword, before: node.end),
               let close = scanner.matchingParen(open, before: node.end + 1) {
                header = ByteRange(keyword, close + 1)
            }
            return LoopShape(kind: .doWhile, header: header, bound: value == nil ? .conditional : .unbounded, body: node.children.first)
        case CXCursor_WhileStmt:
            let body = node.children.last
            let condition: Int? = node.children.count >= 2 ? node.children[node.children.count - 2] : nil
            let value = condition.flatMap { unit.library.integerValue(unit.tree[$0].cursor) }
            var bound: LoopFacts.Bound = value.map { $0 != 0 ? .unbounded : .constant(0) } ?? .conditional
            if bound == .conditional, let condition, let body, let known = WhileBounds.bound(condition: condition, body: body, unit: unit) {
                bound = known
            }
            var shape = LoopShape(kind: .while, header: header(index, keyword: "while", body: body, unit: unit), bound: bound, body: body)
            if let condition, let body {
                shape.boundedByCounter = countsUp(condition: condition, body: body, unit: unit) || admitsUpToLimit(body: body, unit: unit)
                    || reapsAChild(condition: condition, unit: unit)
            }
            return shape
        default:
            let body = node.children.last
            let header = header(index, keyword: "for", body: body, unit: unit)
            var shape = LoopShape(kind: .for, header: header, bound: forBound(index, header: header, unit: unit), body: body)
            // `for (tries = 0;; tries++) { if (tries >= 5) fatal(...); ... }`: the header steps the count.
            shape.boundedByCounter = body.map { admitsUpToLimit(body: $0, steppedIn: index, unit: unit) } ?? false
            return shape
        }
    }

    /// `if (running >= limit) continue;`, or `if (size(children) >= max) { ...; continue; }`,
    /// among the body's statements, on a count the body keeps: a counter it steps
    /// (`running++`), or a container (a size call's argument, the struct a `->count`
    /// belongs to) it hands to another call (`add(children, child)`).
    /// The loop admits no more than the limit at once (tinyproxy's accept loop). The
    /// test may be one of several the `if` joins with `||` (dropbear's
    /// `if (unauthed >= MAX_UNAUTH_CLIENTS || per_address >= MAX_UNAUTH_PER_IP) goto out;`).
    /// A count of the children or threads running now compared with anything, anywhere in
    /// the body, caps it too: proftpd's `if (ServerMaxInstances > 0 && child_count() >=
    /// ServerMaxInstances) { ...refuse... } else { fork_server(...); }`.
    private static func admitsUpToLimit(body: Int, steppedIn counterScope: Int? = nil, unit: UnitContext) -> Bool {
        let tree = unit.tree
        if comparesWorkerCount(body, unit: unit) { return true }
        guard tree[body].kind == CXCursor_CompoundStmt else { return false }
        return tree[body].children.contains { statement in
            let branches = tree[statement].children
            guard tree[statement].kind == CXCursor_IfStmt, branches.count == 2, ControlFlow.exits(branches[1], unit: unit) else { return false }
            return alternatives(tree.stripped(branches[0]), unit: unit).contains {
                isLimitTest($0, body: body, steppedIn: counterScope ?? body, statement: statement, unit: unit)
            }
        }
    }

    /// A call of a function named for counting workers (`WorkerCounts`) on either side of `<`, `<=`, `>` or `>=`.
    private static func comparesWorkerCount(_ body: Int, unit: UnitContext) -> Bool {
        let tree = unit.tree
        var work = [body]
        while let index = work.popLast() {
            work += tree[index].children
            guard tree[index].kind == CXCursor_BinaryOperator, tree[index].children.count == 2,
                  ["<", "<=", ">", ">="].contains(unit.binaryOperator(index) ?? "") else { continue }
            if tree[index].children.contains(where: { operand in
                let call = tree.stripped(operand)
                return tree[call].kind == CXCursor_CallExpr && WorkerCounts.countsWorkers(CallReader.read(call, unit: unit).callee)
            }) { return true }
        }
        return false
    }

    /// `a || b || c` -> `a`, `b`, `c`; any other condition is its own one alternative.
    private static func alternatives(_ condition: Int, unit: UnitContext) -> [Int] {
        let tree = unit.tree
        guard tree[condition].kind == CXCursor_BinaryOperator, tree[condition].children.count == 2,
              unit.binaryOperator(condition) == "||" else { return [condition] }
        return tree[condition].children.flatMap { alternatives(tree.stripped($0), unit: unit) }
    }

    /// `count >= limit` on a count the body keeps.
    private static func isLimitTest(_ comparison: Int, body: Int, steppedIn counterScope: Int, statement: Int, unit: UnitContext) -> Bool {
        let tree = unit.tree
        guard tree[comparison].kind == CXCursor_BinaryOperator, tree[comparison].children.count == 2,
              [">=", ">"].contains(unit.binaryOperator(comparison) ?? "") else { return false }
        let count = tree.stripped(tree[comparison].children[0])
        if steps([unit.compactText(count)], in: counterScope, unit: unit) { return true }
        var containers: Set<String> = []
        switch tree[count].kind {
        case CXCursor_CallExpr:
            containers = Set(CallReader.read(count, unit: unit).arguments.compactMap { container($0, unit: unit) })
        case CXCursor_MemberRefExpr:
            // `list->count`, as a size macro expands: the list is what the body adds to.
            var base = count
            while tree[base].kind == CXCursor_MemberRefExpr, let inner = tree[base].children.first { base = tree.stripped(inner) }
            containers = Set([container(base, unit: unit)].compactMap { $0 })
        default:
            break
        }
        return !containers.isEmpty && handsOn(containers, in: body, outside: statement, unit: unit)
    }

    /// `while ((pid = waitpid(-1, &status, WNOHANG)) > 0)`: each pass collects a child
    /// that ended, so a child started there replaces it (dovecot's master restarting a
    /// service); the number running does not grow.
    private static func reapsAChild(condition: Int, unit: UnitContext) -> Bool {
        let tree = unit.tree
        var work = [condition]
        while let index = work.popLast() {
            work += tree[index].children
            if tree[index].kind == CXCursor_CallExpr, ChildReaping.calls.contains(CallReader.read(index, unit: unit).callee) { return true }
        }
        return false
    }

    /// Whether a call in `body`, other than within `skipped`, takes one of `containers`.
    private static func handsOn(_ containers: Set<String>, in body: Int, outside skipped: Int, unit: UnitContext) -> Bool {
        let tree = unit.tree
        var work = tree[body].children.filter { $0 != skipped }
        while let index = work.popLast() {
            work += tree[index].children
            guard tree[index].kind == CXCursor_CallExpr else { continue }
            if CallReader.read(index, unit: unit).arguments.contains(where: { container($0, unit: unit).map(containers.contains) ?? false }) {
                return true
            }
        }
        return false
    }

    /// The variable an argument names, through `&`: `children` for `&children` and `children`.
    private static func container(_ argument: Int, unit: UnitContext) -> String? {
        let tree = unit.tree
        var node = tree.stripped(argument)
        if let operand = unit.addressOperand(node) { node = tree.stripped(operand) }
        guard tree[node].kind == CXCursor_DeclRefExpr || tree[node].kind == CXCursor_MemberRefExpr else { return nil }
        return unit.compactText(node)
    }

    /// The condition is `counter < limit` or `counter <= limit`, alone or as one
    /// side of `&&`, and the body updates `counter` (a variable or a member such
    /// as `sentinel.running_scripts`) with `++`, `--`, `+=` or `-=`.
    private static func countsUp(condition: Int, body: Int, unit: UnitContext) -> Bool {
        steps(counters(in: condition, unit: unit), in: body, unit: unit)
    }

    /// Whether `body` updates one of `counters` with `++`, `--`, `+=` or `-=`.
    private static func steps(_ counters: Set<String>, in body: Int, unit: UnitContext) -> Bool {
        let tree = unit.tree
        guard !counters.isEmpty, !counters.contains("") else { return false }
        var work = [body]
        while let index = work.popLast() {
            let node = tree[index]
            let updates: Bool
            switch node.kind {
            case CXCursor_UnaryOperator:
                let op = unit.unaryOperator(index)
                updates = op == "++" || op == "--"
            case CXCursor_CompoundAssignOperator:
                let op = unit.binaryOperator(index)
                updates = op == "+=" || op == "-="
            default:
                updates = false
            }
            if updates, let operand = node.children.first, counters.contains(unit.compactText(tree.stripped(operand))) { return true }
            work += node.children
        }
        return false
    }

    /// The left sides of `<`/`<=` comparisons in a condition, looking through `&&`.
    private static func counters(in condition: Int, unit: UnitContext) -> Set<String> {
        let tree = unit.tree
        let node = tree.stripped(condition)
        guard tree[node].kind == CXCursor_BinaryOperator, tree[node].children.count == 2,
              let op = unit.binaryOperator(node) else { return [] }
        if op == "&&" {
            return counters(in: tree[node].children[0], unit: unit).union(counters(in: tree[node].children[1], unit: unit))
        }
        guard op == "<" || op == "<=" else { return [] }
        let counter = unit.compactText(tree.stripped(tree[node].children[0]))
        return counter.isEmpty ? [] : [counter]
    }

    /// `for (...)` / `while (...)`: keyword to the closing parenthesis; else up to the body.
    private static func header(_ index: Int, keyword: String, body: Int?, unit: UnitContext) -> ByteRange {
        let node = unit.tree[index]
        let scanner = ByteScanner(bytes: unit.bytes)
        guard node.hasRange else { return ByteRange(0, 0) }
        if scanner.hasWord(keyword, at: node.start),
           let open = scanner.find(UInt8(ascii: "("), from: node.start + keyword.utf8.count, before: node.end),
           let close = scanner.matchingParen(open, before: node.end) {
            return ByteRange(node.start, close + 1)
        }
        if let body, unit.tree[body].hasRange, unit.tree[body].start > node.start { return ByteRange(node.start, unit.tree[body].start) }
        return ByteRange(node.start, node.start)
    }

    private static func forBound(_ index: Int, header: ByteRange, unit: UnitContext) -> LoopFacts.Bound {
        let node = unit.tree[index]
        let scanner = ByteScanner(bytes: unit.bytes)
        guard scanner.hasWord("for", at: header.start),
              let open = scanner.find(UInt8(ascii: "("), from: header.start, before: header.end) else {
            // A loop written by a macro: libclang omits absent parts, so a lone body is `for (;;)`.
            return node.children.count == 1 ? .unbounded : .collection
        }
        let parts = scanner.splitAtSemicolons(open + 1, header.end - 1)
        guard parts.count == 3 else { return .collection }
        if scanner.isBlank(parts[1]) { return .unbounded }
        func child(in part: Range<Int>) -> Int? {
            // A declaration's extent takes in its `;`.
            node.children.first { unit.tree[$0].hasRange && part.contains(unit.tree[$0].start) && unit.tree[$0].end <= part.upperBound + 1 }
        }
        guard let condition = child(in: parts[1]) else { return .collection }
        if let value = unit.library.integerValue(unit.tree[condition].cursor) { return value != 0 ? .unbounded : .constant(0) }
        return countedBound(condition: condition, initializer: child(in: parts[0]), increment: child(in: parts[2]), unit: unit) ?? .collection
    }

    /// `for (i = a; i < b; i += s)` with constant `a`, `b` and `s`.
    private static func countedBound(condition: Int, initializer: Int?, increment: Int?, unit: UnitContext) -> LoopFacts.Bound? {
        let tree = unit.tree
        let comparison = tree.stripped(condition)
        guard tree[comparison].kind == CXCursor_BinaryOperator, tree[comparison].children.count == 2,
              let op = unit.binaryOperator(comparison),
              let limit = unit.library.integerValue(tree[tree[comparison].children[1]].cursor),
              let initializer, let start = initialValue(initializer, unit: unit),
              let increment, let step = stepValue(increment, unit: unit), step != 0 else { return nil }
        let span: Int
        switch op {
        case "<", "!=": span = limit - start
        case "<=": span = limit - start + 1
        case ">": span = start - limit
        case ">=": span = start - limit + 1
        default: return nil
        }
        let counting = op == "<" || op == "<=" || op == "!="
        guard counting == (step > 0) else { return nil }
        let magnitude = abs(step)
        return .constant(max(0, (abs(span) + magnitude - 1) / magnitude))
    }

    private static func initialValue(_ index: Int, unit: UnitContext) -> Int? {
        let tree = unit.tree
        let node = tree[tree.stripped(index)]
        switch node.kind {
        case CXCursor_BinaryOperator:
            guard node.children.count == 2 else { return nil }
            return unit.library.integerValue(tree[node.children[1]].cursor)
        case CXCursor_DeclStmt:
            guard let variable = node.children.first, let value = tree[variable].children.last else { return nil }
            return unit.library.integerValue(tree[value].cursor)
        default:
            return nil
        }
    }

    /// +1 for `i++`, -2 for `i -= 2`; nil when the step is not a constant.
    private static func stepValue(_ index: Int, unit: UnitContext) -> Int? {
        let tree = unit.tree
        let inner = tree.stripped(index)
        switch tree[inner].kind {
        case CXCursor_UnaryOperator:
            switch unit.unaryOperator(inner) {
            case "++": return 1
            case "--": return -1
            default: return nil
            }
        case CXCursor_CompoundAssignOperator:
            guard tree[inner].children.count == 2, let amount = unit.library.integerValue(tree[tree[inner].children[1]].cursor) else { return nil }
            switch unit.binaryOperator(inner) {
            case "+=": return amount
            case "-=": return -amount
            default: return nil
            }
        default:
            return nil
        }
    }
}
