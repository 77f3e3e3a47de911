import ConchKit

/// Finds the lambdas of one statement and makes each a function fact, so calls in a
/// lambda's body are attributed to the lambda. Linear: a scan that meets a later lambda
/// at its own depth jumps over it, since that lambda's body ends where its own does.
enum LambdaScanner {
    static func scan(_ model: ScanModel, statement: Statement, function: Int) {
        let tokens = model.tokens
        guard tokens.lambdaID >= 0 else { return }
        var found: [Int] = []
        var cursor = statement.first
        while cursor < statement.end {
            if tokens.nameIDs[cursor] == tokens.lambdaID { found.append(cursor) }
            cursor += 1
        }
        guard !found.isEmpty else { return }
        var colons: [Int: Int] = [:]
        var ends: [Int: Int] = [:]
        for lambda in found.reversed() {
            let colon = scanTo(tokens, from: lambda + 1, end: statement.end, ends: ends, stopAtColon: true)
            colons[lambda] = colon
            ends[lambda] = colon < statement.end ? scanTo(tokens, from: colon + 1, end: statement.end, ends: ends, stopAtColon: false) : statement.end
        }
        var open: [(token: Int, function: Int)] = []
        for lambda in found {
            while let top = open.last, let end = ends[top.token], end <= lambda { open.removeLast() }
            let parent = open.last?.function ?? function
            let end = ends[lambda] ?? statement.end
            let colon = colons[lambda] ?? statement.end
            let position = model.lineAndColumn(of: tokens.starts[lambda])
            var facts = FunctionFacts(id: "\(model.moduleName).<lambda>@\(position.line):\(position.column)", name: "<lambda>",
                                      kind: .lambda, range: tokens.range(lambda, max(lambda, end - 1)),
                                      nameRange: tokens.range(lambda, lambda))
            facts.parent = parent
            facts.isNested = parent != 0
            let index = model.facts.functions.count
            model.facts.functions.append(facts)
            var scope = Scope(parent: parent)
            for parameter in Parameters.names(in: tokens, first: lambda + 1, end: min(colon, statement.end)) { scope.bind(parameter) }
            scope.className = model.scopes[parent].className
            scope.selfName = model.scopes[parent].selfName
            model.scopes.append(scope)
            model.lambdas[lambda] = (index, end)
            open.append((lambda, index))
        }
    }

    /// The index of the token ending a lambda's parameters (`:`) or body (`,`, a closer,
    /// `:`, a comprehension's `for`, the statement end), skipping bracket groups.
    private static func scanTo(_ tokens: ScanTokens, from start: Int, end: Int, ends: [Int: Int], stopAtColon: Bool) -> Int {
        var cursor = start
        while cursor < end {
            if tokens.isOpener(cursor) {
                cursor = tokens.skipGroup(cursor, limit: end)
                continue
            }
            if let inner = ends[cursor] {
                if !stopAtColon { return inner }
                cursor = inner
                continue
            }
            if tokens.isOp(cursor, ":") { return cursor }
            if !stopAtColon, tokens.isOp(cursor, ",") || tokens.isCloser(cursor) || tokens.isName(cursor, "for")
                || (tokens.isName(cursor, "async") && tokens.isName(cursor + 1, "for")) {
                return cursor
            }
            if tokens.isCloser(cursor) { return cursor }
            cursor += 1
        }
        return end
    }
}

enum Parameters {
    /// Parameter names of `def name(...)` or `def name[T](...)`, the parameters
    /// annotated with a class (`pool: Executor`, `lock: Lock | None`, `Optional[Lock]`),
    /// and those whose default is `None` (`article=None`), which a caller may leave out.
    static func parse(_ tokens: ScanTokens, after nameToken: Int, end: Int)
        -> (names: [String], annotations: [(name: String, first: Int, last: Int)], noneDefaults: [String]) {
        let open = tokens.afterTypeParameters(nameToken)
        guard tokens.isOp(open, "("), tokens.partner[open] > open else { return ([], [], []) }
        var names: [String] = []
        var annotations: [(name: String, first: Int, last: Int)] = []
        var noneDefaults: [String] = []
        forEachParameter(tokens, first: open + 1, end: min(tokens.partner[open], end)) { name, part in
            names.append(tokens.text(name))
            if part.end - part.first >= 3, tokens.isName(part.end - 1, "None"), tokens.isOp(part.end - 2, "=") {
                noneDefaults.append(names[names.count - 1])
            }
            // `*args: T` and `**kwargs: T` hold tuples and dicts of T.
            guard name == part.first, tokens.isOp(name + 1, ":") else { return }
            let annotationEnd = Assignments.topLevelOperator(tokens, "=", first: name + 2, end: part.end) ?? part.end
            if let type = annotatedClass(tokens, first: name + 2, end: annotationEnd) {
                annotations.append((names[names.count - 1], type.first, type.last))
            }
        }
        return (names, annotations, noneDefaults)
    }

