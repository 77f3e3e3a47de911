/// Small scans over C source bytes that skip comments and literals.
struct ByteScanner {
    let bytes: [UInt8]

    /// Index just past a comment, string or character literal starting at `index`; nil if none starts there.
    func skipOpaque(at index: Int) -> Int? {
        guard index < bytes.count else { return nil }
        let byte = bytes[index]
        let next = index + 1 < bytes.count ? bytes[index + 1] : 0
        if byte == UInt8(ascii: "/"), next == UInt8(ascii: "/") {
            var cursor = index + 2
            while cursor < bytes.count, bytes[cursor] != 0x0A { cursor += 1 }
            return cursor
        }
        if byte == UInt8(ascii: "/"), next == UInt8(ascii: "*") {
            var cursor = index + 2
            while cursor + 1 < bytes.count, !(bytes[cursor] == UInt8(ascii: "*") && bytes[cursor + 1] == UInt8(ascii: "/")) { cursor += 1 }
            return min(cursor + 2, bytes.count)
        }
        if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
            var cursor = index + 1
            while cursor < bytes.count, bytes[cursor] != byte, bytes[cursor] != 0x0A {
                cursor += bytes[cursor] == UInt8(ascii: "\\") ? 2 : 1
            }
            return min(cursor + 1, bytes.count)
        }
        return nil
    }

    /// The first index at or after `start` (and before `limit`) holding `target`, outside comments and literals.
    func find(_ target: UInt8, from start: Int, before limit: Int) -> Int? {
        var cursor = start
        while cursor < min(limit, bytes.count) {
            if let after = skipOpaque(at: cursor) { cursor = after; continue }
            if bytes[cursor] == target { return cursor }
            cursor += 1
        }
        return nil
    }

    /// The `)` matching the `(` at `open`.
    func matchingParen(_ open: Int, before limit: Int) -> Int? {
        var depth = 0
        var cursor = open
        while cursor < min(limit, bytes.count) {
            if let after = skipOpaque(at: cursor) { cursor = after; continue }
            switch bytes[cursor] {
            case UInt8(ascii: "("): depth += 1
            case UInt8(ascii: ")"):
                depth -= 1
                if depth == 0 { return cursor }
            default: break
            }
            cursor += 1
        }
        return nil
    }

    /// Splits `start..<end` at semicolons outside nested parentheses.
    func splitAtSemicolons(_ start: Int, _ end: Int) -> [Range<Int>] {
        split(start, end, at: UInt8(ascii: ";"))
    }

    /// Splits an argument list at its top-level commas.
    func splitAtCommas(_ start: Int, _ end: Int) -> [Range<Int>] {
        split(start, end, at: UInt8(ascii: ","))
    }

    private func split(_ start: Int, _ end: Int, at separator: UInt8) -> [Range<Int>] {
        var parts: [Range<Int>] = []
        var depth = 0
        var partStart = start
        var cursor = start
        while cursor < end {
            if let after = skipOpaque(at: cursor) { cursor = after; continue }
            switch bytes[cursor] {
            case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1
            case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
            case separator where depth == 0:
                parts.append(partStart..<cursor)
                partStart = cursor + 1
            default: break
            }
            cursor += 1
        }
        parts.append(partStart..<end)
        return parts
    }

    func hasWord(_ word: String, at index: Int) -> Bool {
        let letters = Array(word.utf8)
        guard index >= 0, index + letters.count <= bytes.count, Array(bytes[index..<(index + letters.count)]) == letters else { return false }
        let after = index + letters.count
        return after == bytes.count || !isIdentifierByte(bytes[after])
    }

    /// Whether `word` stands in the range as a whole identifier.
    func containsWord(_ word: String, in range: Range<Int>) -> Bool {
        let first = word.utf8.first
        var cursor = range.lowerBound
        while cursor + word.utf8.count <= range.upperBound {
            if bytes[cursor] == first, cursor == 0 || !isIdentifierByte(bytes[cursor - 1]), hasWord(word, at: cursor) { return true }
            cursor += 1
        }
        return false
    }

    /// Whether the range holds only whitespace and comments.
    func isBlank(_ range: Range<Int>) -> Bool {
        var cursor = range.lowerBound
        while cursor < range.upperBound {
            if bytes[cursor] == UInt8(ascii: "/"), let after = skipOpaque(at: cursor) { cursor = after; continue }
            if !(bytes[cursor] == 0x20 || bytes[cursor] == 0x09 || bytes[cursor] == 0x0A || bytes[cursor] == 0x0D) { return false }
            cursor += 1
        }
        return true
    }

    func isIdentifierByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F
    }
}
