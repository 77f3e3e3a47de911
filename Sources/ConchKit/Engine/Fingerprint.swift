/// A fingerprint that survives edits elsewhere in the file: it hashes the code,
/// the path and the reported source text (whitespace folded), plus which
/// occurrence of that same text it is — not line numbers.
public enum Fingerprint {
    /// Bytes of a finding's source text that its fingerprint reads. A longer text (a
    /// call spanning a whole minified line, nested a thousand deep) is read up to here:
    /// reading all of it would take time quadratic in the line.
    public static let longestSnippet = 1_000

    public static func make(code: String, path: String, snippet: String, occurrence: Int) -> String {
        let folded = snippet.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).joined(separator: " ")
        let key = "\(code)\u{0}\(path)\u{0}\(folded)\u{0}\(occurrence)"
        return hex(fnv1a(key, basis: 0xcbf2_9ce4_8422_2325)) + hex(fnv1a(key, basis: 0x8422_2325_cbf2_9ce4))
    }

    private static func fnv1a(_ text: String, basis: UInt64) -> UInt64 {
        var hash = basis
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