    /// `FunctionFacts.parameterList`: the names joined by commas; a lone name as it is.
    static func list(_ names: ArraySlice<String>) -> String {
        names.count == 1 ? names[names.startIndex] : names.joined(separator: ",")
    }

    /// Where a caller passes parameter `name` of `def name(...)` positionally, counting
    /// from the first parameter; nil for `*args`, `**kwargs`, a keyword-only parameter
    /// or a name the list lacks.
    static func position(of name: String, _ tokens: ScanTokens, after nameToken: Int) -> Int? {
        let open = tokens.afterTypeParameters(nameToken)
        guard tokens.isOp(open, "("), tokens.partner[open] > open else { return nil }
        var position = 0
        var found: Int?
        var keywordOnly = false
        Assignments.forEachCommaSeparated(tokens, first: open + 1, end: tokens.partner[open]) { part in
            guard found == nil, !keywordOnly, part.end > part.first else { return }
            if tokens.isOp(part.first, "*") || tokens.isOp(part.first, "**") {
                keywordOnly = true
            } else if tokens.isName(part.first) {
                if tokens.text(part.first) == name { found = position }
                position += 1
            }
        }
        return found
    }

    /// Each parameter of `a, b=1, *args, c: int, **kw`: its name token and its part of the list.
    private static func forEachParameter(_ tokens: ScanTokens, first: Int, end: Int,
                                         _ visit: (_ name: Int, _ part: (first: Int, end: Int)) -> Void) {
        Assignments.forEachCommaSeparated(tokens, first: first, end: end) { part in
            var cursor = part.first
            while cursor < part.end, tokens.isOp(cursor, "*") || tokens.isOp(cursor, "**") { cursor += 1 }
            if cursor < part.end, tokens.isName(cursor) { visit(cursor, part) }
        }
    }

    /// The dotted class name an annotation holds, `None` and `Optional` aside; nil for
    /// anything else (generics, unions of classes, strings).
    private static func annotatedClass(_ tokens: ScanTokens, first: Int, end: Int) -> (first: Int, last: Int)? {
        var first = first
        var end = end
        if end - first >= 3, tokens.isOp(end - 2, "|"), tokens.isName(end - 1, "None") {
            end -= 2
        } else if end - first >= 3, tokens.isName(first, "None"), tokens.isOp(first + 1, "|") {
            first += 2
        }
        if end - first >= 4, tokens.isOp(end - 1, "]"), tokens.partner[end - 1] > first, tokens.isName(tokens.partner[end - 1] - 1, "Optional") {
            let open = tokens.partner[end - 1]
            guard isDottedName(tokens, first: first, end: open) else { return nil }
            first = open + 1
            end -= 1
        }
        return isDottedName(tokens, first: first, end: end) ? (first, end - 1) : nil
    }

    private static func isDottedName(_ tokens: ScanTokens, first: Int, end: Int) -> Bool {
        guard end > first else { return false }
        var cursor = first
        while cursor < end {
            let expectsName = (cursor - first) % 2 == 0
            guard expectsName ? tokens.isName(cursor) && !tokens.isKeyword(cursor) : tokens.isOp(cursor, ".") else { return false }
            cursor += 1
        }
        return (end - first) % 2 == 1
    }

    /// Names in a parameter list `a, b=1, *args, c: int, **kw`.
    static func names(in tokens: ScanTokens, first: Int, end: Int) -> [String] {
        var result: [String] = []
        forEachParameter(tokens, first: first, end: end) { name, _ in result.append(tokens.text(name)) }
        return result
    }
}

enum LoopBounds {
    /// `while True` and `while 1` never end on their own; anything else is a condition.
    static func whileBound(_ tokens: ScanTokens, first: Int, end: Int) -> LoopFacts.Bound {
        var cursor = first
        while cursor < end, tokens.isOp(cursor, "("), end - 1 > cursor, tokens.partner[cursor] == end - 1 { cursor += 1 }
        let last = end - 1 - (cursor - first)
        if cursor == last, tokens.isName(cursor, "True") { return .unbounded }
        if cursor == last, tokens.kinds[cursor] == .number, let value = tokens.integerLiteral(cursor), value != 0 { return .unbounded }
        return .conditional
    }

