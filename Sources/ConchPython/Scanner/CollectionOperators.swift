/// `futures += dispatch(conn, msg)` after `futures = []`: adding to a list, set or dict
/// the function made collects results, and computes nothing for the loop around it
/// (panel's `_dispatch_msgs`, gradio's `paths -= removed`). Takes such operators out
/// of the loops of their function.
enum CollectionOperators {
    private struct Local: Hashable {
        var function: Int
        var name: Int32
    }

    /// Constructors of the collections that `+=`, `-=`, `|=`, `&=` and `^=` fill or filter.
    private static let constructors: [StaticString] = [
        "list", "set", "dict", "frozenset", "deque", "defaultdict", "OrderedDict", "Counter",
    ]

    static func discount(_ model: ScanModel) {
        let tokens = model.tokens
        var collections: Set<Local> = []
        for index in model.statements.indices {
            guard let assignment = model.assignments[index], assignment.targets.count == 1, let target = assignment.targets.first,
                  target.end == target.first + 1, tokens.isName(target.first), let value = assignment.value, value.first < value.end
            else { continue }
            let local = Local(function: model.statementFunction[index], name: tokens.nameIDs[target.first])
            guard let operation = assignment.augmentedOperator else {
                if makesCollection(tokens, value) { collections.insert(local) } else { collections.remove(local) }
                continue
            }
            guard collections.contains(local), fillsOrFilters(tokens, operation) else { continue }
            let offset = tokens.starts[operation]
            for loop in model.facts.functions[local.function].loops.indices
            where model.facts.functions[local.function].loops[loop].range.contains(offset) {
                model.facts.functions[local.function].loops[loop].arithmeticOperations -= min(1, model.facts.functions[local.function].loops[loop].arithmeticOperations)
            }
        }
    }

    /// `[]`, `{}`, a comprehension, or `set(...)`, `collections.deque(...)` as the whole value.
    private static func makesCollection(_ tokens: ScanTokens, _ value: (first: Int, end: Int)) -> Bool {
        let last = value.end - 1
        if tokens.isOp(value.first, "[") || tokens.isOp(value.first, "{") { return tokens.partner[value.first] == last }
        guard tokens.isOp(last, ")"), tokens.partner[last] > value.first, tokens.isName(tokens.partner[last] - 1) else { return false }
        let name = tokens.partner[last] - 1
        return constructors.contains { tokens.equals(name, $0) }
    }

    private static func fillsOrFilters(_ tokens: ScanTokens, _ operation: Int) -> Bool {
        tokens.isOp(operation, "+=") || tokens.isOp(operation, "-=") || tokens.isOp(operation, "|=")
            || tokens.isOp(operation, "&=") || tokens.isOp(operation, "^=")
    }
}
