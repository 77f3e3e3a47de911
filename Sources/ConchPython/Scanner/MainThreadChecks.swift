import ConchKit

/// `if threading.current_thread() is threading.main_thread():` (or `== `, or a
/// comparison of `threading.get_ident()` with `threading.main_thread().ident`, or of
/// `current_thread().name` with `"MainThread"`): the block runs only in the main thread.
/// Negated, with a block that leaves (`return`, `raise`), the rest of the function does.
enum MainThreadChecks {
    static func record(_ model: ScanModel, header index: Int, calls: [FoundCall], function: Int, exits: Bool) {
        let statement = model.statements[index]
        let tokens = model.tokens
        guard statement.header == .if, let colon = statement.colon else { return }
        let first = statement.keyword + 1
        let inCondition = calls.filter { $0.open > first && $0.close < colon }.map(\.callee)
        guard inCondition.contains("threading.current_thread") || inCondition.contains("threading.get_ident"),
              inCondition.contains("threading.main_thread")
                || (first..<colon).contains(where: { tokens.kinds[$0] == .string && tokens.text($0).contains("MainThread") }),
              !(first..<colon).contains(where: { tokens.isName($0, "or") }) else { return }
        let negated = (first..<colon).contains { tokens.isName($0, "not") || tokens.isOp($0, "!=") }
        let blockEnd = model.blockEndOffset(index)
        if !negated {
            model.facts.mainThreadRegions.append(ByteRange(tokens.ends[colon], blockEnd))
        } else if exits {
            let functionEnd = model.facts.functions[function].range.end
            if functionEnd > blockEnd { model.facts.mainThreadRegions.append(ByteRange(blockEnd, functionEnd)) }
        }
    }
}
