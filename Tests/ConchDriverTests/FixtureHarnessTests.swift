import ConchKit
import Testing

/// Every fixture under `testdata/`: the findings must be exactly the `expect:` markers.
@Suite struct FixtureHarnessTests {
    @Test(arguments: Fixtures.units())
    func findingsMatchTheExpectMarkers(unit: String) throws {
        let diagnostics = try Fixtures.lint(unit)
        let found = Set(diagnostics.map { Fixtures.Expectation(path: $0.path, line: $0.location.start.line, code: $0.code) })
        let expected = Fixtures.expectations(in: unit)
        let missing = expected.subtracting(found).sorted()
        let unexpected = diagnostics.filter {
            !expected.contains(Fixtures.Expectation(path: $0.path, line: $0.location.start.line, code: $0.code))
        }
        var report: [String] = []
        if !missing.isEmpty { report.append("expected but not reported:\n" + missing.map { "  - \($0)" }.joined(separator: "\n")) }
        if !unexpected.isEmpty {
            report.append("reported but not expected:\n" + unexpected.map {
                "  + \($0.path):\($0.location.start.line) \($0.code) \($0.message)"
            }.joined(separator: "\n"))
        }
        #expect(report.isEmpty, "\(unit):\n\(report.joined(separator: "\n"))")
    }

    @Test func thereAreFixturesToRun() {
        #expect(Fixtures.units().count >= 2)
    }
}
