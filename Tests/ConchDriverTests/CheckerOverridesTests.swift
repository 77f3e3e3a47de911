import ConchDriver
import ConchKit
import Foundation
import Testing

/// An editor's unsaved buffers replace the files on disk, and a facts cache survives between runs.
@Suite struct CheckerOverridesTests {
    private static func scratch(_ files: [String: String]) throws -> String {
        let root = NSTemporaryDirectory() + "conch-driver-" + UUID().uuidString
        for (path, text) in files {
            let full = root + "/" + path
            try FileManager.default.createDirectory(
                atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: full, atomically: true, encoding: .utf8)
        }
        return root
    }

    @Test func overrideReplacesTheFileOnDisk() throws {
        let root = try Self.scratch(["app.py": "import os\n"])
        defer { try? FileManager.default.removeItem(atPath: root) }
        var request = CheckRequest(paths: ["."], workingDirectory: root)
        request.isolated = true
        #expect(try Checker.run(request).result.diagnostics.isEmpty)
        request.overrides = [root + "/app.py": Array("import os\nos.system('ls')\n".utf8)]
        let diagnostics = try Checker.run(request).result.diagnostics
        #expect(diagnostics.map(\.code) == ["CON501"])
        #expect(diagnostics.first?.location.start.line == 2)
    }

    @Test func overrideForAnUndiscoveredPathIsNotAdded() throws {
        let root = try Self.scratch(["app.py": "import os\n"])
        defer { try? FileManager.default.removeItem(atPath: root) }
        var request = CheckRequest(paths: ["."], workingDirectory: root)
        request.isolated = true
        request.overrides = [root + "/new.py": Array("import os\nos.system('ls')\n".utf8)]
        let outcome = try Checker.run(request)
        #expect(outcome.result.filesChecked == 1)
        #expect(outcome.result.diagnostics.isEmpty)
    }

    @Test func cachedFactsGiveTheSameDiagnostics() throws {
        let root = try Self.scratch(["a.py": "import os\nos.system('ls')\n", "b.py": "import os\nos.popen('ls')\n"])
        defer { try? FileManager.default.removeItem(atPath: root) }
        var request = CheckRequest(paths: ["."], workingDirectory: root)
        request.isolated = true
        let cache = FactsCache()
        request.factsCache = cache
        let first = try Checker.run(request).result.diagnostics
        #expect(cache.count == 2)
        let second = try Checker.run(request).result.diagnostics
        #expect(first == second)
        request.overrides = [root + "/b.py": Array("import os\n".utf8)]
        let third = try Checker.run(request).result.diagnostics
        #expect(third.map(\.path) == ["a.py"])
    }
}
