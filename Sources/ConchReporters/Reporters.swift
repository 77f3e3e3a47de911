import ConchKit

/// Everything a reporter may read: the diagnostics of one run and what the
/// formats around them need (the catalog for SARIF, sources for snippets).
public struct ReportInput: Sendable {
    /// Already sorted by path, line, column, code; reporters keep that order.
    public var diagnostics: [Diagnostic]
    /// The whole catalog: SARIF lists every rule, not only those that fired.
    public var rules: [RuleMetadata]
    /// By `Diagnostic.path`, for source snippets; a missing entry skips the snippet.
    public var sources: [String: SourceText]
    public var filesChecked: Int
    public var toolVersion: String
    /// Text: print the `= why:` line with the rule's rationale.
    public var showRationale: Bool
    /// Text: ANSI colours.
    public var color: Bool
    /// Text: append a table of counts per code.
    public var statistics: Bool
    /// Text: end with the `Found N problems` line (off with `--quiet`).
    public var showSummary = true
    /// Prefix of a rule's documentation; the rule's URI is this + `CON101.md`.
    public var ruleDocumentationBaseURI: String
    /// The project's home page: SARIF's `tool.driver.informationUri`.
    public var toolInformationURI: String

    public init(
        diagnostics: [Diagnostic],
        rules: [RuleMetadata] = [],
        sources: [String: SourceText] = [:],
        filesChecked: Int = 0,
        toolVersion: String = "0.0.0",
        showRationale: Bool = false,
        color: Bool = false,
        statistics: Bool = false,
        ruleDocumentationBaseURI: String = "https://github.com/conch-lint/conch/blob/main/rules/",
        toolInformationURI: String = "https://github.com/conch-lint/conch"
    ) {
        self.diagnostics = diagnostics
        self.rules = rules
        self.sources = sources
        self.filesChecked = filesChecked
        self.toolVersion = toolVersion
        self.showRationale = showRationale
        self.color = color
        self.statistics = statistics
        self.ruleDocumentationBaseURI = ruleDocumentationBaseURI
        self.toolInformationURI = toolInformationURI
    }

    /// Where a rule's documentation lives, or nil when no base is configured.
    func documentationURI(for code: String) -> String? {
        ruleDocumentationBaseURI.isEmpty ? nil : ruleDocumentationBaseURI + code + ".md"
    }
}

/// The values of `--format`.
public enum OutputFormat: String, CaseIterable, Sendable {
    case text, json, jsonl, sarif, github, gitlab, junit, gcc
}

/// One entry point for every format. Each renders the whole report as one
/// string; every non-empty output ends with a newline.
public enum Reporters {
    public static func render(_ input: ReportInput, as format: OutputFormat) -> String {
        switch format {
        case .text: TextReporter.render(input)
        case .json: JSONReporter.render(input)
        case .jsonl: JSONReporter.renderLines(input)
        case .sarif: SARIFReporter.render(input)
        case .github: GitHubReporter.render(input)
        case .gitlab: GitLabReporter.render(input)
        case .junit: JUnitReporter.render(input)
        case .gcc: GCCReporter.render(input)
        }
    }
}