    /// `while running < limit:` (or `<=`) whose body does `running += n` or
    /// `running -= n`: the loop counts what it starts. The comparison may be one
    /// operand of `and` (dash's `while not self.started and retries < 3:`).
    static func countsUp(_ tokens: ScanTokens, first: Int, end: Int, bodyEnd: Int) -> Bool {
        var operand = first
        var cursor = first
        while true {
            if cursor >= end || tokens.isName(cursor, "and") {
                if countsUp(tokens, comparison: operand, end: min(cursor, end), conditionEnd: end, bodyEnd: bodyEnd) { return true }
                if cursor >= end { return false }
                operand = cursor + 1
            }
            cursor = tokens.isOpener(cursor) ? tokens.skipGroup(cursor, limit: end) : cursor + 1
        }
    }

    /// `counter < limit` spanning `first..<end`, with the counter stepped in the body after `conditionEnd`.
    private static func countsUp(_ tokens: ScanTokens, comparison first: Int, end: Int, conditionEnd: Int, bodyEnd: Int) -> Bool {
        guard tokens.isName(first), tokens.isOp(first + 1, "<") || tokens.isOp(first + 1, "<="), first + 2 < end else { return false }
        let counter = tokens.text(first)
        var cursor = conditionEnd + 1
        while cursor < bodyEnd {
            if tokens.isName(cursor), !tokens.isOp(cursor - 1, "."), tokens.isOp(cursor + 1, "+=") || tokens.isOp(cursor + 1, "-="),
               tokens.text(cursor) == counter { return true }
            cursor += 1
        }
        return false
    }

    /// `if len(running) < limit:` (or `<=`) where the loop fills that container
    /// (`running[host] = proc`, `workers.append(t)`): the loop admits no more than the
    /// limit at once (salt-ssh's `ssh_max_procs`). The loop's own `while len(workers) < limit:`
    /// ends at the limit whoever fills the container (gunicorn's `self.spawn_worker()`);
    /// its condition spans `first..<conditionEnd`.
    /// A count of the workers running now compared with anything (`if threading.active_count()
    /// > MAX_CLIENTS: continue`, `while self.count_workers() >= limit: time.sleep(1)`) caps the loop too.
    static func admitsUpToLimit(_ tokens: ScanTokens, first: Int, conditionEnd: Int, bodyEnd: Int) -> Bool {
        if comparesWorkerCount(tokens, first: first, end: bodyEnd) { return true }
        // Asked of every loop: most files never call `len`, and most loops' names are told apart by id.
        guard let len = tokens.names.existingID(of: "len") else { return false }
        var cursor = first
        while cursor + 3 < bodyEnd {
            defer { cursor += 1 }
            guard tokens.nameIDs[cursor] == len, tokens.isOp(cursor + 1, "("), tokens.partner[cursor + 1] > cursor + 2 else { continue }
            let close = tokens.partner[cursor + 1]
            guard tokens.isOp(close + 1, "<") || tokens.isOp(close + 1, "<="),
                  let container = dottedName(tokens, first: cursor + 2, end: close) else { continue }
            if cursor < conditionEnd || fills(tokens, container, first: first, end: bodyEnd) { return true }
        }
        return false
    }

    /// A call of a function named for counting workers (`WorkerCounts`), compared with `<`,
    /// `<=`, `>` or `>=`: the name is read only for such a call, which few loops hold.
    private static func comparesWorkerCount(_ tokens: ScanTokens, first: Int, end: Int) -> Bool {
        var cursor = first
        while cursor + 2 < end {
            defer { cursor += 1 }
            guard tokens.isOp(cursor + 1, "("), tokens.isName(cursor), tokens.partner[cursor + 1] > cursor + 1 else { continue }
            let close = tokens.partner[cursor + 1]
            var start = cursor
            while tokens.isOp(start - 1, "."), tokens.isName(start - 2) { start -= 2 }
            guard isOrdering(tokens, close + 1) || isOrdering(tokens, start - 1) else { continue }
            if WorkerCounts.countsWorkers(tokens.text(cursor)) { return true }
        }
        return false
    }

    private static func isOrdering(_ tokens: ScanTokens, _ index: Int) -> Bool {
        tokens.isOp(index, "<") || tokens.isOp(index, "<=") || tokens.isOp(index, ">") || tokens.isOp(index, ">=")
    }

