import ConchDriver
import ConchKit
import Testing

/// What the fixture harness cannot state: messages that depend on settings.
@Suite struct SharedStateRuleTests {
    @Test func freeThreadedTargetsSayTheRaceIsRealOnEveryCore() throws {
        let diagnostics = try Fixtures.lint("python/CON201_server_stats.py") { $0.targetPython = "3.13t" }
        let messages = diagnostics.filter { $0.code == "CON201" }.map(\.message)
        #expect(!messages.isEmpty)
        #expect(messages.allSatisfy { $0.hasSuffix("free threading makes the race real on every core") })
    }

    @Test func theGILBuildDoesNotMentionFreeThreading() throws {
        let diagnostics = try Fixtures.lint("python/CON201_server_stats.py") { $0.targetPython = "3.12" }
        #expect(diagnostics.filter { $0.code == "CON201" }.allSatisfy { !$0.message.contains("free threading") })
    }
}
