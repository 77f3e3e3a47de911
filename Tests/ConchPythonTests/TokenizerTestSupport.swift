import ConchKit
@testable import ConchPython

/// `(kind, text)` pairs of a source, ENDMARKER included.
func lex(_ source: String) -> [String] {
    let file = PythonTokenizer.tokenize(SourceText(source))
    return file.tokens.map { "\($0.kind.name) \(file.text(of: $0))" }
}

/// Like `lex`, without the layout tokens a test rarely cares about.
func lexCode(_ source: String) -> [String] {
    let file = PythonTokenizer.tokenize(SourceText(source))
    let layout: Set<PythonTokenKind> = [.NEWLINE, .NL, .ENDMARKER]
    return file.tokens.filter { !layout.contains($0.kind) }.map { "\($0.kind.name) \(file.text(of: $0))" }
}

func problems(_ source: String) -> [String] {
    PythonTokenizer.tokenize(SourceText(source)).problems.map(\.message)
}

/// Checks the lossless property: tokens are in order, never overlap, and every
/// byte outside them is whitespace or a line continuation. Returns the first
/// offending offset, or nil.
func firstUncoveredByte(_ file: TokenizedFile) -> Int? {
    let bytes = file.source.bytes
    var offset = 0
    func gapIsBlank(_ start: Int, _ end: Int) -> Int? {
        var index = start
        while index < end {
            switch bytes[index] {
            case 0x20, 0x09, 0x0C, 0x0A, 0x0D: index += 1
            case 0x5C where index + 1 < bytes.count && (bytes[index + 1] == 0x0A || bytes[index + 1] == 0x0D): index += 1
            default: return index
            }
        }
        return nil
    }
    for token in file.tokens {
        if token.range.start < offset { return token.range.start }
        if let bad = gapIsBlank(offset, token.range.start) { return bad }
        offset = token.range.end
    }
    return gapIsBlank(offset, bytes.count)
}

/// The file printed back from its tokens and the blanks between them.
func reprint(_ file: TokenizedFile) -> [UInt8] {
    let bytes = file.source.bytes
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var offset = 0
    for token in file.tokens {
        out += bytes[offset..<token.range.start]
        out += bytes[token.range.start..<token.range.end]
        offset = token.range.end
    }
    out += bytes[offset...]
    return out
}
