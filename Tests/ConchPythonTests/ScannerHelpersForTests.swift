import ConchKit
import ConchPython

/// Scans an inline source as module `moduleName` at `path`.
func scan(_ source: String, module moduleName: String = "pkg.mod", path: String = "pkg/mod.py") -> FileFacts {
    let text = SourceText(source)
    let file = SourceFile(path: path, absolutePath: "/tmp/" + path, language: .python, moduleName: moduleName, text: text)
    return PythonFrontEnd().facts(for: file, settings: AnalysisSettings())
}

extension FileFacts {
    func function(_ id: String) -> FunctionFacts? { functions.first { $0.id == id } }

    var allCalls: [CallFacts] { functions.flatMap(\.calls) }

    func call(_ callee: String) -> CallFacts? { allCalls.first { $0.callee == callee } }
}
