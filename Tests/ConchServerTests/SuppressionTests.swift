import ConchKit
@testable import ConchServer
import Testing

@Suite struct SuppressionTests {
    private static func document(_ text: String, languageId: String = "python") -> OpenDocument {
        OpenDocument(uri: "file:///w/x", path: "/w/x", languageId: languageId, version: 1, text: SourceText(text))
    }

    private static func diagnostic(lines: ClosedRange<Int>) -> Diagnostic {
        let start = SourcePosition(line: lines.lowerBound, column: 1, utf16Column: 1, utf8Column: 1)
        let end = SourcePosition(line: lines.upperBound, column: 2, utf16Column: 2, utf8Column: 2)
        return Diagnostic(
            code: "CON501", name: "legacy-process-spawn", severity: .warning,
            location: ConchKit.SourceLocation(path: "x", range: ByteRange(0, 1), start: start, end: end),
            message: "m", recommendation: nil, rationale: "r", related: [], fingerprint: "f")
    }

    @Test func trailingSpacesAreKeptOutOfTheComment() {
        let edit = Suppression.edit(for: Self.diagnostic(lines: 1...1), in: Self.document("os.system(x)   \n"), encoding: .utf16)
        #expect(edit?.character == 12)
        #expect(edit?.newText == " # conch: ignore[CON501]")
    }

    @Test func aContinuedLineGetsTheCommentOnItsLastLine() {
        let text = "os.system(\"a\" + \\\n          \"b\")\n"
        let edit = Suppression.edit(for: Self.diagnostic(lines: 1...2), in: Self.document(text), encoding: .utf16)
        #expect(edit?.line == 1)
        #expect(edit?.character == 14)
    }

    @Test func anEmptyListGetsTheCodeAlone() {
        let edit = Suppression.edit(for: Self.diagnostic(lines: 1...1), in: Self.document("system(x); // conch: ignore[]\n", languageId: "c"), encoding: .utf8)
        #expect(edit?.newText == "CON501")
        #expect(edit?.character == 28)
    }

    @Test func aCodeAlreadyListedNeedsNoFix() {
        let edit = Suppression.edit(for: Self.diagnostic(lines: 1...1), in: Self.document("os.system(x)  # conch: ignore[CON501]\n"), encoding: .utf16)
        #expect(edit == nil)
    }
}
