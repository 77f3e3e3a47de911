import ConchKit

/// For each token of one statement: the function it runs in (a lambda's body runs in
/// the lambda) and its innermost loop (comprehensions included). Creates the
/// comprehension loops on the way. One forward sweep with a bracket stack.
struct TokenContexts {
    let first: Int
    /// Empty when every token has the statement's own function and loop (no lambda, no comprehension).
    var owner: [Int] = []
    var loop: [Int?] = []
    let function: Int
    let statementLoop: Int?

    func owner(of token: Int) -> Int { owner.isEmpty ? function : owner[token - first] }
    func loop(of token: Int) -> Int? { loop.isEmpty ? statementLoop : loop[token - first] }

    private struct OpenGroup {
        var open: Int
        var end: Int
        var function: Int
        var loop: Int?
    }

    init(model: ScanModel, statement index: Int) {
        let statement = model.statements[index]
        let tokens = model.tokens
        let function = model.statementFunction[index]
        let statementLoop = model.statementLoop[index]
        first = statement.first
        self.function = function
        self.statementLoop = statementLoop
        let ownFor = statement.header == .for ? statement.keyword : -1
        var needsSweep = false
        for token in statement.first..<statement.end where tokens.kinds[token] == .name {
            let id = tokens.nameIDs[token]
            if (id == tokens.lambdaID && id >= 0) || (id == tokens.forID && id >= 0 && token != ownFor) {
                needsSweep = true
                break
            }
        }
        guard needsSweep else { return }
        let count = statement.end - statement.first
        owner = Array(repeating: function, count: count)
        loop = Array(repeating: statementLoop, count: count)
        // Each lambda remembers how many groups were open outside it.
        var lambdas: [(end: Int, function: Int, base: Int)] = []
        var groups: [OpenGroup] = []
        for token in statement.first..<statement.end {
            while let top = lambdas.last, top.end <= token { lambdas.removeLast() }
            while let top = groups.last, top.end < token { groups.removeLast() }
            if let lambda = model.lambda(at: token) { lambdas.append((lambda.end, lambda.function, groups.count)) }
            let current = lambdas.last?.function ?? function
            let base = lambdas.last?.base ?? 0
            let outside = current == function ? statementLoop : nil
            var inherited = outside
            if groups.count > base, let top = groups.last, top.function == current { inherited = top.loop ?? outside }
            owner[token - first] = current
            loop[token - first] = inherited
            if tokens.isOpener(token) {
                let end = tokens.partner[token] > token ? tokens.partner[token] : statement.end
                let innermost = Self.comprehensionLoops(model, statement: index, open: token, end: end, function: current, parent: inherited,
                                                        skip: statement.header == .for ? statement.keyword : -1)
                groups.append(OpenGroup(open: token, end: end, function: current, loop: innermost ?? inherited))
            }
        }
    }

    /// Creates the loops of a comprehension whose brackets are `open...end`; returns the innermost.
    private static func comprehensionLoops(_ model: ScanModel, statement: Int, open: Int, end: Int, function: Int, parent: Int?, skip: Int) -> Int? {
        let tokens = model.tokens
        var fors: [Int] = []
        var cursor = open + 1
        while cursor < end {
            if tokens.isOpener(cursor) {
                cursor = tokens.skipGroup(cursor, limit: end)
                continue
            }
            if let lambda = model.lambda(at: cursor) {
                cursor = max(cursor + 1, lambda.end)
                continue
            }
            if tokens.kinds[cursor] == .name, cursor != skip, tokens.equals(cursor, "for") { fors.append(cursor) }
            cursor += 1
        }
        guard !fors.isEmpty else { return nil }
        var parentLoop = parent
        let closing = min(end, tokens.count - 1)
        for (position, forToken) in fors.enumerated() {
            let clauseEnd = position + 1 < fors.count ? fors[position + 1] : end
            var headerEnd = Assignments.topLevel(tokens, keyword: "if", first: forToken + 1, end: clauseEnd) ?? clauseEnd
            if tokens.isName(headerEnd - 1, "async") { headerEnd -= 1 }
            let inToken = Assignments.topLevel(tokens, keyword: "in", first: forToken + 1, end: headerEnd)
            var bound = LoopFacts.Bound.collection
            if let inToken {
                bound = LoopBounds.forBound(tokens, first: inToken + 1, end: headerEnd)
                for name in Assignments.boundNames(tokens, first: forToken + 1, end: inToken) {
                    model.bind(name.name, in: function)
                }
            }
            let depth = parentLoop.map { model.facts.functions[function].loops[$0].depth + 1 } ?? 0
            let start = tokens.isName(forToken - 1, "async") ? forToken - 1 : forToken
            var facts = LoopFacts(kind: .comprehension, range: tokens.range(open, closing),
                                  headerRange: tokens.range(start, max(start, headerEnd - 1)), bound: bound,
                                  parent: parentLoop, depth: depth,
                                  arithmeticOperations: tokens.arithmeticOperators(open + 1, end))
            facts.isAsync = start != forToken
            if let inToken {
                facts.readsInput = LoopBounds.readsStandardInput(tokens, first: inToken + 1, end: headerEnd)
                    || FileIteration.readsFile(model, first: inToken + 1, end: headerEnd, function: function, before: tokens.starts[open])
                facts.setPasses(LoopBounds.counting(model, function: function, statement: statement, first: inToken + 1, end: headerEnd, isFor: true))
            }
            model.facts.functions[function].loops.append(facts)
            parentLoop = model.facts.functions[function].loops.count - 1
        }
        return parentLoop
    }
}
