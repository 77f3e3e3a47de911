import ConchKit

/// Where the child of `os.fork()` runs: `if pid == 0:` after `pid = os.fork()` (or
/// the `else:` of `if pid:`), or `if os.fork() == 0:` itself. Recorded as C does, as
/// a `<fork-child>` marker (`ForkChild`), so the rules see only that branch as the child's.
enum ForkBranches {
    /// The arms of the `if` testing a fork's result: the child's (`if pid == 0:`, the
    /// `else:` of `if pid:`, or what follows an `if pid:` whose block leaves), and the parent's header.
    private struct Arms {
        var child: ByteRange?
        var parentHeader: Int?
    }

    static func record(_ model: ScanModel) {
        for index in model.facts.spawnSites.indices where model.facts.spawnSites[index].kind == .forkChild {
            let site = model.facts.spawnSites[index]
            guard let call = model.tokens.index(startingAt: site.range.start),
                  let statement = model.statement(containing: call),
                  let close = model.tokens.index(endingAt: site.range.end),
                  let arms = arms(model, forkCall: (call, close + 1), statement: statement, function: site.function) else { continue }
            if let parent = arms.parentHeader, model.statements[parent].blockEnd > parent + 1 {
                model.facts.spawnSites[index].parentArm = block(model, header: parent)
                model.facts.spawnSites[index].detaches = endsProcess(model, header: parent, function: site.function)
            }
            guard let branch = arms.child else { continue }
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
    private static func arms(_ model: ScanModel, forkCall: (first: Int, end: Int), statement index: Int, function: Int) -> Arms? {
        let tokens = model.tokens
        let statement = model.statements[index]
        // `if os.fork() == 0:`
        if statement.header == .if, let colon = statement.colon {
            return arms(model, testing: forkCall, header: index, first: statement.keyword + 1, end: colon, function: function)
        }
        // `pid = os.fork()`, `self.pid = os.fork()`, `pid, fd = os.forkpty()`: the first `if`
        // on the same level that tests the pid.
        guard statement.header == nil, let assignment = model.assignments[index], let target = assignment.targets.first,
              let value = assignment.value, value.first == forkCall.first, value.end == forkCall.end,
              let pid = pidOperand(tokens, target: target) else { return nil }
        var sibling = index + 1
        while sibling < model.statements.count, model.statements[sibling].level >= statement.level {
            let next = model.statements[sibling]
            if next.level == statement.level, next.header == .if, let colon = next.colon,
               let found = arms(model, testing: pid, header: sibling, first: next.keyword + 1, end: colon, function: function) {
                return found
            }
            sibling = next.header == nil ? sibling + 1 : max(sibling + 1, next.blockEnd)
        }
        return nil
    }

    /// The tokens naming the pid in the target of the fork's result: a dotted name
    /// (`pid`, `self.pid`) as a whole, else a tuple's first name (`pid, fd`).
    private static func pidOperand(_ tokens: ScanTokens, target: (first: Int, end: Int)) -> (first: Int, end: Int)? {
        var cursor = target.first
        while cursor < target.end, tokens.isName(cursor), !tokens.isKeyword(cursor) {
            guard cursor + 1 < target.end else { return target }
            guard tokens.isOp(cursor + 1, ".") else { break }
            cursor += 2
        }
        return Assignments.boundNames(tokens, first: target.first, end: target.end).first.map { ($0.token, $0.token + 1) }
    }

    /// The arms of `if <test>:` when the test says whether the fork returned 0 (`pid == 0`,
    /// `not pid`) or not (`pid`, `pid > 0`). gunicorn's `if pid != 0: ...; return pid`
    /// leaves the child to run on after the `if`, to the end of the enclosing block.
    private static func arms(_ model: ScanModel, testing operand: (first: Int, end: Int), header: Int,
                             first: Int, end: Int, function: Int) -> Arms? {
        guard let childIsTrue = testsZero(model.tokens, operand: operand, first: first, end: end) else { return nil }
        let after = model.statements[header].blockEnd
        let follows = after < model.statements.count && model.statements[after].level == model.statements[header].level
        let elseHeader = follows && model.statements[after].header == .else ? after : nil
        if childIsTrue { return Arms(child: block(model, header: header), parentHeader: elseHeader) }
        if let elseHeader { return Arms(child: block(model, header: elseHeader), parentHeader: header) }
        let parentLeaves = follows && model.statements[after].header != .elif
            && (model.blockEndsIn(header, ["return", "raise", "continue", "break"]) || endsProcess(model, header: header, function: function))
        return Arms(child: parentLeaves ? rest(model, from: after) : nil, parentHeader: header)
    }

    /// Whether the block of a header ends the process: `os._exit(0)`, `sys.exit()`, `raise SystemExit`.
    private static func endsProcess(_ model: ScanModel, header: Int, function: Int) -> Bool {
        guard let last = model.lastStatement(inBlockOf: header) else { return false }
        let first = model.statements[last].first
        if model.tokens.isName(first, "raise"), model.tokens.isName(first + 1, "SystemExit") { return true }
        let start = model.tokens.starts[first]
        return model.facts.functions[function].calls.contains { call in
            call.range.start == start && ScannerCatalog.processExits.contains(call.callee)
        }
    }

    /// The statements from `first` to the end of its block.
    private static func rest(_ model: ScanModel, from first: Int) -> ByteRange {
        let level = model.statements[first].level
        var last = first
        while last + 1 < model.statements.count, model.statements[last + 1].level >= level { last += 1 }
        let end = model.tokens.ends[max(model.statements[last].first, model.statements[last].end - 1)]
        return ByteRange(model.tokens.starts[model.statements[first].first], end)
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
}
