import ConchKit

/// `--format gcc`: one line per finding as GCC prints it, which vim's quickfix
/// (`errorformat` default) and Emacs compile-mode read without configuration:
///
///     pkg/render.py:12:5: warning: thread runs `mandelbrot_row`, which is CPU-bound [CON101]
///     pkg/render.py:7:5: note: CPU-bound loop
///
/// The evidence follows as `note:` lines, as GCC does. Line breaks inside a
/// message become spaces: each finding must stay on one line.
enum GCCReporter {
    static func render(_ input: ReportInput) -> String {
        var out = ""
        for diagnostic in input.diagnostics {
            let start = diagnostic.location.start
            out += "\(oneLine(diagnostic.path)):\(start.line):\(start.column): \(kind(diagnostic.severity)): "
                + "\(oneLine(diagnostic.message)) [\(diagnostic.code)]\n"
            for related in diagnostic.related {
                let at = related.location.start
                out += "\(oneLine(related.location.path)):\(at.line):\(at.column): note: \(oneLine(related.message))\n"
            }
        }
        return out
    }

    static func kind(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    static func oneLine(_ text: String) -> String {
        var out = ""
        var lastWasBreak = false
        for scalar in text.unicodeScalars {
            if scalar == "\n" || scalar == "\r" {
                if !lastWasBreak { out += " " }
                lastWasBreak = true
            } else {
                out.unicodeScalars.append(scalar)
                lastWasBreak = false
            }
        }
        return out
    }
}
