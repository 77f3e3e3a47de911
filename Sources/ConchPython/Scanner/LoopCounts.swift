import ConchKit

/// Which parameter sets how many passes a loop makes, and how: `range(n)` runs `n`
/// times; trial division (`for i in range(3, isqrt(n) + 1, 2)`, `while i * i <= n:`)
/// runs about the square root of `n` times.
extension LoopBounds {
    struct Counting {
        /// The function's parameter behind the count, or
        var parameter: Int32?
        /// the attribute of the method's own object (`range(self.n)`), which its class's
        /// construction may set.
        var attribute: String?
        var squareRoot: Bool
        var stride: Int32 = 1
    }

    /// The parameter behind the stop of `range(n)`, `range(1, n + 1)` or `range(1, n, 2)`
    /// (a literal start), of a side of a `while` condition that compares two plain values
    /// (`while n > 0:`, `while i < n:`) or tests one (`while n:`), or behind a local bound
    /// to a count of it just before (`limit = int(n ** 0.5)`); else an attribute of the
    /// method's object in the same places (`range(self.n)`, `while self.n > 0:`).
    /// `first..<end` spans a `for`'s iterable or a `while`'s condition in `statement`.
    static func counting(_ model: ScanModel, function: Int, statement: Int, first: Int, end: Int, isFor: Bool) -> Counting? {
        let names = countingNames(model, statement: statement, first: first, end: end, isFor: isFor)
        let selfPrefix = model.scopes[function].selfName.map { $0 + "." }
        let found = names.lazy.compactMap { name in
            SpawnDetector.forwardedParameter(model, function: function, name: name.name).map { Counting(parameter: Int32($0), squareRoot: name.squareRoot) }
        }.first ?? selfPrefix.flatMap { prefix in
            names.first { $0.name.hasPrefix(prefix) }.map { Counting(attribute: String($0.name.dropFirst(prefix.count)), squareRoot: $0.squareRoot) }
        }
        guard var counting = found, isFor, let arguments = rangeArguments(model.tokens, first: first, end: end), arguments.count == 3,
              let stride = constant(model.tokens, first: arguments[2].first, end: arguments[2].end), stride > 1 else { return found }
        counting.stride = Int32(clamping: stride)
        return counting
    }

    private static func countingNames(_ model: ScanModel, statement: Int, first: Int, end: Int, isFor: Bool) -> [(name: String, squareRoot: Bool)] {
        let tokens = model.tokens
        if isFor {
            guard let arguments = rangeArguments(tokens, first: first, end: end), (1...3).contains(arguments.count) else { return [] }
            // `range(start, stop)` runs `stop` times only from a small written start.
            if arguments.count > 1, arguments[0].end != arguments[0].first + 1 || tokens.kinds[arguments[0].first] != .number { return [] }
            let stop = arguments[arguments.count == 1 ? 0 : 1]
            return count(model, statement: statement, first: stop.first, end: stop.end).map { [$0] } ?? []
        }
        // `while i * i <= n:`
        if end == first + 5, tokens.isName(first), tokens.isOp(first + 1, "*"), tokens.isName(first + 2),
           tokens.nameIDs[first] == tokens.nameIDs[first + 2], tokens.isOp(first + 3, "<=") || tokens.isOp(first + 3, "<"),
           tokens.isName(first + 4) {
            return [(tokens.text(first + 4), true)]
        }
        // A plain value spans one token, or three for an attribute (`self.n`).
        let valueEnd = { (index: Int) -> Int? in
            if tokens.isName(index), tokens.isOp(index + 1, "."), tokens.isName(index + 2) { return index + 3 }
            return tokens.isName(index) || tokens.kinds[index] == .number ? index + 1 : nil
        }
        guard let leftEnd = valueEnd(first) else { return [] }
        if end == leftEnd { return tokens.isName(first) ? [(tokens.text(first, end - 1), false)] : [] }
        guard ["<", "<=", ">", ">=", "!="].contains(where: { tokens.isOp(leftEnd, $0) }), valueEnd(leftEnd + 1) == end else { return [] }
        return [(first, leftEnd), (leftEnd + 1, end)].filter { tokens.isName($0.0) }
            .compactMap { count(model, statement: statement, first: $0.0, end: $0.1) }
    }

