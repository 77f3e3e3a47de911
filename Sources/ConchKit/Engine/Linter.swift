import Foundation

/// One file to lint: on disk, or a buffer handed over by an editor or stdin.
public struct LintInput: Sendable {
    public var file: DiscoveredFile
    /// When set, linted instead of the file's contents on disk.
    public var contents: [UInt8]?

    public init(file: DiscoveredFile, contents: [UInt8]? = nil) {
        self.file = file
        self.contents = contents
    }
}

public struct LintResult: Sendable {
    public var diagnostics: [Diagnostic]
    /// The text of every file a diagnostic points into, for snippets.
    public var sources: [String: SourceText]
    /// Every file linted, as reported.
    public var checkedPaths: [String]
    public var filesChecked: Int { checkedPaths.count }
    public var timings = LintTimings()
}

/// The pipeline: read and analyse each file in parallel, join the facts, run the
/// rules, then resolve, filter and sort what they found.
public struct Linter: Sendable {
    public let frontEnds: [any FrontEnd]
    public let rules: [any Rule]
    /// Facts of earlier runs, reused when a file's bytes and the settings are unchanged.
    public var cache: FactsCache?

    public init(frontEnds: [any FrontEnd], rules: [any Rule], cache: FactsCache? = nil) {
        self.frontEnds = frontEnds
        self.rules = rules
        self.cache = cache
    }

    /// The project's facts, joined, without running any rule: for `conch advise`.
    public func model(_ inputs: [LintInput], settings: AnalysisSettings, jobs: Int) -> ProjectModel {
        ProjectModel(files: parallelMap(inputs, jobs: jobs) { analyse($0, settings: settings).facts }, settings: settings)
    }

    public func lint(_ inputs: [LintInput], options: LintOptions) -> LintResult {
        let clock = ContinuousClock()
        var timings = LintTimings()
        var start = clock.now
        func lap() -> Duration {
            defer { start = clock.now }
            return clock.now - start
        }
        // The model takes the facts over, so the joins that complete them copy none.
        var facts: [FileFacts] = []
        var texts: [SourceText?] = []
        for result in parallelMap(inputs, jobs: options.jobs, { analyse($0, settings: options.settings) }) {
            facts.append(result.facts)
            texts.append(result.text)
        }
        timings.facts = lap()
        let model = ProjectModel(files: consume facts, settings: options.settings)
        timings.model = lap()
        let enabledRules = rules.filter { options.selection.isEnabled($0.metadata.code) }
        let checked = parallelMap(enabledRules, jobs: options.jobs) { rule in
            let ruleStart = clock.now
            let findings = rule.check(model)
            return (findings: findings, time: clock.now - ruleStart)
        }
        let findings = checked.flatMap(\.findings)
        timings.perRule = zip(enabledRules, checked).map { ($0.metadata.code, $1.time) }
        timings.rules = lap()

        var pointedAt = Set(findings.flatMap { [$0.path] + $0.related.map(\.path) })
        for file in model.files where !file.problems.isEmpty { pointedAt.insert(file.path) }
        var sources: [String: SourceText] = [:]
        var contexts: [String: FileContext] = [:]
        for (input, (file, kept)) in zip(inputs, zip(model.files, texts)) {
            let path = file.path
            let text = kept ?? (pointedAt.contains(path) ? reread(input) : nil)
            sources[path] = text
            contexts[path] = FileContext(
                language: file.language, text: text, suppressions: file.suppressions,
                ignoredCodes: options.perFileIgnoredCodes(forAbsolutePath: input.file.absolutePath))
        }
        let metadata = Dictionary(rules.map { ($0.metadata.code, $0.metadata) }, uniquingKeysWith: { first, _ in first })
        var resolver = DiagnosticResolver(contexts: contexts, metadata: metadata, options: options)
        for file in model.files {
            for problem in file.problems { resolver.add(problem: problem, in: file.path) }
        }
        for finding in findings { resolver.add(finding) }
        let diagnostics = resolver.finish()
        timings.findings = lap()
        return LintResult(diagnostics: diagnostics, sources: sources, checkedPaths: model.files.map(\.path), timings: timings)
    }

    private struct Analysed: Sendable {
        var facts: FileFacts
        /// Kept for buffers handed over (an editor's, stdin) and with a facts cache; a
        /// file on disk is read again if a diagnostic points into it, so a whole tree's
        /// sources are not all held while the rules run.
        var text: SourceText?
    }

    /// The text of a file on disk, decoded as when its facts were built.
    private func reread(_ input: LintInput) -> SourceText? {
        guard let frontEnd = frontEnds.first(where: { $0.language == input.file.language }),
              case let .success(bytes) = FileReader.read(input.file.absolutePath) else { return nil }
        return frontEnd.decode(bytes).0
    }

    private func analyse(_ input: LintInput, settings: AnalysisSettings) -> Analysed {
        let file = input.file
        guard let frontEnd = frontEnds.first(where: { $0.language == file.language }) else {
            var facts = FileFacts(path: file.path, language: file.language, moduleName: file.moduleName)
            facts.problems.append(FileProblem("no front end for \(file.language.rawValue) files in this build"))
            return Analysed(facts: facts, text: SourceText(bytes: []))
        }
        let bytes: [UInt8]
        switch input.contents.map({ .success($0) }) ?? FileReader.read(file.absolutePath) {
        case let .success(read):
            bytes = read
        case let .failure(error):
            var facts = FileFacts(path: file.path, language: file.language, moduleName: file.moduleName)
            facts.problems.append(FileProblem(error.description))
            return Analysed(facts: facts, text: SourceText(bytes: []))
        }
        if let cached = cache?.lookup(file, bytes: bytes, settings: settings) {
            return Analysed(facts: cached.facts, text: cached.text)
        }
        let keepsText = input.contents != nil || cache != nil
        let (text, decodeProblems) = frontEnd.decode(bytes)
        let source = SourceFile(path: file.path, absolutePath: file.absolutePath, language: file.language,
                                moduleName: file.moduleName, text: text)
        var facts = frontEnd.facts(for: source, settings: settings)
        facts.problems = frontEnd.problems(decoding: decodeProblems, analysis: facts.problems)
        facts.lineStarts = text.lineStarts.map { UInt32(clamping: $0) }
        cache?.store(file, bytes: bytes, settings: settings, facts: facts, text: text)
        return Analysed(facts: facts, text: keepsText ? text : nil)
    }
}
