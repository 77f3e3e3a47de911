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

    /// `functionPosition`: where the start takes the function positionally.
    static func values(_ model: ScanModel, call found: FoundCall, api: String, functionPosition: Int) -> [Int: Int] {
        let tokens = model.tokens
        guard tokens.partner[found.open] == found.close else { return [:] }
        var positional: [(first: Int, end: Int)] = []
        for part in Assignments.commaSeparated(tokens, first: found.open + 1, end: found.close) {
            if tokens.isName(part.first), tokens.isOp(part.first + 1, "=") {
                if tokens.isName(part.first, "args") { return items(tokens, ofTuple: (part.first + 2, part.end)) }
                continue
            }
            // After `*rest`, no position is known.
            if tokens.isOp(part.first, "*") || tokens.isOp(part.first, "**") { break }
            positional.append(part)
        }
        let method = api.split(separator: ".").last.map(String.init) ?? api
        let after = positional.dropFirst(functionPosition + 1)
        if tupleAfterFunction.contains(method), let tuple = after.first { return items(tokens, ofTuple: tuple) }
        // `pool.map(work, [10**7, 10**7])`, `pool.map(work, range(10**6, 10**6 + 8))`: each
        // task gets one item, the smallest the least.
        if mapsOver.contains(method), after.count == 1, let iterable = after.first {
            return leastItem(tokens, of: constantValue(model, iterable, in: found.function) ?? iterable).map { [0: $0] } ?? [:]
        }
        guard spreadAfterFunction.contains(method) else { return [:] }
        return constants(tokens, Array(after))
    }

    /// `pool.map(is_prime, PRIMES)`: the value a module-level constant named alone is bound to,
    /// unless the function binds the name itself.
    private static func constantValue(_ model: ScanModel, _ part: (first: Int, end: Int), in function: Int) -> (first: Int, end: Int)? {
        guard part.end == part.first + 1, model.tokens.isName(part.first) else { return nil }
        let name = model.tokens.text(part.first)
        guard model.scopes[function].names[name] == nil || function == 0 else { return nil }
        return model.constantValues[name]
    }

    /// The smallest item of a list or tuple of constants, or the start of a `range` from
    /// a constant start upward.
    private static func leastItem(_ tokens: ScanTokens, of part: (first: Int, end: Int)) -> Int? {
        if let bounds = LoopBounds.rangeArguments(tokens, first: part.first, end: part.end) {
            // A range counting down from its start has smaller items than the start.
            guard bounds.count == 2 || (bounds.count == 3 && (LoopBounds.constant(tokens, first: bounds[2].first, end: bounds[2].end) ?? 0) > 0)
            else { return nil }
            return LoopBounds.constant(tokens, first: bounds[0].first, end: bounds[0].end)
        }
        let values = items(tokens, ofTuple: part)
        let count = Assignments.commaSeparated(tokens, first: part.first + 1, end: part.end - 1).count
        return values.count == count ? values.values.min() : nil
    }

    private static func items(_ tokens: ScanTokens, ofTuple part: (first: Int, end: Int)) -> [Int: Int] {
        guard tokens.isOp(part.first, "(") || tokens.isOp(part.first, "["), tokens.partner[part.first] == part.end - 1 else { return [:] }
        return constants(tokens, Assignments.commaSeparated(tokens, first: part.first + 1, end: part.end - 1))
    }

    private static func constants(_ tokens: ScanTokens, _ parts: [(first: Int, end: Int)]) -> [Int: Int] {
        var values: [Int: Int] = [:]
        for (position, part) in parts.enumerated() {
            if let value = LoopBounds.constant(tokens, first: part.first, end: part.end) { values[position] = value }
        }
        return values
    }
}
