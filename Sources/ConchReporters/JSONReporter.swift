import ConchKit

/// `--format json` (one pretty array) and `--format jsonl` (one compact object
/// per line), in the shape of DESIGN.md's "JSON output". Columns are Unicode scalars.
enum JSONReporter {
    static func render(_ input: ReportInput) -> String {
        JSONValue.array(input.diagnostics.map(object)).pretty() + "\n"
    }

    static func renderLines(_ input: ReportInput) -> String {
        input.diagnostics.map { object($0).compact() + "\n" }.joined()
    }

    static func object(_ diagnostic: Diagnostic) -> JSONValue {
        .fields(
            ("code", .string(diagnostic.code)),
            ("name", .string(diagnostic.name)),
            ("severity", .string(diagnostic.severity.rawValue)),
            ("path", .string(diagnostic.path)),
            ("range", range(diagnostic.location)),
            ("message", .string(diagnostic.message)),
            ("recommendation", diagnostic.recommendation.map(recommendation) ?? .null),
            ("rationale", .string(diagnostic.rationale)),
            ("related", .array(diagnostic.related.map(related))),
            ("fingerprint", .string(diagnostic.fingerprint))
        )
    }

    private static func range(_ location: SourceLocation) -> JSONValue {
        .fields(("start", position(location.start)), ("end", position(location.end)))
    }

    private static func position(_ position: SourcePosition) -> JSONValue {
        .fields(("line", .int(position.line)), ("column", .int(position.column)))
    }

    private static func recommendation(_ recommendation: Recommendation) -> JSONValue {
        .fields(("model", .string(recommendation.model.rawValue)), ("advice", .string(recommendation.advice)))
    }

    private static func related(_ related: RelatedLocation) -> JSONValue {
        .fields(
            ("path", .string(related.location.path)),
            ("range", range(related.location)),
            ("message", .string(related.message))
        )
    }
}
