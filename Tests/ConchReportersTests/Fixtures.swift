import ConchKit
import Testing
@testable import ConchReporters

/// Diagnostics built from real `SourceText`s, so positions come from the same
/// code the engine uses. Ranges are found by the text they cover.
enum Fixtures {
    static func location(_ source: SourceText, path: String, _ range: ByteRange) -> ConchKit.SourceLocation {
        ConchKit.SourceLocation(path: path, range: range, start: source.position(of: range.start), end: source.position(of: range.end))
    }

    /// Byte range of the `occurrence`-th (0-based) match of `needle` in `source`.
    static func range(of needle: String, in source: SourceText, occurrence: Int = 0) -> ByteRange {
        let pattern = Array(needle.utf8)
        let bytes = source.bytes
        var seen = 0
        var index = 0
        while index + pattern.count <= bytes.count {
            if Array(bytes[index..<(index + pattern.count)]) == pattern {
                if seen == occurrence { return ByteRange(index, index + pattern.count) }
                seen += 1
            }
            index += 1
        }
        Issue.record("\(needle) not found in fixture source")
        return ByteRange(0, 0)
    }

    static func diagnostic(
        _ source: SourceText, path: String, covering needle: String,
        code: String = "CON101", name: String = "cpu-bound-thread", severity: Severity = .warning,
        message: String,
        recommendation: Recommendation? = Recommendation(model: .process, advice: "use concurrent.futures.ProcessPoolExecutor"),
        rationale: String = "if your code is CPU-bound, you need processes",
        related: [(covering: String, message: String)] = [],
        fingerprint: String = "0123456789abcdef"
    ) -> Diagnostic {
        Diagnostic(
            code: code, name: name, severity: severity,
            location: location(source, path: path, range(of: needle, in: source)),
            message: message, recommendation: recommendation, rationale: rationale,
            related: related.map {
                RelatedLocation(location: location(source, path: path, range(of: $0.covering, in: source)), message: $0.message)
            },
            fingerprint: fingerprint
        )
    }

    // MARK: - The simple case

    static let simplePath = "pkg/render.py"
    static let simpleSource = SourceText("""
        import threading

        def work():
            for i in range(10**7):
                pass

        t = threading.Thread(target=work)

        """)

    static var simpleDiagnostic: Diagnostic {
        diagnostic(
            simpleSource, path: simplePath, covering: "threading.Thread(target=work)",
            message: "thread runs `work`, which is CPU-bound",
            related: [(covering: "for i in range(10**7):", message: "CPU-bound loop")],
            fingerprint: "c0ffee"
        )
    }

    static let catalog: [RuleMetadata] = [
        RuleMetadata(
            code: "CON101", name: "cpu-bound-thread", languages: [.python], severity: .warning, model: .process,
            summary: "An OS thread runs CPU-bound work.", rationale: "if your code is CPU-bound, you need processes",
            documentation: "# CON101 cpu-bound-thread\n\n## What it does\n"
        ),
        RuleMetadata(
            code: "CON205", name: "unguarded-process-start", languages: [.python], severity: .error, model: .process,
            summary: "A process starts at module top level.", rationale: "the spawn start method re-imports the module",
            documentation: "# CON205\n"
        ),
    ]

    static func simpleInput(_ diagnostics: [Diagnostic]? = nil) -> ReportInput {
        ReportInput(
            diagnostics: diagnostics ?? [simpleDiagnostic], rules: catalog, sources: [simplePath: simpleSource],
            filesChecked: 3, toolVersion: "0.1.0"
        )
    }

    // MARK: - Nasty input

    static let nastyPath = "café/naïve 😀, a:b & <c> 100%.py"
    static let nastySource = SourceText("x = 1\n\tv = 'é😀'\t+ threading.Thread(target=f)  # tail\n")
    static let nastyMessage = "thread runs \"f\" at 100% <now> & 'then'\nsecond line"

    static var nastyDiagnostic: Diagnostic {
        diagnostic(
            nastySource, path: nastyPath, covering: "threading.Thread(target=f)",
            message: nastyMessage,
            related: [(covering: "x = 1", message: "a \"global\" <x> & 50%")],
            fingerprint: "f1ng3r"
        )
    }

    static func nastyInput() -> ReportInput {
        ReportInput(
            diagnostics: [nastyDiagnostic], rules: catalog, sources: [nastyPath: nastySource],
            filesChecked: 1, toolVersion: "0.1.0"
        )
    }
}
