import ConchKit

/// What a test of a plain name against a string written out says it holds:
/// `if not data_uri.startswith("data:"): raise ValueError(...)` (past it, a URI of that
/// scheme, as in the block of the test without `not`), or `if host == "localhost":` (in
/// its block, that string).
enum StringChecks {
    /// `leaves` says whether the block ends in `return` or `raise`, asked only of a scheme test.
    static func record(_ model: ScanModel, header index: Int, function: Int, leaves: () -> Bool) {
        let statement = model.statements[index]
        let tokens = model.tokens
        guard statement.header == .if, let colon = statement.colon else { return }
        if colon == statement.keyword + 4, let (name, literal) = equality(tokens, statement.keyword + 1),
           let value = unquoted(literal) {
            let block = IfBranches(model, header: index, function: function, exits: { false }).taken(negated: false)
            model.facts.stringChecks.append(StringCheck(name: name, kind: .equals, value: value, regions: block))
            return
        }
        var first = statement.keyword + 1
        let negated = tokens.isName(first, "not")
        if negated { first += 1 }
        guard colon == first + 6, tokens.isName(first), tokens.isOp(first + 1, "."), tokens.isName(first + 2, "startswith"),
              tokens.isOp(first + 3, "("), tokens.kinds[first + 4] == .string, tokens.isOp(first + 5, ")"),
              let scheme = scheme(tokens.text(first + 4)) else { return }
        let branches = IfBranches(model, header: index, function: function, exits: leaves)
        let regions = branches.taken(negated: negated)
        guard !regions.isEmpty else { return }
        model.facts.stringChecks.append(StringCheck(name: tokens.text(first), kind: .scheme, value: scheme, regions: regions))
    }

    /// `host == "localhost"` or `"localhost" == host`: the name and the literal.
    private static func equality(_ tokens: ScanTokens, _ first: Int) -> (name: String, literal: String)? {
        guard tokens.isOp(first + 1, "==") else { return nil }
        if tokens.isName(first), !tokens.isKeyword(first), tokens.kinds[first + 2] == .string {
            return (tokens.text(first), tokens.text(first + 2))
        }
        if tokens.kinds[first] == .string, tokens.isName(first + 2), !tokens.isKeyword(first + 2) {
            return (tokens.text(first + 2), tokens.text(first))
        }
        return nil
    }

    /// `"localhost"` → `localhost`: a plain quoted string, no prefix, no escapes.
    private static func unquoted(_ literal: String) -> String? {
        guard let quote = literal.first, quote == "\"" || quote == "'", literal.count >= 2, literal.last == quote else { return nil }
        let inside = literal.dropFirst().dropLast()
        return inside.contains("\\") || inside.contains(quote) ? nil : String(inside)
    }

    /// `"data:"` → `data`: a quoted scheme and its colon, nothing else.
    private static func scheme(_ literal: String) -> String? {
        guard let inside = unquoted(literal), inside.count > 1, inside.last == ":" else { return nil }
        let scheme = inside.dropLast()
        guard scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") }),
              scheme.first?.isLetter ?? false else { return nil }
        return scheme.lowercased()
    }
}
