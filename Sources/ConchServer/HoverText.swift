import ConchKit
import ConchRules

/// The Markdown shown on hover: the finding, the model that fits, and the rule's
/// own explanation from `rules/CONxxx.md`.
enum HoverText {
    static func markdown(for diagnostic: Diagnostic, documentationBaseURI: String) -> String {
        var parts = ["**\(diagnostic.code) \(diagnostic.name)** (\(diagnostic.severity.rawValue))", diagnostic.message]
        if let recommendation = diagnostic.recommendation {
            parts.append("**Recommended model:** `\(recommendation.model.rawValue)`: \(recommendation.advice)")
        }
        guard let rule = RuleCatalog.metadata(for: diagnostic.code) else {
            parts.append("> \(diagnostic.rationale)")
            return parts.joined(separator: "\n\n")
        }
        let document = RuleDocumentation.body(of: rule.documentation)
        for heading in ["What it does", "Why it matters"] {
            if let section = RuleDocumentation.section(heading, of: document), !section.isEmpty {
                parts.append("### \(heading)\n\n\(section)")
            }
        }
        parts.append("[\(diagnostic.code) documentation](\(documentationBaseURI)\(diagnostic.code).md)")
        return parts.joined(separator: "\n\n")
    }
}
