import CLibClang
import ConchKit
import Foundation

/// C analysis on libclang, loaded at run time: turns one C file into `FileFacts`.
///
/// Safe to call from several threads at once: each call parses with its own
/// `CXIndex`, and the loaded library is shared read-only.
public struct CFrontEnd: FrontEnd {
    public static let installHint = "C analysis needs libclang: install it with `apt-get install libclang-dev`, or set CONCH_LIBCLANG"

    public var language: SourceLanguage { .c }
    public let search: LibClangSearch
    public let compileCommandsPath: String?

    /// `libclangPath` is the configured library (nil: search); `compileCommandsPath`
    /// a `compile_commands.json` (nil: found upward from each file).
    public init(libclangPath: String?, compileCommandsPath: String?) {
        self.init(search: .standard(libclangPath: libclangPath), compileCommandsPath: compileCommandsPath)
    }

    public init(search: LibClangSearch, compileCommandsPath: String?) {
        self.search = search
        self.compileCommandsPath = compileCommandsPath
    }

    /// The library this front end uses, if one loads: its path and version.
    public var libraryDescription: (path: String, version: String)? {
        guard case .success(let library) = LibClangLoader.load(search) else { return nil }
        return (library.path, library.version)
    }

    /// What besides the bytes and settings the facts depend on: the compile flags
    /// and the library's version. Add it to a cache key for C files.
    public func cacheFingerprint(for file: SourceFile) -> String {
        let library: String
        switch LibClangLoader.load(search) {
        case .success(let loaded): library = loaded.version
        case .failure: library = "no libclang"
        }
        return ([library] + arguments(for: file, resourceDirectory: nil)).joined(separator: "\u{1F}")
    }

    private func arguments(for file: SourceFile, resourceDirectory: String?) -> [String] {
        var arguments = CompileCommands.flags(forFile: file.absolutePath, database: compileCommandsPath,
                                              includesPython: PythonExtensionCheck.writesPythonInclude(file.text.bytes))
        if let resourceDirectory, !arguments.contains("-resource-dir") {
            arguments += ["-resource-dir", resourceDirectory]
        }
        // Warnings cost time and say nothing about concurrency.
        arguments.append("-w")
        return arguments
    }

    public func facts(for file: SourceFile, settings: AnalysisSettings) -> FileFacts {
        var facts = FileFacts(path: file.path, language: .c, moduleName: file.path)
        let bytes = file.text.bytes
        facts.functions.append(FunctionFacts(id: file.path, name: "<file>", kind: .module,
                                             range: ByteRange(0, bytes.count), nameRange: ByteRange(0, 0)))
        facts.suppressions = CommentSuppressions.scan(file.text)
        guard case .success(let library) = LibClangLoader.load(search) else {
            facts.problems.append(FileProblem(Self.installHint, level: .error))
            return facts
        }
        let arguments = arguments(for: file, resourceDirectory: library.resourceDirectory)
        UnitParser.parse(file: file, arguments: arguments, library: library, into: &facts)
        return facts
    }
}
