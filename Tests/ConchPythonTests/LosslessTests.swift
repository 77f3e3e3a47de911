import ConchKit
import Foundation
import Testing
@testable import ConchPython

@Suite struct LosslessTests {
    @Test func handWrittenFileReprints() {
        let source = "# c\nif x:  \\\n    y\n\tf'{a:{b}}{{' rb'''\n'''\n\u{0C}z = 1.5j  # t\r\nw = [\n 1, # n\n]\n"
        let file = PythonTokenizer.tokenize(SourceText(source))
        #expect(reprint(file) == Array(source.utf8))
        #expect(firstUncoveredByte(file) == nil)
    }

    /// Every file of the installed 3.13 stdlib, when there is one: every byte is
    /// in a token or a blank between tokens, so the file reprints byte for byte.
    @Test func stdlibFilesAreCoveredByTokens() throws {
        guard let root = PythonInstall.prefix("3.13.0").map({ $0 + "/lib/python3.13" }),
              FileManager.default.fileExists(atPath: root) else { return }
        let files = try #require(FileManager.default.enumerator(atPath: root)).compactMap { $0 as? String }
            .filter { $0.hasSuffix(".py") }
        var checked = 0
        for relative in files {
            guard let data = FileManager.default.contents(atPath: root + "/" + relative) else { continue }
            let (source, _) = PythonSource.decode(bytes: [UInt8](data))
            let file = PythonTokenizer.tokenize(source)
            let bad = firstUncoveredByte(file)
            #expect(bad == nil, "\(relative): byte \(bad ?? 0)")
            checked += 1
        }
        #expect(checked > 1_000)
    }
}

/// Locates pyenv's Python installs without running pyenv.
enum PythonInstall {
    static func prefix(_ version: String) -> String? {
        let root = ProcessInfo.processInfo.environment["PYENV_ROOT"]
            ?? (ProcessInfo.processInfo.environment["HOME"] ?? "/root") + "/.pyenv"
        let path = root + "/versions/" + version
        return FileManager.default.fileExists(atPath: path + "/bin/python3") ? path : nil
    }
}
