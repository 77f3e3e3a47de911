/// Blocks that never run, by the literal their test is: the body of `if False:`,
/// `if 0:` or `while False:`, and the `elif` and `else` clauses after `if True:`.
/// Generated code marks the variant it does not use so (psycopg's `if True:  # ASYNC`),
/// and a call there is none the program makes.
enum DeadBranches {
    /// For each statement, whether it lies in a block that never runs; empty when none does.
    static func statements(_ statements: [Statement], _ tokens: ScanTokens) -> [Bool] {
        var dead: [Bool] = []
        for (index, statement) in statements.enumerated() {
            guard let header = statement.header, header == .if || header == .elif || header == .while,
                  statement.colon == statement.keyword + 2, let isTrue = literalTruth(tokens, statement.keyword + 1) else { continue }
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

    /// `True`, `False`, `None`, `0` or `1` as a whole test: whether it holds.
    private static func literalTruth(_ tokens: ScanTokens, _ index: Int) -> Bool? {
        if tokens.isName(index, "True") || tokens.equals(index, "1") { return true }
        if tokens.isName(index, "False") || tokens.isName(index, "None") || tokens.equals(index, "0") { return false }
        return nil
    }
}
