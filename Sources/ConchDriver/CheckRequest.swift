import ConchKit

/// One `conch check` as the command line, an editor or a test asks for it.
public struct CheckRequest: Sendable {
    public var paths: [String]
    public var workingDirectory: String
    /// `--config`; nil to discover upward from the working directory.
    public var configPath: String?
    /// `--isolated`: ignore every configuration file.
    public var isolated = false
    public var select: [String]?
    public var extendSelect: [String] = []
    public var ignore: [String] = []
    public var exclude: [String] = []
    public var forceExclude = false
    public var targetPython: String?
    public var jobs: Int?
    public var compileCommands: String?
    /// `--baseline`: report only findings this file does not record.
    public var baseline: String?
    /// False while writing a baseline: every finding is recorded, whatever the configuration names.
    public var applyBaseline = true
    /// `--stdin-filename`: lint these bytes as if they were that file.
    public var stdin: (path: String, contents: [UInt8])?
    /// Absolute path -> bytes linted instead of the file on disk: an editor's unsaved
    /// buffers. Applies to discovered files only; a path discovery does not find is not added.
    public var overrides: [String: [UInt8]] = [:]
    /// Facts kept between runs by a long-lived caller (the LSP server).
    public var factsCache: FactsCache?

    public init(paths: [String], workingDirectory: String) {
        self.paths = paths
        self.workingDirectory = workingDirectory
    }
}

public struct CheckOutcome: Sendable {
    public var result: LintResult
    /// Lines for stderr that are not findings: a folder without sources, a symlink loop.
    public var notices: [String]
    public var configuration: Configuration
}