    /// The names of `a.b.c` spanning exactly `first..<end`; nil for anything else.
    private static func dottedName(_ tokens: ScanTokens, first: Int, end: Int) -> [String]? {
        var names: [String] = []
        var cursor = first
        while cursor < end, tokens.isName(cursor) {
            names.append(tokens.text(cursor))
            guard cursor + 1 < end else { return names }
            guard tokens.isOp(cursor + 1, ".") else { return nil }
            cursor += 2
        }
        return nil
    }

    /// `container[key] = value` or `container.append(...)` (`add`, `insert`, `appendleft`).
    private static func fills(_ tokens: ScanTokens, _ container: [String], first: Int, end: Int) -> Bool {
        var cursor = first
        while cursor < end {
            defer { cursor += 1 }
            guard !tokens.isOp(cursor - 1, "."), dottedName(tokens, first: cursor, end: cursor + 2 * container.count - 1) == container else { continue }
            let after = cursor + 2 * container.count - 1
            if tokens.isOp(after, "["), tokens.partner[after] > after, tokens.isOp(tokens.partner[after] + 1, "=") { return true }
            if tokens.isOp(after, "."), ["append", "add", "insert", "appendleft"].contains(where: { tokens.isName(after + 1, $0) }),
               tokens.isOp(after + 2, "(") { return true }
        }
        return false
    }

    /// The arguments of `range(...)` when `first..<end` spans exactly that call; nil otherwise.
    static func rangeArguments(_ tokens: ScanTokens, first: Int, end: Int) -> [(first: Int, end: Int)]? {
        guard tokens.isName(first, "range"), tokens.isOp(first + 1, "("), tokens.partner[first + 1] == end - 1 else { return nil }
        return Assignments.commaSeparated(tokens, first: first + 2, end: end - 1)
    }

    /// `range(4)` and `range(2, 10)` with literals give a count; `itertools.count()` never ends.
    static func forBound(_ tokens: ScanTokens, first: Int, end: Int) -> LoopFacts.Bound {
        if let arguments = rangeArguments(tokens, first: first, end: end) {
            let values = arguments.map { constant(tokens, first: $0.first, end: $0.end) }
            if values.count == 1, let count = values[0] { return .constant(max(0, count)) }
            if values.count == 2, let low = values[0], let high = values[1] { return .constant(max(0, high - low)) }
        }
        let text = end > first ? tokens.text(first, end - 1) : ""
        if text.hasPrefix("itertools.count(") || text.hasPrefix("count(") || text.hasPrefix("itertools.cycle(") {
            return .unbounded
        }
        return .collection
    }

    /// `for line in sys.stdin:`, `sys.stdin.buffer`, `fileinput.input(...)`: the iterable
    /// is the process's standard input (or the files named on its command line).
    static func readsStandardInput(_ tokens: ScanTokens, first: Int, end: Int) -> Bool {
        guard end > first else { return false }
        let text = tokens.text(first, end - 1)
        return text == "sys.stdin" || text == "sys.stdin.buffer" || text.hasPrefix("fileinput.input(")
    }

    /// An integer literal, or a product of powers of them: `1000`, `10**7`, `2 ** 20 * 3`.
    static func constant(_ tokens: ScanTokens, first: Int, end: Int) -> Int? {
        var product = 1
        var cursor = first
        while cursor < end {
            // A factor: `a ** b ** c`, which is `a ** (b ** c)`.
            var powers: [Int] = []
            while true {
                guard cursor < end, tokens.kinds[cursor] == .number, let value = tokens.integerLiteral(cursor) else { return nil }
                powers.append(value)
                cursor += 1
                guard tokens.isOp(cursor, "**"), cursor < end else { break }
                cursor += 1
            }
            var factor = powers.removeLast()
            while let base = powers.popLast() {
                guard let power = power(base, factor) else { return nil }
                factor = power
            }
            let (next, overflow) = product.multipliedReportingOverflow(by: factor)
            guard !overflow else { return nil }
            product = next
            guard cursor < end else { break }
            guard tokens.isOp(cursor, "*") else { return nil }
            cursor += 1
        }
        return cursor > first ? product : nil
    }

    private static func power(_ base: Int, _ exponent: Int) -> Int? {
        guard exponent >= 0, exponent < 64 else { return nil }
        var result = 1
        for _ in 0..<exponent {
            let (next, overflow) = result.multipliedReportingOverflow(by: base)
            guard !overflow else { return nil }
            result = next
        }
        return result
    }
}
