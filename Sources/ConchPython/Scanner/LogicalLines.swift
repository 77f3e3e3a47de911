/// The compound statements whose header ends in `:` and owns a block.
enum HeaderKind: Sendable, Equatable {
    case def, classDef, `if`, elif, `else`, `for`, `while`, with, `try`, except, finally, match, `case`
}

/// One simple statement, or the header of a compound statement, as token indices.
struct Statement {
    var first: Int
    /// Exclusive; for a header, one past its colon.
    var end: Int
    /// Block depth: 0 at module level, +1 per enclosing block (inline suites count too).
    var level: Int
    var header: HeaderKind?
    /// `async def`, `async for`, `async with`.
    var isAsync = false
    /// Index of the first token after `async`, or `first`.
    var keyword: Int
    var colon: Int?
    /// For a header: index of the first statement after its block.
    var blockEnd: Int = 0
}

/// Splits the tokens into statements by NEWLINE, `;`, INDENT/DEDENT and header
/// colons (an inline suite `if x: y()` becomes a header and a deeper statement),
/// and links each header to the end of its block. Never recursive, linear.
enum LogicalLines {
    static func statements(_ tokens: ScanTokens) -> [Statement] {
        var result: [Statement] = []
        var level = 0
        var index = 0
        let count = tokens.count
        while index < count {
            switch tokens.kinds[index] {
            case .indent:
                level += 1
                index += 1
            case .dedent:
                level = max(0, level - 1)
                index += 1
            case .newline:
                index += 1
            default:
                var lineEnd = index
                while lineEnd < count, tokens.kinds[lineEnd] != .newline, tokens.kinds[lineEnd] != .indent,
                      tokens.kinds[lineEnd] != .dedent {
                    lineEnd += 1
                }
                split(tokens, index, lineEnd, level, into: &result)
                index = lineEnd
            }
        }
        linkBlocks(&result)
        return result
    }

    private static func split(_ tokens: ScanTokens, _ start: Int, _ end: Int, _ level: Int, into result: inout [Statement]) {
        var cursor = start
        var level = level
        if let (kind, keyword, isAsync) = header(tokens, start, end) {
            if let colon = headerColon(tokens, from: keyword + 1, end: end), kind != .match && kind != .case || colon == end - 1 {
                var statement = Statement(first: start, end: colon + 1, level: level, header: kind, keyword: keyword, colon: colon)
                statement.isAsync = isAsync
                result.append(statement)
                cursor = colon + 1
                level += 1
            }
        }
        // The rest: simple statements separated by `;` at bracket depth 0.
        var statementStart = cursor
        while cursor < end {
            if tokens.isOpener(cursor) {
                cursor = tokens.skipGroup(cursor, limit: end)
                continue
            }
            if tokens.isOp(cursor, ";") {
                if cursor > statementStart {
                    result.append(Statement(first: statementStart, end: cursor, level: level, keyword: statementStart))
                }
                statementStart = cursor + 1
            }
            cursor += 1
        }
        if end > statementStart {
            result.append(Statement(first: statementStart, end: end, level: level, keyword: statementStart))
        }
    }

    private static func header(_ tokens: ScanTokens, _ start: Int, _ end: Int) -> (HeaderKind, Int, Bool)? {
        guard tokens.isName(start) else { return nil }
        var keyword = start
        var isAsync = false
        if tokens.equals(start, "async"), start + 1 < end, tokens.isName(start + 1) {
            keyword = start + 1
            isAsync = true
        }
        // Most statements start with a plain name: rule them out before comparing texts.
        guard tokens.isKeyword(keyword) || tokens.equals(keyword, "match") || tokens.equals(keyword, "case") else { return nil }
        let kind: HeaderKind
        switch tokens.text(keyword) {
        case "def": kind = .def
        case "class": kind = .classDef
        case "if": kind = .if
        case "elif": kind = .elif
        case "else": kind = .else
        case "for": kind = .for
        case "while": kind = .while
        case "with": kind = .with
        case "try": kind = .try
        case "except": kind = .except
        case "finally": kind = .finally
        case "match": kind = .match
        case "case": kind = .case
        default: return nil
        }
        if isAsync, kind != .def, kind != .for, kind != .with { return nil }
        if kind == .match || kind == .case {
            // Soft keywords: `match = 1`, `match.group()` and `case(x)` calls are not headers.
            let next = keyword + 1
            if next >= end || tokens.isOp(next, "=") || tokens.isOp(next, ".") || tokens.isOp(next, ":") { return nil }
        }
        return (kind, keyword, isAsync)
    }

    /// The colon ending a header: the first `:` at bracket depth 0 that no `lambda` claims.
    static func headerColon(_ tokens: ScanTokens, from start: Int, end: Int) -> Int? {
        var lambdas = 0
        var cursor = start
        while cursor < end {
            if tokens.isOpener(cursor) {
                guard tokens.partner[cursor] > cursor else { return nil }
                cursor = tokens.skipGroup(cursor, limit: end)
                continue
            }
            if tokens.isName(cursor, "lambda") {
                lambdas += 1
            } else if tokens.isOp(cursor, ":") {
                if lambdas == 0 { return cursor }
                lambdas -= 1
            }
            cursor += 1
        }
        return nil
    }

    private static func linkBlocks(_ statements: inout [Statement]) {
        var open: [Int] = []
        for index in statements.indices {
            let level = statements[index].level
            while let top = open.last, statements[top].level >= level {
                statements[top].blockEnd = index
                open.removeLast()
            }
            if statements[index].header != nil {
                statements[index].blockEnd = index + 1
                open.append(index)
            }
        }
        for top in open { statements[top].blockEnd = statements.count }
    }
}
