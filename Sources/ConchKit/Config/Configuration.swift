/// Settings read from `conch.toml` or `[tool.conch]` in `pyproject.toml`.
/// Paths and globs are relative to `root`, the folder holding the file.
public struct Configuration: Sendable, Equatable {
    public var source: String?
    public var root: String
    public var select: [String]?
    public var ignore: [String] = []
    public var extendSelect: [String] = []
    public var exclude: [String] = []
    public var extendExclude: [String] = []
    public var perFileIgnores: [(pattern: String, codes: [String])] = []
    public var respectGitignore = true
    public var targetPython: String?
    public var severity: [String: Severity] = [:]
    public var ruleOptions: [String: [String: OptionValue]] = [:]
    public var libclang: String?
    public var compileCommands: String?
    /// Baseline file: only findings it does not record are reported.
    public var baseline: String?

    public init(root: String) {
        self.root = root
    }

    public static func == (lhs: Configuration, rhs: Configuration) -> Bool {
        lhs.source == rhs.source && lhs.root == rhs.root && lhs.select == rhs.select && lhs.ignore == rhs.ignore
            && lhs.extendSelect == rhs.extendSelect && lhs.exclude == rhs.exclude && lhs.extendExclude == rhs.extendExclude
            && lhs.perFileIgnores.map(\.pattern) == rhs.perFileIgnores.map(\.pattern)
            && lhs.perFileIgnores.map(\.codes) == rhs.perFileIgnores.map(\.codes)
            && lhs.respectGitignore == rhs.respectGitignore && lhs.targetPython == rhs.targetPython
            && lhs.severity == rhs.severity && lhs.ruleOptions == rhs.ruleOptions
            && lhs.libclang == rhs.libclang && lhs.compileCommands == rhs.compileCommands && lhs.baseline == rhs.baseline
    }
}

public enum ConchError: Error, Equatable, CustomStringConvertible {
    case configuration(String)
    case usage(String)
    case io(String)

    public var description: String {
        switch self {
        case let .configuration(message), let .usage(message), let .io(message): message
        }
    }
}
