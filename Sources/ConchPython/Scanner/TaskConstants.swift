import ConchKit

/// The integer constants a start hands its task, by the position of the parameter
/// that receives each: `Thread(target=countdown, args=(10**7,))`,
/// `pool.apply_async(work, (5000,))`, `executor.submit(work, 10_000)`.
enum TaskConstants {
    /// Starts that take the task's arguments as one tuple after the function.
    private static let tupleAfterFunction: Set<String> = ["start_new_thread", "start_new", "apply", "apply_async"]
    /// Pool methods that hand the function one item of an iterable per task.
    private static let mapsOver: Set<String> = ["map", "imap", "imap_unordered", "map_async"]
    /// Starts whose positional arguments after the function are the task's.
    private static let spreadAfterFunction: Set<String> = [
        "submit", "to_thread", "run_sync", "run_in_executor", "deferToThread", "callInThread", "run", "spawn", "spawn_later",
    ]

    /// What a start hands its task: integer constants, by the position of the parameter
    /// that receives each, and the parameters of the starting function it passes on.
    struct Handed {
        var values: [Int: Int] = [:]
        var forwarded: [ForwardedCount] = []
    }

    /// `functionPosition`: where the start takes the function positionally.
    static func values(_ model: ScanModel, call found: FoundCall, api: String, functionPosition: Int) -> Handed {
        let tokens = model.tokens
        guard tokens.partner[found.open] == found.close else { return Handed() }
        var positional: [(first: Int, end: Int)] = []
        for part in Assignments.commaSeparated(tokens, first: found.open + 1, end: found.close) {
            if tokens.isName(part.first), tokens.isOp(part.first + 1, "=") {
                if tokens.isName(part.first, "args") { return items(model, ofTuple: (part.first + 2, part.end), in: found.function) }
                continue
            }
            // After `*rest`, no position is known.
            if tokens.isOp(part.first, "*") || tokens.isOp(part.first, "**") { break }
            positional.append(part)
        }
        let method = api.split(separator: ".").last.map(String.init) ?? api
        let after = positional.dropFirst(functionPosition + 1)
        if tupleAfterFunction.contains(method), let tuple = after.first { return items(model, ofTuple: tuple, in: found.function) }
        // `pool.map(work, [10**7, 10**7])`, `pool.map(work, range(10**6, 10**6 + 8))`: each
        // task gets one item, the smallest the least.
        if mapsOver.contains(method), after.count == 1, let iterable = after.first {
            if let forwarded = forwarded(model, iterable, to: 0, in: found.function, mapsOverItems: true) {
                return Handed(forwarded: [forwarded])
            }
            return Handed(values: leastItem(tokens, of: constantValue(model, iterable, in: found.function) ?? iterable).map { [0: $0] } ?? [:])
        }
        guard spreadAfterFunction.contains(method) else { return Handed() }
        return handed(model, Array(after), in: found.function)
    }

    /// `crunch, n` handed on by `async def handler(n)`: where its callers pass the parameter.
    private static func forwarded(_ model: ScanModel, _ part: (first: Int, end: Int), to position: Int, in function: Int,
                                  mapsOverItems: Bool) -> ForwardedCount? {
        guard part.end == part.first + 1, model.tokens.isName(part.first), !model.tokens.isKeyword(part.first) else { return nil }
        let name = model.tokens.text(part.first)
        guard let callPosition = SpawnDetector.forwardedParameter(model, function: function, name: name) else { return nil }
        return ForwardedCount(taskPosition: position, callPosition: callPosition, parameterName: name, mapsOverItems: mapsOverItems)
    }

    /// `pool.map(is_prime, PRIMES)`: the value a module-level constant named alone is bound to,
    /// unless the function binds the name itself.
    private static func constantValue(_ model: ScanModel, _ part: (first: Int, end: Int), in function: Int) -> (first: Int, end: Int)? {
        guard part.end == part.first + 1, model.tokens.isName(part.first) else { return nil }
        let name = model.tokens.text(part.first)
        guard model.scopes[function].names[name] == nil || function == 0 else { return nil }
        return model.constantValues[name]
    }

