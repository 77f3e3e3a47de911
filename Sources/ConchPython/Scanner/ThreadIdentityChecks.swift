import ConchKit

/// `if` tests of which thread runs the code.
/// - `if threading.current_thread() is threading.main_thread():` (or `==`, or
///   `threading.get_ident()` against `threading.main_thread().ident`, or
///   `current_thread().name` against `"MainThread"`): the block runs only in the main
///   thread, its `elif` and `else` clauses only off it. Negated, with a block that leaves
///   (`return`, `raise`), the rest of the function runs only in the main thread.
/// - `if self.loop._thread_id == threading.get_ident(): ...; return`, against a thread
///   named otherwise (an event loop's): what follows runs only off that thread, and so
///   does the block of the `!=` test.
/// The test may be stored first: `same_thread = loop_thread == threading.get_ident()`,
/// or made by a function of the project (`if is_main_thread():`), which the project model follows.
enum ThreadIdentityChecks {
    /// `exits` walks the block: asked only of a test of the thread, not of every `if`.
    static func record(_ model: ScanModel, header index: Int, calls: [FoundCall], function: Int, exits: () -> Bool) {
        let statement = model.statements[index]
        let tokens = model.tokens
        guard statement.header == .if, let colon = statement.colon else { return }
        var first = statement.keyword + 1
        var end = colon
        // `if (not is_main_thread() or ...):` over several lines.
        if tokens.isOp(first, "("), tokens.partner[first] == end - 1 {
            first += 1
            end -= 1
        }
        var negated = false
        if tokens.isName(first, "not") {
            negated = true
            first += 1
        }
        if let (helper, alone) = helperCall(model, calls: calls, first: first, end: end) {
            let branches = IfBranches(model, header: index, function: function, exits: exits)
            let call: ThreadTestCall
            if alone {
                call = ThreadTestCall(callee: helper, whenTrue: branches.taken(negated: negated),
                                      whenFalse: branches.skipped(negated: negated))
            } else {
                // `if not is_main_thread() or ...: return` (trio): only where the whole test fails is the answer known.
                let failed = branches.taken(negated: true)
                call = ThreadTestCall(callee: helper, whenTrue: negated ? failed : [], whenFalse: negated ? [] : failed)
            }
            model.facts.threadTestCalls.append(call)
            return
        }
        var callees: [String] = []
        if end == first + 1, tokens.isName(first) {
            // `same_thread = loop_thread == threading.get_ident()`, then `if same_thread:` (salt).
            guard let value = testAssigned(to: first, before: index, in: model, function: function) else { return }
            (first, end) = value
            let span = ByteRange(tokens.starts[first], tokens.ends[end - 1])
            callees = model.facts.functions[function].calls.filter { span.contains($0.range.start) }.map(\.callee)
        } else {
            // Every `if` comes here: most are ruled out without building anything.
            guard calls.contains(where: { $0.open > first && $0.close < end && Self.asksWhichThread.contains($0.callee) }) else { return }
            callees = calls.filter { $0.open > first && $0.close < end }.map(\.callee)
        }
        guard callees.contains(where: Self.asksWhichThread.contains),
              !(first..<end).contains(where: { tokens.isName($0, "or") }) else { return }
        if comparisonNegated(tokens, first: first, end: end) { negated.toggle() }
        let branches = IfBranches(model, header: index, function: function, exits: exits)
        if namesMainThread(tokens, first: first, end: end, callees: callees) {
            model.facts.mainThreadRegions.append(contentsOf: branches.taken(negated: negated))
            model.facts.otherThreadRegions.append(contentsOf: branches.skipped(negated: negated))
        } else if namesAnotherThread(tokens, first: first, end: end) {
            model.facts.otherThreadRegions.append(contentsOf: branches.skipped(negated: negated))
        }
    }

    /// `def is_main_thread(): return threading.current_thread() is threading.main_thread()`:
    /// the function answers whether the main thread runs it.
    static func recordTester(_ model: ScanModel, statement index: Int, calls: [FoundCall], function: Int) {
        let statement = model.statements[index]
        let tokens = model.tokens
        if calls.isEmpty, statement.header == nil, statement.end == statement.first + 2, tokens.isName(statement.first, "return"),
           tokens.isName(statement.first + 1, "True") {
            if probesForTheMainThread(model, returning: statement, in: function) { model.facts.mainThreadTesters.append(function) }
            return
        }
        // Every `return` with a call comes here: the callee's last name goes first, without hashing.
        guard statement.header == nil, tokens.isName(statement.first, "return"),
              calls.contains(where: { (tokens.isName($0.open - 1, "current_thread") || tokens.isName($0.open - 1, "get_ident"))
                  && Self.asksWhichThread.contains($0.callee) }) else { return }
        let kind = model.facts.functions[function].kind
        guard kind == .function || kind == .method else { return }
        let first = statement.first + 1
        let end = statement.end
        let callees = calls.map(\.callee)
        guard !tokens.isName(first, "not"), !comparisonNegated(tokens, first: first, end: end),
              !(first..<end).contains(where: { tokens.isName($0, "or") || tokens.isName($0, "and") }),
              namesMainThread(tokens, first: first, end: end, callees: callees) else { return }
        model.facts.mainThreadTesters.append(function)
    }

