import ConchKit
import ConchRules
import Foundation

/// Wires configuration, discovery, front ends and rules into one run.
public enum Checker {
    public static func run(_ request: CheckRequest) throws -> CheckOutcome {
        let configuration = try loadConfiguration(request)
        let options = try lintOptions(request, configuration)
        let baseline = try baseline(request, configuration)
        let clock = ContinuousClock()
        let discoveryStart = clock.now
        let (inputs, notices, problemFiles) = collectInputs(request, configuration)
        let discovery = clock.now - discoveryStart
        let linter = Linter(
            frontEnds: FrontEnds.all(configuration: configuration, request: request), rules: RuleRegistry.implemented,
            cache: request.factsCache)
        var result = linter.lint(inputs, options: options)
        result.timings.discovery = discovery
        if options.reportsAnalysisProblems {
            result.diagnostics = problemFiles.map(discoveryDiagnostic) + result.diagnostics
        }
        if let baseline {
            result.diagnostics = baseline.newDiagnostics(result.diagnostics)
        }
        return CheckOutcome(result: result, notices: notices, configuration: configuration)
    }

    /// The files a request names (or its stdin buffer), with discovery's notices and per-path problems.
    static func collectInputs(_ request: CheckRequest, _ configuration: Configuration)
        -> (inputs: [LintInput], notices: [String], problems: [(path: String, message: String)]) {
        var inputs: [LintInput] = []
        var notices: [String] = []
        var problemFiles: [(path: String, message: String)] = []
        if let stdin = request.stdin {
            let absolute = FilePaths.absolute(stdin.path, relativeTo: request.workingDirectory)
            let language: SourceLanguage = absolute.hasSuffix(".c") || absolute.hasSuffix(".h") ? .c : .python
            let file = DiscoveredFile(
                path: FilePaths.display(absolute, relativeTo: request.workingDirectory), absolutePath: absolute,
                language: language, moduleName: ModuleNames.name(for: absolute, language: language))
            inputs.append(LintInput(file: file, contents: stdin.contents))
        } else {
            var discoveryOptions = DiscoveryOptions(workingDirectory: request.workingDirectory, excludeRoot: configuration.root)
            discoveryOptions.respectGitignore = configuration.respectGitignore
            discoveryOptions.forceExclude = request.forceExclude
            discoveryOptions.exclude = configuration.exclude + configuration.extendExclude + request.exclude
            let discovered = Discovery.discover(request.paths.isEmpty ? ["."] : request.paths, options: discoveryOptions)
            inputs = discovered.files.map { LintInput(file: $0, contents: request.overrides[$0.absolutePath]) }
            notices = discovered.notices
            problemFiles = discovered.problems
        }
        return (inputs, notices, problemFiles)
    }

    /// The joined facts of a request's files, for `conch advise` and `conch debug facts`;
    /// `notices` also says which named paths could not be read.
    public static func projectModel(_ request: CheckRequest) throws -> (model: ProjectModel, notices: [String], unreadable: Int) {
        let configuration = try loadConfiguration(request)
        let options = try lintOptions(request, configuration)
        let (inputs, notices, problems) = collectInputs(request, configuration)
        let linter = Linter(frontEnds: FrontEnds.all(configuration: configuration, request: request), rules: [])
        return (linter.model(inputs, settings: options.settings, jobs: options.jobs),
                notices + problems.map { "\($0.path): \($0.message)" }, problems.count)
    }

    /// The baseline named on the command line, else in the configuration; read
    /// before linting would be wasted on a missing file.
    static func baseline(_ request: CheckRequest, _ configuration: Configuration) throws -> Baseline? {
        guard request.applyBaseline else { return nil }
        if let path = request.baseline {
            return try Baseline.read(path: FilePaths.absolute(path, relativeTo: request.workingDirectory))
        }
        if let path = configuration.baseline {
            return try Baseline.read(path: FilePaths.absolute(path, relativeTo: configuration.root))
        }
        return nil
    }

