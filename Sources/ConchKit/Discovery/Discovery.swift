import Foundation

public struct DiscoveredFile: Sendable, Hashable {
    public var path: String
    public var absolutePath: String
    public var language: SourceLanguage
    public var moduleName: String

    public init(path: String, absolutePath: String, language: SourceLanguage, moduleName: String) {
        self.path = path
        self.absolutePath = absolutePath
        self.language = language
        self.moduleName = moduleName
    }
}

public struct DiscoveryOptions: Sendable {
    public var workingDirectory: String
    public var respectGitignore = true
    /// Globs relative to `excludeRoot`, matched like `.gitignore` lines.
    public var exclude: [String] = []
    public var excludeRoot: String
    /// Apply `exclude` and `.gitignore` to paths named on the command line too (pre-commit passes every staged file).
    public var forceExclude = false

    public init(workingDirectory: String, excludeRoot: String? = nil) {
        self.workingDirectory = workingDirectory
        self.excludeRoot = excludeRoot ?? workingDirectory
    }

    /// Folders nobody wants linted: tool caches, virtual environments, build output,
    /// and quilt's `.pc` (the copies of files as they were before the patches, in Debian sources).
    public static let defaultExcludes = [
        ".bzr", ".direnv", ".eggs", ".git", ".git-rewrite", ".hg", ".mypy_cache", ".nox", ".pants.d", ".pc",
        ".pytype", ".ruff_cache", ".svn", ".tox", ".venv", "__pypackages__", "__pycache__", "_build",
        "buck-out", "build", "dist", "node_modules", "site-packages", "venv", ".build",
    ]
}

public struct DiscoveryResult: Sendable {
    public var files: [DiscoveredFile] = []
    /// Per-path problems (missing path, unreadable folder): reported as CON000.
    public var problems: [(path: String, message: String)] = []
    /// Things worth a line on stderr that are not problems of the code (a symlink loop).
    public var notices: [String] = []
}

/// Finds the Python and C files under the given paths, honouring `.gitignore`
/// files, `.git/info/exclude` and `exclude` globs. Output order is sorted.
public struct Discovery {
    let options: DiscoveryOptions
    private var result = DiscoveryResult()
    private var seen: Set<String> = []
    private var modules = ModuleNamer()
    private let excludeFile: IgnoreFile
    private let defaultExcludes: Set<String>

    public static func discover(_ paths: [String], options: DiscoveryOptions) -> DiscoveryResult {
        var discovery = Discovery(options: options)
        for path in paths { discovery.visitRoot(path) }
        discovery.result.files.sort { $0.path < $1.path }
        return discovery.result
    }

    private init(options: DiscoveryOptions) {
        self.options = options
        excludeFile = IgnoreFile(base: "", text: options.exclude.joined(separator: "\n"))
        defaultExcludes = Set(DiscoveryOptions.defaultExcludes)
    }

    private mutating func visitRoot(_ given: String) {
        let absolute = FilePaths.absolute(given, relativeTo: options.workingDirectory)
        var status = stat()
        guard stat(absolute, &status) == 0 else {
            let reason = errno == ENOENT ? "no such file or directory" : String(cString: strerror(errno))
            result.problems.append((given, "cannot read \(given): \(reason)" + Self.ruleCodeHint(given)))
            return
        }
        if (status.st_mode & S_IFMT) == S_IFDIR {
            let before = result.files.count
            let stack = options.respectGitignore ? GitIgnores.inherited(by: absolute) : IgnoreStack()
            walk(directory: absolute, ignores: stack, ancestors: [FileIdentity(status)])
            if result.files.count == before {
                result.notices.append("no Python or C files under \(given)")
            }
        } else if let language = SourceKinds.language(ofExplicit: absolute) {
            if options.forceExclude, isForceExcluded(absolute) { return }
            add(absolute, language: language)
        } else {
            result.problems.append((given, "\(given) is not a Python or C source file"))
        }
    }

    /// `conch CON101` most likely meant the rule, not a file of that name.
    private static func ruleCodeHint(_ given: String) -> String {
        let code = given.uppercased()
        let isRuleCode = code.count == 6 && code.hasPrefix("CON") && code.dropFirst(3).allSatisfy(\.isNumber)
        return isRuleCode ? "; `conch rule \(code)` explains that rule" : ""
    }

