/// A gitignore-style glob: `*` and `?` stay within a path segment, `**` spans
/// segments, `[a-z]` and `[!a-z]` are classes, `\` escapes.
public struct GlobPattern: Sendable, Hashable {
    public let pattern: [UInt8]

    public init(_ pattern: String) {
        self.pattern = Array(pattern.utf8)
    }

    public func matches(_ path: String) -> Bool {
        Self.match(pattern[...], Array(path.utf8)[...])
    }

    private static let slash = UInt8(ascii: "/")
    private static let star = UInt8(ascii: "*")

    private static func match(_ pattern: ArraySlice<UInt8>, _ text: ArraySlice<UInt8>) -> Bool {
        var p = pattern.startIndex
        var t = text.startIndex
        // Backtracking point for the last single `*`: linear for the common patterns.
        var starPattern: Int?
        var starText = 0
        while t < text.endIndex || p < pattern.endIndex {
            if p < pattern.endIndex {
                let byte = pattern[p]
                if byte == star {
                    if p + 1 < pattern.endIndex, pattern[p + 1] == star {
                        return matchDoubleStar(pattern[(p + 2)...], text[t...])
                    }
                    starPattern = p
                    starText = t
                    p += 1
                    continue
                }
                if t < text.endIndex, let width = single(pattern, p, text[t]) {
                    p += width
                    t += 1
                    continue
                }
            }
            if let star = starPattern, starText < text.endIndex, text[starText] != slash {
                starText += 1
                p = star + 1
                t = starText
                continue
            }
            return false
        }
        return true
    }

    /// `**/` matches zero or more whole segments; a trailing `**` matches everything.
    private static func matchDoubleStar(_ rest: ArraySlice<UInt8>, _ text: ArraySlice<UInt8>) -> Bool {
        let tail = rest.first == slash ? rest.dropFirst() : rest
        if tail.isEmpty { return true }
        if match(tail, text) { return true }
        var index = text.startIndex
        while index < text.endIndex {
            if text[index] == slash, match(tail, text[(index + 1)...]) { return true }
            index += 1
        }
        return false
    }

    /// Matches one pattern element against one byte; returns its width in the pattern.
    private static func single(_ pattern: ArraySlice<UInt8>, _ index: Int, _ byte: UInt8) -> Int? {
        let element = pattern[index]
        switch element {
        case UInt8(ascii: "?"):
            return byte == slash ? nil : 1
        case UInt8(ascii: "\\") where index + 1 < pattern.endIndex:
            return pattern[index + 1] == byte ? 2 : nil
        case UInt8(ascii: "["):
            return matchClass(pattern, index, byte)
        default:
            return element == byte ? 1 : nil
        }
    }

    private static func matchClass(_ pattern: ArraySlice<UInt8>, _ open: Int, _ byte: UInt8) -> Int? {
        var index = open + 1
        var negated = false
        if index < pattern.endIndex, pattern[index] == UInt8(ascii: "!") || pattern[index] == UInt8(ascii: "^") {
            negated = true
            index += 1
        }
        var matched = false
        var first = true
        while index < pattern.endIndex, first || pattern[index] != UInt8(ascii: "]") {
            first = false
            let low = pattern[index]
            if index + 2 < pattern.endIndex, pattern[index + 1] == UInt8(ascii: "-"), pattern[index + 2] != UInt8(ascii: "]") {
                if byte >= low && byte <= pattern[index + 2] { matched = true }
                index += 3
            } else {
                if byte == low { matched = true }
                index += 1
            }
        }
        // An unclosed `[` is a literal bracket.
        guard index < pattern.endIndex else { return byte == UInt8(ascii: "[") ? 1 : nil }
        return matched != negated && byte != slash ? index - open + 1 : nil
    }
}
