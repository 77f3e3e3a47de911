import ConchKit
import Foundation
import Testing
@testable import ConchReporters

@Suite struct SARIFReporterTests {
    private func parse(_ input: ReportInput) throws -> [String: Any] {
        let output = Reporters.render(input, as: .sarif)
        return try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
    }

    private func run(_ log: [String: Any]) throws -> [String: Any] {
        let runs = try #require(log["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        return try #require(runs.first)
    }

    @Test func simpleResultAndRuleCatalog() throws {
        let log = try parse(Fixtures.simpleInput())
        #expect(log["version"] as? String == "2.1.0")
        #expect(log["$schema"] as? String == SARIFReporter.schemaURI)
        let run = try run(log)
        #expect(run["columnKind"] as? String == "utf16CodeUnits")
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "conch")
        #expect(driver["version"] as? String == "0.1.0")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.map { $0["id"] as? String } == ["CON101", "CON205"])
        let rule = rules[1]
        #expect(rule["helpUri"] as? String == "https://github.com/conch-lint/conch/blob/main/rules/CON205.md")
        #expect((rule["defaultConfiguration"] as? [String: String])?["level"] == "error")
        #expect((rule["help"] as? [String: String])?["markdown"] == "# CON205\n")
        #expect((rule["properties"] as? [String: Any])?["recommended-model"] as? String == "process")

        let result = try #require((run["results"] as? [[String: Any]])?.first)
        #expect(result["ruleId"] as? String == "CON101")
        #expect(result["ruleIndex"] as? Int == 0)
        #expect(result["level"] as? String == "warning")
        #expect(result["partialFingerprints"] as? [String: String] == ["conch/v1": "c0ffee"])
        let location = try #require((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        #expect(location["artifactLocation"] as? [String: String] == ["uri": "pkg/render.py", "uriBaseId": "%SRCROOT%"])
        #expect(location["region"] as? [String: Int] == ["startLine": 7, "startColumn": 5, "endLine": 7, "endColumn": 34])
        let related = try #require((result["relatedLocations"] as? [[String: Any]])?.first)
        #expect(related["id"] as? Int == 0)
        #expect((related["message"] as? [String: String])?["text"] == "CPU-bound loop")
    }

    @Test func outputIsByteForByteStable() {
        let input = Fixtures.simpleInput()
        let first = Reporters.render(input, as: .sarif)
        #expect(first == Reporters.render(input, as: .sarif))
        #expect(first.hasPrefix("{\n  \"$schema\": \"\(SARIFReporter.schemaURI)\",\n  \"version\": \"2.1.0\",\n  \"runs\": [\n"))
    }

    @Test func nastyPathIsAPercentEncodedURIAndColumnsAreUTF16() throws {
        let run = try run(try parse(Fixtures.nastyInput()))
        let result = try #require((run["results"] as? [[String: Any]])?.first)
        #expect((result["message"] as? [String: String])?["text"] == Fixtures.nastyMessage)
        let location = try #require((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        let uri = try #require((location["artifactLocation"] as? [String: String])?["uri"])
        #expect(uri == "caf%C3%A9/na%C3%AFve%20%F0%9F%98%80%2C%20a%3Ab%20%26%20%3Cc%3E%20100%25.py")
        #expect(uri.removingPercentEncoding == Fixtures.nastyPath)
        // `é` is one UTF-16 unit and `😀` two: the scalar column 13 is UTF-16 column 14.
        #expect(location["region"] as? [String: Int] == ["startLine": 2, "startColumn": 14, "endLine": 2, "endColumn": 40])
    }

    @Test func codeMissingFromCatalogGetsADescriptorAndAbsolutePathsAFileURI() throws {
        let source = SourceText("\u{FF}\n")
        let unreadable = Diagnostic(
            code: "CON000", name: "analysis-failed", severity: .error,
            location: Fixtures.location(source, path: "/abs/dir/x y.c", ByteRange(0, 0)),
            message: "cannot decode", recommendation: nil, rationale: "", related: [], fingerprint: ""
        )
        let run = try run(try parse(Fixtures.simpleInput([unreadable, Fixtures.simpleDiagnostic])))
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.map { $0["id"] as? String } == ["CON101", "CON205", "CON000"])
        #expect(rules[2]["helpUri"] == nil)
        #expect((rules[2]["defaultConfiguration"] as? [String: String])?["level"] == "error")
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.map { $0["ruleIndex"] as? Int } == [2, 0])
        #expect(results[0]["partialFingerprints"] == nil)
        let location = try #require((results[0]["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        #expect(location["artifactLocation"] as? [String: String] == ["uri": "file:///abs/dir/x%20y.c"])
    }

    @Test func infoIsANote() {
        #expect(SARIFReporter.level(.info) == "note")
        #expect(SARIFReporter.level(.error) == "error")
    }
}
