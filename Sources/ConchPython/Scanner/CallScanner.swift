import ConchKit

/// A call found in a statement, with where its facts went.
struct FoundCall {
    var open: Int
    var close: Int
    var chainFirst: Int
    var function: Int
    var index: Int
    /// The call's `callee` and `isResolved`, so detectors need not copy its facts.
    var callee: String
    var isResolved: Bool
}

/// Finds the calls of one statement: every `(` that follows something callable.
enum CallScanner {
    static func calls(_ model: ScanModel, statement index: Int, contexts: TokenContexts, locks: [String]) -> [FoundCall] {
        let tokens = model.tokens
        let statement = model.statements[index]
        var found: [FoundCall] = []
        let patternEnd = statement.header == .case ? casePatternEnd(tokens, statement) : statement.first
        var cursor = statement.first + 1
        while cursor < statement.end {
            defer { cursor += 1 }
            guard tokens.isOp(cursor, "("), model.isChainEnd(cursor - 1, floor: statement.first) else { continue }
            if statement.header == .def || statement.header == .classDef, cursor == tokens.afterTypeParameters(statement.keyword + 1) {
                continue
            }
            if statement.header == .match, cursor - 1 == statement.keyword { continue }
            // `case Point(x=0):` matches a class pattern; it calls nothing.
            if cursor < patternEnd { continue }
            let chainFirst = model.chainStart(endingAt: cursor - 1, notBefore: statement.first)
            let close = tokens.partner[cursor] > cursor ? tokens.partner[cursor] : statement.end - 1
            let function = contexts.owner(of: cursor)
            var resolved = model.resolveChain(chainFirst, cursor - 1, scope: function, className: model.scopes[function].className)
            // `installer()` on `installer = Installer()`: the instance's `__call__` runs.
            if resolved.isInstance { resolved.name += ".__call__" }
            var call = CallFacts(callee: resolved.name, calleeText: model.shortText(chainFirst, cursor - 1),
                                 isResolved: resolved.isResolved, range: tokens.range(chainFirst, close),
                                 calleeRange: tokens.range(chainFirst, cursor - 1))
            let argumentEnd = tokens.partner[cursor] > cursor ? close : statement.end
            let table = model.argumentTable
            let firstArgument = table.count
            var firstPart: (first: Int, end: Int)?
            Assignments.forEachCommaSeparated(tokens, first: cursor + 1, end: argumentEnd) { part in
                if firstPart == nil { firstPart = part }
                let argument = argument(model, part, function: function)
                if let least = HandedCollections.leastItem(model, part, function: function) {
                    model.facts.handedLeastItems.append(HandedLeastItem(argument: argument.range, value: least))
                }
                table.append(argument)
            }
            call.arguments = ArgumentList(table, firstArgument..<table.count)
            call.loop = contexts.loop(of: cursor)
            call.locksHeld = function == model.statementFunction[index] ? locks : []
            call.isAwaited = tokens.isName(chainFirst - 1, "await")
            call.isReturned = tokens.isName(chainFirst - (call.isAwaited ? 2 : 1), "return")
            if let firstPart, call.isResolved, mayRunAShell(tokens, name: cursor - 1), ShellCommandAPIs.python.contains(call.callee) {
                recordBuiltCommand(model, firstPart, statement: index, function: function)
            }
            if chainFirst == cursor - 1, call.isResolved, !model.starModules.isEmpty, BuiltinSignatures.rulesOut(call) {
                call.callee = call.calleeText
                call.isResolved = false
            }
            if call.isResolved, !model.importedState.isEmpty, tokens.isOp(chainFirst + 1, "."), tokens.isName(chainFirst),
               model.isImportedName(tokens.nameIDs[chainFirst]) {
                model.facts.importedObjectCalls.append(CallPlace(function: function, call: model.facts.functions[function].calls.count))
            }
            found.append(FoundCall(open: cursor, close: close, chainFirst: chainFirst, function: function,
                                   index: model.facts.functions[function].calls.count,
                                   callee: call.callee, isResolved: call.isResolved))
            model.facts.functions[function].calls.append(call)
        }
        return found
    }

    /// Where a `case` header's pattern ends: at its guard (`case x if ready(x):`, whose
    /// calls run) or its colon.
    private static func casePatternEnd(_ tokens: ScanTokens, _ statement: Statement) -> Int {
        let colon = statement.colon ?? statement.end
        return Assignments.topLevel(tokens, keyword: "if", first: statement.keyword + 1, end: colon) ?? colon
    }

