import ConchDriver
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

    /// README's `conch check testdata`: every fixture in one run, as one tree of many
    /// programs, reports exactly the markers too (two `main`s, two `start_workers`).
    @Test func theWholeFolderAtOnceReportsExactlyTheMarkers() throws {
        var request = CheckRequest(paths: ["."], workingDirectory: Fixtures.testdata)
        request.isolated = true
        request.jobs = 2
        let diagnostics = try Checker.run(request).result.diagnostics
        let found = Set(diagnostics.map { Fixtures.Expectation(path: $0.path, line: $0.location.start.line, code: $0.code) })
        let expected = Set(Fixtures.units().flatMap { unit in
            let language = String(unit.prefix { $0 != "/" })
            return Fixtures.expectations(in: unit).map { Fixtures.Expectation(path: language + "/" + $0.path, line: $0.line, code: $0.code) }
        })
        #expect(expected.subtracting(found).sorted() == [])
        #expect(found.subtracting(expected).sorted() == [])
    }

    @Test func thereAreFixturesToRun() {
        #expect(Fixtures.units().count >= 2)
    }
}
