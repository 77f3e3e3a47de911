import ArgumentParser
import ConchDriver
import ConchKit
import Foundation

/// How a command finds its configuration and builds the facts: shared by `check`,
/// `advise` and `debug facts`, so all three see a project the same way.
struct ConfigurationOptions: ParsableArguments {
    @Option(help: "Configuration file (default: conch.toml or pyproject.toml found upward).")
    var config: String?

    @Flag(help: "Ignore every configuration file.")
    var isolated = false

    @Option(help: ArgumentHelp("Python version the code runs on: 3.12, or 3.13t for a free-threaded build.", valueName: "version"))
    var targetPython: String?

    @Option(help: "compile_commands.json for C files (default: found upward from each file).")
    var compileCommands: String?

    func validate() throws {
        if isolated, config != nil { throw ValidationError("--isolated and --config exclude each other") }
    }

    func apply(to request: inout CheckRequest) {
        request.configPath = config
        request.isolated = isolated
        request.targetPython = targetPython
        request.compileCommands = compileCommands
    }
}

/// The paths and configuration of commands that read the whole project's facts
/// without linting it (`advise`, `debug facts`).
struct ProjectOptions: ParsableArguments {
    @ArgumentParser.Argument(help: "Files or folders (default: the current folder).")
    var paths: [String] = []

    @OptionGroup var configuration: ConfigurationOptions

    /// The project's facts; discovery's notices and unreadable paths go to stderr.
    func model() throws -> (model: ProjectModel, unreadable: Int) {
        var request = CheckRequest(paths: paths, workingDirectory: FileManager.default.currentDirectoryPath)
        configuration.apply(to: &request)
        let (model, notices, unreadable) = try Checker.projectModel(request)
        notices.forEach(Output.note)
        return (model, unreadable)
    }
}
