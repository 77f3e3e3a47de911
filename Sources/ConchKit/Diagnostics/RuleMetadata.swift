public enum Severity: String, Sendable, Codable, CaseIterable, Comparable {
    case info, warning, error

    private var rank: Int { self == .info ? 0 : self == .warning ? 1 : 2 }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// The concurrency models a diagnostic can recommend (DESIGN.md).
public enum ConcurrencyModel: String, Sendable, Codable, CaseIterable {
    case process
    case thread
    case microthread
    case frameworkScheduler = "framework-scheduler"
    case synchronization
    case redesign
    case executorSwitch = "executor-switch"
    case subprocess
    case releaseGIL = "release-gil"
}

/// A rule's identity and defaults. Each rule's `rules/CONxxx.md` is the single
/// source of these values; the build embeds them.
public struct RuleMetadata: Hashable, Sendable {
    public var code: String
    public var name: String
    public var languages: [SourceLanguage]
    public var severity: Severity
    public var model: ConcurrencyModel
    /// One line: what the rule detects.
    public var summary: String
    /// The sentence of the answer the rule is built on.
    public var rationale: String
    /// The rule's whole Markdown documentation.
    public var documentation: String

    public init(code: String, name: String, languages: [SourceLanguage], severity: Severity, model: ConcurrencyModel, summary: String, rationale: String, documentation: String) {
        self.code = code
        self.name = name
        self.languages = languages
        self.severity = severity
        self.model = model
        self.summary = summary
        self.rationale = rationale
        self.documentation = documentation
    }
}
