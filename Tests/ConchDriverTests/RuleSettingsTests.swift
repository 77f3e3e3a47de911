import ConchDriver
import ConchKit
import Foundation
import Testing

/// Rules whose behaviour depends on the project's settings and per-rule options.
@Suite struct RuleSettingsTests {
    @Test func aFreeThreadedTargetSilencesCPUBoundThreads() throws {
        let regular = try Fixtures.lint("python/CON101_cpu_bound_thread.py")
        #expect(regular.contains { $0.code == "CON101" })
        let freeThreaded = try Fixtures.lint("python/CON101_cpu_bound_thread.py") { $0.targetPython = "3.13t" }
        #expect(!freeThreaded.contains { $0.code == "CON101" })
    }

    @Test func fromPython314TheCPUBoundAdviceNamesThePoolOfInterpreters() throws {
        func advice(_ target: String?, _ code: String = "CON101", in fixture: String = "python/CON101_cpu_bound_thread.py") throws -> [String] {
            try Fixtures.lint(fixture) { $0.targetPython = target }.filter { $0.code == code }.map { $0.recommendation?.advice ?? "" }
        }
        let current = try advice("3.14") + advice("3.14", "CON104", in: "python/CON104_async_crunch.py")
        #expect(current.count > 2 && current.allSatisfy { $0.contains("InterpreterPoolExecutor") })
        for older in [nil, "3.13", "3.9"] { #expect(try advice(older).allSatisfy { !$0.contains("InterpreterPoolExecutor") }) }
        #expect(AnalysisSettings(targetPython: "3.14").hasInterpreterPools)
        #expect(AnalysisSettings(targetPython: "3.15t").hasInterpreterPools)
        #expect(AnalysisSettings(targetPython: "4.0").hasInterpreterPools)
        #expect(!AnalysisSettings(targetPython: "3.13").hasInterpreterPools)
    }

    @Test func sharedMemorySprawlFiresAboveTheDefaultThresholdOfThree() throws {
        #expect(try codes(sharedObjects: 4, threshold: nil) == ["CON203"])
        #expect(try codes(sharedObjects: 3, threshold: nil).isEmpty)
    }

    @Test func sharedMemorySprawlHonoursTheConfiguredThreshold() throws {
        #expect(try codes(sharedObjects: 4, threshold: 5).isEmpty)
        #expect(try codes(sharedObjects: 6, threshold: 5) == ["CON203"])
        #expect(try codes(sharedObjects: 1, threshold: 0) == ["CON203"])
    }

    @Test func sharedMemorySprawlNamesItsThresholdAndListsTheOthers() throws {
        let diagnostics = try lint(sharedObjects: 5, threshold: 4)
        let finding = try #require(diagnostics.first { $0.code == "CON203" })
        #expect(finding.message.contains("creates 5 multiprocessing shared objects"))
        #expect(finding.message.contains("more than 4"))
        #expect(finding.location.start.line == 5)
        #expect(finding.related.count == 4)
    }

    @Test func anUnknownOptionOfTheRuleIsAConfigurationError() throws {
        #expect(throws: ConchError.self) { try lint(sharedObjects: 1, options: "limit = 2") }
    }

    @Test func aThresholdThatIsNotAWholeNumberIsAConfigurationError() throws {
        for value in ["\"five\"", "-1", "2.5", "true"] {
            #expect(throws: ConchError.self, "threshold = \(value)") { try lint(sharedObjects: 1, options: "threshold = \(value)") }
        }
    }

    @Test func onGlibcStrerrorInAThreadIsSafeAndLocaltimeIsNot() throws {
        let posix = try lintThreadedMessages(options: nil)
        #expect(posix.filter { $0.code == "CON206" }.map(\.location.start.line) == [8, 9])
        let glibc = try lintThreadedMessages(options: "libc = \"glibc\"")
        #expect(glibc.filter { $0.code == "CON206" }.map(\.location.start.line) == [9])
    }

    @Test func anUnknownCLibraryIsAConfigurationError() throws {
        #expect(throws: ConchError.self) { try lintThreadedMessages(options: "libc = \"musl\"") }
    }

    @Test func aPoolAboveTheConfiguredSizeIsReported() throws {
        let source = "from concurrent.futures import ThreadPoolExecutor\n\nexecutor = ThreadPoolExecutor(max_workers=300)\n"
        let lint = { (options: String?) in
            try self.lintInFolder(["pool.py": source], config: options.map { "[rules.CON301]\n\($0)\n" }).filter { $0.code == "CON301" }
        }
        #expect(try lint(nil).map(\.location.start.line) == [3])
        #expect(try lint("max-pool-workers = 300").isEmpty)
        #expect(try lint("max-pool-workers = 299").count == 1)
        #expect(throws: ConchError.self) { try lint("max-pool-workers = 0") }
    }

    /// A thread that formats an error message and the time, linted with `[rules.CON206]` options.
    private func lintThreadedMessages(options: String?) throws -> [Diagnostic] {
        let source = """
            #include <pthread.h>
            #include <stdio.h>
            #include <string.h>
            #include <time.h>

            static void *report(void *arg) {
                time_t now = time(NULL);
                fprintf(stderr, "%s\\n", strerror(*(int *)arg));
                fprintf(stderr, "%d\\n", localtime(&now)->tm_hour);
                return NULL;
            }

            int main(void) {
                pthread_t thread;
                int code = 2;
                pthread_create(&thread, NULL, report, &code);
                return pthread_join(thread, NULL);
            }

            """
        return try lintInFolder(["report.c": source], config: options.map { "[rules.CON206]\n\($0)\n" })
    }

    /// A module creating `sharedObjects` `mp.Value`s, linted with `[rules.CON203]` options.
    private func lint(sharedObjects: Int, threshold: Int? = nil, options: String? = nil) throws -> [Diagnostic] {
        var source = "import multiprocessing as mp\n\n\ndef main():\n"
        for index in 0..<sharedObjects { source += "    counter\(index) = mp.Value(\"i\", 0)\n" }
        let table = options ?? threshold.map { "threshold = \($0)" }
        return try lintInFolder(["shared.py": source], config: table.map { "[rules.CON203]\n\($0)\n" })
    }

    /// Lints `files` in a folder of their own, with `config` as its `conch.toml` (none: isolated).
    private func lintInFolder(_ files: [String: String], config: String?) throws -> [Diagnostic] {
        let folder = NSTemporaryDirectory() + "conch-options-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for (name, source) in files { try source.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8) }
        if let config { try config.write(toFile: folder + "/conch.toml", atomically: true, encoding: .utf8) }
        var request = CheckRequest(paths: files.keys.sorted(), workingDirectory: folder)
        request.configPath = config == nil ? nil : "conch.toml"
        request.isolated = config == nil
        return try Checker.run(request).result.diagnostics
    }

    private func codes(sharedObjects: Int, threshold: Int?) throws -> [String] {
        try lint(sharedObjects: sharedObjects, threshold: threshold).map(\.code)
    }
}
