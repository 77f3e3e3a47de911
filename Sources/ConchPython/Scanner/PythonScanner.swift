import ConchKit

/// Builds a file's facts from its tokens: a structural pass (definitions, loops,
/// imports, bindings), then an expression pass (calls, types, locks, globals,
/// spawn sites, event loops). Never recursive over nesting, linear in the tokens.
public enum PythonScanner {
    public static func facts(for file: SourceFile) -> FileFacts {
        let source = file.text
        let (sink, problem) = source.bytes.withUnsafeBufferPointer { buffer in
            var lexer = Lexer(bytes: buffer, sink: ScanTokenSink(bytes: buffer, capacity: Lexer<ScanTokenSink>.expectedTokens(buffer.count)))
            lexer.run()
            return (lexer.sink, lexer.problem)
        }
        var suppressions = Suppressions()
        for comment in sink.suppressionComments {
            let line = source.lineIndex(of: comment.start) + 1
            suppressions.record(comment: source.text(comment), line: line, allowFileLevel: line <= 10)
        }
        let tokens = ScanTokens(source: source, sink: sink)
        let model = ScanModel(tokens: tokens, statements: LogicalLines.statements(tokens), file: file)
        var structure = StructurePass(model: model)
        structure.run()
        LambdaOperators.discount(model)
        CollectionOperators.discount(model)
        var expressions = ExpressionPass(model: model)
        expressions.run()
        ForkBranches.record(model)
        model.facts.suppressions = suppressions
        if let problem { model.facts.problems = [problem.fileProblem(in: source)] }
        // Appending doubled these arrays' capacity; every file's facts stay in memory
        // until the rules finish, so each is copied down to its size (3.11 stdlib: -14 MB).
        model.argumentTable.trim()
        var facts = model.facts
        facts.functions = facts.functions.withUnsafeBufferPointer { Array($0) }
        for index in facts.functions.indices {
            facts.functions[index].calls = facts.functions[index].calls.withUnsafeBufferPointer { Array($0) }
        }
        return facts
    }
}
