/// Reading a rule's Markdown documentation (`rules/CONxxx.md`) for people:
/// `conch rule` prints its body, the LSP hover quotes some sections.
public enum RuleDocumentation {
    /// The document without its front matter, which is for the build, not the reader.
    public static func body(of document: String) -> String {
        let lines = document.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first == "---", let close = lines.dropFirst().firstIndex(of: "---") else { return document }
        return lines[(close + 1)...].drop { $0.isEmpty }.joined(separator: "\n")
    }

    /// The text under `## heading`, up to the next heading of level one or two,
    /// trimmed of blank lines; nil when the document has no such section.
    public static func section(_ heading: String, of document: String) -> String? {
        let lines = document.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(where: { $0 == "## " + heading }) else { return nil }
        var inFence = false
        var collected: [Substring] = []
        for line in lines[(start + 1)...] {
            if line.hasPrefix("```") { inFence.toggle() }
            if !inFence, line.hasPrefix("# ") || line.hasPrefix("## ") { break }
            collected.append(line)
        }
        let trimmed = collected.drop { $0.isEmpty }.reversed().drop { $0.isEmpty }.reversed()
        return trimmed.joined(separator: "\n")
    }
}
