import ConchDriver
import ConchKit
import Foundation

/// The repository's `testdata/` and the `expect:` markers in it.
enum Fixtures {
    static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static let testdata = packageRoot + "/testdata"

    struct Expectation: Hashable, Comparable, CustomStringConvertible {
        var path: String
        var line: Int
        var code: String

        var description: String { "\(path):\(line) \(code)" }

        static func < (lhs: Expectation, rhs: Expectation) -> Bool {
            (lhs.path, lhs.line, lhs.code) < (rhs.path, rhs.line, rhs.code)
        }
    }

    /// Each fixture unit: a file directly under `testdata/<lang>/`, or a folder
    /// there that is one multi-file project. Paths relative to `testdata/<lang>`.
    static func units() -> [String] {
        var units: [String] = []
        for language in ["python", "c"] {
            let folder = testdata + "/" + language
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            for entry in entries.sorted() where !entry.hasPrefix(".") && entry != "include" {
                units.append(language + "/" + entry)
            }
        }
        return units
    }

    /// `# expect: CON101, CON201` or `// expect: CON201` at the end of a line.
    static func expectations(in unit: String) -> Set<Expectation> {
        let language = String(unit.prefix { $0 != "/" })
        let root = testdata + "/" + language
        let relative = String(unit.dropFirst(language.count + 1))
        var files = [relative]
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: root + "/" + relative, isDirectory: &isDirectory), isDirectory.boolValue {
            let enumerator = FileManager.default.enumerator(atPath: root + "/" + relative)
            files = (enumerator?.allObjects as? [String] ?? []).map { relative + "/" + $0 }
        }
        var expected: Set<Expectation> = []
        for file in files {
            guard let data = FileManager.default.contents(atPath: root + "/" + file) else { continue }
            let text = String(decoding: data, as: UTF8.self)
            for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                for marker in ["# expect:", "// expect:"] {
                    guard let range = line.range(of: marker) else { continue }
                    for code in line[range.upperBound...].split(separator: ",") {
                        let trimmed = code.trimmingCharacters(in: .whitespaces)
                        if !trimmed.isEmpty { expected.insert(Expectation(path: file, line: index + 1, code: trimmed)) }
                    }
                }
            }
        }
        return expected
    }

    /// Lints one unit in isolation from any configuration file.
    static func lint(_ unit: String, configure: (inout CheckRequest) -> Void = { _ in }) throws -> [Diagnostic] {
        let language = String(unit.prefix { $0 != "/" })
        var request = CheckRequest(paths: [String(unit.dropFirst(language.count + 1))], workingDirectory: testdata + "/" + language)
        request.isolated = true
        request.jobs = 2
        configure(&request)
        return try Checker.run(request).result.diagnostics
    }
}
