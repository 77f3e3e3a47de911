import ConchKit

/// Statements where a function calls itself twice or more and combines the results
/// with arithmetic: `return fib(n - 1) + fib(n - 2)`, `return sort(low) + [pivot] + sort(high)`.
enum BranchingRecursion {
    private static let combining: [StaticString] = ["+", "-", "*", "/", "//", "%", "**", "|", "&", "^", "<<", ">>"]

    static func record(_ model: ScanModel, calls: [FoundCall]) {
        guard calls.count >= 2 else { return }
        let tokens = model.tokens
        for (position, call) in calls.enumerated() where call.isResolved {
            // Read field by field: a copy of the whole function's facts would cost more than the test.
            guard call.callee == model.facts.functions[call.function].id, model.facts.functions[call.function].branchingRecursion == nil
            else { continue }
            let kind = model.facts.functions[call.function].kind
            guard kind == .function || kind == .method else { continue }
            let again = calls[(position + 1)...].first { $0.function == call.function && $0.callee == call.callee }
            guard let again, [call, again].contains(where: { isCombined($0, tokens) }) else { continue }
            model.facts.functions[call.function].branchingRecursion = Int32(call.index)
        }
    }

    private static func isCombined(_ call: FoundCall, _ tokens: ScanTokens) -> Bool {
        combining.contains { tokens.isOp(call.close + 1, $0) || tokens.isOp(call.chainFirst - 1, $0) }
    }
}
