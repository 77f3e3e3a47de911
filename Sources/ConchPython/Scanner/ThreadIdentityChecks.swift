import ConchKit

/// `if` tests of which thread runs the code.
/// - `if threading.current_thread() is threading.main_thread():` (or `==`, or
///   `threading.get_ident()` against `threading.main_thread().ident`, or
///   `current_thread().name` against `"MainThread"`): the block runs only in the main
///   thread. Negated, with a block that leaves (`return`, `raise`), the rest of the function does.
/// - `if self.loop._thread_id == threading.get_ident(): ...; return`, against a thread
///   named otherwise (an event loop's): what follows runs only off that thread, and so
///   does the block of the `!=` test.
enum ThreadIdentityChecks {
    static func record(_ model: ScanModel, header index: Int, calls: [FoundCall], function: Int, exits: Bool) {
        let statement = model.statements[index]
        let tokens = model.tokens
        guard statement.header == .if, let colon = statement.colon else { return }
        let first = statement.keyword + 1
        func inCondition(_ callee: String) -> Bool { calls.contains { $0.open > first && $0.close < colon && $0.callee == callee } }
        guard inCondition("threading.current_thread") || inCondition("threading.get_ident"),
              !(first..<colon).contains(where: { tokens.isName($0, "or") }) else { return }
        let negated = (first..<colon).contains { tokens.isName($0, "not") || tokens.isOp($0, "!=") }
        let block = ByteRange(tokens.ends[colon], model.blockEndOffset(index))
        let functionEnd = model.facts.functions[function].range.end
        let rest = exits && functionEnd > block.end ? ByteRange(block.end, functionEnd) : nil
        if inCondition("threading.main_thread")
            || (first..<colon).contains(where: { tokens.kinds[$0] == .string && tokens.text($0).contains("MainThread") }) {
            if let region = negated ? rest : block { model.facts.mainThreadRegions.append(region) }
        } else if namesAnotherThread(tokens, first: first, end: colon) {
            if let region = negated ? block : rest { model.facts.otherThreadRegions.append(region) }
        }
    }

    /// `loop._thread_id`, `self._loop_thread`: a name about a thread that is not a call
    /// (`get_ident()`) nor the `threading` module.
    private static func namesAnotherThread(_ tokens: ScanTokens, first: Int, end: Int) -> Bool {
        (first..<end).contains { token in
            tokens.isName(token) && !tokens.isOp(token + 1, "(") && !tokens.isName(token, "threading")
                && tokens.text(token).lowercased().contains("thread")
        }
    }
}
