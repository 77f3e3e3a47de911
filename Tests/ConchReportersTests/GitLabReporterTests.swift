import ConchKit
import Foundation
import Testing
@testable import ConchReporters

@Suite struct GitLabReporterTests {
    @Test func simpleDiagnosticIsACodeQualityIssue() {
        #expect(Reporters.render(Fixtures.simpleInput(), as: .gitlab) == """
            [
              {
                "description": "CON101 thread runs `work`, which is CPU-bound",
                "check_name": "CON101",
                "fingerprint": "c0ffee",
                "severity": "minor",
                "location": {
                  "path": "pkg/render.py",
                  "lines": {
                    "begin": 7,
                    "end": 7
                  }
                }
              }
            ]

            """)
    }

    @Test func nastyValuesParseBack() throws {
        let output = Reporters.render(Fixtures.nastyInput(), as: .gitlab)
        let parsed = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [[String: Any]]
        let issue = try #require(parsed?.first)
        #expect(issue["description"] as? String == "CON101 " + Fixtures.nastyMessage)
        #expect((issue["location"] as? [String: Any])?["path"] as? String == Fixtures.nastyPath)
    }

    @Test func severityScale() {
        #expect([Severity.info, .warning, .error].map(GitLabReporter.severity) == ["info", "minor", "major"])
    }
}
