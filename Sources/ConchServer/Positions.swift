import ConchKit

/// How the client counts `character` in a position. UTF-16 is the protocol's
/// default; UTF-8 matches Conch's byte offsets and is chosen when offered.
public enum PositionEncoding: String, Sendable {
    case utf16 = "utf-16"
    case utf8 = "utf-8"

    /// 0-based character of a position in this encoding.
    func character(of position: SourcePosition) -> Int {
        (self == .utf16 ? position.utf16Column : position.utf8Column) - 1
    }

    func lspPosition(_ position: SourcePosition) -> JSONValue {
        ["line": .int(position.line - 1), "character": .int(character(of: position))]
    }

    func lspRange(_ location: SourceLocation) -> JSONValue {
        ["start": lspPosition(location.start), "end": lspPosition(location.end)]
    }

    /// Byte offset of an LSP position, clamped to the line (the protocol says a
    /// character past the end means the end of the line).
    func offset(line: Int, character: Int, in text: SourceText) -> Int {
        guard line >= 0 else { return 0 }
        guard line < text.lineCount else { return text.bytes.count }
        switch self {
        case .utf16:
            return text.offset(line: line + 1, utf16Column: max(0, character) + 1)
        case .utf8:
            let range = text.lineRange(line)
            return min(range.start + max(0, character), range.end)
        }
    }

    /// Length of a line's text in this encoding's units.
    func length(of line: String) -> Int {
        self == .utf16 ? line.utf16.count : line.utf8.count
    }
}

/// A point as the client sees it: 0-based line and character, comparable.
struct ClientPosition: Comparable {
    var line: Int
    var character: Int

    init(line: Int, character: Int) {
        self.line = line
        self.character = character
    }

    init?(_ json: JSONValue?) {
        guard let line = json?["line"]?.int, let character = json?["character"]?.int else { return nil }
        self.init(line: line, character: character)
    }

    init(_ position: SourcePosition, _ encoding: PositionEncoding) {
        self.init(line: position.line - 1, character: encoding.character(of: position))
    }

    static func < (lhs: ClientPosition, rhs: ClientPosition) -> Bool {
        (lhs.line, lhs.character) < (rhs.line, rhs.character)
    }
}