    private mutating func walk(directory: String, ignores: IgnoreStack, ancestors: [FileIdentity]) {
        guard let entries = DirectoryListing.entries(of: directory) else {
            result.problems.append((FilePaths.display(directory, relativeTo: options.workingDirectory),
                                    "cannot read folder: \(String(cString: strerror(errno)))"))
            return
        }
        let ignores = options.respectGitignore ? ignores.adding(GitIgnores.file(in: directory)) : ignores
        let names = Set(entries.map(\.name))
        for entry in entries {
            let path = directory + "/" + entry.name
            // A stub beside its module (`button.pyi` by `button.py`) describes it to type
            // checkers; the module is the code that runs, and would be reported twice.
            if entry.name.hasSuffix(".pyi"), names.contains(String(entry.name.dropLast())) { continue }
            if !entry.hasUTF8Name {
                reportUnnamable(entry, at: path)
                continue
            }
            var status = stat()
            guard stat(path, &status) == 0 else {
                if entry.isSymlink {
                    result.notices.append("skipping broken symbolic link \(FilePaths.display(path, relativeTo: options.workingDirectory))")
                } else {
                    result.problems.append((FilePaths.display(path, relativeTo: options.workingDirectory),
                                            "cannot read: \(String(cString: strerror(errno)))"))
                }
                continue
            }
            let isDirectory = (status.st_mode & S_IFMT) == S_IFDIR
            if isExcluded(path, name: entry.name, isDirectory: isDirectory, ignores: ignores) { continue }
            if isDirectory {
                let identity = FileIdentity(status)
                if ancestors.contains(identity) {
                    result.notices.append("skipping symbolic link loop at \(FilePaths.display(path, relativeTo: options.workingDirectory))")
                    continue
                }
                walk(directory: path, ignores: ignores, ancestors: ancestors + [identity])
            } else if (status.st_mode & S_IFMT) == S_IFREG, let language = SourceKinds.language(ofDiscovered: path, name: entry.name) {
                add(path, language: language)
            }
        }
    }

    /// Paths are Strings from here on, so a name that is not UTF-8 cannot be opened again:
    /// say so for a folder or a source file, rather than report it missing.
    private mutating func reportUnnamable(_ entry: DirectoryListing.Entry, at path: String) {
        let shown = FilePaths.display(path, relativeTo: options.workingDirectory)
        if entry.isDirectory {
            result.notices.append("skipping folder \(shown): its name is not valid UTF-8")
        } else if SourceKinds.language(ofDiscovered: path, name: entry.name) != nil {
            result.problems.append((shown, "cannot read: the file name is not valid UTF-8"))
        }
    }

    private func isExcluded(_ path: String, name: String, isDirectory: Bool, ignores: IgnoreStack) -> Bool {
        if isDirectory, defaultExcludes.contains(name) { return true }
        if !excludeFile.rules.isEmpty {
            let relative = FilePaths.relative(path, to: options.excludeRoot) ?? path
            if excludeFile.verdict(relativePath: relative, isDirectory: isDirectory) == true { return true }
        }
        guard options.respectGitignore else { return false }
        return ignores.isIgnored(relativePath: GitIgnores.key(for: path), isDirectory: isDirectory)
    }

    /// An explicit file is excluded when it, or any folder above it, would have been skipped by a walk.
    private func isForceExcluded(_ absolute: String) -> Bool {
        let folder = (absolute as NSString).deletingLastPathComponent
        var ignores = options.respectGitignore ? GitIgnores.inherited(by: folder) : IgnoreStack()
        if options.respectGitignore { ignores = ignores.adding(GitIgnores.file(in: folder)) }
        var path = absolute
        var isDirectory = false
        while path != "/", !path.isEmpty {
            if isExcluded(path, name: (path as NSString).lastPathComponent, isDirectory: isDirectory, ignores: ignores) { return true }
            path = (path as NSString).deletingLastPathComponent
            isDirectory = true
            if FilePaths.relative(path, to: options.workingDirectory) == nil { break }
        }
        return false
    }

    private mutating func add(_ absolute: String, language: SourceLanguage) {
        guard seen.insert(absolute).inserted else { return }
        let moduleName = language == .python ? modules.moduleName(for: absolute) : FilePaths.display(absolute, relativeTo: options.workingDirectory)
        result.files.append(DiscoveredFile(
            path: FilePaths.display(absolute, relativeTo: options.workingDirectory),
            absolutePath: absolute, language: language, moduleName: moduleName))
    }
}

struct FileIdentity: Hashable {
    let device: UInt64
    let inode: UInt64

    init(_ status: stat) {
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
    }
}

public enum DirectoryListing {
    public struct Entry {
        /// Invalid UTF-8 shows as U+FFFD.
        public var name: String
        public var hasUTF8Name: Bool
        public var isSymlink: Bool
        public var isDirectory: Bool
        /// Neither a symbolic link nor of a type the file system left unsaid, so that
        /// `isDirectory` is known without a `stat`.
        public var isTyped: Bool
    }

    /// Sorted entries, without `.` and `..`; nil when the folder cannot be read.
    public static func entries(of directory: String) -> [Entry]? {
        guard let handle = opendir(directory) else { return nil }
        defer { closedir(handle) }
        var entries: [Entry] = []
        while let entry = readdir(handle) {
            let (name, valid) = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                let bytes = raw.prefix { $0 != 0 }
                return (String(decoding: bytes, as: UTF8.self), String(validating: bytes, as: UTF8.self) != nil)
            }
            if name == "." || name == ".." { continue }
            let type = entry.pointee.d_type
            entries.append(Entry(name: name, hasUTF8Name: valid, isSymlink: type == UInt8(DT_LNK), isDirectory: type == UInt8(DT_DIR),
                                 isTyped: type != UInt8(DT_LNK) && type != UInt8(DT_UNKNOWN)))
        }
        return entries.sorted { $0.name < $1.name }
    }
}
