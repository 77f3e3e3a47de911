import ConchKit

/// The code an `if` guards: its block, its `elif` and `else` clauses, and the rest of
/// the function when the block leaves it (`exits` walks the block, asked only when needed).
struct IfBranches {
    var block: ByteRange
    var otherClauses: ByteRange?
    var rest: ByteRange?

    init(_ model: ScanModel, header index: Int, function: Int, exits: () -> Bool) {
        let statements = model.statements
        let statement = statements[index]
        let tokens = model.tokens
        block = ByteRange(tokens.ends[statement.colon ?? statement.first], model.blockEndOffset(index))
        var lastClause: Int?
        var clause = statement.blockEnd
        while clause < statements.count, statements[clause].level == statement.level,
              statements[clause].header == .elif || statements[clause].header == .else {
            lastClause = clause
            clause = statements[clause].blockEnd
        }
        if let lastClause {
            otherClauses = ByteRange(tokens.starts[statements[statement.blockEnd].first], model.blockEndOffset(lastClause))
        }
        let functionEnd = model.facts.functions[function].range.end
        rest = functionEnd > block.end && exits() ? ByteRange(block.end, functionEnd) : nil
    }

    /// Where the code runs only when the test holds (`negated`: when it fails).
    func taken(negated: Bool) -> [ByteRange] {
        negated ? [otherClauses, rest].compactMap { $0 } : [block]
    }

    func skipped(negated: Bool) -> [ByteRange] {
        taken(negated: !negated)
    }
}
