import ConchKit

/// A printable token stream in CPython's `tokenize` conventions: lines 1-based,
/// columns 0-based in Unicode scalars, DEDENT and ENDMARKER at the end of the
/// file on the line after the last, a missing final line terminator shown as an
/// empty NEWLINE or NL one column wide, FSTRING_MIDDLE split where CPython splits it.
public enum TokenDump {
    /// One printed token.
    public struct Entry: Hashable, Sendable {
        public var kind: PythonTokenKind
        public var startLine: Int
        public var startColumn: Int
        public var endLine: Int
        public var endColumn: Int
        public var text: String
    }

    /// `1,0-1,1:  NAME  "x"`, one token per line, as `python -m tokenize` prints them.
    public static func text(_ file: TokenizedFile) -> String {
        var out: [UInt8] = []
        for entry in entries(file) {
            var head = Array("\(entry.startLine),\(entry.startColumn)-\(entry.endLine),\(entry.endColumn):".utf8)
            while head.count < 20 { head.append(0x20) }
            var name = Array(entry.kind.name.utf8)
            while name.count < 15 { name.append(0x20) }
            out += head
            out += name
            JSONEscaping.appendQuoted(entry.text, to: &out)
            out.append(0x0A)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// One JSON array per line: `["NAME",1,0,1,1,"x"]`.
    public static func json(_ file: TokenizedFile) -> String {
        var out: [UInt8] = []
        for entry in entries(file) {
            appendEntry(entry, to: &out)
            out.append(0x0A)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The whole file as one line: `{"path":..., "tokens":[[type,sl,sc,el,ec,text],...], "problems":[...]}`.
    public static func jsonObject(_ file: TokenizedFile, path: String, extraProblems: [FileProblem] = []) -> String {
        var out: [UInt8] = Array("{\"path\":".utf8)
        JSONEscaping.appendQuoted(path, to: &out)
        out += Array(",\"tokens\":[".utf8)
        for (index, entry) in entries(file).enumerated() {
            if index > 0 { out.append(0x2C) }
            appendEntry(entry, to: &out)
        }
        out += Array("],\"problems\":[".utf8)
        for (index, problem) in (extraProblems + file.problems).enumerated() {
            if index > 0 { out.append(0x2C) }
            let position = file.source.position(of: problem.range.start)
            out += Array("{\"line\":\(position.line),\"column\":\(position.column),\"message\":".utf8)
            JSONEscaping.appendQuoted(problem.message, to: &out)
            out.append(0x7D)
        }
        out += Array("]}".utf8)
        return String(decoding: out, as: UTF8.self)
    }

    /// `text` as a JSON string literal.
    public static func jsonString(_ text: String) -> String {
        var out: [UInt8] = []
        JSONEscaping.appendQuoted(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private static func appendEntry(_ entry: Entry, to out: inout [UInt8]) {
        out.append(0x5B)
        JSONEscaping.appendQuoted(entry.kind.name, to: &out)
        out += Array(",\(entry.startLine),\(entry.startColumn),\(entry.endLine),\(entry.endColumn),".utf8)
        JSONEscaping.appendQuoted(entry.text, to: &out)
        out.append(0x5D)
    }

    /// The tokens with CPython's positions and texts.
    public static func entries(_ file: TokenizedFile) -> [Entry] {
        let source = file.source
        let bytes = source.bytes
        var cursor = PositionCursor(bytes: bytes)
        var entries: [Entry] = []
        entries.reserveCapacity(file.tokens.count)
        var rawFStrings: [Bool] = []
        let lastLine = Self.lineAfterLast(source)
        for token in file.tokens {
            let range = token.range
            switch token.kind {
            case .DEDENT where range.start >= bytes.count, .ENDMARKER:
                entries.append(Entry(kind: token.kind, startLine: lastLine, startColumn: 0,
                                     endLine: lastLine, endColumn: 0, text: ""))
            case .NEWLINE, .NL:
                let start = cursor.advance(to: range.start)
                let width = max(range.end - range.start, 1)
                entries.append(Entry(kind: token.kind, startLine: start.line, startColumn: start.column,
                                     endLine: start.line, endColumn: start.column + width, text: source.text(range)))
            case .FSTRING_START, .TSTRING_START:
                let prefix = bytes[range.start..<range.end]
                rawFStrings.append(prefix.contains(0x72) || prefix.contains(0x52))
                entries.append(entry(token.kind, range, &cursor, source))
            case .FSTRING_END, .TSTRING_END:
                if !rawFStrings.isEmpty { rawFStrings.removeLast() }
                entries.append(entry(token.kind, range, &cursor, source))
            case .FSTRING_MIDDLE, .TSTRING_MIDDLE:
                for piece in FStringPieces.split(range, in: bytes, isRaw: rawFStrings.last ?? false) {
                    entries.append(entry(token.kind, piece, &cursor, source))
                }
            default:
                entries.append(entry(token.kind, range, &cursor, source))
            }
        }
        return entries
    }

    private static func entry(_ kind: PythonTokenKind, _ range: ByteRange, _ cursor: inout PositionCursor,
                              _ source: SourceText) -> Entry {
        let start = cursor.advance(to: range.start)
        let end = cursor.advance(to: range.end)
        return Entry(kind: kind, startLine: start.line, startColumn: start.column,
                     endLine: end.line, endColumn: end.column, text: source.text(range))
    }

    /// The line CPython gives to DEDENT and ENDMARKER at the end of the file.
    private static func lineAfterLast(_ source: SourceText) -> Int {
        guard let last = source.bytes.last else { return 1 }
        let endsWithNewline = last == 0x0A || last == 0x0D
        return endsWithNewline ? source.lineCount : source.lineCount + 1
    }
}

/// Converts increasing byte offsets to (line, scalar column) in one forward pass.
struct PositionCursor {
    let bytes: [UInt8]
    var offset = 0
    var line = 1
    var column = 0

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    mutating func advance(to target: Int) -> (line: Int, column: Int) {
        let limit = min(target, bytes.count)
        while offset < limit {
            let byte = bytes[offset]
            offset += 1
            if byte == 0x0A || (byte == 0x0D && (offset >= bytes.count || bytes[offset] != 0x0A)) {
                line += 1
                column = 0
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }
}