    static func argument(_ model: ScanModel, _ part: (first: Int, end: Int), function: Int) -> Argument {
        let tokens = model.tokens
        var first = part.first
        var keyword: String?
        if tokens.isName(first), tokens.isOp(first + 1, "="), first + 2 < part.end {
            keyword = tokens.text(first)
            first += 2
        }
        let last = part.end - 1
        var argument = Argument(keyword: keyword, shape: shape(model, first, last, function: function),
                                range: tokens.range(first, last), text: model.shortText(first, last))
        if tokens.kinds[first] == .number, let value = LoopBounds.constant(tokens, first: first, end: part.end) {
            argument.integerValue = Int32(clamping: value)
        }
        return argument
    }

    /// A light expression shape: name, lambda, call, string, formatted string, number, other.
    static func shape(_ model: ScanModel, _ first: Int, _ last: Int, function: Int) -> Argument.Shape {
        let tokens = model.tokens
        guard first <= last else { return .other }
        if let lambda = model.lambda(at: first), lambda.end > last {
            return .lambda(model.facts.functions[lambda.function].id)
        }
        if let stringShape = stringShape(tokens, first, last) { return stringShape }
        if tokens.kinds[last] == .number, first == last || (first + 1 == last && tokens.isOp(first, "-")) {
            return .numberLiteral
        }
        guard model.chainStart(endingAt: last, notBefore: first) == first else { return .other }
        let className = model.scopes[function].className
        if tokens.isCloser(last), tokens.isOp(tokens.partner[last], "("), tokens.partner[last] > first {
            let callee = model.resolveChain(first, tokens.partner[last] - 1, scope: function, className: className)
            return .call(callee.name)
        }
        var cursor = first
        while cursor <= last, tokens.isName(cursor) || tokens.isOp(cursor, ".") { cursor += 1 }
        guard cursor > last, tokens.isName(first), !tokens.isKeyword(first) else { return .other }
        return .name(model.resolveChain(first, last, scope: function, className: className).name)
    }

    /// `cmd = "gzip %s" % path`, a few statements before `os.system(cmd)`.
    private static func recordBuiltCommand(_ model: ScanModel, _ part: (first: Int, end: Int), statement: Int, function: Int) {
        let tokens = model.tokens
        guard part.end == part.first + 1, tokens.isName(part.first),
              let value = model.valueAssigned(to: tokens.nameIDs[part.first], before: statement, in: function, reach: builtCommandReach),
              value.end > value.first, stringShape(tokens, value.first, value.end - 1) == .formattedString else { return }
        model.facts.builtCommands.append(BuiltCommand(argument: tokens.range(part.first, part.first),
                                                      builtAt: tokens.range(value.first, value.end - 1)))
    }

    /// The called name is one a shell-command API ends in: asked of every call, so by bytes, not by hashing the callee.
    private static func mayRunAShell(_ tokens: ScanTokens, name: Int) -> Bool {
        tokens.isName(name, "system") || tokens.isName(name, "popen") || tokens.isName(name, "getoutput")
            || tokens.isName(name, "getstatusoutput") || tokens.isName(name, "popen2") || tokens.isName(name, "popen3")
            || tokens.isName(name, "popen4") || tokens.isName(name, "Popen3") || tokens.isName(name, "Popen4")
    }

    /// How far back the command's assignment is looked for: it is made just before it runs.
    private static let builtCommandReach = 12

    /// Strings: a literal, or one built from values (f-string fields, `%`, `+`, `.format`).
    private static func stringShape(_ tokens: ScanTokens, _ first: Int, _ last: Int) -> Argument.Shape? {
        var hasString = false
        var onlyStrings = true
        var formatted = false
        var cursor = first
        while cursor <= last {
            switch tokens.kinds[cursor] {
            case .string:
                hasString = true
            case .fstringStart:
                hasString = true
                var depth = 0
                while cursor <= last {
                    let kind = tokens.kinds[cursor]
                    if kind == .fstringStart { depth += 1 } else if kind == .fstringEnd { depth -= 1 } else if kind != .fstringMiddle { formatted = true }
                    if depth == 0 { break }
                    cursor += 1
                }
            default:
                onlyStrings = false
                if tokens.isOpener(cursor) {
                    cursor = tokens.skipGroup(cursor, limit: last + 1)
                    continue
                }
                if tokens.isOp(cursor, "%") || tokens.isOp(cursor, "+") || (tokens.isName(cursor, "format") && tokens.isOp(cursor - 1, ".")) {
                    formatted = true
                }
            }
            cursor += 1
        }
        guard hasString else { return nil }
        if formatted { return .formattedString }
        return onlyStrings ? .stringLiteral : nil
    }
}
