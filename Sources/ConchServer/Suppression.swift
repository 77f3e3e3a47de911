import ConchKit

/// The edit behind the quick fix: ` # conch: ignore[CODE]` (`//` in C) at the end
/// of the diagnosed line, or the code added to a `conch: ignore[...]` list already there.
enum Suppression {
    struct Edit {
        /// 0-based line the edit lands on.
        var line: Int
        var character: Int
        var newText: String

        var json: JSONValue {
            let position: JSONValue = ["line": .int(line), "character": .int(character)]
            return ["range": ["start": position, "end": position], "newText": .string(newText)]
        }
    }

    static func edit(for diagnostic: Diagnostic, in document: OpenDocument, encoding: PositionEncoding) -> Edit? {
        var line = diagnostic.location.start.line - 1
        guard line >= 0, line < document.text.lineCount else { return nil }
        // A comment after a line continuation would end the statement there: use the last line instead.
        if document.text.lineText(line).hasSuffix("\\"), diagnostic.location.end.line - 1 > line,
           diagnostic.location.end.line - 1 < document.text.lineCount {
            line = diagnostic.location.end.line - 1
        }
        let text = document.text.lineText(line)
        let marker = document.commentMarker
        if let list = existingList(in: text, marker: marker) {
            let codes = text[list].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).uppercased() }
            guard !codes.contains(diagnostic.code) else { return nil }
            let separator = codes.allSatisfy(\.isEmpty) ? "" : ", "
            return Edit(line: line, character: encoding.length(of: String(text[..<list.upperBound])),
                        newText: separator + diagnostic.code)
        }
        let trimmedLength = text.reversed().prefix { $0 == " " || $0 == "\t" }.count
        let content = String(text.dropLast(trimmedLength))
        let gap = content.isEmpty ? "" : " "
        return Edit(line: line, character: encoding.length(of: content),
                    newText: "\(gap)\(marker) conch: ignore[\(diagnostic.code)]")
    }

    /// The range of the codes inside `conch: ignore[...]` when the line's comment has one.
    private static func existingList(in text: String, marker: String) -> Range<String.Index>? {
        guard let comment = text.range(of: marker),
              let open = text.range(of: "conch: ignore[", options: .caseInsensitive, range: comment.upperBound..<text.endIndex),
              let close = text[open.upperBound...].firstIndex(of: "]") else { return nil }
        return open.upperBound..<close
    }
}
