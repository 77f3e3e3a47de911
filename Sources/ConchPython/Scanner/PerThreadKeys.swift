import ConchKit

/// `sessions[threading.get_ident()] = ...`, `counts[me] += 1` after `me =
/// threading.current_thread().name`: a key only the running thread uses. Threads that
/// each touch their own entry of a shared dict lose nothing to each other.
enum PerThreadKeys {
    /// The calls that name the running thread, and what of it a key may take.
    private static let identities: Set<String> = [
        "threading.get_ident", "threading.get_native_id", "threading.current_thread", "_thread.get_ident",
    ]
    private static let identityAttributes: Set<String> = ["name", "ident", "native_id"]

    /// How far back a local bound to the thread's identity is looked for.
    private static let localReach = 12

    /// Whether the subscript `[...]` opening at token `open` is keyed by the running thread.
    static func isPerThread(_ model: ScanModel, subscript open: Int, statement: Int, function: Int) -> Bool {
        let tokens = model.tokens
        let close = tokens.partner[open]
        guard close > open + 1 else { return false }
        if close == open + 2, tokens.isName(open + 1), function != 0,
           let value = model.valueAssigned(to: tokens.nameIDs[open + 1], before: statement, in: function, reach: localReach) {
            return namesThread(model, first: value.first, end: value.end, function: function)
        }
        return namesThread(model, first: open + 1, end: close, function: function)
    }

    /// `threading.get_ident()`, `current_thread().name`: a call of an identity, with no
    /// arguments, then at most one of its attributes.
    private static func namesThread(_ model: ScanModel, first: Int, end: Int, function: Int) -> Bool {
        let tokens = model.tokens
        var callOpen = first
        while callOpen < end, !tokens.isOp(callOpen, "(") { callOpen += 1 }
        guard callOpen > first, callOpen + 1 < end, tokens.isOp(callOpen + 1, ")") else { return false }
        let after = callOpen + 2
        guard after == end || (after + 2 == end && tokens.isOp(after, ".") && identityAttributes.contains(tokens.text(after + 1))) else {
            return false
        }
        let callee = model.resolveChain(first, callOpen - 1, scope: function, className: model.scopes[function].className)
        return callee.isResolved && identities.contains(callee.name)
    }
}
