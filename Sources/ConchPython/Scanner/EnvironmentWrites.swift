import ConchKit

/// `os.environ[key] = value` calls `os.environ.__setitem__`, which calls `putenv`: recorded
/// as that call, so the rules that know `putenv` (CON206) see the write.
enum EnvironmentWrites {
    static func record(_ model: ScanModel, assignment: Assignment, function: Int, locks: [String]) {
        let tokens = model.tokens
        for target in assignment.targets where target.end - target.first >= 4 && tokens.isCloser(target.end - 1) {
            let open = tokens.partner[target.end - 1]
            guard open > target.first, tokens.isOp(open, "[") else { continue }
            let base = model.resolveChain(target.first, open - 1, scope: function, className: model.scopes[function].className)
            guard base.isResolved, base.name == "os.environ" else { continue }
            var call = CallFacts(callee: "os.environ.__setitem__", calleeText: "os.environ.__setitem__",
                                 isResolved: true, range: tokens.range(target.first, target.end - 1),
                                 calleeRange: tokens.range(target.first, open - 1))
            call.locksHeld = locks
            model.facts.functions[function].calls.append(call)
        }
    }
}