    static func loadConfiguration(_ request: CheckRequest) throws -> Configuration {
        if request.isolated { return Configuration(root: request.workingDirectory) }
        if let path = request.configPath {
            let absolute = FilePaths.absolute(path, relativeTo: request.workingDirectory)
            guard FileManager.default.fileExists(atPath: absolute) else {
                throw ConchError.usage("--config: no such file: \(path)")
            }
            return try ConfigurationLoader.load(path: absolute)
        }
        return try ConfigurationLoader.discover(from: request.workingDirectory)
    }

    static func lintOptions(_ request: CheckRequest, _ configuration: Configuration) throws -> LintOptions {
        let known = RuleCatalog.all.map(\.code) + [AnalysisProblem.code]
        let origin = configuration.source ?? "configuration"
        for (selectors, name) in [(request.select ?? [], "--select"), (request.ignore, "--ignore"), (request.extendSelect, "--extend-select")] {
            if let bad = RuleSelection.unknownSelector(in: selectors, knownCodes: known) {
                throw ConchError.usage("unknown rule selector '\(bad)' in \(name)")
            }
        }
        for (selectors, key) in [(configuration.select ?? [], "select"), (configuration.ignore, "ignore"), (configuration.extendSelect, "extend-select")] {
            if let bad = RuleSelection.unknownSelector(in: selectors, knownCodes: known) {
                throw ConchError.configuration("\(origin): unknown rule selector '\(bad)' in '\(key)'")
            }
        }
        for (_, codes) in configuration.perFileIgnores {
            if let bad = RuleSelection.unknownSelector(in: codes, knownCodes: known) {
                throw ConchError.configuration("\(origin): unknown rule selector '\(bad)' in 'per-file-ignores'")
            }
        }
        for code in configuration.severity.keys.sorted() where !known.contains(code) {
            throw ConchError.configuration("\(origin): unknown rule code '\(code)' in 'severity'")
        }
        try validateRuleOptions(configuration, origin: origin)
        if let target = request.targetPython, !PythonVersion.isValid(target) {
            throw ConchError.usage("--target-python must look like 3.12 or 3.13t, not '\(target)'")
        }

        var options = LintOptions()
        options.selection = RuleSelection(
            select: request.select ?? configuration.select ?? ["ALL"],
            extendSelect: configuration.extendSelect + request.extendSelect,
            ignore: configuration.ignore + request.ignore)
        options.severityOverrides = configuration.severity
        options.perFileIgnores = configuration.perFileIgnores
        options.perFileIgnoreRoot = configuration.root
        options.settings = AnalysisSettings(
            targetPython: request.targetPython ?? configuration.targetPython, ruleOptions: configuration.ruleOptions)
        options.jobs = max(1, request.jobs ?? ProcessInfo.processInfo.activeProcessorCount)
        return options
    }

    private static func validateRuleOptions(_ configuration: Configuration, origin: String) throws {
        let rules = Dictionary(RuleRegistry.implemented.map { ($0.metadata.code, $0) }, uniquingKeysWith: { first, _ in first })
        for code in configuration.ruleOptions.keys.sorted() {
            guard RuleCatalog.metadata(for: code) != nil else {
                throw ConchError.configuration("\(origin): unknown rule code '\(code)' in 'rules'")
            }
            let accepted = rules[code]?.optionNames ?? []
            let options = configuration.ruleOptions[code] ?? [:]
            for key in options.keys.sorted() {
                guard accepted.contains(key) else {
                    throw ConchError.configuration("\(origin): unknown option 'rules.\(code).\(key)'")
                }
                if let value = options[key], let problem = rules[code]?.problem(withOption: key, value: value) {
                    throw ConchError.configuration("\(origin): 'rules.\(code).\(key)' \(problem)")
                }
            }
        }
    }

    private static func discoveryDiagnostic(_ problem: (path: String, message: String)) -> Diagnostic {
        let origin = SourcePosition(line: 1, column: 1, utf16Column: 1, utf8Column: 1)
        let location = SourceLocation(path: problem.path, range: ByteRange(0, 0), start: origin, end: origin)
        return Diagnostic(
            code: AnalysisProblem.code, name: AnalysisProblem.name, severity: .error, location: location,
            message: problem.message, recommendation: nil, rationale: AnalysisProblem.rationale, related: [],
            fingerprint: Fingerprint.make(code: AnalysisProblem.code, path: problem.path, snippet: problem.message, occurrence: 0))
    }
}
