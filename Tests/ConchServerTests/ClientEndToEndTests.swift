import Foundation
import Testing

/// `conch server` driven by real LSP clients: pytest-lsp (tests/lsp/test_server.py)
/// and headless Neovim (tests/lsp/neovim_diagnostics.lua). Each runs when its tool is
/// installed (`.ci/run` installs both) and is skipped otherwise.
@Suite(.serialized) struct ClientEndToEndTests {
    static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static let binary: String = {
        let candidates = [".build/debug/conch", ".build/release/conch"].map { packageRoot + "/" + $0 }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[0]
    }()

    struct Run {
        var status: Int32
        var output: String
        var seconds: Double
    }

    static func run(_ arguments: [String], in directory: String, environment extra: [String: String] = [:]) -> Run? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = ProcessInfo.processInfo.environment.merging(extra) { _, new in new }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        let started = Date()
        do { try process.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self),
                   seconds: Date().timeIntervalSince(started))
    }

    static var hasPytestLSP: Bool {
        run(["python3", "-c", "import pytest_lsp"], in: packageRoot)?.status == 0
    }

    static var hasNeovim: Bool {
        run(["nvim", "--version"], in: packageRoot)?.status == 0
    }

    @Test(.enabled(if: hasPytestLSP, "pytest-lsp is not installed (pip install pytest-lsp)"))
    func pytestLSPSuitePasses() throws {
        let result = try #require(Self.run(
            ["timeout", "300", "python3", "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/lsp"], in: Self.packageRoot,
            environment: ["CONCH_BINARY": Self.binary]))
        print("pytest-lsp end-to-end: \(String(format: "%.1f", result.seconds)) s")
        #expect(result.status == 0, "\(result.output)")
    }

    @Test(.enabled(if: hasNeovim, "Neovim is not installed (apt-get install neovim)"))
    func headlessNeovimReceivesDiagnostics() throws {
        let workspace = NSTemporaryDirectory() + "conch-nvim-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: workspace, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: workspace) }
        try "import os\ncommand = \"🐍🐍\"; os.system(command)\n".write(toFile: workspace + "/app.py", atomically: true, encoding: .utf8)
        let output = workspace + "/diagnostics.txt"
        let script = Self.packageRoot + "/tests/lsp/neovim_diagnostics.lua"
        let result = try #require(Self.run(
            ["timeout", "60", "nvim", "--headless", "--clean", "-c", "luafile " + script, "app.py"], in: workspace,
            environment: ["CONCH_BINARY": Self.binary, "CONCH_NVIM_OUTPUT": output]))
        print("headless Neovim end-to-end: \(String(format: "%.1f", result.seconds)) s")
        let printed = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        // Neovim turns the server's UTF-16 range (18-36) into byte columns: each snake is 4 bytes.
        let lines = printed.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].hasPrefix("1:22-1:40 conch CON501 `os.system`"),
                "printed: \(printed)\nnvim exited \(result.status): \(result.output)")
    }
}
