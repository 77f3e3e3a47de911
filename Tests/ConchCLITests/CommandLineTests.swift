import Foundation
import Testing

/// Runs the built `conch` binary as a user would.
@Suite struct CommandLineTests {
    @Test func cleanFolderExitsZero() throws {
        let folder = try Scratch()
        try folder.write("clean.py", "import subprocess\nsubprocess.run(['ls'])\n")
        let run = try Conch.run(["check", "--isolated", "."], in: folder.path)
        #expect(run.status == 0)
        #expect(run.stdout.contains("no problems found in 1 file"))
    }

    @Test func findingsExitOneAndShowTheSourceLine() throws {
        let folder = try Scratch()
        try folder.write("bad.py", "import os\nos.system(\"ls\")\n")
        let run = try Conch.run(["check", "--isolated", "bad.py"], in: folder.path)
        #expect(run.status == 1)
        #expect(run.stdout.contains("bad.py:2:1: CON501"))
        #expect(run.stdout.contains("os.system(\"ls\")"))
        #expect(run.stdout.contains("^^^"))
        #expect(run.stdout.contains("Found 1 problem (1 warning)."))
        #expect(!run.stdout.contains("\u{1B}["), "no colour when piped")
    }

    @Test func quietPrintsFindingsWithoutTheSummary() throws {
        let folder = try Scratch()
        try folder.write("bad.py", "import os\nos.system(\"ls\")\n")
        let run = try Conch.run(["check", "--isolated", "--quiet", "bad.py"], in: folder.path)
        #expect(run.status == 1)
        #expect(run.stdout.contains("bad.py:2:1: CON501"))
        #expect(!run.stdout.contains("Found "))
    }

    @Test func ignoringCON000HidesAMissingPathToo() throws {
        let folder = try Scratch()
        try folder.write("ok.py", "x = 1\n")
        #expect(try Conch.run(["check", "--isolated", "missing.py", "ok.py"], in: folder.path).status == 1)
        let ignored = try Conch.run(["check", "--isolated", "--ignore", "CON000", "missing.py", "ok.py"], in: folder.path)
        #expect(ignored.status == 0)
        #expect(!ignored.stdout.contains("CON000"))
    }

    @Test(.timeLimit(.minutes(1))) func pipesAndDevicesNamedLikeSourcesAreReportedNotRead() throws {
        let folder = try Scratch()
        try folder.write("ok.py", "x = 1\n")
        #expect(mkfifo(folder.path + "/pipe.py", 0o600) == 0)
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/zero.py", withDestinationPath: "/dev/zero")
        let named = try Conch.run(["check", "--isolated", "pipe.py", "zero.py", "ok.py"], in: folder.path)
        #expect(named.status == 1)
        #expect(named.stdout.contains("pipe.py:1:1: CON000 cannot read file: not a regular file"))
        #expect(named.stdout.contains("zero.py:1:1: CON000 cannot read file: not a regular file"))
        let walked = try Conch.run(["check", "--isolated", "."], in: folder.path)
        #expect(walked.status == 0)
        let tokens = try Conch.run(["debug", "tokens", "pipe.py"], in: folder.path)
        #expect(tokens.status == 1)
        #expect(tokens.stderr.contains("not a regular file"))
    }

    @Test func namesThatAreNotUTF8AreReportedNotMissed() throws {
        let folder = try Scratch()
        try folder.write("ok.py", "x = 1\n")
        func bytes(_ name: [UInt8]) -> [CChar] { (Array(folder.path.utf8) + [UInt8(ascii: "/")] + name + [0]).map { CChar(bitPattern: $0) } }
        let file = open(bytes([0xFF, 0xFE] + Array(".py".utf8)), O_CREAT | O_WRONLY, 0o644)
        #expect(file >= 0)
        close(file)
        #expect(mkdir(bytes(Array("d".utf8) + [0xE9]), 0o755) == 0)
        let run = try Conch.run(["check", "--isolated", "."], in: folder.path)
        #expect(run.status == 1)
        #expect(run.stdout.contains("\u{FFFD}\u{FFFD}.py:1:1: CON000 cannot read: the file name is not valid UTF-8"))
        #expect(run.stderr.contains("skipping folder d\u{FFFD}: its name is not valid UTF-8"))
    }

    @Test func aFileItCannotDecodeGetsOneCON000() throws {
        let folder = try Scratch()
        try folder.write("legacy.py", "# -*- coding: uft-8 -*-\nx = 'never closed\n")
        let run = try Conch.run(["check", "--isolated", "--format", "jsonl", "legacy.py"], in: folder.path)
        #expect(run.status == 1)
        #expect(run.stdout.split(separator: "\n").count == 1)
        #expect(run.stdout.contains("unknown source encoding 'uft-8'"))
    }

