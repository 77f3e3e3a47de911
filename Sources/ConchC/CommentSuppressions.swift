import ConchKit

/// Reads `// conch: ignore[...]` and `/* conch: ignore */` comments with a byte
/// scan that steps over string and character literals. Needs no libclang, so
/// suppressions work even when the file cannot be parsed.
enum CommentSuppressions {
    /// File-level markers count only in the first lines, as for Python.
    static let fileLevelLines = 10

    static func scan(_ text: SourceText) -> Suppressions {
        var suppressions = Suppressions()
        let bytes = text.bytes
        let scanner = ByteScanner(bytes: bytes)
        var cursor = 0
        while cursor < bytes.count {
            let byte = bytes[cursor]
            guard byte == UInt8(ascii: "/") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'"),
                  let after = scanner.skipOpaque(at: cursor) else {
                cursor += 1
                continue
            }
            if byte == UInt8(ascii: "/") {
                let line = text.lineIndex(of: cursor) + 1
                let comment = String(decoding: bytes[cursor..<after], as: UTF8.self)
                suppressions.record(comment: comment, line: line, allowFileLevel: line <= fileLevelLines)
            }
            cursor = after
        }
        return suppressions
    }
}
