import Foundation
import Testing

@Suite struct BaselineTests {
    private let legacy = "import os\n\ndef archive():\n    os.system(\"tar czf a.tgz data\")\n"

    @Test func aBaselineHidesRecordedFindingsAndShowsNewOnes() throws {
        let folder = try Scratch()
        try folder.write("legacy.py", legacy)
        let write = try Conch.run(["check", "--isolated", "--write-baseline", "conch-baseline.json", "."], in: folder.path)
        #expect(write.status == 0)
        #expect(FileManager.default.fileExists(atPath: folder.path + "/conch-baseline.json"))
        #expect(try Conch.run(["check", "--isolated", "--baseline", "conch-baseline.json", "."], in: folder.path).status == 0)

        try folder.write("legacy.py", legacy + "\ndef more():\n    os.popen(\"ls\")\n")
        let run = try Conch.run(["check", "--isolated", "--baseline", "conch-baseline.json", "."], in: folder.path)
        #expect(run.status == 1)
        #expect(run.stdout.contains("legacy.py:7:5: CON501"))
        #expect(!run.stdout.contains("legacy.py:4:"))
    }

    @Test func recordedFindingsSurviveLinesInsertedAboveThem() throws {
        let folder = try Scratch()
        try folder.write("legacy.py", legacy)
        _ = try Conch.run(["check", "--isolated", "--write-baseline", "b.json", "."], in: folder.path)
        try folder.write("legacy.py", "\"\"\"A docstring added later.\"\"\"\nimport sys\n\n" + legacy)
        #expect(try Conch.run(["check", "--isolated", "--baseline", "b.json", "."], in: folder.path).status == 0)
    }

    @Test func changingTheReportedCodeMakesItNew() throws {
        let folder = try Scratch()
        try folder.write("legacy.py", legacy)
        _ = try Conch.run(["check", "--isolated", "--write-baseline", "b.json", "."], in: folder.path)
        try folder.write("legacy.py", legacy.replacingOccurrences(of: "a.tgz", with: "b.tgz"))
        #expect(try Conch.run(["check", "--isolated", "--baseline", "b.json", "."], in: folder.path).status == 1)
    }

    @Test func aMissingOrCorruptBaselineIsAnErrorNotAFullReport() throws {
        let folder = try Scratch()
        try folder.write("legacy.py", legacy)
        let missing = try Conch.run(["check", "--isolated", "--baseline", "nope.json", "."], in: folder.path)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("cannot read baseline"))
        #expect(!missing.stdout.contains("CON501"))
        try folder.write("corrupt.json", "{not json")
        let corrupt = try Conch.run(["check", "--isolated", "--baseline", "corrupt.json", "."], in: folder.path)
        #expect(corrupt.status == 2)
        #expect(corrupt.stderr.contains("is not a conch baseline"))
    }

    @Test func theBaselineConfigurationKeyApplies() throws {
        let folder = try Scratch()
        try folder.write("legacy.py", legacy)
        try folder.write("conch.toml", "baseline = \"conch-baseline.json\"\n")
        _ = try Conch.run(["check", "--write-baseline", "conch-baseline.json", "."], in: folder.path)
        let recorded = try String(contentsOfFile: folder.path + "/conch-baseline.json", encoding: .utf8)
        #expect(recorded.contains("CON501"))
        #expect(try Conch.run(["check", "."], in: folder.path).status == 0)
    }
}