    @Test func exitZeroKeepsTheReport() throws {
        let folder = try Scratch()
        try folder.write("bad.py", "import os\nos.system(\"ls\")\n")
        let run = try Conch.run(["check", "--isolated", "--exit-zero", "bad.py"], in: folder.path)
        #expect(run.status == 0)
        #expect(run.stdout.contains("CON501"))
    }

    @Test func badFlagExitsTwoWithOneLine() throws {
        let run = try Conch.run(["check", "--no-such-flag"], in: NSTemporaryDirectory())
        #expect(run.status == 2)
        #expect(run.stderr.contains("--no-such-flag"))
    }

    @Test func unknownRuleSelectorExitsTwoNamingIt() throws {
        let run = try Conch.run(["check", "--isolated", "--select", "CON999", "."], in: NSTemporaryDirectory())
        #expect(run.status == 2)
        #expect(run.stderr.contains("unknown rule selector 'CON999' in --select"))
    }

    @Test func brokenConfigurationExitsTwoNamingFileLineAndColumn() throws {
        let folder = try Scratch()
        try folder.write("conch.toml", "select = [\"CON1\"\n")
        try folder.write("a.py", "")
        let run = try Conch.run(["check", "."], in: folder.path)
        #expect(run.status == 2)
        #expect(run.stderr.contains("conch.toml:"))
        #expect(run.stderr.contains("invalid TOML"))
    }

    @Test func unknownConfigurationKeyIsNamed() throws {
        let folder = try Scratch()
        try folder.write("conch.toml", "slect = [\"CON1\"]\n")
        let run = try Conch.run(["check", "."], in: folder.path)
        #expect(run.status == 2)
        #expect(run.stderr.contains("unknown key 'slect'"))
    }

    @Test func configurationIgnoreAndCommandLineSelectCombine() throws {
        let folder = try Scratch()
        try folder.write("pyproject.toml", "[tool.conch]\nignore = [\"CON501\"]\n")
        try folder.write("bad.py", "import os\nos.system(\"ls\")\n")
        #expect(try Conch.run(["check", "."], in: folder.path).status == 0)
        #expect(try Conch.run(["check", "--isolated", "."], in: folder.path).status == 1)
        #expect(try Conch.run(["check", "--isolated", "--ignore", "CON5", "."], in: folder.path).status == 0)
        #expect(try Conch.run(["check", "--isolated", "--select", "CON1", "."], in: folder.path).status == 0)
    }

    @Test func perFileIgnoresApplyByGlob() throws {
        let folder = try Scratch()
        try folder.write("conch.toml", "[per-file-ignores]\n\"scripts/*\" = [\"CON501\"]\n")
        try folder.write("scripts/tool.py", "import os\nos.system(\"ls\")\n")
        try folder.write("app/main.py", "import os\nos.system(\"ls\")\n")
        let run = try Conch.run(["check", "."], in: folder.path)
        #expect(run.stdout.contains("app/main.py:2:1: CON501"))
        #expect(!run.stdout.contains("scripts/tool.py"))
    }

    @Test func gitignoredFilesAreNotLinted() throws {
        let folder = try Scratch()
        try folder.write(".gitignore", "generated/\n")
        try folder.write("generated/bad.py", "import os\nos.system(\"ls\")\n")
        try folder.write("ok.py", "x = 1\n")
        #expect(try Conch.run(["check", "--isolated", "."], in: folder.path).status == 0)
    }

