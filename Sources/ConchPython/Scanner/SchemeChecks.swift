import ConchKit

/// `if not data_uri.startswith("data:"): raise ValueError(...)`: past it, the name holds
/// a URI of that scheme, as it does in the block of the test without `not`. Only a test
/// of a plain name against a scheme written out (`"data:"`, `"file:"`) is recorded.
enum SchemeChecks {
    /// `leaves` says whether the block ends in `return` or `raise`, asked only of such a test.
    static func record(_ model: ScanModel, header index: Int, function: Int, leaves: () -> Bool) {
        let statement = model.statements[index]
        let tokens = model.tokens
        guard statement.header == .if, let colon = statement.colon else { return }
        var first = statement.keyword + 1
        let negated = tokens.isName(first, "not")
        if negated { first += 1 }
        guard colon == first + 6, tokens.isName(first), tokens.isOp(first + 1, "."), tokens.isName(first + 2, "startswith"),
              tokens.isOp(first + 3, "("), tokens.kinds[first + 4] == .string, tokens.isOp(first + 5, ")"),
              let scheme = scheme(tokens.text(first + 4)) else { return }
        let branches = IfBranches(model, header: index, function: function, exits: leaves)
        let regions = branches.taken(negated: negated)
        guard !regions.isEmpty else { return }
        model.facts.schemeChecks.append(SchemeCheck(name: tokens.text(first), scheme: scheme, regions: regions))
    }

    /// `"data:"` → `data`: a quoted scheme and its colon, nothing else.
    private static func scheme(_ literal: String) -> String? {
        guard let quote = literal.first, quote == "\"" || quote == "'", literal.count > 3, literal.last == quote else { return nil }
        let inside = literal.dropFirst().dropLast()
        guard inside.last == ":" else { return nil }
        let scheme = inside.dropLast()
        guard scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") }),
              scheme.first?.isLetter ?? false else { return nil }
        return scheme.lowercased()
    }
}
