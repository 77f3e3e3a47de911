import ConchKit

/// ASCII bytes the lexer branches on.
enum Byte {
    static let tab: UInt8 = 0x09
    static let lineFeed: UInt8 = 0x0A
    static let formFeed: UInt8 = 0x0C
    static let carriageReturn: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let hash: UInt8 = 0x23
    static let backslash: UInt8 = 0x5C
    static let openBrace: UInt8 = 0x7B
    static let closeBrace: UInt8 = 0x7D
}

/// State of one f-string being lexed, mirroring CPython's `tokenizer_mode`.
struct FStringState {
    var quote: UInt8
    var quoteSize: Int
    var isRaw: Bool
    /// A template string (`t"..."`), whose tokens are TSTRING_*.
    var isTemplate: Bool
    var start: Int
    /// Bracket depth inside the f-string's replacement fields (all bracket kinds).
    var bracketDepth = 0
    /// Depth at which the innermost replacement field started; -1 outside fields.
    var fieldStartDepth = -1
    var inFormatSpec = false
    /// True while lexing literal text (or a format spec), false inside an expression.
    var inLiteral = true
    /// Open brackets before the f-string began, to recover after an error.
    var bracketsBefore: Int

    var insideField: Bool { fieldStartDepth >= 0 }

    var startKind: PythonTokenKind { isTemplate ? .TSTRING_START : .FSTRING_START }
    var middleKind: PythonTokenKind { isTemplate ? .TSTRING_MIDDLE : .FSTRING_MIDDLE }
    var endKind: PythonTokenKind { isTemplate ? .TSTRING_END : .FSTRING_END }
}

/// Where the lexer's tokens go: a list of every token (dumps, the oracle), or the
/// scanner's arrays, filled while the bytes are still in cache.
protocol TokenSink {
    mutating func accept(_ kind: PythonTokenKind, _ start: Int, _ end: Int)
}

/// Every token, as `TokenizedFile` holds them.
struct TokenList: TokenSink {
    var tokens: [PythonToken] = []

    init(capacity: Int) { tokens.reserveCapacity(capacity) }

    @inline(__always)
    mutating func accept(_ kind: PythonTokenKind, _ start: Int, _ end: Int) {
        tokens.append(PythonToken(kind: kind, range: ByteRange(start, end)))
    }
}

/// The tokenizer's state machine. Offsets index `bytes`; reading past the end yields 0.
struct Lexer<Sink: TokenSink> {
    static var tabSize: Int { 8 }
    /// CPython's limits, past which it refuses a file.
    static var maxIndentLevels: Int { 100 }
    static var maxBracketLevels: Int { 200 }
    static var maxFStringLevels: Int { 150 }

    let bytes: UnsafeBufferPointer<UInt8>
    let count: Int
    var pos = 0
    var sink: Sink
    var problem: LexProblem?

    var atLineStart = true
    /// The current line holds only whitespace or a comment: its newline is NL.
    var lineIsBlank = false
    var indents: [Int] = [0]
    var altIndents: [Int] = [0]
    /// Offsets of the open brackets, innermost last.
    var brackets: [Int] = []
    var fstrings: [FStringState] = []
    /// The last line lacks a terminator: CPython lexes as if one were there.
    var implicitNewlinePending: Bool
    var finished = false

    init(bytes: UnsafeBufferPointer<UInt8>, sink: Sink) {
        self.bytes = bytes
        self.sink = sink
        count = bytes.count
        let last = count > 0 ? bytes[count - 1] : Byte.lineFeed
        implicitNewlinePending = last != Byte.lineFeed && last != Byte.carriageReturn
    }

    /// About one token per five bytes in real code: a capacity that rarely needs to grow.
    static func expectedTokens(_ byteCount: Int) -> Int { byteCount / 5 + 16 }

    @inline(__always) func byte(_ offset: Int) -> UInt8 {
        offset < count ? bytes[offset] : 0
    }

    @inline(__always) mutating func emit(_ kind: PythonTokenKind, _ start: Int, _ end: Int) {
        sink.accept(kind, start, end)
    }

    mutating func report(_ kind: LexProblem.Kind, _ start: Int, _ end: Int) {
        if problem == nil { problem = LexProblem(kind: kind, range: ByteRange(start, end)) }
    }

