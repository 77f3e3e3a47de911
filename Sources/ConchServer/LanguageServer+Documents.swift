import ConchKit

/// The text synchronisation notifications.
extension LanguageServer {
    func didOpen(_ params: JSONValue) {
        guard let item = params["textDocument"], let uri = item["uri"]?.string, let text = item["text"]?.string else { return }
        documents[uri] = OpenDocument(
            uri: uri, path: DocumentURI.path(of: uri), languageId: item["languageId"]?.string ?? "",
            version: item["version"]?.int ?? 0, text: SourceText(text))
    }

    func didChange(_ params: JSONValue) {
        guard let uri = params["textDocument"]?["uri"]?.string, documents[uri] != nil else { return }
        documents[uri]?.apply(params["contentChanges"]?.array ?? [], encoding: encoding)
        if let version = params["textDocument"]?["version"]?.int { documents[uri]?.version = version }
        markFolderStale(of: uri)
    }

    /// Saving changes what other files see on disk; a saved C header may change
    /// the facts of every C file including it, so those are analysed afresh.
    func didSave(_ params: JSONValue) {
        guard let uri = params["textDocument"]?["uri"]?.string else { return }
        if let path = DocumentURI.path(of: uri), path.hasSuffix(".h") || path.hasSuffix(".c") {
            caches[folder(containing: path) ?? ""] = nil
        }
        markFolderStale(of: uri)
        if let path = DocumentURI.path(of: uri), Self.configurationFiles.contains(where: { path.hasSuffix("/" + $0) }) {
            configurationChanged()
        }
    }

    func didClose(_ params: JSONValue) {
        guard let uri = params["textDocument"]?["uri"]?.string, let closed = documents.removeValue(forKey: uri) else { return }
        // The other documents of the folder saw the closed buffer; now they see the disk.
        if let path = closed.path, let folder = folder(containing: path) {
            for (other, document) in documents where document.path.flatMap(self.folder(containing:)) == folder {
                documents[other]?.needsLint = true
            }
        }
        if pushesDiagnostics {
            notify("textDocument/publishDiagnostics", ["uri": .string(uri), "diagnostics": []])
        }
    }

    /// One document changed: those sharing its workspace folder may see it (a thread
    /// target imported from it). A push lints the whole folder and publishes what
    /// changed anyway; a pulling client asks for each again, so each is marked.
    private func markFolderStale(of uri: String) {
        documents[uri]?.needsLint = true
        guard !pushesDiagnostics, let path = documents[uri]?.path, let folder = folder(containing: path) else { return }
        for (other, document) in documents where document.path.flatMap(self.folder(containing:)) == folder {
            documents[other]?.needsLint = true
        }
    }
}
