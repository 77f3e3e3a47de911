import ConchKit

/// `return work` after `def work(...):` in the same function, or `return lambda x: ...`:
/// the function hands its caller a function defined inside it (a factory, a decorator's
/// wrapper), which pickle cannot send by name.
enum ReturnedFunctions {
    static func record(_ model: ScanModel, statement index: Int, function: Int) {
        let tokens = model.tokens
        let statement = model.statements[index]
        recordValue(model, statement, function: function)
        // Asked of every statement: the keyword goes first, before any look at the function's facts.
        guard tokens.isName(statement.first, "return"), statement.header == nil, statement.end > statement.first + 1,
              model.facts.functions[function].returnedFunction == nil else { return }
        let kind = model.facts.functions[function].kind
        guard kind == .function || kind == .method else { return }
        let value = statement.first + 1
        if let lambda = model.lambda(at: value), lambda.end >= statement.end {
            model.facts.functions[function].returnedFunction = Int32(lambda.function)
            return
        }
        guard value + 1 == statement.end, tokens.isName(value) else { return }
        let resolved = model.resolve(name: tokens.text(value), scope: function)
        let inner = model.facts.functions[function].id + ".<locals>."
        guard resolved.isResolved, !resolved.isInstance, resolved.name.hasPrefix(inner),
              !resolved.name.dropFirst(inner.count).contains("."),
              let index = model.facts.functions.lastIndex(where: { $0.id == resolved.name && $0.parent == function }) else { return }
        model.facts.functions[function].returnedFunction = Int32(index)
    }

    /// `return total`, `yield row`: the function gives its caller a value (`FunctionFacts.returnsValue`).
    private static func recordValue(_ model: ScanModel, _ statement: Statement, function: Int) {
        guard function != 0, !model.facts.functions[function].returnsValue else { return }
        let tokens = model.tokens
        if tokens.isName(statement.first, "return"), statement.header == nil, statement.end > statement.first + 1,
           !(statement.end == statement.first + 2 && tokens.isName(statement.first + 1, "None")) {
            model.facts.functions[function].returnsValue = true
        } else if let yield = model.yieldNameID,
                  (statement.first..<statement.end).contains(where: { tokens.kinds[$0] == .name && tokens.nameIDs[$0] == yield }) {
            model.facts.functions[function].returnsValue = true
        }
    }
}