    /// Width of the line terminator at `offset` (`\n`, `\r\n` or a lone `\r`), 0 if none.
    @inline(__always) func newlineWidth(at offset: Int) -> Int {
        let current = byte(offset)
        if current == Byte.lineFeed { return 1 }
        if current == Byte.carriageReturn { return byte(offset + 1) == Byte.lineFeed ? 2 : 1 }
        return 0
    }

    mutating func run() {
        while !finished {
            if let top = fstrings.last, top.inLiteral {
                lexFStringLiteral()
            } else {
                if atLineStart {
                    atLineStart = false
                    lexIndentation()
                }
                lexRegularToken()
            }
        }
    }

    /// Measures the indentation of a new line the way CPython does (tabs to
    /// multiples of 8, checked against tabs as 1 column) and emits INDENT/DEDENT.
    mutating func lexIndentation() {
        var column = 0
        var altColumn = 0
        var continuationColumn = 0
        var lineStart = pos
        scan: while pos < count {
            switch bytes[pos] {
            case Byte.space:
                column += 1
                altColumn += 1
            case Byte.tab:
                column = (column / Self.tabSize + 1) * Self.tabSize
                altColumn += 1
            case Byte.formFeed:
                column = 0
                altColumn = 0
            case Byte.backslash:
                let width = newlineWidth(at: pos + 1)
                // A backslash not followed by a newline is reported by the token lexer.
                guard width > 0, pos + 1 + width < count else { break scan }
                if continuationColumn == 0 { continuationColumn = column }
                pos += width
                lineStart = pos + 1
            default:
                break scan
            }
            pos += 1
        }
        let next = byte(pos)
        let atEnd = pos >= count
        lineIsBlank = atEnd ? implicitNewlinePending
            : next == Byte.hash || next == Byte.lineFeed || next == Byte.carriageReturn
        guard !lineIsBlank, brackets.isEmpty, fstrings.isEmpty else { return }
        if continuationColumn != 0 {
            column = continuationColumn
            altColumn = continuationColumn
        }
        applyIndentation(column: column, altColumn: altColumn, lineStart: lineStart)
    }

    private mutating func applyIndentation(column: Int, altColumn: Int, lineStart: Int) {
        let current = indents[indents.count - 1]
        if column == current {
            if altColumn != altIndents[altIndents.count - 1] { report(.inconsistentTabs, pos, pos) }
        } else if column > current {
            if indents.count >= Self.maxIndentLevels { report(.tooManyIndentLevels, pos, pos) }
            if altColumn <= altIndents[altIndents.count - 1] { report(.inconsistentTabs, pos, pos) }
            indents.append(column)
            altIndents.append(altColumn)
            emit(.INDENT, lineStart, pos)
        } else {
            while indents.count > 1, column < indents[indents.count - 1] {
                indents.removeLast()
                altIndents.removeLast()
                emit(.DEDENT, pos, pos)
            }
            if column != indents[indents.count - 1] {
                report(.unindentMismatch, pos, pos)
                emit(.ERRORTOKEN, pos, pos)
            } else if altColumn != altIndents[altIndents.count - 1] {
                report(.inconsistentTabs, pos, pos)
            }
        }
    }

    /// A line terminator (or the implicit one at the end of the file) in regular mode.
    mutating func lexNewline(width: Int) {
        let kind: PythonTokenKind = lineIsBlank || !brackets.isEmpty ? .NL : .NEWLINE
        emit(kind, pos, pos + width)
        pos += width
        atLineStart = true
    }

    /// End of input in regular mode: report what is still open, close the blocks.
    mutating func lexEndOfFile() {
        if let outer = fstrings.first {
            report(.unterminatedFString, outer.start, outer.start)
            emit(.ERRORTOKEN, pos, pos)
            fstrings.removeAll()
            brackets.removeAll()
        } else if let open = brackets.last {
            report(.unclosedBracket(byte(open)), open, open + 1)
            emit(.ERRORTOKEN, pos, pos)
            brackets.removeAll()
        }
        while indents.count > 1 {
            indents.removeLast()
            emit(.DEDENT, pos, pos)
        }
        emit(.ENDMARKER, pos, pos)
        finished = true
    }

    /// Abandons every open f-string after an error inside one, so lexing resumes
    /// in regular mode with the brackets that were open before it.
    mutating func abandonFStrings() {
        guard let outer = fstrings.first else { return }
        if brackets.count > outer.bracketsBefore { brackets.removeLast(brackets.count - outer.bracketsBefore) }
        fstrings.removeAll()
    }
}