    /// The smallest item of a list or tuple of constants, of a list comprehension that
    /// adds a constant to each item of one (`[5_000_000 + x for x in range(20)]`), or the
    /// start of a `range` from a constant start upward.
    static func leastItem(_ tokens: ScanTokens, of part: (first: Int, end: Int)) -> Int? {
        if let least = leastOfComprehension(tokens, part) { return least }
        if let bounds = LoopBounds.rangeArguments(tokens, first: part.first, end: part.end) {
            // A range counting down from its start has smaller items than the start.
            guard bounds.count == 2 || (bounds.count == 3 && (LoopBounds.constant(tokens, first: bounds[2].first, end: bounds[2].end) ?? 0) > 0)
            else { return nil }
            return LoopBounds.constant(tokens, first: bounds[0].first, end: bounds[0].end)
        }
        guard let elements = elements(tokens, ofTuple: part) else { return nil }
        let values = constants(tokens, elements)
        return values.count == elements.count ? values.values.min() : nil
    }

    /// `[x for x in ...]`, `[C + x for x in ...]`, `[x + C for x in ...]` without an `if`
    /// clause: the element made from the iterable's least item (`range(20)` counts from 0).
    private static func leastOfComprehension(_ tokens: ScanTokens, _ part: (first: Int, end: Int)) -> Int? {
        let close = part.end - 1
        guard tokens.isOp(part.first, "["), tokens.partner[part.first] == close,
              let forToken = Assignments.topLevel(tokens, keyword: "for", first: part.first + 1, end: close),
              tokens.isName(forToken + 1), tokens.isName(forToken + 2, "in"),
              Assignments.topLevel(tokens, keyword: "if", first: forToken + 3, end: close) == nil,
              Assignments.topLevel(tokens, keyword: "for", first: forToken + 3, end: close) == nil else { return nil }
        let iterable = (first: forToken + 3, end: close)
        let countsFromZero = LoopBounds.rangeArguments(tokens, first: iterable.first, end: iterable.end)?.count == 1
        guard let least = countsFromZero ? 0 : leastItem(tokens, of: iterable) else { return nil }
        let variable = tokens.nameIDs[forToken + 1]
        let element = (first: part.first + 1, end: forToken)
        func isVariable(_ token: Int) -> Bool { tokens.isName(token) && tokens.nameIDs[token] == variable }
        if element.end == element.first + 1 { return isVariable(element.first) ? least : nil }
        guard let plus = Assignments.topLevelOperator(tokens, "+", first: element.first, end: element.end) else { return nil }
        let added: Int?
        if plus == element.first + 1, isVariable(element.first) {
            added = LoopBounds.constant(tokens, first: plus + 1, end: element.end)
        } else if plus == element.end - 2, isVariable(element.end - 1) {
            added = LoopBounds.constant(tokens, first: element.first, end: plus)
        } else {
            added = nil
        }
        guard let added else { return nil }
        let (sum, overflow) = least.addingReportingOverflow(added)
        return overflow ? nil : sum
    }

    /// The elements of a tuple or list written out, `(10**7, size)` or `[1_000, 2]`; nil for anything else.
    private static func elements(_ tokens: ScanTokens, ofTuple part: (first: Int, end: Int)) -> [(first: Int, end: Int)]? {
        guard tokens.isOp(part.first, "(") || tokens.isOp(part.first, "["), tokens.partner[part.first] == part.end - 1 else { return nil }
        return Assignments.commaSeparated(tokens, first: part.first + 1, end: part.end - 1)
    }

    private static func items(_ model: ScanModel, ofTuple part: (first: Int, end: Int), in function: Int) -> Handed {
        elements(model.tokens, ofTuple: part).map { handed(model, $0, in: function) } ?? Handed()
    }

    private static func handed(_ model: ScanModel, _ parts: [(first: Int, end: Int)], in function: Int) -> Handed {
        var handed = Handed(values: constants(model.tokens, parts))
        for (position, part) in parts.enumerated() where handed.values[position] == nil {
            if let forwarded = forwarded(model, part, to: position, in: function, mapsOverItems: false) { handed.forwarded.append(forwarded) }
        }
        return handed
    }

    private static func constants(_ tokens: ScanTokens, _ parts: [(first: Int, end: Int)]) -> [Int: Int] {
        var values: [Int: Int] = [:]
        for (position, part) in parts.enumerated() {
            if let value = LoopBounds.constant(tokens, first: part.first, end: part.end) { values[position] = value }
        }
        return values
    }
}
