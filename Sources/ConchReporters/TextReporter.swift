import ConchKit

/// The default format, in the manner of ruff:
///
///     pkg/render.py:12:5: CON101 thread runs `mandelbrot_row`, which is CPU-bound
///        |
///     12 |     t = threading.Thread(target=mandelbrot_row)
///        |         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
///        |
///        = model: process: use concurrent.futures.ProcessPoolExecutor
///        = note: pkg/render.py:7:5: CPU-bound loop
///
///     Found 1 problem (1 warning).
enum TextReporter {
    static func render(_ input: ReportInput) -> String {
        let style = TextStyle(enabled: input.color)
        var blocks = RepeatedToolNotes.collapse(input.diagnostics).map { shown in
            block(for: shown.diagnostic, alsoIn: shown.alsoIn, input: input, style: style)
        }
        if input.statistics, !input.diagnostics.isEmpty {
            blocks.append(statisticsTable(input.diagnostics))
        }
        if input.showSummary { blocks.append(summary(input)) }
        return blocks.joined(separator: "\n")
    }

    private static func block(for diagnostic: Diagnostic, alsoIn others: [String], input: ReportInput, style: TextStyle) -> String {
        let start = diagnostic.location.start
        var lines = [
            style.bold("\(printable(diagnostic.path)):\(start.line):\(start.column):")
                + " " + style.severity(diagnostic.severity, diagnostic.code)
                + " " + printable(diagnostic.message),
        ]
        var notePad = "  "
        if let source = input.sources[diagnostic.path],
           let snippet = SourceSnippet(source: source, range: diagnostic.location.range) {
            let number = String(snippet.line)
            let gutter = String(repeating: " ", count: number.count + 1) + "|"
            notePad = String(repeating: " ", count: number.count + 1)
            lines.append(gutter)
            lines.append("\(number) | \(snippet.text)")
            let carets = String(repeating: "^", count: snippet.caretCount)
            lines.append(gutter + " " + String(repeating: " ", count: snippet.caretStart) + style.cyan(carets))
            lines.append(gutter)
        }
        if let recommendation = diagnostic.recommendation {
            lines.append("\(notePad)= model: \(recommendation.model.rawValue): \(printable(recommendation.advice))")
        }
        if input.showRationale, !diagnostic.rationale.isEmpty {
            lines.append("\(notePad)= why: \"\(printable(diagnostic.rationale))\"")
        }
        for related in diagnostic.related {
            let at = related.location.start
            lines.append("\(notePad)= note: \(printable(related.location.path)):\(at.line):\(at.column): \(printable(related.message))")
        }
        if !others.isEmpty {
            lines.append("\(notePad)= note: the same in \(RepeatedToolNotes.describe(others.map(printable))) (`--format json` lists each)")
        }
        return lines.map { $0 + "\n" }.joined()
    }

    /// `Found 3 problems (1 error, 2 warnings).`, or the all-clear line.
    static func summary(_ input: ReportInput) -> String {
        let diagnostics = input.diagnostics
        guard !diagnostics.isEmpty else {
            return "All checked: no problems found in \(counted(input.filesChecked, "file", "files")).\n"
        }
        let parts: [String] = [(Severity.error, "error", "errors"), (.warning, "warning", "warnings"), (.info, "info", "info")]
            .compactMap { severity, singular, plural in
                let count = diagnostics.filter { $0.severity == severity }.count
                return count == 0 ? nil : counted(count, singular, plural)
            }
        return "Found \(counted(diagnostics.count, "problem", "problems")) (\(parts.joined(separator: ", "))).\n"
    }

    /// Counts per code, most frequent first, then by code:
    ///
    ///     2  CON101  cpu-bound-thread
    ///     1  CON205  unguarded-process-start
    static func statisticsTable(_ diagnostics: [Diagnostic]) -> String {
        var counts: [String: (name: String, count: Int)] = [:]
        for diagnostic in diagnostics {
            counts[diagnostic.code, default: (diagnostic.name, 0)].count += 1
        }
        let rows = counts.sorted { lhs, rhs in
            lhs.value.count != rhs.value.count ? lhs.value.count > rhs.value.count : lhs.key < rhs.key
        }
        let countWidth = rows.map { String($0.value.count).count }.max() ?? 1
        let codeWidth = rows.map { $0.key.count }.max() ?? 0
        return rows.map { code, entry in
            let count = String(entry.count)
            return String(repeating: " ", count: countWidth - count.count) + count
                + "  " + code + String(repeating: " ", count: codeWidth - code.count)
                + "  " + entry.name + "\n"
        }.joined()
    }

    private static func counted(_ count: Int, _ singular: String, _ plural: String) -> String {
        "\(count) \(count == 1 ? singular : plural)"
    }

    /// Control characters other than newline and tab shown as control pictures,
    /// so a path or message cannot send escape sequences to the terminal.
    static func printable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 != "\n" && $0 != "\t" && SourceSnippet.controlPicture($0) != nil }) else {
            return text
        }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar != "\n", scalar != "\t", let picture = SourceSnippet.controlPicture(scalar) {
                out.append(contentsOf: picture.unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }
}

/// ANSI styling that vanishes when colour is off.
struct TextStyle {
    var enabled: Bool

    func bold(_ text: String) -> String { wrap(text, "1") }
    func cyan(_ text: String) -> String { wrap(text, "36") }

    func severity(_ severity: Severity, _ text: String) -> String {
        switch severity {
        case .error: wrap(text, "1;31")
        case .warning: wrap(text, "1;33")
        case .info: wrap(text, "1;34")
        }
    }

    private func wrap(_ text: String, _ code: String) -> String {
        enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
