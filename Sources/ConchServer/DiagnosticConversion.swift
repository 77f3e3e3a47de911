import ConchKit
import ConchRules

/// A Conch diagnostic as an LSP `Diagnostic`.
struct DiagnosticConversion {
    let encoding: PositionEncoding
    let documentationBaseURI: String
    /// The workspace folder (or the file's folder) the diagnostic's paths are relative to.
    let base: String
    /// URIs of open documents by path, so that responses reuse the client's spelling.
    let openURIs: [String: String]

    func lsp(_ diagnostic: Diagnostic) -> JSONValue {
        var fields: [String: JSONValue] = [
            "range": encoding.lspRange(diagnostic.location),
            "severity": .int(Self.severity(diagnostic.severity)),
            "code": .string(diagnostic.code),
            "source": "conch",
            "message": .string(Self.message(diagnostic)),
            "data": data(diagnostic),
        ]
        if RuleCatalog.metadata(for: diagnostic.code) != nil {
            fields["codeDescription"] = ["href": .string(documentationBaseURI + diagnostic.code + ".md")]
        }
        if !diagnostic.related.isEmpty {
            fields["relatedInformation"] = .array(diagnostic.related.map { related in
                ["location": ["uri": .string(uri(for: related.location.path)), "range": encoding.lspRange(related.location)],
                 "message": .string(related.message)]
            })
        }
        return .object(fields)
    }

    func uri(for displayPath: String) -> String {
        let path = FilePaths.absolute(displayPath, relativeTo: base)
        return openURIs[path] ?? DocumentURI.uri(forPath: path)
    }

    static func severity(_ severity: Severity) -> Int {
        switch severity {
        case .error: 1
        case .warning: 2
        case .info: 3
        }
    }

    /// The finding, then the model that fits: the line an editor shows inline.
    static func message(_ diagnostic: Diagnostic) -> String {
        guard let recommendation = diagnostic.recommendation else { return diagnostic.message }
        return diagnostic.message + "\nrecommended: \(recommendation.model.rawValue): \(recommendation.advice)"
    }

    private func data(_ diagnostic: Diagnostic) -> JSONValue {
        var data: [String: JSONValue] = ["fingerprint": .string(diagnostic.fingerprint), "name": .string(diagnostic.name)]
        if let recommendation = diagnostic.recommendation {
            data["model"] = .string(recommendation.model.rawValue)
            data["advice"] = .string(recommendation.advice)
        }
        return .object(data)
    }
}
