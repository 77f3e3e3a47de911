import ConchKit

/// Builds a file's facts from its tokens: a structural pass (definitions, loops,
/// imports, bindings), then an expression pass (calls, types, locks, globals,
/// spawn sites, event loops). Never recursive over nesting, linear in the tokens.
public enum PythonScanner {
    public static func facts(for file: SourceFile, tokenized: TokenizedFile) -> FileFacts {
        var kinds: [ScanKind] = []
        var starts: [Int] = []
        var ends: [Int] = []
        kinds.reserveCapacity(tokenized.tokens.count)
        starts.reserveCapacity(tokenized.tokens.count)
        ends.reserveCapacity(tokenized.tokens.count)
        var suppressions = Suppressions()
        for token in tokenized.tokens {
            let kind: ScanKind
            switch token.kind {
            case .NAME: kind = .name
            case .NUMBER: kind = .number
            case .STRING: kind = .string
            case .OP: kind = .op
            case .NEWLINE: kind = .newline
            case .INDENT: kind = .indent
            case .DEDENT: kind = .dedent
            case .FSTRING_START: kind = .fstringStart
            case .FSTRING_MIDDLE: kind = .fstringMiddle
            case .FSTRING_END: kind = .fstringEnd
            case .ERRORTOKEN: kind = .error
            case .COMMENT:
                let line = tokenized.source.lineIndex(of: token.range.start) + 1
                suppressions.record(comment: tokenized.source.text(token.range), line: line, allowFileLevel: line <= 10)
                continue
            case .NL, .ENDMARKER:
                continue
            }
            kinds.append(kind)
            starts.append(token.range.start)
            ends.append(token.range.end)
        }
        let tokens = ScanTokens(source: tokenized.source, kinds: kinds, starts: starts, ends: ends)
        let model = ScanModel(tokens: tokens, statements: LogicalLines.statements(tokens), file: file)
        var structure = StructurePass(model: model)
        structure.run()
        var expressions = ExpressionPass(model: model)
        expressions.run()
        model.facts.suppressions = suppressions
        if let problem = tokenized.problems.first { model.facts.problems = [problem] }
        return model.facts
    }
}
