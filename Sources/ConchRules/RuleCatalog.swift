import ConchKit

/// Every rule's metadata, generated from `rules/*.md` (see Plugins/EmbedRuleDocs).
public enum RuleCatalog {
    public static func metadata(for code: String) -> RuleMetadata? {
        all.first { $0.code == code }
    }
}
