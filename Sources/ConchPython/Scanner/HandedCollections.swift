import ConchKit

/// Call arguments that are collections of integer constants, with their least item:
/// `find_sums([5_000_000 + x for x in range(20)])`, or `find_sums(numbers)` after
/// `numbers = [...]` in the same function. A start in the function called that maps a
/// task over the parameter takes them (`ForwardedTaskCounts`).
enum HandedCollections {
    /// Remembers the least item a plain assignment binds a local to, or forgets it.
    static func bind(_ model: ScanModel, assignment: Assignment, function: Int) {
        let tokens = model.tokens
        guard assignment.augmentedOperator == nil, let value = assignment.value else { return }
        for target in assignment.targets where target.end == target.first + 1 && tokens.isName(target.first) {
            let key = ScanModel.LocalName(function: function, name: tokens.nameIDs[target.first])
            if isCollection(tokens, value), let least = TaskConstants.leastItem(tokens, of: value) {
                model.localLeastItems[key] = least
            } else if !model.localLeastItems.isEmpty {
                model.localLeastItems[key] = nil
            }
        }
    }

    /// The least item of the argument `part` (a keyword's value included), when it is one of those collections.
    @inline(__always)
    static func leastItem(_ model: ScanModel, _ part: (first: Int, end: Int), function: Int) -> Int? {
        let tokens = model.tokens
        // Every argument comes here: most are ruled out by their first token's kind.
        guard tokens.kinds[part.first] == .op || (tokens.kinds[part.first] == .name
            && (!model.localLeastItems.isEmpty || tokens.isOp(part.first + 1, "=") || tokens.isName(part.first, "range")))
        else { return nil }
        return leastItemOfArgument(model, part, function: function)
    }

    private static func leastItemOfArgument(_ model: ScanModel, _ part: (first: Int, end: Int), function: Int) -> Int? {
        let tokens = model.tokens
        var first = part.first
        if tokens.isName(first), tokens.isOp(first + 1, "=") { first += 2 }
        let value = (first: first, end: part.end)
        if value.end == first + 1, tokens.isName(first), !model.localLeastItems.isEmpty {
            return model.localLeastItems[ScanModel.LocalName(function: function, name: tokens.nameIDs[first])]
        }
        return isCollection(tokens, value) ? TaskConstants.leastItem(tokens, of: value) : nil
    }

    /// A display that opens with a number (`[3, 1, 2]`, `(10**6,)`, `[5_000_000 + x for x in
    /// ...]`), a list comprehension, or a `range(...)` call: asked of every argument and
    /// assignment before anything is parsed.
    private static func isCollection(_ tokens: ScanTokens, _ value: (first: Int, end: Int)) -> Bool {
        if tokens.isName(value.first, "range") { return tokens.isOp(value.first + 1, "(") }
        let isList = tokens.isOp(value.first, "[")
        guard isList || tokens.isOp(value.first, "("), value.first + 1 < value.end else { return false }
        if tokens.kinds[value.first + 1] == .number { return true }
        guard isList, tokens.forID >= 0 else { return false }
        return (value.first + 1..<value.end).contains { tokens.kinds[$0] == .name && tokens.nameIDs[$0] == tokens.forID }
    }
}
