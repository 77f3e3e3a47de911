import ConchKit

/// Stores that call a method of a known object, as Python makes them.
/// - `self.label["text"] = "done"`: storing an item calls the object's `__setitem__`, which
///   configures a Tk widget (a Tk call) and sends a `SET` through a `redis.Redis`; and
///   `os.environ[key] = value` calls `os.environ.__setitem__`, which calls `putenv`
///   (`ScannerCatalog.itemStoreObjects`), so the rules that know `putenv` (CON206) see it.
/// - `self.label.text = "done"` on a Kivy widget: its properties are how it changes, so the
///   store is a call of its `__setattr__` (`ScannerCatalog.propertyObjects`); on other
///   objects an attribute store stays a store.
/// The rules see such a store as they see `label.config(text="done")`; its callee as
/// written is the target.
enum StoreCalls {
    static func record(_ model: ScanModel, assignment: Assignment, statement: Int, contexts: TokenContexts, locks: [String]) {
        let tokens = model.tokens
        for target in assignment.targets {
            let last = target.end - 1
            guard last > target.first else { continue }
            let receiverEnd: Int
            let method: String
            if tokens.isOp(last, "]") {
                receiverEnd = tokens.partner[last] - 1
                method = "__setitem__"
            } else if tokens.isName(last), tokens.isOp(last - 1, ".") {
                receiverEnd = last - 2
                method = "__setattr__"
            } else {
                continue
            }
            guard receiverEnd >= target.first, receiverEnd < last,
                  model.chainStart(endingAt: receiverEnd, notBefore: target.first) == target.first else { continue }
            let function = contexts.owner(of: receiverEnd)
            let resolved = model.resolveChain(target.first, receiverEnd, scope: function, className: model.scopes[function].className)
            guard resolved.isResolved else { continue }
            if method == "__setitem__" {
                guard resolved.isInstance || ScannerCatalog.itemStoreObjects.contains(resolved.name) else { continue }
            } else {
                guard resolved.isInstance, ScannerCatalog.propertyObjects.contains(where: resolved.name.hasPrefix) else { continue }
            }
            var call = CallFacts(callee: resolved.name + "." + method, calleeText: model.shortText(target.first, last),
                                 isResolved: true, range: tokens.range(target.first, last),
                                 calleeRange: tokens.range(target.first, receiverEnd))
            call.loop = contexts.loop(of: receiverEnd)
            call.locksHeld = function == model.statementFunction[statement] ? locks : []
            model.facts.functions[function].calls.append(call)
        }
    }
}