    @Test func jsonOutputHasTheDocumentedShape() throws {
        let folder = try Scratch()
        try folder.write("bad.py", "import os\nos.system(f\"rm {x}\")\n")
        let run = try Conch.run(["check", "--isolated", "--format", "json", "."], in: folder.path)
        let parsed = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]]
        let first = try #require(parsed?.first)
        #expect(first["code"] as? String == "CON501")
        #expect(first["name"] as? String == "legacy-process-spawn")
        #expect(first["severity"] as? String == "error")
        #expect(first["path"] as? String == "bad.py")
        let range = try #require(first["range"] as? [String: [String: Int]])
        #expect(range["start"] == ["line": 2, "column": 1])
        #expect((first["recommendation"] as? [String: String])?["model"] == "subprocess")
        #expect(first["rationale"] is String)
        #expect(first["related"] is [Any])
        #expect((first["fingerprint"] as? String)?.isEmpty == false)
    }

    @Test func outputFileReceivesTheReportAndStdoutStaysEmpty() throws {
        let folder = try Scratch()
        try folder.write("bad.py", "import os\nos.system(\"ls\")\n")
        let run = try Conch.run(["check", "--isolated", "--format", "jsonl", "-o", "out.jsonl", "."], in: folder.path)
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        let written = try String(contentsOfFile: folder.path + "/out.jsonl", encoding: .utf8)
        #expect(written.split(separator: "\n").count == 1)
    }

    @Test func stdinIsLintedAsTheNamedFile() throws {
        let folder = try Scratch()
        try folder.write("conch.toml", "[per-file-ignores]\n\"vendor/*\" = [\"CON501\"]\n")
        let source = "import os\nos.system(\"ls\")\n"
        let run = try Conch.run(["check", "--stdin-filename", "pkg/mod.py"], in: folder.path, stdin: source)
        #expect(run.stdout.contains("pkg/mod.py:2:1: CON501"))
        let ignored = try Conch.run(["check", "--stdin-filename", "vendor/mod.py"], in: folder.path, stdin: source)
        #expect(ignored.status == 0)
    }

    @Test func statisticsCountFindingsPerCode() throws {
        let folder = try Scratch()
        try folder.write("bad.py", "import os\nos.system(\"a\")\nos.popen(\"b\")\n")
        let run = try Conch.run(["check", "--isolated", "--statistics", "."], in: folder.path)
        #expect(run.stdout.contains("CON501"))
        #expect(run.stdout.contains("2"))
    }

    @Test func profileTimesEachPhaseAndRuleOnStderr() throws {
        let folder = try Scratch()
        try folder.write("bad.py", "import os\nos.system(\"a\")\n")
        let run = try Conch.run(["check", "--isolated", "--profile", "--select", "CON501,CON201", "-j", "1", "."], in: folder.path)
        #expect(run.status == 1)
        #expect(!run.stdout.contains("time by phase"))
        #expect(run.stderr.contains("time by phase (1 file, 1 job):"))
        for phase in ["discovery", "facts", "project model", "rules", "findings"] {
            #expect(run.stderr.contains("\n  \(phase) "))
        }
        #expect(run.stderr.contains("    CON501 "))
        #expect(run.stderr.contains("    CON201 "))
        #expect(!run.stderr.contains("CON101"))
    }

    /// 500 nested calls on one line: every finding's snippet is a window of the line, not
    /// the whole of it, so the report grows with the findings, not with findings × line.
    @Test func findingsOnOneLongLinePrintABoundedSnippetEach() throws {
        let folder = try Scratch()
        try folder.write("nested.py", "import os\n" + String(repeating: "os.system(", count: 500) + String(repeating: ")", count: 500) + "\n")
        let run = try Conch.run(["check", "--isolated", "--select", "CON501", "."], in: folder.path)
        #expect(run.status == 1)
        #expect(run.stdout.contains("500 warnings"))
        let longest = run.stdout.split(separator: "\n").map(\.count).max() ?? 0
        #expect(longest < 400)
    }

    @Test func binaryFilesAndUnreadableFilesAreReportedAndTheRunGoesOn() throws {
        let folder = try Scratch()
        try folder.writeBytes("blob.py", [0x7F, 0x45, 0x4C, 0x46, 0x00, 0x01, 0xFF, 0xFE])
        try folder.write("bad.py", "import os\nos.system(\"ls\")\n")
        let run = try Conch.run(["check", "--isolated", "."], in: folder.path)
        #expect(run.status == 1)
        #expect(run.stdout.contains("blob.py:1:"))
        #expect(run.stdout.contains("CON000"))
        #expect(run.stdout.contains("bad.py:2:1: CON501"))
    }

    @Test func outputIsTheSameWhateverTheNumberOfJobs() throws {
        let one = try Conch.run(["check", "--isolated", "--format", "json", "-j", "1", "testdata"], in: ExternalTools.packageRoot)
        let two = try Conch.run(["check", "--isolated", "--format", "json", "-j", "2", "testdata"], in: ExternalTools.packageRoot)
        let eight = try Conch.run(["check", "--isolated", "--format", "json", "-j", "8", "testdata"], in: ExternalTools.packageRoot)
        #expect(!one.stdout.isEmpty)
        #expect(one.stdout == two.stdout)
        #expect(one.stdout == eight.stdout)
    }

    @Test func rulesListsEveryRuleAsJSON() throws {
        let run = try Conch.run(["rules", "--format", "json"], in: NSTemporaryDirectory())
        let rules = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]]
        let documented = try FileManager.default.contentsOfDirectory(atPath: ExternalTools.packageRoot + "/rules")
            .filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) }.sorted()
        #expect(rules?.compactMap { $0["code"] as? String } == documented)
        #expect(rules?.first?["code"] as? String == "CON101")
    }

    @Test func ruleExplainsFromTheEmbeddedDocumentEvenWhenTheBinaryStandsAlone() throws {
        let folder = try Scratch()
        try FileManager.default.copyItem(atPath: Conch.binary, toPath: folder.path + "/conch")
        let run = try Conch.run(["rule", "CON501"], in: folder.path, binary: folder.path + "/conch")
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("# CON501: legacy-process-spawn"))
        #expect(run.stdout.contains("## Use instead"))
    }

    @Test func explainIsAnotherNameForRule() throws {
        let run = try Conch.run(["explain", "con402"], in: NSTemporaryDirectory())
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("# CON402:"))
    }

    @Test func unknownRuleExitsTwo() throws {
        #expect(try Conch.run(["rule", "CON999"], in: NSTemporaryDirectory()).status == 2)
    }
}
