/// A lambda written in a loop's body runs when it is called, not on every pass:
/// `key=lambda: self._mtu - 3` computes nothing for the loop around it. Takes the
/// operators of each outermost lambda out of the loops of its enclosing function.
enum LambdaOperators {
    static func discount(_ model: ScanModel) {
        guard !model.lambdas.isEmpty else { return }
        let tokens = model.tokens
        var coveredUntil = -1
        for start in model.lambdas.keys.sorted() where start >= coveredUntil {
            guard let lambda = model.lambdas[start], let parent = model.facts.functions[lambda.function].parent else { continue }
            coveredUntil = lambda.end
            let operators = tokens.arithmeticOperators(start + 1, lambda.end)
            guard operators > 0 else { continue }
            let offset = tokens.starts[start]
            for index in model.facts.functions[parent].loops.indices where model.facts.functions[parent].loops[index].range.contains(offset) {
                model.facts.functions[parent].loops[index].arithmeticOperations -= min(operators, model.facts.functions[parent].loops[index].arithmeticOperations)
            }
        }
    }
}
