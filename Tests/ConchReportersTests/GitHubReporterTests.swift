import ConchKit
import Testing
@testable import ConchReporters

@Suite struct GitHubReporterTests {
    @Test func simpleDiagnosticIsAWarningCommand() {
        #expect(Reporters.render(Fixtures.simpleInput(), as: .github) == """
            ::warning file=pkg/render.py,line=7,col=5,endLine=7,endColumn=34,title=CON101 cpu-bound-thread::\
            thread runs `work`, which is CPU-bound%0Amodel: process: use concurrent.futures.ProcessPoolExecutor

            """)
    }

    @Test func nastyPathAndMessageAreEscaped() {
        let output = Reporters.render(Fixtures.nastyInput(), as: .github)
        #expect(output == """
            ::warning file=café/naïve 😀%2C a%3Ab & <c> 100%25.py,line=2,col=13,endLine=2,endColumn=39,\
            title=CON101 cpu-bound-thread::thread runs "f" at 100%25 <now> & 'then'%0Asecond line%0A\
            model: process: use concurrent.futures.ProcessPoolExecutor

            """)
        #expect(output.filter { $0 == "\n" }.count == 1)
    }

    @Test func severitiesMapToCommandsAndMultiLineRangesDropColumns() {
        let source = SourceText("run(a,\n    b)\n")
        let diagnostic = { (severity: Severity) in
            Diagnostic(
                code: "CON205", name: "unguarded-process-start", severity: severity,
                location: Fixtures.location(source, path: "m.py", ByteRange(0, 13)),
                message: "m\r", recommendation: nil, rationale: "", related: [], fingerprint: "x"
            )
        }
        let output = Reporters.render(ReportInput(diagnostics: [diagnostic(.error), diagnostic(.info)]), as: .github)
        #expect(output == """
            ::error file=m.py,line=1,endLine=2,title=CON205 unguarded-process-start::m%0D
            ::notice file=m.py,line=1,endLine=2,title=CON205 unguarded-process-start::m%0D

            """)
    }
}
