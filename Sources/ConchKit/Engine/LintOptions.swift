/// Everything about a run that is not a file: which rules, which overrides.
public struct LintOptions: Sendable {
    public var selection = RuleSelection()
    public var severityOverrides: [String: Severity] = [:]
    /// Globs (relative to `perFileIgnoreRoot`) with the codes or prefixes they silence.
    public var perFileIgnores: [(pattern: String, codes: [String])] = []
    public var perFileIgnoreRoot = "/"
    public var settings = AnalysisSettings()
    public var jobs = 1

    public init() {}

    /// Like a syntax error in ruff, CON000 stays on whatever is selected, unless ignored by name.
    public var reportsAnalysisProblems: Bool {
        !selection.ignore.contains { $0.count >= 4 && AnalysisProblem.code.hasPrefix($0) }
    }

    func perFileIgnoredCodes(forAbsolutePath path: String) -> [String] {
        guard !perFileIgnores.isEmpty else { return [] }
        let relative = FilePaths.relative(path, to: perFileIgnoreRoot) ?? path
        let name = relative.split(separator: "/").last.map(String.init) ?? relative
        return perFileIgnores.flatMap { entry -> [String] in
            let glob = GlobPattern(entry.pattern)
            let subject = entry.pattern.contains("/") ? relative : name
            return glob.matches(subject) || glob.matches(relative) ? entry.codes : []
        }
    }
}

/// The tool's own diagnostic: a file that could not be read, decoded or parsed.
public enum AnalysisProblem {
    public static let code = "CON000"
    public static let name = "analysis-problem"
    public static let rationale = "Conch reports what it could not analyse, so that silence means no findings."
}
