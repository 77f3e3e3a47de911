import ConchKit
import Foundation
import Testing
@testable import ConchReporters

@Suite struct JSONReporterTests {
    @Test func simpleDiagnosticHasTheDocumentedShape() {
        let expected = """
            [
              {
                "code": "CON101",
                "name": "cpu-bound-thread",
                "severity": "warning",
                "path": "pkg/render.py",
                "range": {
                  "start": {
                    "line": 7,
                    "column": 5
                  },
                  "end": {
                    "line": 7,
                    "column": 34
                  }
                },
                "message": "thread runs `work`, which is CPU-bound",
                "recommendation": {
                  "model": "process",
                  "advice": "use concurrent.futures.ProcessPoolExecutor"
                },
                "rationale": "if your code is CPU-bound, you need processes",
                "related": [
                  {
                    "path": "pkg/render.py",
                    "range": {
                      "start": {
                        "line": 4,
                        "column": 5
                      },
                      "end": {
                        "line": 4,
                        "column": 27
                      }
                    },
                    "message": "CPU-bound loop"
                  }
                ],
                "fingerprint": "c0ffee"
              }
            ]

            """
        #expect(Reporters.render(Fixtures.simpleInput(), as: .json) == expected)
    }

    @Test func jsonlIsOneCompactObjectPerLine() {
        var second = Fixtures.simpleDiagnostic
        second.recommendation = nil
        second.related = []
        let output = Reporters.render(Fixtures.simpleInput([Fixtures.simpleDiagnostic, second]), as: .jsonl)
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 3 && lines[2].isEmpty)
        #expect(lines[1] == """
            {"code":"CON101","name":"cpu-bound-thread","severity":"warning","path":"pkg/render.py",\
            "range":{"start":{"line":7,"column":5},"end":{"line":7,"column":34}},\
            "message":"thread runs `work`, which is CPU-bound","recommendation":null,\
            "rationale":"if your code is CPU-bound, you need processes","related":[],"fingerprint":"c0ffee"}
            """)
    }

    @Test func noDiagnosticsIsAnEmptyArray() {
        #expect(Reporters.render(ReportInput(diagnostics: []), as: .json) == "[]\n")
        #expect(Reporters.render(ReportInput(diagnostics: []), as: .jsonl) == "")
    }

    @Test func nastyValuesParseBackUnchanged() throws {
        for format in [OutputFormat.json, .jsonl] {
            let output = Reporters.render(Fixtures.nastyInput(), as: format)
            let text = format == .json ? output : "[" + output.split(separator: "\n").joined(separator: ",") + "]"
            let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8))
            let objects = try #require(parsed as? [[String: Any]])
            let object = try #require(objects.first)
            #expect(object["path"] as? String == Fixtures.nastyPath)
            #expect(object["message"] as? String == Fixtures.nastyMessage)
            let range = try #require(object["range"] as? [String: [String: Int]])
            // Unicode scalar columns: the emoji counts once.
            #expect(range["start"] == ["line": 2, "column": 13])
            #expect(range["end"] == ["line": 2, "column": 39])
            let related = try #require(object["related"] as? [[String: Any]])
            #expect(related.first?["message"] as? String == "a \"global\" <x> & 50%")
        }
    }

    @Test func controlCharactersAreEscaped() {
        #expect(JSONValue.string("a\u{01}b\u{7F}\t\"\\/").compact() == #""a\u0001b\u007f\t\"\\/""#)
    }
}
