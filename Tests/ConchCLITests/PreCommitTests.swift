import Foundation
import Testing

/// The hooks of `.pre-commit-hooks.yaml`, driven by the real pre-commit.
@Suite(.serialized) struct PreCommitTests {
    static let preCommitPresent = ExternalTools.available("pre-commit")

    /// A throwaway repository with one staged Python file.
    private func repository(with source: String) throws -> Scratch {
        let folder = try Scratch()
        try folder.write("app.py", source)
        for arguments in [["init", "-q"], ["add", "app.py"]] {
            _ = ExternalTools.run("git", arguments, in: folder.path)
        }
        return folder
    }

    private func tryRepo(_ hook: String, in folder: Scratch, path: String) -> Conch.Run? {
        ExternalTools.run("pre-commit", ["try-repo", ExternalTools.packageRoot, hook, "--files", "app.py"], in: folder.path,
                          environment: ["PATH": path, "PRE_COMMIT_HOME": folder.path + "/.pre-commit-cache"])
    }

    private func failsThenPassesAfterTheFix(_ hook: String, path: String) throws {
        let folder = try repository(with: "import os\nos.system(\"ls\")\n")
        let failing = tryRepo(hook, in: folder, path: path)
        #expect(failing?.status == 1, "\(failing?.stdout ?? "pre-commit did not start")")
        #expect(failing?.stdout.contains("CON501") == true)
        try folder.write("app.py", "import subprocess\nsubprocess.run([\"ls\"], check=True)\n")
        _ = ExternalTools.run("git", ["add", "app.py"], in: folder.path)
        let passing = tryRepo(hook, in: folder, path: path)
        #expect(passing?.status == 0, "\(passing?.stdout ?? "pre-commit did not start")")
    }

    @Test(.enabled(if: preCommitPresent || ExternalTools.isCI, "needs pre-commit"))
    func systemHookUsesTheInstalledBinary() throws {
        let binaryFolder = (Conch.binary as NSString).deletingLastPathComponent
        let path = binaryFolder + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        try failsThenPassesAfterTheFix("conch-system", path: path)
    }

    /// Builds the package with `swift build -c release` inside pre-commit: minutes,
    /// so it runs in CI, or locally with CONCH_SLOW_TESTS=1.
    @Test(.enabled(if: ExternalTools.isCI || ProcessInfo.processInfo.environment["CONCH_SLOW_TESTS"] == "1",
                   "builds conch in release mode; set CONCH_SLOW_TESTS=1"))
    func swiftHookBuildsConchAndRunsIt() throws {
        try failsThenPassesAfterTheFix("conch", path: ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
    }
}
