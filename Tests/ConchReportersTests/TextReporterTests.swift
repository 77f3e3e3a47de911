import ConchKit
import Testing
@testable import ConchReporters

@Suite struct TextReporterTests {
    @Test func simpleDiagnosticShowsSnippetRecommendationAndNote() {
        let output = Reporters.render(Fixtures.simpleInput(), as: .text)
        #expect(output == """
            pkg/render.py:7:5: CON101 thread runs `work`, which is CPU-bound
              |
            7 | t = threading.Thread(target=work)
              |     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
              |
              = model: process: use concurrent.futures.ProcessPoolExecutor
              = note: pkg/render.py:4:5: CPU-bound loop

            Found 1 problem (1 warning).

            """)
    }

    @Test func aToolNoteRepeatedInManyFilesIsShownOnceWithTheOthersNamed() {
        let source = SourceText("/* unit */\nint x;\n")
        func note(_ path: String, _ message: String) -> Diagnostic {
            Diagnostic(code: "CON000", name: "analysis-problem", severity: .info,
                       location: Fixtures.location(source, path: path, ByteRange(0, 0)),
                       message: message, recommendation: nil, rationale: "", related: [], fingerprint: path + message)
        }
        let missing = "'config.h' not found; analysis continues without it"
        let diagnostics = ["a.c", "b.c", "c.c", "d.c", "e.c"].map { note($0, missing) } + [note("f.c", "C parse error"), note("g.c", "other"), note("h.c", "other")]
        let output = Reporters.render(ReportInput(diagnostics: diagnostics), as: .text)
        #expect(output == """
            a.c:1:1: CON000 'config.h' not found; analysis continues without it
              = note: the same in 4 more files: b.c, c.c, d.c and 1 other (`--format json` lists each)

            f.c:1:1: CON000 C parse error

            g.c:1:1: CON000 other

            h.c:1:1: CON000 other

            Found 8 problems (8 info).

            """)
    }

    @Test func rationaleLineOnlyWhenAsked() {
        var input = Fixtures.simpleInput()
        #expect(!Reporters.render(input, as: .text).contains("= why:"))
        input.showRationale = true
        #expect(Reporters.render(input, as: .text).contains("  = why: \"if your code is CPU-bound, you need processes\"\n"))
    }

    @Test func caretsLineUpUnderTabsAndWideCharacters() throws {
        let output = Reporters.render(Fixtures.nastyInput(), as: .text)
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let sourceLine = try #require(lines.first { $0.hasPrefix("2 | ") })
        let caretLine = try #require(lines.first { $0.contains("^") })
        #expect(sourceLine == "2 |     v = 'é😀'   + threading.Thread(target=f)  # tail")
        // The emoji takes two cells, so the carets start one scalar later than a naive count.
        #expect(caretLine == "  | " + String(repeating: " ", count: 18) + String(repeating: "^", count: 26))
        #expect(lines[0] == "\(Fixtures.nastyPath):2:13: CON101 thread runs \"f\" at 100% <now> & 'then'")
    }

    @Test func missingSourceSkipsTheSnippet() {
        var input = Fixtures.simpleInput()
        input.sources = [:]
        #expect(Reporters.render(input, as: .text) == """
            pkg/render.py:7:5: CON101 thread runs `work`, which is CPU-bound
              = model: process: use concurrent.futures.ProcessPoolExecutor
              = note: pkg/render.py:4:5: CPU-bound loop

            Found 1 problem (1 warning).

            """)
    }

    @Test func rangeOverSeveralLinesIsUnderlinedToTheEndOfTheFirst() {
        let source = SourceText("run(a,\n    b)\n")
        let diagnostic = Diagnostic(
            code: "CON501", name: "legacy-process-spawn", severity: .warning,
            location: Fixtures.location(source, path: "m.py", ByteRange(0, 13)),
            message: "m", recommendation: nil, rationale: "", related: [], fingerprint: "x"
        )
        let output = Reporters.render(ReportInput(diagnostics: [diagnostic], sources: ["m.py": source]), as: .text)
        #expect(output.contains("1 | run(a,\n  | ^^^^^^\n"))
    }

    @Test func emptyRangeAtLineEndGetsOneCaret() throws {
        let source = SourceText("abc\n")
        let snippet = try #require(SourceSnippet(source: source, range: ByteRange(3, 3)))
        #expect(snippet.caretStart == 3)
        #expect(snippet.caretCount == 1)
        #expect(SourceSnippet(source: source, range: ByteRange(99, 100)) == nil)
    }

    /// A long line shows a window around the range, cut at scalar boundaries and marked
    /// `…`, so a thousand findings on a minified line do not print it a thousand times.
    @Test func longLinesAreCutAroundTheRange() throws {
        let line = String(repeating: "é", count: 300) + "os.system(x)" + String(repeating: "y", count: 300)
        let source = SourceText(line + "\n")
        let start = 600
        let snippet = try #require(SourceSnippet(source: source, range: ByteRange(start, start + 12)))
        #expect(snippet.text.hasPrefix("…é"))
        #expect(snippet.text.hasSuffix("y…"))
        #expect(snippet.text.count <= SourceSnippet.longestLine + 2)
        #expect(snippet.text.contains("os.system(x)"))
        #expect(snippet.caretStart == 1 + SourceSnippet.contextBeforeRange / 2)
        #expect(snippet.caretCount == 12)
        let short = try #require(SourceSnippet(source: SourceText("os.system(x)\n"), range: ByteRange(0, 12)))
        #expect(short.text == "os.system(x)")
    }

    @Test func summaryListsSeveritiesInOrderWithPlurals() {
        let base = Fixtures.simpleDiagnostic
        var error = base
        error.severity = .error
        var info = base
        info.severity = .info
        let input = ReportInput(diagnostics: [base, error, base, info])
        #expect(TextReporter.summary(input) == "Found 4 problems (1 error, 2 warnings, 1 info).\n")
        #expect(TextReporter.summary(ReportInput(diagnostics: [], filesChecked: 12)) == "All checked: no problems found in 12 files.\n")
        #expect(TextReporter.summary(ReportInput(diagnostics: [], filesChecked: 1)) == "All checked: no problems found in 1 file.\n")
    }

    @Test func statisticsCountPerCodeMostFrequentFirst() {
        var other = Fixtures.simpleDiagnostic
        other.code = "CON205"
        other.name = "unguarded-process-start"
        var third = other
        third.code = "CON003"
        third.name = "zzz"
        let base = Fixtures.simpleDiagnostic
        var input = ReportInput(diagnostics: [base, other, base, third, base])
        input.statistics = true
        let output = Reporters.render(input, as: .text)
        #expect(output.hasSuffix("""

            3  CON101  cpu-bound-thread
            1  CON003  zzz
            1  CON205  unguarded-process-start

            Found 5 problems (5 warnings).

            """))
    }

    @Test func coloursOnlyWhenAsked() {
        var input = Fixtures.simpleInput()
        #expect(!Reporters.render(input, as: .text).contains("\u{1B}"))
        input.color = true
        let output = Reporters.render(input, as: .text)
        #expect(output.contains("\u{1B}[1mpkg/render.py:7:5:\u{1B}[0m \u{1B}[1;33mCON101\u{1B}[0m"))
        #expect(output.contains("\u{1B}[36m^^^^"))
    }

    @Test func controlCharactersCannotReachTheTerminal() {
        var diagnostic = Fixtures.simpleDiagnostic
        diagnostic.message = "evil \u{1B}[2J"
        let output = Reporters.render(ReportInput(diagnostics: [diagnostic]), as: .text)
        #expect(!output.contains("\u{1B}"))
        #expect(output.contains("evil \u{241B}[2J"))
    }
}
