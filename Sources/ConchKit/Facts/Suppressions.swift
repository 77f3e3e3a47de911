/// Inline suppressions found in a file's comments.
public struct Suppressions: Hashable, Sendable {
    /// 1-based line -> codes silenced there; an empty set silences every code.
    public var lines: [Int: Set<String>] = [:]
    /// `conch: ignore-file[...]`; an empty set silences the whole file.
    public var file: Set<String>?

    public init() {}

    /// Reads one comment's text found on `line`. Accepts `conch: ignore[CON101, CON201]`,
    /// a bare `conch: ignore`, `noqa: CON101` (a bare `noqa` too) and, where
    /// `allowFileLevel`, `conch: ignore-file[...]`.
    public mutating func record(comment: String, line: Int, allowFileLevel: Bool) {
        let text = Array(comment.utf8).map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        var cursor = 0
        while let marker = Self.nextMarker(in: text, from: &cursor) {
            switch marker.kind {
            case .line:
                if marker.codes.isEmpty { lines[line] = [] } else if lines[line] != [] {
                    lines[line, default: []].formUnion(marker.codes)
                }
            case .file where allowFileLevel:
                if marker.codes.isEmpty { file = [] } else if file != [] { file = (file ?? []).union(marker.codes) }
            case .file:
                break
            }
        }
    }

    public func silences(code: String, lines candidates: [Int]) -> Bool {
        if let file, file.isEmpty || file.contains(code) { return true }
        for line in candidates {
            if let codes = lines[line], codes.isEmpty || codes.contains(code) { return true }
        }
        return false
    }

    private enum MarkerKind { case line, file }

    private struct Marker {
        var kind: MarkerKind
        var codes: Set<String>
    }

    /// Codes of flake8-async and flake8-bandit (as ruff names them) whose finding a conch
    /// rule reports too: a line that silences them there silences the rule here.
    static let equivalents: [String: String] = [
        "ASYNC110": "CON404", "ASYNC210": "CON402", "ASYNC212": "CON402", "ASYNC220": "CON402", "ASYNC221": "CON402",
        "ASYNC222": "CON402", "ASYNC230": "CON405", "ASYNC250": "CON402", "ASYNC251": "CON402",
        "S605": "CON501", "S606": "CON501",
    ]

    private static let conchWord = Array("conch:".utf8)
    private static let noqaWord = Array("noqa".utf8)
    private static let ignoreFileWord = Array("ignore-file".utf8)
    private static let ignoreWord = Array("ignore".utf8)

    private static func nextMarker(in text: [UInt8], from cursor: inout Int) -> Marker? {
        while cursor < text.count {
            if matches(conchWord, in: text, at: cursor) {
                cursor += conchWord.count
                skipSpaces(text, &cursor)
                let kind: MarkerKind
                if matches(ignoreFileWord, in: text, at: cursor) {
                    kind = .file
                    cursor += ignoreFileWord.count
                } else if matches(ignoreWord, in: text, at: cursor) {
                    kind = .line
                    cursor += ignoreWord.count
                } else {
                    continue
                }
                var codes: Set<String> = []
                if cursor < text.count, text[cursor] == UInt8(ascii: "[") {
                    let close = text[cursor...].firstIndex(of: UInt8(ascii: "]")) ?? text.count
                    codes = parseCodes(text[(cursor + 1)..<close])
                    cursor = min(close + 1, text.count)
                }
                return Marker(kind: kind, codes: codes)
            }
            if matches(noqaWord, in: text, at: cursor) {
                cursor += noqaWord.count
                guard cursor < text.count, text[cursor] == UInt8(ascii: ":") else {
                    return Marker(kind: .line, codes: [])
                }
                cursor += 1
                let start = cursor
                while cursor < text.count, isCodeListByte(text[cursor]) { cursor += 1 }
                let codes = parseCodes(text[start..<cursor])
                // flake8 and ruff read `noqa: E501` as a list of codes; ours matter here, and
                // those of the checks ours cover (`noqa: ASYNC251` on a `time.sleep` silences CON402).
                let ours = codes.filter { $0.hasPrefix("CON") }.union(codes.compactMap { equivalents[$0] })
                if codes.isEmpty || !ours.isEmpty { return Marker(kind: .line, codes: ours) }
                continue
            }
            cursor += 1
        }
        return nil
    }

    private static func matches(_ word: [UInt8], in text: [UInt8], at index: Int) -> Bool {
        guard index + word.count <= text.count else { return false }
        for offset in 0..<word.count where text[index + offset] != word[offset] { return false }
        return true
    }

    private static func skipSpaces(_ text: [UInt8], _ cursor: inout Int) {
        while cursor < text.count, text[cursor] == UInt8(ascii: " ") { cursor += 1 }
    }

    private static func isCodeListByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: ",") || byte == UInt8(ascii: " ")
    }

    private static func parseCodes(_ list: ArraySlice<UInt8>) -> Set<String> {
        Set(list.split(whereSeparator: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: " ") })
            .map { String(decoding: $0, as: UTF8.self).uppercased() })
    }
}
