import ConchKit

/// Records the blocks whose exceptions are handled: a `try` body with what its
/// `except` clauses name, a `with contextlib.suppress(...)` block, and a test's
/// `with pytest.raises(...)` block, which expects the exception.
enum HandledExceptionRegions {
    static func record(_ model: ScanModel, header index: Int, calls: [FoundCall], function: Int) {
        let statement = model.statements[index]
        var names: [String]
        var expected: [String] = []
        switch statement.header {
        case .try?:
            names = handled(model, by: index)
        case .with?:
            let end = statement.colon ?? statement.end
            names = suppressed(model, first: statement.keyword + 1, end: end, calls: calls)
            if !awaitsIn(model, blockOf: index) {
                expected = expectedRaises(model, first: statement.keyword + 1, end: end, calls: calls)
            }
        default:
            return
        }
        names += expected
        guard !names.isEmpty else { return }
        let range = ByteRange(model.tokens.starts[statement.first], model.blockEndOffset(index))
        var region = HandledExceptions(function: function, range: range, names: names)
        region.expectsRaise = !expected.isEmpty
        model.facts.handledExceptions.append(region)
    }

    /// A block that awaits may raise there, after its calls ran (CPython's timeout tests
    /// block the loop on purpose, then `await` the timeout).
    private static func awaitsIn(_ model: ScanModel, blockOf index: Int) -> Bool {
        let statement = model.statements[index]
        let first = (statement.colon ?? statement.end) + 1
        let end = statement.blockEnd < model.statements.count ? model.statements[statement.blockEnd].first : model.tokens.count
        return first < end && (first..<end).contains { model.tokens.isName($0, "await") || model.tokens.isName($0, "async") }
    }

    /// `with pytest.raises(RuntimeError, match=...):`, `with self.assertRaises(OSError):`:
    /// the exception named first. Its block does not await: the exception comes from its
    /// calls, at once (trio's tests of a call made from the wrong thread).
    private static func expectedRaises(_ model: ScanModel, first: Int, end: Int, calls: [FoundCall]) -> [String] {
        calls.filter { call in
            call.open > first && call.close < end
                && (call.callee == "pytest.raises" || call.callee.hasSuffix(".assertRaises") || call.callee.hasSuffix(".assertRaisesRegex"))
        }.compactMap { call in
            Assignments.commaSeparated(model.tokens, first: call.open + 1, end: call.close).first
                .flatMap { exceptionNames(model, from: $0.first, to: $0.end).first }
        }
    }

    /// What the `except` clauses of the `try` at `index` name.
    private static func handled(_ model: ScanModel, by index: Int) -> [String] {
        let tokens = model.tokens
        let level = model.statements[index].level
        var names: [String] = []
        var clause = model.statements[index].blockEnd
        while clause < model.statements.count, model.statements[clause].level == level,
              model.statements[clause].header == .except {
            let handler = model.statements[clause]
            let colon = handler.colon ?? handler.end
            let end = Assignments.topLevel(tokens, keyword: "as", first: handler.keyword + 1, end: colon) ?? colon
            let start = tokens.isOp(handler.keyword + 1, "*") ? handler.keyword + 2 : handler.keyword + 1
            names += start < end ? exceptionNames(model, from: start, to: end) : ["BaseException"]
            clause = max(clause + 1, handler.blockEnd)
        }
        return names
    }

    /// `with contextlib.suppress(BlockingIOError, InterruptedError):`
    private static func suppressed(_ model: ScanModel, first: Int, end: Int, calls: [FoundCall]) -> [String] {
        calls.filter { $0.callee == "contextlib.suppress" && $0.open > first && $0.close < end }
            .flatMap { exceptionNames(model, from: $0.open + 1, to: $0.close) }
    }

    /// The dotted names in `ValueError`, `(socket.timeout, OSError)`.
    private static func exceptionNames(_ model: ScanModel, from first: Int, to end: Int) -> [String] {
        let tokens = model.tokens
        return Assignments.commaSeparated(tokens, first: first, end: end).flatMap { part -> [String] in
            if tokens.isOp(part.first, "("), tokens.partner[part.first] == part.end - 1 {
                return exceptionNames(model, from: part.first + 1, to: part.end - 1)
            }
            return part.end > part.first ? [model.shortText(part.first, part.end - 1)] : []
        }
    }
}