    /// What a count spanning `first..<end` counts: `n`, `n + 1`, `int(n ** 0.5) + 1`,
    /// `math.isqrt(n)`, or a local bound to one of those in the lines just before.
    private static func count(_ model: ScanModel, statement: Int, first: Int, end: Int) -> (name: String, squareRoot: Bool)? {
        let tokens = model.tokens
        var end = end
        if end - first >= 3, tokens.isOp(end - 2, "+") || tokens.isOp(end - 2, "-"), tokens.kinds[end - 1] == .number { end -= 2 }
        if end == first + 1, tokens.isName(first) {
            guard let value = localValue(model, name: first, before: statement) else { return (tokens.text(first), false) }
            return squareRootOf(tokens, first: value.first, end: value.end).map { ($0, true) }
        }
        if end == first + 3, tokens.isName(first), tokens.isOp(first + 1, "."), tokens.isName(first + 2) {
            return (tokens.text(first, first + 2), false)
        }
        return squareRootOf(tokens, first: first, end: end).map { ($0, true) }
    }

    /// The name under `math.sqrt(n)`, `math.isqrt(n)`, `n ** 0.5`, wrapped in any of
    /// `int(...)`, `math.floor(...)`, `math.ceil(...)`, `round(...)`.
    private static func squareRootOf(_ tokens: ScanTokens, first: Int, end: Int) -> String? {
        var first = first
        var end = end
        while let open = callOpen(tokens, first: first, end: end), roundingFunctions.contains(tokens.text(first, open - 1)) {
            first = open + 1
            end -= 1
        }
        if end == first + 3, tokens.isName(first), tokens.isOp(first + 1, "**"),
           tokens.equals(first + 2, "0.5") || tokens.equals(first + 2, ".5") {
            return tokens.text(first)
        }
        guard let open = callOpen(tokens, first: first, end: end), open + 3 == end, tokens.isName(open + 1),
              squareRootFunctions.contains(tokens.text(first, open - 1)) else { return nil }
        return tokens.text(open + 1)
    }

    /// The `(` of a call `name(...)` or `a.b(...)` spanning exactly `first..<end`.
    private static func callOpen(_ tokens: ScanTokens, first: Int, end: Int) -> Int? {
        var cursor = first
        while tokens.isName(cursor), tokens.isOp(cursor + 1, ".") { cursor += 2 }
        guard tokens.isName(cursor), tokens.isOp(cursor + 1, "("), tokens.partner[cursor + 1] == end - 1 else { return nil }
        return cursor + 1
    }

    private static let roundingFunctions: Set<String> = ["int", "round", "math.floor", "math.ceil", "floor", "ceil"]
    private static let squareRootFunctions: Set<String> = ["math.sqrt", "math.isqrt", "sqrt", "isqrt"]

    /// How far back a loop's count is looked for: set-up sits just before the loop.
    private static let setUpStatements = 16

    /// `limit = int(n ** 0.5)`: the value a simple statement of the same function binds
    /// the name at token `name` to, in the statements just before `statement`.
    private static func localValue(_ model: ScanModel, name: Int, before statement: Int) -> (first: Int, end: Int)? {
        let tokens = model.tokens
        let function = model.statementFunction[statement]
        var index = statement - 1
        while index >= max(0, statement - setUpStatements), model.statementFunction[index] == function {
            defer { index -= 1 }
            guard let assignment = model.assignments[index], assignment.targets.contains(where: { tokens.nameIDs[$0.first] == tokens.nameIDs[name] })
            else { continue }
            guard assignment.augmentedOperator == nil, assignment.targets.count == 1, let target = assignment.targets.first,
                  target.end == target.first + 1 else { return nil }
            return assignment.value
        }
        return nil
    }
}

extension LoopFacts {
    mutating func setPasses(_ counting: LoopBounds.Counting?) {
        passesSetBy = counting?.parameter
        passesSetByAttribute = counting?.attribute
        passesAreSquareRoot = counting?.squareRoot ?? false
        passesStride = counting?.stride ?? 1
    }
}
