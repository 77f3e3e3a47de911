import ConchKit

/// `while not self._ready: await asyncio.sleep(0.1)`: a `while` whose body is one
/// statement and whose condition only tests variables, calling and awaiting nothing,
/// ends only when other code changes what it tests.
enum PolledState {
    private static let testKeywords: Set<String> = ["not", "and", "or", "is", "in", "None", "True", "False"]
    /// Methods that read an object's state without waiting or computing:
    /// `stop.is_set()`, `task.done()`, `jobs.empty()`, `lock.locked()`.
    private static let stateReaders: Set<String> = ["is_set", "isSet", "done", "cancelled", "empty", "full", "qsize", "locked"]
    /// Set comparisons, which read the set and their argument: `keys.issubset(self.tasks)`.
    private static let comparisons: Set<String> = ["issubset", "issuperset", "isdisjoint"]

    /// What a polling condition tests, and whether a clock also limits the wait.
    struct Polled {
        var tested: [String] = []
        /// One of the condition's `and`ed parts only reads a clock (`time.monotonic() < deadline`).
        var untilDeadline = false
    }

    /// Clock readers: `time.monotonic()`, `loop.time()`, `perf_counter()`.
    private static let clockReaders: Set<String> = ["time", "monotonic", "perf_counter", "time_ns", "monotonic_ns", "perf_counter_ns"]

    /// The variables and attribute chains the condition tests (`self._ready`, `done`),
    /// leaving out the function's own locals, which nothing else changes while it sleeps,
    /// and the members of classes (`Status.starting`), which are constants. A part of the
    /// condition `and`ed with the rest that only compares a clock (`and time.time() - start
    /// <= timeout`) is a deadline, not state. Nothing is tested when the body is more than
    /// one statement or the condition calls something else.
    static func polled(_ model: ScanModel, statement index: Int, function: Int) -> Polled {
        let statement = model.statements[index]
        guard function != 0, let colon = statement.colon, statement.blockEnd == index + 2,
              model.statements[index + 1].header == nil else { return Polled() }
        var polled = Polled()
        for (first, end) in conjuncts(model.tokens, from: statement.keyword + 1, to: colon) {
            if readsOnlyAClock(model.tokens, from: first, to: end) {
                polled.untilDeadline = true
                continue
            }
            guard let tested = tested(model, from: first, to: end, function: function) else { return Polled() }
            polled.tested += tested
        }
        if polled.tested.isEmpty { polled.untilDeadline = false }
        return polled
    }

    /// The parts of the condition between its top-level `and`s, inside the parentheses
    /// around all of it (`while (...):` over several lines); the whole condition when it
    /// also has a top-level `or`, which binds looser.
    private static func conjuncts(_ tokens: ScanTokens, from first: Int, to end: Int) -> [(Int, Int)] {
        if end - first > 2, tokens.isOp(first, "("), tokens.partner[first] == end - 1 {
            return conjuncts(tokens, from: first + 1, to: end - 1)
        }
        var parts: [(Int, Int)] = []
        var depth = 0
        var start = first
        for index in first..<end {
            if tokens.isOpener(index) { depth += 1 } else if tokens.isCloser(index) { depth -= 1 }
            guard depth == 0 else { continue }
            if tokens.isName(index, "or") { return [(first, end)] }
            if tokens.isName(index, "and") {
                parts.append((start, index))
                start = index + 1
            }
        }
        parts.append((start, end))
        return parts
    }

    /// `time.time() - start <= timeout`: every call reads a clock, with no arguments, and
    /// there is one at least.
    private static func readsOnlyAClock(_ tokens: ScanTokens, from first: Int, to end: Int) -> Bool {
        var clocks = 0
        for index in first..<end where tokens.isOp(index, "(") && isCallee(tokens, index - 1) {
            guard tokens.isName(index - 1), clockReaders.contains(tokens.text(index - 1)), tokens.isOp(index + 1, ")") else { return false }
            clocks += 1
        }
        return clocks > 0
    }

    /// The state one part of the condition tests; nil when it calls something.
    private static func tested(_ model: ScanModel, from first: Int, to colon: Int, function: Int) -> [String]? {
        let tokens = model.tokens
        var tested: [String] = []
        var cursor = first
        while cursor < colon {
            switch tokens.kinds[cursor] {
            case .number, .string:
                cursor += 1
            case .op:
                if tokens.isOp(cursor, "("), isCallee(tokens, cursor - 1) { return nil }
                cursor += 1
            case .name where tokens.isName(cursor, "len") && tokens.isOp(cursor + 1, "(") && !tokens.isOp(cursor - 1, "."):
                // `len(self.workers)`: the state inside is what is tested.
                cursor += 2
            case .name where tokens.isKeyword(cursor):
                guard testKeywords.contains(tokens.text(cursor)) else { return nil }
                cursor += 1
            case .name:
                var end = cursor + 1
                while tokens.isOp(end, "."), tokens.isName(end + 1) { end += 2 }
                if end - cursor > 1, comparisons.contains(tokens.text(end - 1)), tokens.isOp(end, "(") {
                    // The receiver is tested, then the argument, read on as the rest of the condition.
                    if let receiver = testedVariable(model, first: cursor, end: end - 2, function: function) { tested.append(receiver) }
                    cursor = end + 1
                    continue
                }
                if end - cursor > 1, stateReaders.contains(tokens.text(end - 1)), tokens.isOp(end, "("), tokens.isOp(end + 1, ")") {
                    end += 2
                }
                // `KEY not in session.state`: what is looked for is no state; the container is.
                let isSought = tokens.isName(end, "in") || (tokens.isName(end, "not") && tokens.isName(end + 1, "in"))
                if !isSought, let variable = testedVariable(model, first: cursor, end: end, function: function) { tested.append(variable) }
                cursor = end
            default:
                return nil
            }
        }
        return tested
    }

    /// The text of the chain `first..<end`, unless it is one of the function's locals or a class's member.
    private static func testedVariable(_ model: ScanModel, first: Int, end: Int, function: Int) -> String? {
        let tokens = model.tokens
        let root = tokens.text(first)
        // An attribute or an item of a local is the state of an object others may hold too.
        let isPart = end - first > 1 || tokens.isOp(end, "[")
        return (isPart ? !isClassMember(root) : !isLocal(root, model.scopes[function])) ? tokens.text(first, end - 1) : nil
    }

    /// A `(` after this token calls: after a name that is no keyword, a `)` or a `]`.
    private static func isCallee(_ tokens: ScanTokens, _ index: Int) -> Bool {
        (tokens.isName(index) && !tokens.isKeyword(index)) || tokens.isOp(index, ")") || tokens.isOp(index, "]")
    }

    /// A CamelCase root: `Status` of `Status.starting`, not `CONFIG` of `CONFIG.ready`.
    private static func isClassMember(_ root: String) -> Bool {
        ClassNames.looksLikeClass(root) && root.utf8.contains { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }
    }

    private static func isLocal(_ name: String, _ scope: Scope) -> Bool {
        guard let entry = scope.names[name] else { return false }
        return entry.isBound && !entry.isGlobal && !entry.isNonlocal
    }
}