    /// `try: signal.signal(signal.SIGINT, signal.getsignal(signal.SIGINT)); return True`
    /// `except ValueError: return False` (trio's `is_main_thread`): only the main thread may
    /// set a handler, so the call succeeds there and raises elsewhere.
    private static func probesForTheMainThread(_ model: ScanModel, returning statement: Statement, in function: Int) -> Bool {
        let offset = model.tokens.starts[statement.first]
        guard let region = model.facts.handledExceptions.last(where: { $0.function == function && $0.range.contains(offset) }),
              region.names.contains(where: { ["ValueError", "Exception", "BaseException"].contains($0) }) else { return false }
        return model.facts.functions[function].calls.contains { call in
            call.callee == "signal.signal" && region.range.contains(call.range.start) && call.range.end <= offset
        }
    }

    /// `if is_main_thread():`, `if not self._in_loop_thread():`: the test is one call,
    /// without arguments, of a function whose name speaks of a thread, alone or before
    /// an `or`; the project model learns what it answers.
    private static func helperCall(_ model: ScanModel, calls: [FoundCall], first: Int, end: Int) -> (FunctionID, alone: Bool)? {
        guard let call = calls.first, call.chainFirst == first, call.open + 1 == call.close,
              call.close == end - 1 || model.tokens.isName(call.close + 1, "or"),
              model.tokens.mentions(call.open - 1, "thread"), call.isResolved, !asksWhichThread.contains(call.callee) else { return nil }
        return (call.callee, call.close == end - 1)
    }

    /// A test against `threading.main_thread()` or the name `"MainThread"`.
    private static func namesMainThread(_ tokens: ScanTokens, first: Int, end: Int, callees: [String]) -> Bool {
        callees.contains("threading.main_thread")
            || (first..<end).contains(where: { tokens.kinds[$0] == .string && tokens.text($0).contains("MainThread") })
    }

    private static let asksWhichThread: Set<String> = ["threading.current_thread", "threading.get_ident"]

    /// Whether the comparison around `get_ident()` or `current_thread()` asks for another
    /// thread (`!=`, `is not`) rather than the same (`==`, `is`); a `not` elsewhere in the
    /// test (`loop_thread is not None and ...`) says nothing of it.
    private static func comparisonNegated(_ tokens: ScanTokens, first: Int, end: Int) -> Bool {
        guard let call = (first..<end).first(where: { (tokens.isName($0, "get_ident") || tokens.isName($0, "current_thread"))
                  && tokens.isOp($0 + 1, "(") }) else { return false }
        var start = call
        while tokens.isOp(start - 1, "."), tokens.isName(start - 2) { start -= 2 }
        let close = tokens.partner[call + 1] > call ? tokens.partner[call + 1] : call + 1
        // A `.name` or `.ident` after the call belongs to it: `current_thread().name == "MainThread"`.
        var after = close + 1
        while tokens.isOp(after, "."), tokens.isName(after + 1) { after += 2 }
        if tokens.isOp(start - 1, "!=") || tokens.isOp(after, "!=") { return true }
        return (tokens.isName(start - 1, "not") && tokens.isName(start - 2, "is")) || (tokens.isName(after, "is") && tokens.isName(after + 1, "not"))
    }

    /// How far back a stored test is looked for: it is made just before it is used.
    private static let storedTestReach = 8

    /// The value of the nearest earlier `name = ...` of the same function, a few
    /// statements back at most, for the name at token `name`: its tokens.
    private static func testAssigned(to name: Int, before index: Int, in model: ScanModel, function: Int) -> (first: Int, end: Int)? {
        let tokens = model.tokens
        guard let value = model.valueAssigned(to: tokens.nameIDs[name], before: index, in: function, reach: storedTestReach) else { return nil }
        // `x = (a == b)`: the parentheses' inside.
        if tokens.isOp(value.first, "("), tokens.partner[value.first] == value.end - 1 { return (value.first + 1, value.end - 1) }
        return value
    }

    /// `loop._thread_id`, `self._loop_thread`: a name about a thread that is not a call
    /// (`get_ident()`) nor the `threading` module.
    private static func namesAnotherThread(_ tokens: ScanTokens, first: Int, end: Int) -> Bool {
        (first..<end).contains { token in
            tokens.isName(token) && !tokens.isOp(token + 1, "(") && !tokens.isName(token, "threading")
                && tokens.mentions(token, "thread")
        }
    }
}
