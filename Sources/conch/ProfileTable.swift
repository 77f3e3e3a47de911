import ConchKit

/// `conch check --profile`: where the run's time went, as a table on stderr, so
/// a team can see which phase or rule a slow run spends its time in.
enum ProfileTable {
    static func render(_ timings: LintTimings, files: Int, jobs: Int) -> String {
        var lines = ["time by phase (\(counted(files, "file")), \(counted(jobs, "job"))):"]
        func row(_ label: String, _ time: Duration, _ note: String = "") {
            let padded = label.padding(toLength: 16, withPad: " ", startingAt: 0)
            lines.append("  \(padded)\(seconds(time))" + (note.isEmpty ? "" : "  \(note)"))
        }
        row("discovery", timings.discovery)
        row("facts", timings.facts, "read, decode and analyse each file, in parallel")
        row("project model", timings.model, "function index and callee table")
        row("rules", timings.rules, "side by side; a rule's time includes waiting for an analysis another rule computes")
        for (code, time) in timings.perRule.sorted(by: { ($1.time, $0.code) < ($0.time, $1.code) }) { row("  " + code, time) }
        row("findings", timings.findings, "suppressions, baseline, sorting")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func counted(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)" + (count == 1 ? "" : "s")
    }

    private static func seconds(_ time: Duration) -> String {
        let value = Double(time.components.seconds) + Double(time.components.attoseconds) / 1e18
        let text = String(format: "%.3f s", value)
        return String(repeating: " ", count: max(0, 9 - text.count)) + text
    }
}
