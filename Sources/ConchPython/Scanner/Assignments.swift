/// The shape of a simple statement as an assignment: `a = b = value`, `x += 1`, `x: T = v`.
struct Assignment {
    /// Target token ranges `[first, end)`, left to right.
    var targets: [(first: Int, end: Int)] = []
    /// The value's tokens `[first, end)`, when there is one.
    var value: (first: Int, end: Int)?
    /// The augmented operator token (`+=`), if any.
    var augmentedOperator: Int?
}

enum Assignments {
    /// Splits a simple statement at its top-level `=`, augmented operator or annotation
    /// colon. Returns nil for statements that assign nothing.
    static func parse(_ tokens: ScanTokens, first: Int, end: Int) -> Assignment? {
        if let alias = typeAlias(tokens, first: first, end: end) { return alias }
        // The first `=` apart: chains (`a = b = c`) are rare, and every assignment statement comes here.
        var firstEquals: Int?
        var moreEquals: [Int] = []
        var cursor = first
        var lambdas = 0
        var annotation: Int?
        while cursor < end {
            if tokens.isOpener(cursor) {
                cursor = tokens.skipGroup(cursor, limit: end)
                continue
            }
            if tokens.kinds[cursor] == .op {
                if tokens.isOp(cursor, "=") {
                    if firstEquals == nil { firstEquals = cursor } else { moreEquals.append(cursor) }
                } else if tokens.isOp(cursor, ":") {
                    if lambdas > 0 { lambdas -= 1 } else if annotation == nil, firstEquals == nil { annotation = cursor }
                } else if firstEquals == nil, annotation == nil, isAugmented(tokens, cursor) {
                    return Assignment(targets: [(first, cursor)], value: (cursor + 1, end), augmentedOperator: cursor)
                }
            } else if tokens.isName(cursor, "lambda") {
                lambdas += 1
            }
            cursor += 1
        }
        if let annotation {
            let value = firstEquals.map { ($0 + 1, end) }
            return Assignment(targets: [(first, annotation)], value: value)
        }
        guard let firstEquals else { return nil }
        var result = Assignment(targets: [(first, firstEquals)])
        var start = firstEquals + 1
        for sign in moreEquals {
            result.targets.append((start, sign))
            start = sign + 1
        }
        result.value = (start, end)
        return result
    }

    /// `type Pairs[T] = list[tuple[T, T]]` (Python 3.12) binds `Pairs`; `type` is a soft
    /// keyword, so `type = 3` and `type(x)` stay what they are.
    private static func typeAlias(_ tokens: ScanTokens, first: Int, end: Int) -> Assignment? {
        guard tokens.isName(first, "type"), tokens.isName(first + 1), !tokens.isKeyword(first + 1) else { return nil }
        let equals = tokens.afterTypeParameters(first + 1)
        guard equals < end, tokens.isOp(equals, "=") else { return nil }
        return Assignment(targets: [(first + 1, first + 2)], value: (equals + 1, end))
    }

    static func isAugmented(_ tokens: ScanTokens, _ index: Int) -> Bool {
        let length = tokens.ends[index] - tokens.starts[index]
        guard length >= 2, tokens.bytes[tokens.ends[index] - 1] == UInt8(ascii: "=") else { return false }
        let first = tokens.firstByte(index)
        if length == 2, first == UInt8(ascii: "=") || first == UInt8(ascii: "!") || first == UInt8(ascii: "<")
            || first == UInt8(ascii: ">") || first == UInt8(ascii: ":") {
            return false
        }
        return true
    }

    /// Names a target binds: `a`, `a, (b, *c)`, `[x, y]`; not `d[k]`, `o.attr` or `f(x)`.
    static func boundNames(_ tokens: ScanTokens, first: Int, end: Int) -> [(name: String, token: Int)] {
        var result: [(String, Int)] = []
        var cursor = first
        while cursor < end {
            if tokens.isOpener(cursor) {
                if cursor > first, isChainEnd(tokens, cursor - 1) {
                    cursor = tokens.skipGroup(cursor, limit: end)
                } else {
                    cursor += 1
                }
                continue
            }
            if tokens.isName(cursor), !tokens.isKeyword(cursor), !tokens.isOp(cursor - 1, "."),
               !tokens.isOp(cursor + 1, "."), !(cursor + 1 < end && tokens.isOpener(cursor + 1)) {
                result.append((tokens.text(cursor), cursor))
            }
            cursor += 1
        }
        return result
    }

    static func isChainEnd(_ tokens: ScanTokens, _ index: Int) -> Bool {
        if tokens.isCloser(index) { return true }
        switch tokens.kinds[index] {
        case .name: return !tokens.isKeyword(index)
        case .string, .fstringEnd: return true
        default: return false
        }
    }

    /// The first top-level token equal to the keyword in `[first, end)`.
    static func topLevel(_ tokens: ScanTokens, keyword: StaticString, first: Int, end: Int) -> Int? {
        topLevel(tokens, first: first, end: end) { tokens.isName($0, keyword) }
    }

    static func topLevelOperator(_ tokens: ScanTokens, _ text: StaticString, first: Int, end: Int) -> Int? {
        topLevel(tokens, first: first, end: end) { tokens.isOp($0, text) }
    }

    @inline(__always)
    private static func topLevel(_ tokens: ScanTokens, first: Int, end: Int, where test: (Int) -> Bool) -> Int? {
        var cursor = first
        while cursor < end {
            if tokens.isOpener(cursor) {
                cursor = tokens.skipGroup(cursor, limit: end)
                continue
            }
            if test(cursor) { return cursor }
            cursor += 1
        }
        return nil
    }

    /// Splits `[first, end)` at top-level commas.
    static func commaSeparated(_ tokens: ScanTokens, first: Int, end: Int) -> [(first: Int, end: Int)] {
        var result: [(first: Int, end: Int)] = []
        forEachCommaSeparated(tokens, first: first, end: end) { result.append($0) }
        return result
    }

    /// The top-level comma-separated parts of `first..<end`, empty ones skipped, without
    /// building an array: every call's arguments go through here.
    @inline(__always)
    static func forEachCommaSeparated(_ tokens: ScanTokens, first: Int, end: Int, _ visit: ((first: Int, end: Int)) -> Void) {
        var start = first
        var cursor = first
        while cursor < end {
            if tokens.isOpener(cursor) {
                cursor = tokens.skipGroup(cursor, limit: end)
                continue
            }
            if tokens.isOp(cursor, ",") {
                if cursor > start { visit((start, cursor)) }
                start = cursor + 1
            }
            cursor += 1
        }
        if end > start { visit((start, end)) }
    }
}
