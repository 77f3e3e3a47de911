import ConchKit

/// Token types, named exactly as in CPython's `token` module so that a dump can be
/// compared with `python -m tokenize` line by line.
public enum PythonTokenKind: UInt8, Sendable, CaseIterable {
    case ENDMARKER
    case NAME
    case NUMBER
    case STRING
    case NEWLINE
    case INDENT
    case DEDENT
    case OP
    case COMMENT
    case NL
    case ERRORTOKEN
    case FSTRING_START
    case FSTRING_MIDDLE
    case FSTRING_END
    /// Python 3.14's template strings (PEP 750), lexed as f-strings are.
    case TSTRING_START
    case TSTRING_MIDDLE
    case TSTRING_END

    /// The name CPython's `tokenize` prints for this type.
    public var name: String {
        switch self {
        case .ENDMARKER: "ENDMARKER"
        case .NAME: "NAME"
        case .NUMBER: "NUMBER"
        case .STRING: "STRING"
        case .NEWLINE: "NEWLINE"
        case .INDENT: "INDENT"
        case .DEDENT: "DEDENT"
        case .OP: "OP"
        case .COMMENT: "COMMENT"
        case .NL: "NL"
        case .ERRORTOKEN: "ERRORTOKEN"
        case .FSTRING_START: "FSTRING_START"
        case .FSTRING_MIDDLE: "FSTRING_MIDDLE"
        case .FSTRING_END: "FSTRING_END"
        case .TSTRING_START: "TSTRING_START"
        case .TSTRING_MIDDLE: "TSTRING_MIDDLE"
        case .TSTRING_END: "TSTRING_END"
        }
    }
}

/// One token: its type and the bytes it covers. Text and positions are derived
/// from the `SourceText` on demand, so a token stays three words wide.
///
/// Zero-width tokens: DEDENT, ENDMARKER, the empty FSTRING_MIDDLE CPython emits
/// before a format spec's closing brace, and the NEWLINE or NL that stands for a
/// missing line terminator at the end of the file.
/// An FSTRING_MIDDLE covers one whole literal run, doubled braces included
/// (CPython splits the run at `{{`, `}}` and after `\N{...}`; `TokenDump` does too).
public struct PythonToken: Hashable, Sendable {
    public var kind: PythonTokenKind
    public var range: ByteRange

    public init(kind: PythonTokenKind, range: ByteRange) {
        self.kind = kind
        self.range = range
    }
}

/// A tokenized file. `problems` holds at most one error: the first thing that
/// CPython would refuse, with its line and column in the message.
public struct TokenizedFile: Sendable {
    public var source: SourceText
    public var tokens: [PythonToken]
    public var problems: [FileProblem]

    public init(source: SourceText, tokens: [PythonToken], problems: [FileProblem]) {
        self.source = source
        self.tokens = tokens
        self.problems = problems
    }

    /// The source text of one token.
    public func text(of token: PythonToken) -> String {
        source.text(token.range)
    }
}
