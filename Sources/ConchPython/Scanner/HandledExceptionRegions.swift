import ConchKit

/// Records the blocks whose exceptions are handled: a `try` body with what its
/// `except` clauses name, and a `with contextlib.suppress(...)` block.
enum HandledExceptionRegions {
    static func record(_ model: ScanModel, header index: Int, calls: [FoundCall], function: Int) {
        let statement = model.statements[index]
        let names: [String]
        switch statement.header {
        case .try?: names = handled(model, by: index)
        case .with?: names = suppressed(model, first: statement.keyword + 1, end: statement.colon ?? statement.end, calls: calls)
        default: return
        }
        guard !names.isEmpty else { return }
        let range = ByteRange(model.tokens.starts[statement.first], model.blockEndOffset(index))
        model.facts.handledExceptions.append(HandledExceptions(function: function, range: range, names: names))
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
