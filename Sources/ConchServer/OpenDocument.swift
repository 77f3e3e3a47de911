import ConchKit

/// A document the client has open: its text is the truth, not the file on disk.
struct OpenDocument {
    var uri: String
    /// nil for URIs that are not `file:` (an untitled buffer): never linted.
    var path: String?
    var languageId: String
    var version: Int
    var text: SourceText
    /// Set by a change, cleared by the next lint.
    var needsLint = true
    /// What the last lint found in this document.
    var diagnostics: [Diagnostic] = []

    /// Python and C by language id or by name; other documents are ignored.
    var isLintable: Bool {
        guard let path else { return false }
        if ["python", "c"].contains(languageId) { return true }
        return [".py", ".pyi", ".pyw", ".c", ".h"].contains { path.hasSuffix($0) }
    }

    var commentMarker: String {
        languageId == "c" || path?.hasSuffix(".c") == true || path?.hasSuffix(".h") == true ? "//" : "#"
    }

    /// Applies `contentChanges`: whole-text replacements (full sync, what the server
    /// asks for) and ranged edits (tolerated from clients that send them anyway).
    mutating func apply(_ changes: [JSONValue], encoding: PositionEncoding) {
        for change in changes {
            guard let newText = change["text"]?.string else { continue }
            guard let range = change["range"], let start = ClientPosition(range["start"]),
                  let end = ClientPosition(range["end"]) else {
                text = SourceText(newText)
                continue
            }
            let from = encoding.offset(line: start.line, character: start.character, in: text)
            let to = max(from, encoding.offset(line: end.line, character: end.character, in: text))
            var bytes = text.bytes
            bytes.replaceSubrange(from..<to, with: Array(newText.utf8))
            text = SourceText(bytes: bytes)
        }
        needsLint = true
    }
}
