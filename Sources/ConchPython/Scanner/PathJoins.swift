/// `root / "logs" / f"{name}.txt"`: a `pathlib.Path` joined with `/` stays a `Path`, and
/// so does a `Path`'s `parent` (`Path(__file__).parent`).
extension ScanModel {
    static let pathType = "pathlib.Path"

    /// `pathlib.Path` when the tokens `first..<end` are a chain naming a `Path`, or operands
    /// joined by `/` alone, the first of them a `Path`; nil otherwise.
    func pathType(_ first: Int, _ end: Int, scope: Int, className: String?) -> String? {
        guard end > first else { return nil }
        var slash: Int?
        var cursor = first
        while cursor < end {
            if tokens.isOpener(cursor) {
                guard tokens.partner[cursor] > cursor, tokens.partner[cursor] < end else { return nil }
                cursor = tokens.partner[cursor] + 1
                continue
            }
            switch tokens.kinds[cursor] {
            case .fstringStart:
                cursor = fstringEnd(from: cursor, limit: end) + 1
                continue
            case .string: break
            case .name where !tokens.isKeyword(cursor): break
            case .op where tokens.isOp(cursor, "."): break
            case .op where tokens.isOp(cursor, "/") && cursor > first: slash = slash ?? cursor
            default: return nil
            }
            cursor += 1
        }
        let last = (slash ?? end) - 1
        guard chainStart(endingAt: last, notBefore: first) == first else { return nil }
        return namesPath(resolveChain(first, last, scope: scope, className: className)) ? Self.pathType : nil
    }

    private func namesPath(_ resolved: Resolved) -> Bool {
        resolved.isResolved && (resolved.isInstance && resolved.name == Self.pathType || resolved.name == Self.pathType + ".parent")
    }

    private func fstringEnd(from start: Int, limit: Int) -> Int {
        var depth = 0
        var cursor = start
        while cursor < limit {
            if tokens.kinds[cursor] == .fstringStart { depth += 1 }
            if tokens.kinds[cursor] == .fstringEnd {
                depth -= 1
                if depth == 0 { return cursor }
            }
            cursor += 1
        }
        return limit
    }
}
