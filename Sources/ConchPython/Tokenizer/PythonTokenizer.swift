import ConchKit

/// Python's lexical grammar (3.8 through 3.13) over UTF-8 bytes, producing the
/// token stream CPython's `tokenize` module produces. Never fails: what CPython
/// would reject becomes an ERRORTOKEN and one `FileProblem`, and lexing goes on.
public enum PythonTokenizer {
    public static func tokenize(_ source: SourceText) -> TokenizedFile {
        let result = source.bytes.withUnsafeBufferPointer { buffer -> ([PythonToken], LexProblem?) in
            var lexer = Lexer(bytes: buffer, sink: TokenList(capacity: Lexer<TokenList>.expectedTokens(buffer.count)))
            lexer.run()
            return (lexer.sink.tokens, lexer.problem)
        }
        var problems: [FileProblem] = []
        if let problem = result.1 {
            problems.append(problem.fileProblem(in: source))
        }
        return TokenizedFile(source: source, tokens: result.0, problems: problems)
    }
}
