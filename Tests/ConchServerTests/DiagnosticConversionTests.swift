import ConchKit
@testable import ConchServer
import Testing

@Suite struct DiagnosticConversionTests {
    private static func location(_ path: String, line: Int, from: (Int, Int, Int), to: (Int, Int, Int)) -> ConchKit.SourceLocation {
        ConchKit.SourceLocation(
            path: path, range: ByteRange(0, 1),
            start: SourcePosition(line: line, column: from.0, utf16Column: from.1, utf8Column: from.2),
            end: SourcePosition(line: line, column: to.0, utf16Column: to.1, utf8Column: to.2))
    }

    private static let diagnostic = Diagnostic(
        code: "CON101", name: "cpu-bound-thread", severity: .error,
        location: location("pkg/app.py", line: 3, from: (5, 6, 8), to: (9, 10, 12)),
        message: "thread runs `crunch`, which is CPU-bound",
        recommendation: Recommendation(model: .process, advice: "use concurrent.futures.ProcessPoolExecutor"),
        rationale: "if your code is CPU-bound, you need processes",
        related: [RelatedLocation(location: location("pkg/work.py", line: 7, from: (1, 1, 1), to: (4, 4, 4)), message: "CPU-bound loop")],
        fingerprint: "abc")

    private static func conversion(_ encoding: PositionEncoding, open: [String: String] = [:]) -> DiagnosticConversion {
        DiagnosticConversion(encoding: encoding, documentationBaseURI: "https://example.org/rules/", base: "/w", openURIs: open)
    }

    @Test func everyFieldAnEditorShows() {
        let lsp = Self.conversion(.utf16).lsp(Self.diagnostic)
        #expect(lsp["severity"] == 1)
        #expect(lsp["code"] == "CON101")
        #expect(lsp["source"] == "conch")
        #expect(lsp["codeDescription"]?["href"] == "https://example.org/rules/CON101.md")
        #expect(lsp["range"] == JSONValue.range(2, 5, 2, 9))
        #expect(lsp["data"]?["fingerprint"] == "abc")
        #expect(lsp["data"]?["model"] == "process")
        #expect(lsp["message"] == "thread runs `crunch`, which is CPU-bound\nrecommended: process: use concurrent.futures.ProcessPoolExecutor")
    }

    @Test func evidenceBecomesRelatedInformationInItsOwnFile() {
        let related = Self.conversion(.utf8).lsp(Self.diagnostic)["relatedInformation"]?.array?.first
        #expect(related?["message"] == "CPU-bound loop")
        #expect(related?["location"]?["uri"] == "file:///w/pkg/work.py")
        #expect(related?["location"]?["range"] == JSONValue.range(6, 0, 6, 3))
    }

    @Test func openDocumentsKeepTheClientsSpellingOfTheirURI() {
        let conversion = Self.conversion(.utf8, open: ["/w/pkg/work.py": "file:///w/pkg/work%2Epy"])
        #expect(conversion.lsp(Self.diagnostic)["relatedInformation"]?.array?.first?["location"]?["uri"] == "file:///w/pkg/work%2Epy")
        #expect(conversion.lsp(Self.diagnostic)["range"] == JSONValue.range(2, 7, 2, 11))
    }

    @Test func severitiesMapToTheProtocolsNumbers() {
        #expect([Severity.error, .warning, .info].map(DiagnosticConversion.severity) == [1, 2, 3])
    }

    @Test func analysisProblemHasNoDocumentationLink() {
        var problem = Self.diagnostic
        problem.code = AnalysisProblem.code
        problem.recommendation = nil
        let lsp = Self.conversion(.utf16).lsp(problem)
        #expect(lsp["codeDescription"] == nil)
        #expect(lsp["message"] == "thread runs `crunch`, which is CPU-bound")
    }
}
