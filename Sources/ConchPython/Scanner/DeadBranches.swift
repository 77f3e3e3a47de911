/// Blocks that never run, by the literal their test is: the body of `if False:`,
/// `if 0:` or `while False:`, and the `elif` and `else` clauses after `if True:`; or by
/// a module constant bound once to such a literal, maybe negated (`_IS_SYNC = False`,
/// then `if _IS_SYNC:` or `if not _IS_SYNC:`). Generated code marks the variant it does
/// not use so (psycopg's `if True:  # ASYNC`, pymongo's `_IS_SYNC`), and a call there is
/// none the program makes.
enum DeadBranches {
    /// For each statement, whether it lies in a block that never runs; empty when none does.
    static func statements(_ statements: [Statement], _ tokens: ScanTokens,
                           constants: [String: (first: Int, end: Int)] = [:]) -> [Bool] {
        var dead: [Bool] = []
        for (index, statement) in statements.enumerated() {
            guard let header = statement.header, header == .if || header == .elif || header == .while,
                  let colon = statement.colon, colon <= statement.keyword + 3,
                  let isTrue = truth(tokens, first: statement.keyword + 1, end: colon, constants: constants) else { continue }
            if dead.isEmpty { dead = Array(repeating: false, count: statements.count) }
            if !isTrue {
                for body in (index + 1)..<statement.blockEnd { dead[body] = true }
                continue
            }
            guard header != .while else { continue }
            var clause = statement.blockEnd
            while clause < statements.count, statements[clause].level == statement.level,
                  statements[clause].header == .elif || statements[clause].header == .else {
                let end = max(clause + 1, statements[clause].blockEnd)
                for part in clause..<end { dead[part] = true }
                clause = end
            }
        }
        return dead
    }

    /// A literal, or a module constant bound to one, maybe after `not`, as the whole test: whether it holds.
    private static func truth(_ tokens: ScanTokens, first: Int, end: Int, constants: [String: (first: Int, end: Int)]) -> Bool? {
        let negated = tokens.isName(first, "not")
        let operand = negated ? first + 1 : first
        guard operand + 1 == end else { return nil }
        var value = literalTruth(tokens, operand)
        if value == nil, !constants.isEmpty, tokens.isName(operand), let bound = constants[tokens.text(operand)],
           bound.end == bound.first + 1 {
            value = literalTruth(tokens, bound.first)
        }
        return value.map { negated ? !$0 : $0 }
    }

    /// `True`, `False`, `None`, `0` or `1` as a whole test: whether it holds.
    private static func literalTruth(_ tokens: ScanTokens, _ index: Int) -> Bool? {
        if tokens.isName(index, "True") || tokens.equals(index, "1") { return true }
        if tokens.isName(index, "False") || tokens.isName(index, "None") || tokens.equals(index, "0") { return false }
        return nil
    }
}
