import CLibClang
import ConchKit
import Foundation

/// Parses one file's bytes with libclang and fills its facts.
enum UnitParser {
    static func parse(file: SourceFile, arguments: [String], library: LibClang, into facts: inout FileFacts) {
        DeepStack.run { parseOnThisThread(file: file, arguments: arguments, library: library, into: &facts) }
    }

    private static func parseOnThisThread(file: SourceFile, arguments: [String], library: LibClang, into facts: inout FileFacts) {
        guard let index = library.createIndex(0, 0) else {
            facts.problems.append(FileProblem("libclang could not create an index", level: .error))
            return
        }
        defer { library.disposeIndex(index) }
        let bytes = file.text.bytes
        var unit: CXTranslationUnit?
        let options = UInt32(CXTranslationUnit_KeepGoing.rawValue | CXTranslationUnit_IgnoreNonErrorsFromIncludedFiles.rawValue)
        let status: CXErrorCode = file.absolutePath.withCString { path in
            bytes.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { characters in
                    var unsaved = CXUnsavedFile(Filename: path, Contents: characters.baseAddress ?? UnsafePointer(path),
                                                Length: UInt(bytes.count))
                    return withCStrings(arguments) { argv in
                        library.parseTranslationUnit2(index, path, argv, Int32(arguments.count), &unsaved, 1, options, &unit)
                    }
                }
            }
        }
        guard status == CXError_Success, let unit else {
            facts.problems.append(FileProblem("libclang could not parse the file (error \(status.rawValue)); C facts are missing", level: .error))
            return
        }
        defer { library.disposeTranslationUnit(unit) }
        let mainFile = library.getFile(unit, file.absolutePath)
        let parsed = ParseProblems.collect(unit: unit, mainFile: mainFile, isHeader: file.absolutePath.hasSuffix(".h"), library: library)
        facts.problems += parsed.problems
        facts.isForAnotherPlatform = parsed.isForAnotherPlatform
        facts.isPythonExtension = PythonExtensionCheck.includesPython(unit: unit, bytes: bytes, library: library)
        let tree = SyntaxTree.build(unit: unit, mainFile: mainFile, bytes: bytes, library: library)
        let context = UnitContext(library: library, tree: tree, bytes: bytes, path: file.path,
                                  translationUnitKind: library.getTranslationUnitCursor(unit).kind, mainFile: mainFile,
                                  projectHeaderFolders: projectHeaderFolders(in: arguments))
        UnitAnalysis.fill(&facts, context: context, hadErrors: parsed.hadErrors)
        facts.interposesLibrary = facts.functions.contains { function in
            function.calls.contains { $0.callee == "dlsym" && $0.argument(at: 0)?.text == "RTLD_NEXT" }
        }
    }

    /// The folders after `-idirafter`: the project's own headers, searched after the
    /// system's so that they cannot hide it (`CompileCommands`), which clang then takes for
    /// system headers.
    private static func projectHeaderFolders(in arguments: [String]) -> [String] {
        zip(arguments, arguments.dropFirst()).filter { $0.0 == "-idirafter" }.map(\.1)
    }

    /// Runs `body` with a C `argv` for `strings`, valid only during the call.
    private static func withCStrings<R>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>?) -> R) -> R {
        let copies = strings.map { strdup($0) }
        defer { copies.forEach { free($0) } }
        let pointers: [UnsafePointer<CChar>?] = copies.map { $0.map { UnsafePointer($0) } }
        return pointers.withUnsafeBufferPointer { body($0.baseAddress) }
    }
}
