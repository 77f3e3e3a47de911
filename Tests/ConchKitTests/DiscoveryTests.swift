import Foundation
import Testing
@testable import ConchKit

@Suite struct DiscoveryTests {
    private func discover(_ folder: TemporaryFolder, _ paths: [String] = ["."], exclude: [String] = [], gitignore: Bool = true) -> DiscoveryResult {
        var options = DiscoveryOptions(workingDirectory: folder.path)
        options.exclude = exclude
        options.respectGitignore = gitignore
        return Discovery.discover(paths, options: options)
    }

    @Test func findsPythonAndCSourcesInSortedOrder() throws {
        let folder = try TemporaryFolder()
        try folder.write("b.py", "")
        try folder.write("a/x.c", "")
        try folder.write("a/x.h", "")
        try folder.write("notes.txt", "")
        try folder.write("stubs.pyi", "")
        #expect(discover(folder).files.map(\.path) == ["a/x.c", "a/x.h", "b.py", "stubs.pyi"])
    }

    @Test func aStubBesideItsModuleIsLeftToTypeCheckersUnlessNamed() throws {
        let folder = try TemporaryFolder()
        try folder.write("pkg/button.py", "")
        try folder.write("pkg/button.pyi", "")
        try folder.write("pkg/native.pyi", "")
        #expect(discover(folder).files.map(\.path) == ["pkg/button.py", "pkg/native.pyi"])
        #expect(discover(folder, ["pkg/button.pyi"]).files.map(\.path) == ["pkg/button.pyi"])
    }

    @Test func pythonShebangMakesAnExtensionlessScriptPython() throws {
        let folder = try TemporaryFolder()
        try folder.write("tool", "#!/usr/bin/env python3\nprint(1)\n")
        try folder.write("other", "#!/bin/sh\necho\n")
        #expect(discover(folder).files.map(\.path) == ["tool"])
    }

    @Test func nestedGitignoreFilesAndInfoExcludeAreHonoured() throws {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.path + "/.git/info", withIntermediateDirectories: true)
        try folder.write(".git/info/exclude", "secret.py\n")
        try folder.write(".gitignore", "gen/\n*.tmp.py\n")
        try folder.write("gen/out.py", "")
        try folder.write("keep.py", "")
        try folder.write("x.tmp.py", "")
        try folder.write("secret.py", "")
        try folder.write("sub/.gitignore", "local.py\n!y.tmp.py\n")
        try folder.write("sub/local.py", "")
        try folder.write("sub/y.tmp.py", "")
        try folder.write("sub/z.py", "")
        #expect(discover(folder).files.map(\.path) == ["keep.py", "sub/y.tmp.py", "sub/z.py"])
        #expect(discover(folder, gitignore: false).files.count == 7)
    }

    @Test func gitignoreAboveTheStartingFolderApplies() throws {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.path + "/.git", withIntermediateDirectories: true)
        try folder.write(".gitignore", "skip_*.py\n")
        try folder.write("src/skip_me.py", "")
        try folder.write("src/lint_me.py", "")
        #expect(discover(folder, ["src"]).files.map(\.path) == ["src/lint_me.py"])
    }

    @Test func excludeGlobsAndDefaultExcludesSkipFolders() throws {
        let folder = try TemporaryFolder()
        try folder.write("app.py", "")
        try folder.write("vendor/lib.py", "")
        try folder.write(".venv/site.py", "")
        try folder.write("__pycache__/x.py", "")
        #expect(discover(folder, exclude: ["vendor/"]).files.map(\.path) == ["app.py"])
    }

    @Test func explicitFilesAreCheckedEvenInsideExcludedFolders() throws {
        let folder = try TemporaryFolder()
        try folder.write("build/gen.py", "")
        #expect(discover(folder, ["build/gen.py"]).files.map(\.path) == ["build/gen.py"])
    }

    @Test func missingPathsAreProblemsAndTheRunGoesOn() throws {
        let folder = try TemporaryFolder()
        try folder.write("ok.py", "")
        let result = discover(folder, ["missing.py", "ok.py"])
        #expect(result.files.map(\.path) == ["ok.py"])
        #expect(result.problems.map(\.message) == ["cannot read missing.py: no such file or directory"])
    }

    @Test func aMissingPathNamedLikeARulePointsToTheRuleCommand() throws {
        let folder = try TemporaryFolder()
        let result = discover(folder, ["con101"])
        #expect(result.problems.map(\.message)
                == ["cannot read con101: no such file or directory; `conch rule CON101` explains that rule"])
    }

    @Test func symlinkLoopsAreNoticedNotFollowedForever() throws {
        let folder = try TemporaryFolder()
        try folder.write("pkg/mod.py", "")
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/pkg/loop", withDestinationPath: folder.path + "/pkg")
        let result = discover(folder)
        #expect(result.files.map(\.path) == ["pkg/mod.py"])
        #expect(result.notices.contains { $0.contains("symbolic link loop") })
    }

    @Test func moduleNamesFollowPackageFolders() throws {
        let folder = try TemporaryFolder()
        try folder.write("pkg/__init__.py", "")
        try folder.write("pkg/sub/__init__.py", "")
        try folder.write("pkg/sub/mod.py", "")
        try folder.write("script.py", "")
        let names = Dictionary(uniqueKeysWithValues: discover(folder).files.map { ($0.path, $0.moduleName) })
        #expect(names["pkg/sub/mod.py"] == "pkg.sub.mod")
        #expect(names["pkg/sub/__init__.py"] == "pkg.sub")
        #expect(names["script.py"] == "script")
    }

    @Test func aFolderWithoutSourcesGivesANotice() throws {
        let folder = try TemporaryFolder()
        try folder.write("README.md", "")
        #expect(discover(folder).notices == ["no Python or C files under ."])
    }
}

@Suite struct ForceExcludeTests {
    @Test func forceExcludeAppliesGitignoreAndExcludeToExplicitFiles() throws {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.path + "/.git", withIntermediateDirectories: true)
        try folder.write(".gitignore", "generated/\n")
        try folder.write("generated/out.py", "")
        try folder.write("vendor/lib.py", "")
        try folder.write("app.py", "")
        var options = DiscoveryOptions(workingDirectory: folder.path)
        options.exclude = ["vendor/"]
        let paths = ["generated/out.py", "vendor/lib.py", "app.py"]
        #expect(Discovery.discover(paths, options: options).files.count == 3)
        options.forceExclude = true
        #expect(Discovery.discover(paths, options: options).files.map(\.path) == ["app.py"])
    }
}
