import ConchKit
import Testing
@testable import ConchReporters

@Suite struct GCCReporterTests {
    @Test func simpleDiagnosticIsOneLineWithItsNote() {
        #expect(Reporters.render(Fixtures.simpleInput(), as: .gcc) == """
            pkg/render.py:7:5: warning: thread runs `work`, which is CPU-bound [CON101]
            pkg/render.py:4:5: note: CPU-bound loop

            """)
    }

    @Test func nastyMessageStaysOnOneLine() {
        #expect(Reporters.render(Fixtures.nastyInput(), as: .gcc) == """
            café/naïve 😀, a:b & <c> 100%.py:2:13: warning: thread runs "f" at 100% <now> & 'then' second line [CON101]
            café/naïve 😀, a:b & <c> 100%.py:1:1: note: a "global" <x> & 50%

            """)
    }

    @Test func severityWords() {
        #expect([Severity.info, .warning, .error].map(GCCReporter.kind) == ["note", "warning", "error"])
        #expect(Reporters.render(ReportInput(diagnostics: []), as: .gcc) == "")
    }
}
