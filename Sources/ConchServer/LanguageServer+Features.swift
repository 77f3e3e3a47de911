import ConchKit
import ConchRules
import Foundation

/// Publishing and pulling diagnostics, hover, code actions.
extension LanguageServer {
    func publish(_ uri: String) {
        guard let document = documents[uri] else { return }
        notify("textDocument/publishDiagnostics", [
            "uri": .string(uri), "version": .int(document.version),
            "diagnostics": .array(document.diagnostics.map(conversion(for: document.path).lsp)),
        ])
    }

    func conversion(for path: String?) -> DiagnosticConversion {
        let base = path.map { folder(containing: $0) ?? ($0 as NSString).deletingLastPathComponent } ?? "/"
        var openURIs: [String: String] = [:]
        for document in documents.values { if let path = document.path { openURIs[path] = document.uri } }
        return DiagnosticConversion(
            encoding: encoding, documentationBaseURI: options.documentationBaseURI, base: base, openURIs: openURIs)
    }

    /// `textDocument/diagnostic`: a full report. A document that is not open is read from disk.
    func pullDiagnostics(_ params: JSONValue) -> Result<JSONValue, RPC.Failure> {
        guard let uri = params["textDocument"]?["uri"]?.string else { return .failure(.invalidParams("no textDocument.uri")) }
        let diagnostics: [Diagnostic]
        let path: String?
        if let document = documents[uri] {
            if document.needsLint, document.isLintable { lint([uri]) }
            diagnostics = documents[uri]?.diagnostics ?? []
            path = document.path
        } else if let diskPath = DocumentURI.path(of: uri), FileManager.default.fileExists(atPath: diskPath) {
            diagnostics = diagnosticsOnDisk(path: diskPath)
            path = diskPath
        } else {
            diagnostics = []
            path = nil
        }
        return .success(["kind": "full", "items": .array(diagnostics.map(conversion(for: path).lsp))])
    }

    /// Hover on a diagnosed range: the finding, the model, and the rule's explanation.
    func hover(_ params: JSONValue) -> Result<JSONValue, RPC.Failure> {
        guard let uri = params["textDocument"]?["uri"]?.string, let position = ClientPosition(params["position"]) else {
            return .failure(.invalidParams("hover needs textDocument.uri and position"))
        }
        guard let document = documents[uri] else { return .success(.null) }
        if document.needsLint, document.isLintable { lint([uri]) }
        let hits = (documents[uri]?.diagnostics ?? []).filter {
            ClientPosition($0.location.start, encoding) <= position && position <= ClientPosition($0.location.end, encoding)
        }
        guard let first = hits.first else { return .success(.null) }
        let markdown = hits.map { HoverText.markdown(for: $0, documentationBaseURI: options.documentationBaseURI) }
            .joined(separator: "\n\n---\n\n")
        return .success(["contents": ["kind": "markdown", "value": .string(markdown)], "range": encoding.lspRange(first.location)])
    }

    /// Quick fixes that silence a diagnostic with an inline `conch: ignore[CODE]`.
    func codeActions(_ params: JSONValue) -> Result<JSONValue, RPC.Failure> {
        guard let uri = params["textDocument"]?["uri"]?.string, let range = params["range"],
              let start = ClientPosition(range["start"]), let end = ClientPosition(range["end"]) else {
            return .failure(.invalidParams("codeAction needs textDocument.uri and range"))
        }
        if let only = params["context"]?["only"]?.array?.compactMap(\.string),
           !only.contains(where: { $0 == "quickfix" || $0.isEmpty }) {
            return .success([])
        }
        guard let document = documents[uri] else { return .success([]) }
        if document.needsLint, document.isLintable { lint([uri]) }
        guard let current = documents[uri] else { return .success([]) }
        let conversion = conversion(for: current.path)
        var actions: [JSONValue] = []
        var seen = Set<String>()
        for diagnostic in current.diagnostics where diagnostic.code != AnalysisProblem.code {
            let from = ClientPosition(diagnostic.location.start, encoding)
            let to = ClientPosition(diagnostic.location.end, encoding)
            // The requested range touches the diagnostic, or the cursor is on one of its lines.
            guard (from <= end && start <= to) || (from.line...to.line).contains(start.line) else { continue }
            guard let edit = Suppression.edit(for: diagnostic, in: current, encoding: encoding),
                  seen.insert("\(diagnostic.code):\(edit.line)").inserted else { continue }
            actions.append([
                "title": .string("Suppress \(diagnostic.code) on this line"),
                "kind": "quickfix",
                "diagnostics": [conversion.lsp(diagnostic)],
                "edit": ["changes": [uri: [edit.json]]],
            ])
        }
        return .success(.array(actions))
    }
}
