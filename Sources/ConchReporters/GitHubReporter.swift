import ConchKit

/// `--format github`: GitHub Actions workflow commands, which the runner turns
/// into annotations on the pull request:
///
///     ::warning file=pkg/render.py,line=12,col=5,endLine=12,endColumn=48,title=CON101 cpu-bound-thread::thread runs …
///
/// `col`/`endColumn` are sent only for a single-line range: GitHub accepts
/// columns only when the start and end lines agree.
enum GitHubReporter {
    static func render(_ input: ReportInput) -> String {
        input.diagnostics.map(command).joined()
    }

    static func command(_ diagnostic: Diagnostic) -> String {
        let start = diagnostic.location.start
        let end = diagnostic.location.end
        var properties = [("file", diagnostic.path), ("line", String(start.line))]
        if start.line == end.line {
            properties.append(("col", String(start.column)))
            properties.append(("endLine", String(end.line)))
            properties.append(("endColumn", String(end.column)))
        } else {
            properties.append(("endLine", String(end.line)))
        }
        properties.append(("title", "\(diagnostic.code) \(diagnostic.name)"))
        var message = diagnostic.message
        if let recommendation = diagnostic.recommendation {
            message += "\nmodel: \(recommendation.model.rawValue): \(recommendation.advice)"
        }
        let renderedProperties = properties.map { "\($0.0)=\(escapeProperty($0.1))" }.joined(separator: ",")
        return "::\(command(for: diagnostic.severity)) \(renderedProperties)::\(escapeData(message))\n"
    }

    private static func command(for severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "notice"
        }
    }

    /// The message part: `%`, CR and LF, as the runner's toolkit encodes them.
    static func escapeData(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A property value: the data escapes plus the separators `:` and `,`.
    static func escapeProperty(_ text: String) -> String {
        var out = ""
        for scalar in escapeData(text).unicodeScalars {
            switch scalar {
            case ":": out += "%3A"
            case ",": out += "%2C"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
