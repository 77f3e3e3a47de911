import ConchKit

/// Where the child of `os.fork()` runs: `if pid == 0:` after `pid = os.fork()` (or
/// the `else:` of `if pid:`), or `if os.fork() == 0:` itself. Recorded as C does, as
/// a `<fork-child>` marker (`ForkChild`), so the rules see only that branch as the child's.
enum ForkBranches {
    static func record(_ model: ScanModel) {
        for site in model.facts.spawnSites where site.kind == .forkChild {
            guard let call = model.tokens.index(startingAt: site.range.start),
                  let statement = statement(containing: call, model.statements),
                  let close = model.tokens.index(endingAt: site.range.end),
                  let branch = childBranch(model, forkCall: (call, close + 1), statement: statement) else { continue }
            let parent = model.facts.functions[site.function]
            let line = model.lineAndColumn(of: branch.start).line
            var marker = FunctionFacts(id: "\(parent.id)::\(ForkChild.markerName)@\(line)", name: ForkChild.markerName,
                                       kind: .function, range: branch, nameRange: ByteRange(branch.start, branch.start))
            marker.parent = site.function
            marker.isNested = true
            model.facts.functions.append(marker)
        }
    }

    /// `forkCall`: the tokens of `os.fork()`, its `)` the last.
    private static func childBranch(_ model: ScanModel, forkCall: (first: Int, end: Int), statement index: Int) -> ByteRange? {
        let tokens = model.tokens
        let statement = model.statements[index]
        // `if os.fork() == 0:`
        if statement.header == .if, let colon = statement.colon {
            return branch(model, testing: forkCall, header: index, first: statement.keyword + 1, end: colon)
        }
        // `pid = os.fork()`, `pid, fd = os.forkpty()`: the first `if` on the same level that tests `pid`.
        guard statement.header == nil, let assignment = model.assignments[index], let target = assignment.targets.first,
              let value = assignment.value, value.first == forkCall.first, value.end == forkCall.end,
              let pid = Assignments.boundNames(tokens, first: target.first, end: target.end).first else { return nil }
        var sibling = index + 1
        while sibling < model.statements.count, model.statements[sibling].level >= statement.level {
            let next = model.statements[sibling]
            if next.level == statement.level, next.header == .if, let colon = next.colon,
               let found = branch(model, testing: (pid.token, pid.token + 1), header: sibling, first: next.keyword + 1, end: colon) {
                return found
            }
            sibling = next.header == nil ? sibling + 1 : max(sibling + 1, next.blockEnd)
        }
        return nil
    }

    /// The child's block for `if <test>:`: the `if` block when the test says the fork
    /// returned 0 (`pid == 0`, `not pid`), its `else:` when it says nonzero (`pid`, `pid > 0`).
    private static func branch(_ model: ScanModel, testing operand: (first: Int, end: Int), header: Int,
                               first: Int, end: Int) -> ByteRange? {
        guard let childIsTrue = testsZero(model.tokens, operand: operand, first: first, end: end) else { return nil }
        if childIsTrue { return block(model, header: header) }
        let elseHeader = model.statements[header].blockEnd
        guard elseHeader < model.statements.count, model.statements[elseHeader].header == .else,
              model.statements[elseHeader].level == model.statements[header].level else { return nil }
        return block(model, header: elseHeader)
    }

    /// True for `x == 0`, `0 == x`, `not x`; false for `x`, `x != 0`, `x > 0`, `0 < x`; nil otherwise.
    private static func testsZero(_ tokens: ScanTokens, operand: (first: Int, end: Int), first: Int, end: Int) -> Bool? {
        let length = operand.end - operand.first
        func isOperand(_ at: Int) -> Bool {
            guard at >= first, at + length <= end else { return false }
            return (0..<length).allSatisfy { tokens.text(at + $0) == tokens.text(operand.first + $0) }
        }
        func isZero(_ at: Int) -> Bool { at < end && tokens.kinds[at] == .number && tokens.equals(at, "0") }
        if end - first == length, isOperand(first) { return false }
        if end - first == length + 1, tokens.isName(first, "not"), isOperand(first + 1) { return true }
        guard end - first == length + 2 else { return nil }
        if isOperand(first), isZero(first + length + 1) {
            let comparison = first + length
            if tokens.isOp(comparison, "==") { return true }
            if tokens.isOp(comparison, "!=") || tokens.isOp(comparison, ">") { return false }
        }
        if isZero(first), isOperand(first + 2) {
            if tokens.isOp(first + 1, "==") { return true }
            if tokens.isOp(first + 1, "!=") || tokens.isOp(first + 1, "<") { return false }
        }
        return nil
    }

    /// The bytes of a header's block: its first statement to its last.
    private static func block(_ model: ScanModel, header: Int) -> ByteRange? {
        guard model.statements[header].blockEnd > header + 1 else { return nil }
        return ByteRange(model.tokens.starts[model.statements[header + 1].first], model.blockEndOffset(header))
    }

    private static func statement(containing token: Int, _ statements: [Statement]) -> Int? {
        var low = 0
        var high = statements.count - 1
        while low <= high {
            let middle = (low + high) / 2
            if statements[middle].first > token {
                high = middle - 1
            } else if statements[middle].end <= token {
                low = middle + 1
            } else {
                return middle
            }
        }
        return nil
    }
}
