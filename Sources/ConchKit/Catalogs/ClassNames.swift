/// Python spells classes in CamelCase, private ones after underscores
/// (`_OutputProducingThread`): a dotted name whose last part does so most likely
/// names a class, and calling it makes an instance.
public enum ClassNames {
    public static func looksLikeClass(_ dotted: String) -> Bool {
        looksLikeClass(dotted[...])
    }

    public static func looksLikeClass(_ dotted: Substring) -> Bool {
        let utf8 = dotted.utf8
        var start = utf8.lastIndex(of: UInt8(ascii: ".")).map { utf8.index(after: $0) } ?? utf8.startIndex
        while start < utf8.endIndex, utf8[start] == UInt8(ascii: "_") { start = utf8.index(after: start) }
        guard start < utf8.endIndex else { return false }
        return utf8[start] >= UInt8(ascii: "A") && utf8[start] <= UInt8(ascii: "Z")
    }
}
