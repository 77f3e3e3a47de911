import Foundation

/// Tools some tests drive (Python packages, pre-commit). Locally a test skips when
/// one is missing; under CI (`CI=true`) a missing tool is a failure, because
/// `.ci/run` installs them all.
enum ExternalTools {
    static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// Runs a program found on PATH; nil when it cannot be started.
    static func run(_ program: String, _ arguments: [String], in directory: String, environment extra: [String: String] = [:]) -> Conch.Run? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [program] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = ProcessInfo.processInfo.environment.merging(extra) { _, new in new }
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Conch.Run(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
                         stderr: String(decoding: err, as: UTF8.self))
    }

    static func pythonHas(_ modules: String) -> Bool {
        run("python3", ["-c", "import \(modules)"], in: NSTemporaryDirectory())?.status == 0
    }

    static func available(_ program: String) -> Bool {
        run(program, ["--version"], in: NSTemporaryDirectory())?.status == 0
    }
}
