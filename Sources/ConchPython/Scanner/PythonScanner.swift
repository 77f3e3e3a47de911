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
        let bytes = tokenized.source.bytes
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
                guard mentionsSuppression(bytes, token.range) else { continue }
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

    /// `Suppressions.record` acts only on comments holding `conch:` or `noqa`, in any
    /// case; the others, most of them, need no String and no line lookup.
    private static func mentionsSuppression(_ bytes: [UInt8], _ range: ByteRange) -> Bool {
        var index = range.start
        while index < range.end {
            let byte = lowercased(bytes[index])
            if byte == conchMarker[0], matches(conchMarker, bytes, at: index, end: range.end) { return true }
            if byte == noqaMarker[0], matches(noqaMarker, bytes, at: index, end: range.end) { return true }
            index += 1
        }
        return false
    }

    private static let conchMarker = Array("conch:".utf8)
    private static let noqaMarker = Array("noqa".utf8)

    private static func matches(_ word: [UInt8], _ bytes: [UInt8], at start: Int, end: Int) -> Bool {
        guard end - start >= word.count else { return false }
        for offset in 0..<word.count where lowercased(bytes[start + offset]) != word[offset] { return false }
        return true
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
    }
}
