import ConchKit

/// `--format sarif`: SARIF 2.1.0 (OASIS errata01) for GitHub code scanning and
/// other SARIF viewers. One run; the driver lists the whole catalog; columns are
/// UTF-16 code units (`run.columnKind`); paths are URI references relative to
/// `%SRCROOT%`, the directory conch ran in.
enum SARIFReporter {
    static let schemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    static let sourceRoot = "%SRCROOT%"
    static let fingerprintKey = "conch/v1"

    static func render(_ input: ReportInput) -> String {
        let descriptors = ruleDescriptors(input)
        var ruleIndex: [String: Int] = [:]
        for (index, descriptor) in descriptors.enumerated() where ruleIndex[descriptor.code] == nil {
            ruleIndex[descriptor.code] = index
        }
        let run = JSONValue.fields(
            ("tool", .fields(("driver", driver(input, descriptors)))),
            ("originalUriBaseIds", .fields(
                (sourceRoot, .fields(("description", message("The directory conch was run in; result paths are relative to it."))))
            )),
            ("results", .array(input.diagnostics.map { result($0, ruleIndex: ruleIndex[$0.code]) })),
            ("columnKind", .string("utf16CodeUnits"))
        )
        let log = JSONValue.fields(
            ("$schema", .string(schemaURI)),
            ("version", .string("2.1.0")),
            ("runs", .array([run]))
        )
        return log.pretty() + "\n"
    }

    /// What SARIF needs of a rule. The catalog comes first, in its order; a code
    /// that fired but is missing from it (the tool's own CON000) is appended,
    /// so every result's `ruleIndex` points at its rule.
    struct Descriptor {
        var code: String
        var name: String
        var severity: Severity
        var summary: String
        var metadata: RuleMetadata?
    }

    static func ruleDescriptors(_ input: ReportInput) -> [Descriptor] {
        var descriptors = input.rules.map {
            Descriptor(code: $0.code, name: $0.name, severity: $0.severity, summary: $0.summary, metadata: $0)
        }
        var known = Set(descriptors.map(\.code))
        for diagnostic in input.diagnostics where !known.contains(diagnostic.code) {
            known.insert(diagnostic.code)
            descriptors.append(Descriptor(
                code: diagnostic.code, name: diagnostic.name, severity: diagnostic.severity,
                summary: diagnostic.name, metadata: nil
            ))
        }
        return descriptors
    }

    private static func driver(_ input: ReportInput, _ descriptors: [Descriptor]) -> JSONValue {
        var fields = [
            JSONField("name", .string("conch")),
            JSONField("version", .string(input.toolVersion)),
        ]
        if !input.toolInformationURI.isEmpty {
            fields.append(JSONField("informationUri", .string(input.toolInformationURI)))
        }
        fields.append(JSONField("rules", .array(descriptors.map { rule($0, input: input) })))
        return .object(fields)
    }

    private static func rule(_ descriptor: Descriptor, input: ReportInput) -> JSONValue {
        var fields = [
            JSONField("id", .string(descriptor.code)),
            JSONField("name", .string(descriptor.name)),
            JSONField("shortDescription", message(descriptor.summary)),
        ]
        // Only catalogued rules have a documentation page to link to.
        let helpURI = descriptor.metadata == nil ? nil : input.documentationURI(for: descriptor.code)
        if let metadata = descriptor.metadata {
            let model = metadata.model.rawValue
            fields.append(JSONField("fullDescription", message(
                "\(metadata.summary) Recommended model: \(model). \"\(metadata.rationale)\""
            )))
            var help = "\(metadata.summary)\n\nRecommended model: \(model).\n\nWhy: \"\(metadata.rationale)\""
            if let helpURI { help += "\n\nSee \(helpURI)" }
            let markdown = metadata.documentation.isEmpty ? help : RuleDocumentation.body(of: metadata.documentation)
            fields.append(JSONField("help", .fields(("text", .string(help)), ("markdown", .string(markdown)))))
        }
        if let helpURI { fields.append(JSONField("helpUri", .string(helpURI))) }
        fields.append(JSONField("defaultConfiguration", .fields(("level", .string(level(descriptor.severity))))))
        var properties: [JSONField] = []
        if let metadata = descriptor.metadata {
            properties.append(JSONField("recommended-model", .string(metadata.model.rawValue)))
        }
        let tags = ["concurrency"] + (descriptor.metadata?.languages.map(\.rawValue) ?? [])
        properties.append(JSONField("tags", .array(tags.map(JSONValue.string))))
        fields.append(JSONField("properties", .object(properties)))
        return .object(fields)
    }

    private static func result(_ diagnostic: Diagnostic, ruleIndex: Int?) -> JSONValue {
        var fields = [JSONField("ruleId", .string(diagnostic.code))]
        if let ruleIndex { fields.append(JSONField("ruleIndex", .int(ruleIndex))) }
        fields.append(JSONField("level", .string(level(diagnostic.severity))))
        fields.append(JSONField("message", message(diagnostic.message)))
        fields.append(JSONField("locations", .array([.fields(("physicalLocation", physicalLocation(diagnostic.location)))])))
        if !diagnostic.related.isEmpty {
            let related = diagnostic.related.enumerated().map { index, related in
                JSONValue.fields(
                    ("id", .int(index)),
                    ("physicalLocation", physicalLocation(related.location)),
                    ("message", message(related.message))
                )
            }
            fields.append(JSONField("relatedLocations", .array(related)))
        }
        if !diagnostic.fingerprint.isEmpty {
            fields.append(JSONField("partialFingerprints", .fields((fingerprintKey, .string(diagnostic.fingerprint)))))
        }
        if let recommendation = diagnostic.recommendation {
            fields.append(JSONField("properties", .fields(
                ("recommended-model", .string(recommendation.model.rawValue)),
                ("advice", .string(recommendation.advice))
            )))
        }
        return .object(fields)
    }

    private static func physicalLocation(_ location: SourceLocation) -> JSONValue {
        .fields(
            ("artifactLocation", artifactLocation(location.path)),
            ("region", .fields(
                ("startLine", .int(location.start.line)),
                ("startColumn", .int(location.start.utf16Column)),
                ("endLine", .int(location.end.line)),
                ("endColumn", .int(location.end.utf16Column))
            ))
        )
    }

    /// A relative path becomes a URI reference under `%SRCROOT%`; an absolute
    /// one a `file://` URI on its own.
    static func artifactLocation(_ path: String) -> JSONValue {
        if path.hasPrefix("/") {
            return .fields(("uri", .string("file://" + URIReference.encodePath(path))))
        }
        var relative = Substring(path)
        while relative.hasPrefix("./") { relative = relative.dropFirst(2) }
        return .fields(
            ("uri", .string(URIReference.encodePath(String(relative)))),
            ("uriBaseId", .string(sourceRoot))
        )
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    private static func message(_ text: String) -> JSONValue {
        .fields(("text", .string(text)))
    }
}

/// RFC 3986 percent-encoding of a file path: `/` separates segments and stays;
/// every byte outside the unreserved set is encoded, `:` included, so the first
/// segment of a relative reference can never read as a scheme.
enum URIReference {
    static func encodePath(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return out
    }
}
