import Foundation
import Testing

/// Runs scripts/tokenize-oracle.py over a fixed sample of the stdlib and
/// site-packages: conch's tokens must equal CPython's, bar the documented differences.
@Suite struct OracleTests {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// A Python whose tokenize emits FSTRING_* (3.12 or later).
    static let python: String? = ["3.13.0", "3.12.1"].lazy.compactMap { PythonInstall.prefix($0) }.first.map { $0 + "/bin/python3" }

    @Test(.enabled(if: python != nil, "needs pyenv's Python 3.12 or 3.13"))
    func sampleMatchesCPythonTokenize() throws {
        let conch = Self.packageRoot + "/.build/debug/conch"
        try #require(FileManager.default.isExecutableFile(atPath: conch),
                     "no conch binary at \(conch): build the package (`swift build`) before running this test")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(Self.python))
        process.arguments = [Self.packageRoot + "/scripts/tokenize-oracle.py", "--sample", "300", "--conch", conch,
                             "--python", try #require(Self.python)]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let report = String(decoding: data, as: UTF8.self)
        #expect(process.terminationStatus == 0, "\(report)")
        #expect(report.contains("unexplained mismatches: 0"), "\(report)")
    }
}
