import ConchKit
import ConchPython
import Foundation
import Testing

/// Scans every `.py` file under `$SCAN_CORPUS` (skipped when unset) and prints the figures:
/// `SCAN_CORPUS=$(pyenv prefix 3.11.7)/lib/python3.11 swift test --filter corpusScansWithoutCrashing`.
@Test func corpusScansWithoutCrashing() {
    guard let root = ProcessInfo.processInfo.environment["SCAN_CORPUS"] else { return }
    let enumerator = FileManager.default.enumerator(atPath: root)
    var files = 0, bytes = 0, calls = 0, spawns = 0, functions = 0, problems = 0
    var tokenizeSeconds = 0.0, factsSeconds = 0.0
    while let path = enumerator?.nextObject() as? String {
        guard path.hasSuffix(".py"), let data = FileManager.default.contents(atPath: root + "/" + path) else { continue }
        let (text, _) = PythonFrontEnd().decode(Array(data))
        let file = SourceFile(path: path, absolutePath: root + "/" + path, language: .python, moduleName: "m", text: text)
        let tokenizeStart = Date()
        _ = PythonTokenizer.tokenize(text)
        tokenizeSeconds += Date().timeIntervalSince(tokenizeStart)
        let factsStart = Date()
        let facts = PythonFrontEnd().facts(for: file, settings: AnalysisSettings())
        factsSeconds += Date().timeIntervalSince(factsStart)
        files += 1
        bytes += data.count
        calls += facts.functions.reduce(0) { $0 + $1.calls.count }
        functions += facts.functions.count
        spawns += facts.spawnSites.count
        problems += facts.problems.count
        #expect(facts.functions.first?.kind == .module)
    }
    print("corpus: \(files) files, \(bytes / 1_000_000) MB, tokenize \(tokenizeSeconds) s, tokenize+scan \(factsSeconds) s, "
        + "\(functions) functions, \(calls) calls, \(spawns) spawn sites, \(problems) files with a problem")
}
