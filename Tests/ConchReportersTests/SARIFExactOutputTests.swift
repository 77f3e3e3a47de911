import ConchKit
import Testing
@testable import ConchReporters

@Suite struct SARIFExactOutputTests {
    @Test func oneRuleOneResultPrintsExactly() {
        var diagnostic = Fixtures.simpleDiagnostic
        diagnostic.related = []
        diagnostic.recommendation = nil
        var rule = Fixtures.catalog[0]
        rule.documentation = ""
        let input = ReportInput(diagnostics: [diagnostic], rules: [rule], toolVersion: "0.1.0")
        #expect(Reporters.render(input, as: .sarif) == """
            {
              "$schema": "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json",
              "version": "2.1.0",
              "runs": [
                {
                  "tool": {
                    "driver": {
                      "name": "conch",
                      "version": "0.1.0",
                      "informationUri": "https://github.com/conch-lint/conch",
                      "rules": [
                        {
                          "id": "CON101",
                          "name": "cpu-bound-thread",
                          "shortDescription": {
                            "text": "An OS thread runs CPU-bound work."
                          },
                          "fullDescription": {
                            "text": "An OS thread runs CPU-bound work. Recommended model: process. \\"if your code is CPU-bound, you need processes\\""
                          },
                          "help": {
                            "text": "An OS thread runs CPU-bound work.\\n\\nRecommended model: process.\\n\\nWhy: \\"if your code is CPU-bound, you need processes\\"\\n\\nSee https://github.com/conch-lint/conch/blob/main/rules/CON101.md",
                            "markdown": "An OS thread runs CPU-bound work.\\n\\nRecommended model: process.\\n\\nWhy: \\"if your code is CPU-bound, you need processes\\"\\n\\nSee https://github.com/conch-lint/conch/blob/main/rules/CON101.md"
                          },
                          "helpUri": "https://github.com/conch-lint/conch/blob/main/rules/CON101.md",
                          "defaultConfiguration": {
                            "level": "warning"
                          },
                          "properties": {
                            "recommended-model": "process",
                            "tags": [
                              "concurrency",
                              "python"
                            ]
                          }
                        }
                      ]
                    }
                  },
                  "originalUriBaseIds": {
                    "%SRCROOT%": {
                      "description": {
                        "text": "The directory conch was run in; result paths are relative to it."
                      }
                    }
                  },
                  "results": [
                    {
                      "ruleId": "CON101",
                      "ruleIndex": 0,
                      "level": "warning",
                      "message": {
                        "text": "thread runs `work`, which is CPU-bound"
                      },
                      "locations": [
                        {
                          "physicalLocation": {
                            "artifactLocation": {
                              "uri": "pkg/render.py",
                              "uriBaseId": "%SRCROOT%"
                            },
                            "region": {
                              "startLine": 7,
                              "startColumn": 5,
                              "endLine": 7,
                              "endColumn": 34
                            }
                          }
                        }
                      ],
                      "partialFingerprints": {
                        "conch/v1": "c0ffee"
                      }
                    }
                  ],
                  "columnKind": "utf16CodeUnits"
                }
              ]
            }

            """)
    }

    @Test func noDiagnosticsStillHasAnEmptyResultsArray() {
        let output = Reporters.render(ReportInput(diagnostics: []), as: .sarif)
        #expect(output.contains("\"rules\": []"))
        #expect(output.contains("\"results\": []"))
    }
}
