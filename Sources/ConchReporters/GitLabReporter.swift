import ConchKit

/// `--format gitlab`: a GitLab Code Quality report (a subset of the Code
/// Climate issue format), shown in merge requests:
///
///     [{"description": "CON101 thread runs …", "check_name": "CON101",
///       "fingerprint": "…", "severity": "minor",
///       "location": {"path": "pkg/render.py", "lines": {"begin": 12, "end": 12}}}]
enum GitLabReporter {
    static func render(_ input: ReportInput) -> String {
        JSONValue.array(input.diagnostics.map(issue)).pretty() + "\n"
    }

    static func issue(_ diagnostic: Diagnostic) -> JSONValue {
        .fields(
            ("description", .string("\(diagnostic.code) \(diagnostic.message)")),
            ("check_name", .string(diagnostic.code)),
            ("fingerprint", .string(diagnostic.fingerprint)),
            ("severity", .string(severity(diagnostic.severity))),
            ("location", .fields(
                ("path", .string(diagnostic.path)),
                ("lines", .fields(
                    ("begin", .int(diagnostic.location.start.line)),
                    ("end", .int(diagnostic.location.end.line))
                ))
            ))
        )
    }

    /// GitLab's scale is info, minor, major, critical, blocker.
    static func severity(_ severity: Severity) -> String {
        switch severity {
        case .info: "info"
        case .warning: "minor"
        case .error: "major"
        }
    }
}
