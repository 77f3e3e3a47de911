import ArgumentParser
import ConchDriver
import ConchKit
import ConchReporters
import ConchRules
import Foundation

extension OutputFormat: ExpressibleByArgument {}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Lint Python and C files (the default command).",
        discussion: """
            Exit status: 0 no findings, 1 findings, 2 usage or configuration error.

            Examples:
              conch check                          the current folder
              conch check src tests --select CON1,CON2 --ignore CON203
              conch check --format json . > findings.json
              cat mod.py | conch check --stdin-filename pkg/mod.py
            """
    )

    @ArgumentParser.Argument(help: "Files or folders to lint (default: the current folder).")
    var paths: [String] = []

    @Option(help: ArgumentHelp("Rule codes or prefixes to enable, replacing the configured set (CON1,CON501).", valueName: "codes"))
    var select: String?

    @Option(help: ArgumentHelp("Rule codes or prefixes to enable in addition.", valueName: "codes"))
    var extendSelect: String?

    @Option(help: ArgumentHelp("Rule codes or prefixes to disable.", valueName: "codes"))
    var ignore: String?

    @Option(help: ArgumentHelp("Globs of files or folders to skip, added to the configured ones.", valueName: "globs"))
    var exclude: String?

    @Flag(help: "Apply exclusions to files named on the command line too (for pre-commit).")
    var forceExclude = false

    @Option(help: "Output format: text, json, jsonl, sarif, github, gitlab, junit, gcc.")
    var format: OutputFormat = .text

    @Option(name: [.short, .customLong("output-file")], help: "Write the report to this file instead of stdout.")
    var outputFile: String?

    @Flag(help: "Exit 0 even when there are findings.")
    var exitZero = false

    @Option(name: [.short, .long], help: "Files analysed in parallel (default: the number of cores).")
    var jobs: Int?

    @OptionGroup var configuration: ConfigurationOptions

    @Option(help: "Report only findings this baseline file does not record.")
    var baseline: String?

    @Option(help: "Record every current finding in this baseline file and exit 0.")
    var writeBaseline: String?

    @Option(help: "Read the source from stdin and report it as this path.")
    var stdinFilename: String?

    @Flag(name: [.short, .long], help: "Print diagnostics only: no summary, no notes.")
    var quiet = false

    @Flag(help: "Print counts per rule after the findings.")
    var statistics = false

    @Flag(help: "Print the time each phase and each rule took, on stderr.")
    var profile = false

    @Flag(name: [.customShort("v"), .customLong("show-rationale")], help: "Show the answer's reasoning behind each finding.")
    var showRationale = false

    @Flag(help: "Never colour the output (also: NO_COLOR in the environment).")
    var noColor = false

    mutating func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if baseline != nil, writeBaseline != nil { throw ValidationError("--baseline and --write-baseline exclude each other") }
    }

    func run() throws {
        let workingDirectory = FileManager.default.currentDirectoryPath
        var request = CheckRequest(paths: paths, workingDirectory: workingDirectory)
        configuration.apply(to: &request)
        request.select = select.map(Self.list)
        request.extendSelect = extendSelect.map(Self.list) ?? []
        request.ignore = ignore.map(Self.list) ?? []
        request.exclude = exclude.map { $0.split(separator: ",").map(String.init) } ?? []
        request.forceExclude = forceExclude
        request.jobs = jobs
        request.baseline = baseline
        request.applyBaseline = writeBaseline == nil
        if let stdinFilename {
            request.stdin = (stdinFilename, Array(FileHandle.standardInput.readDataToEndOfFile()))
        }
        let outcome = try Checker.run(request)
        if !quiet { outcome.notices.forEach(Output.note) }
        if let writeBaseline {
            try Baseline(diagnostics: outcome.result.diagnostics).write(path: writeBaseline)
            if !quiet { Output.note("recorded \(outcome.result.diagnostics.count) findings in \(writeBaseline)") }
            return
        }
        let environment = ProcessInfo.processInfo.environment
        let color = format == .text && outputFile == nil && !noColor && environment["NO_COLOR"] == nil && Output.isTerminal
        var input = ReportInput(
            diagnostics: outcome.result.diagnostics, rules: RuleCatalog.all, sources: outcome.result.sources,
            filesChecked: outcome.result.filesChecked, toolVersion: Conch.version, showRationale: showRationale,
            color: color, statistics: statistics)
        input.showSummary = !quiet
        let report = Reporters.render(input, as: format)
        try Output.write(report, to: outputFile)
        if profile {
            let jobs = jobs ?? ProcessInfo.processInfo.activeProcessorCount
            FileHandle.standardError.write(Data(ProfileTable.render(outcome.result.timings, files: outcome.result.filesChecked, jobs: jobs).utf8))
        }
        if !outcome.result.diagnostics.isEmpty, !exitZero { throw ExitCode(1) }
    }

    static func list(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).uppercased() }.filter { !$0.isEmpty }
    }
}
