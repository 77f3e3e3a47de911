import ConchKit

/// Which arm of which `if`/`elif`/`else` chain or `match` a statement sits in, for
/// telling apart starts that one pass through a function never makes together.
enum BranchArms {
    /// The arms around the statement at `index`, outermost first, up to its `def` or `class`.
    static func around(_ index: Int, _ statements: [Statement], _ tokens: ScanTokens) -> [BranchArm] {
        enclosingHeaders(of: index, statements).reversed().compactMap { header in
            [.if, .elif, .else, .case].contains(statements[header].header) ? arm(of: header, statements, tokens) : nil
        }
    }

    /// The innermost `if`/`elif`/`else` block around the statement at `index` that ends by
    /// leaving the function (`return`, `raise`): nothing after it runs in a pass through it.
    static func returningBlock(around index: Int, _ model: ScanModel) -> ByteRange? {
        let statements = model.statements
        return enclosingHeaders(of: index, statements).first { header in
            [.if, .elif, .else].contains(statements[header].header) && model.blockEndsIn(header, ["return", "raise"])
        }.map { ByteRange(model.tokens.starts[statements[$0].first], model.blockEndOffset($0)) }
    }

    /// The headers of the blocks around the statement at `index`, innermost first, up to its
    /// `def` or `class`.
    private static func enclosingHeaders(of index: Int, _ statements: [Statement]) -> [Int] {
        var headers: [Int] = []
        var level = statements[index].level
        var cursor = index - 1
        while cursor >= 0, level > 0 {
            let header = statements[cursor]
            defer { cursor -= 1 }
            guard header.level < level else { continue }
            level = header.level
            if header.header == .def || header.header == .classDef { break }
            headers.append(cursor)
        }
        return headers
    }

    /// The arm the header at `index` opens: counted back over the `elif`s (or `case`s) before it
    /// to the chain's `if` (or the `match`). An `else` after a loop or a `try` opens none.
    private static func arm(of index: Int, _ statements: [Statement], _ tokens: ScanTokens) -> BranchArm? {
        let level = statements[index].level
        let isCase = statements[index].header == .case
        var current = index
        var position = 0
        while statements[current].header != .if {
            var previous = current - 1
            while previous >= 0, statements[previous].level > level { previous -= 1 }
            guard previous >= 0 else { return nil }
            let sibling = statements[previous]
            if isCase, sibling.level < level {
                return sibling.header == .match ? BranchArm(chain: tokens.range(sibling.first, sibling.first).start, arm: position) : nil
            }
            let continuesChain = isCase ? sibling.header == .case : sibling.header == .if || sibling.header == .elif
            guard sibling.level == level, continuesChain, sibling.blockEnd == current else { return nil }
            current = previous
            position += 1
        }
        let others = clauses(ofChainAt: current, statements, tokens).filter { $0 != index }.map { block(of: $0, statements, tokens) }
        return BranchArm(chain: tokens.range(statements[current].first, statements[current].first).start, arm: position, otherArms: others)
    }

    /// The `if` at `first` and the `elif`s and `else` that continue it.
    private static func clauses(ofChainAt first: Int, _ statements: [Statement], _ tokens: ScanTokens) -> [Int] {
        var clauses = [first]
        while let last = clauses.last, statements[last].blockEnd < statements.count {
            let next = statements[last].blockEnd
            guard statements[next].level == statements[first].level,
                  statements[next].header == .elif || statements[next].header == .else else { break }
            clauses.append(next)
        }
        return clauses
    }

    /// A clause from its header to the end of its block.
    private static func block(of clause: Int, _ statements: [Statement], _ tokens: ScanTokens) -> ByteRange {
        let end = statements[clause].blockEnd
        let endOffset = end < statements.count ? tokens.starts[statements[end].first] : tokens.ends[tokens.count - 1]
        return ByteRange(tokens.starts[statements[clause].first], endOffset)
    }
}
