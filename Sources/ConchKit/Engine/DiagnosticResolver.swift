/// Turns findings and file problems into diagnostics: positions resolved,
/// suppressions and per-file ignores applied, severities overridden, fingerprinted.
struct DiagnosticResolver {
    struct FileContext {
        var language: SourceLanguage
        /// Nil for a file nothing points into.
        var text: SourceText?
        var suppressions: Suppressions
        var ignoredCodes: [String]
    }

    let contexts: [String: FileContext]
    let metadata: [String: RuleMetadata]
    let options: LintOptions
    private var diagnostics: [Diagnostic] = []
    private var occurrences: [String: Int] = [:]

    init(contexts: [String: FileContext], metadata: [String: RuleMetadata], options: LintOptions) {
        self.contexts = contexts
        self.metadata = metadata
        self.options = options
    }

    mutating func add(problem: FileProblem, in path: String) {
        let code = AnalysisProblem.code
        guard options.reportsAnalysisProblems else { return }
        let severity: Severity = problem.level == .error ? .error : .info
        append(code: code, name: AnalysisProblem.name, severity: options.severityOverrides[code] ?? severity,
               path: path, range: problem.range, message: problem.message, recommendation: nil,
               rationale: AnalysisProblem.rationale, related: [], checkSuppressions: false)
    }

    mutating func add(_ finding: Finding) {
        // A rule speaks only of the languages its metadata names, whatever facts it was shown.
        guard let rule = metadata[finding.code], let language = contexts[finding.path]?.language,
              rule.languages.contains(language) else { return }
        let severity = options.severityOverrides[finding.code] ?? finding.severity ?? rule.severity
        let related = finding.related.compactMap { evidence -> RelatedLocation? in
            guard let location = location(evidence.path, evidence.range) else { return nil }
            return RelatedLocation(location: location, message: evidence.message)
        }
        append(code: finding.code, name: rule.name, severity: severity, path: finding.path, range: finding.range,
               message: finding.message, recommendation: finding.recommendation, rationale: rule.rationale,
               related: related, checkSuppressions: true)
    }

    func finish() -> [Diagnostic] {
        diagnostics.sorted {
            ($0.path, $0.location.start.line, $0.location.start.column, $0.code, $0.message)
                < ($1.path, $1.location.start.line, $1.location.start.column, $1.code, $1.message)
        }
    }

    private func location(_ path: String, _ range: ByteRange) -> SourceLocation? {
        guard let text = contexts[path]?.text else { return nil }
        return SourceLocation(path: path, range: range, start: text.position(of: range.start), end: text.position(of: range.end))
    }

    private mutating func append(
        code: String, name: String, severity: Severity, path: String, range: ByteRange, message: String,
        recommendation: Recommendation?, rationale: String, related: [RelatedLocation], checkSuppressions: Bool
    ) {
        guard let context = contexts[path], let location = location(path, range) else { return }
        if context.ignoredCodes.contains(where: { code.hasPrefix($0) }) { return }
        if checkSuppressions,
           context.suppressions.silences(code: code, lines: [location.start.line, location.end.line]) { return }
        let snippet = context.text?.text(range, atMost: Fingerprint.longestSnippet) ?? ""
        let key = "\(code)\u{0}\(path)\u{0}\(snippet)"
        let occurrence = occurrences[key, default: 0]
        occurrences[key] = occurrence + 1
        diagnostics.append(Diagnostic(
            code: code, name: name, severity: severity, location: location, message: message,
            recommendation: recommendation, rationale: rationale, related: related,
            fingerprint: Fingerprint.make(code: code, path: path, snippet: snippet, occurrence: occurrence)))
    }
}

typealias FileContext = DiagnosticResolver.FileContext
