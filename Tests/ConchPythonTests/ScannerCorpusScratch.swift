import ConchKit
import ConchPython
import Foundation
import Testing

@Test func scratchCorpus() throws {
    guard let root = ProcessInfo.processInfo.environment["SCAN_CORPUS"] else { return }
    let enumerator = FileManager.default.enumerator(atPath: root)
    var files = 0, bytes = 0, calls = 0, spawns = 0, functions = 0, problems = 0
    var slowest: (Double, String) = (0, "")
    let start = Date()
    var tokenizeTime = 0.0
    var factsTime = 0.0
    while let path = enumerator?.nextObject() as? String {
        guard path.hasSuffix(".py"), !path.contains("site-packages") else { continue }
        guard let data = FileManager.default.contents(atPath: root + "/" + path) else { continue }
        let (text, _) = PythonFrontEnd().decode(Array(data))
        let file = SourceFile(path: path, absolutePath: root + "/" + path, language: .python, moduleName: "m", text: text)
        let tk = Date()
        _ = PythonTokenizer.tokenize(text)
        tokenizeTime += Date().timeIntervalSince(tk)
        let t0 = Date()
        let facts = PythonFrontEnd().facts(for: file, settings: AnalysisSettings())
        let dt = Date().timeIntervalSince(t0)
        factsTime += dt
        if dt > slowest.0 { slowest = (dt, path) }
        files += 1; bytes += data.count
        calls += facts.functions.reduce(0) { $0 + $1.calls.count }
        functions += facts.functions.count
        spawns += facts.spawnSites.count
        problems += facts.problems.count
    }
    print("SCRATCH files=\(files) MB=\(bytes / 1_000_000) seconds=\(Date().timeIntervalSince(start)) calls=\(calls) functions=\(functions) spawns=\(spawns) problems=\(problems) slowest=\(slowest) tokenize=\(tokenizeTime) facts=\(factsTime)")
}
