import ConchKit

/// `self.label["text"] = "done"`: storing an item calls the object's `__setitem__`, which
/// configures a Tk widget (a Tk call) and sends a `SET` through a `redis.Redis`. A store
/// into an object of a known type is a call of that method to the rules, as
/// `label.config(text="done")` is; its callee as written is the target.
enum SubscriptStores {
    static func record(_ model: ScanModel, assignment: Assignment, statement: Int, contexts: TokenContexts, locks: [String]) {
        let tokens = model.tokens
        for target in assignment.targets {
            let last = target.end - 1
            guard last > target.first, tokens.isOp(last, "]") else { continue }
            let open = tokens.partner[last]
            guard open > target.first, open < last, model.chainStart(endingAt: open - 1, notBefore: target.first) == target.first else { continue }
            let function = contexts.owner(of: open)
            let resolved = model.resolveChain(target.first, open - 1, scope: function, className: model.scopes[function].className)
            guard resolved.isInstance, resolved.isResolved else { continue }
            var call = CallFacts(callee: resolved.name + ".__setitem__", calleeText: model.shortText(target.first, last),
                                 isResolved: true, range: tokens.range(target.first, last),
                                 calleeRange: tokens.range(target.first, open - 1))
            call.loop = contexts.loop(of: open)
            call.locksHeld = function == model.statementFunction[statement] ? locks : []
            model.facts.functions[function].calls.append(call)
        }
    }
}
