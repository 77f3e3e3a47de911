import ConchKit

/// `initialize`, capabilities, workspace folders and configuration changes.
extension LanguageServer {
    static let configurationFiles = ["conch.toml", "pyproject.toml", "compile_commands.json"]

    func initialize(_ params: JSONValue) -> JSONValue {
        clientCapabilities = params["capabilities"] ?? .object([:])
        let offered = clientCapabilities["general"]?["positionEncodings"]?.array?.compactMap(\.string) ?? []
        encoding = offered.contains(PositionEncoding.utf8.rawValue) ? .utf8 : .utf16
        pushesDiagnostics = clientCapabilities["textDocument"]?["diagnostic"] == nil
        var roots: [String] = []
        if let workspaceFolders = params["workspaceFolders"]?.array {
            roots = workspaceFolders.compactMap { $0["uri"]?.string.flatMap(DocumentURI.path(of:)) }
        } else if let rootURI = params["rootUri"]?.string.flatMap(DocumentURI.path(of:)) {
            roots = [rootURI]
        } else if let rootPath = params["rootPath"]?.string {
            roots = [rootPath]
        }
        setFolders(roots)
        phase = .running
        let capabilities: JSONValue = [
            "positionEncoding": .string(encoding.rawValue),
            "textDocumentSync": ["openClose": true, "change": 1, "save": ["includeText": false]],
            "hoverProvider": true,
            "codeActionProvider": ["codeActionKinds": ["quickfix"], "resolveProvider": false],
            "diagnosticProvider": ["identifier": "conch", "interFileDependencies": true, "workspaceDiagnostics": false],
            "workspace": ["workspaceFolders": ["supported": true, "changeNotifications": true]],
        ]
        return ["capabilities": capabilities, "serverInfo": ["name": "conch", "version": .string(options.version)]]
    }

    /// Asks the client to tell us when a configuration file changes, when it can.
    func registerWatchers() {
        guard clientCapabilities["workspace"]?["didChangeWatchedFiles"]?["dynamicRegistration"]?.bool == true else { return }
        let watchers = JSONValue.array(Self.configurationFiles.map { ["globPattern": .string("**/" + $0)] })
        request("client/registerCapability", ["registrations": [[
            "id": "conch-configuration-files", "method": "workspace/didChangeWatchedFiles",
            "registerOptions": ["watchers": watchers],
        ]]])
    }

    func setFolders(_ paths: [String]) {
        folders = Set(paths.map { FilePaths.normalize($0) }).sorted { $0.count > $1.count }
    }

    func workspaceFoldersChanged(_ params: JSONValue) {
        let event = params["event"]
        let removed = Set(event?["removed"]?.array?.compactMap { $0["uri"]?.string.flatMap(DocumentURI.path(of:)) } ?? [])
        let added = event?["added"]?.array?.compactMap { $0["uri"]?.string.flatMap(DocumentURI.path(of:)) } ?? []
        setFolders(folders.filter { !removed.contains($0) } + added)
        configurationChanged()
    }

    /// A settings or configuration-file change: every open document is linted again
    /// (configuration is read afresh by each lint; cached facts may depend on it).
    func configurationChanged() {
        caches.removeAll()
        lastConfigurationError = nil
        for uri in documents.keys { documents[uri]?.needsLint = true }
        if !pushesDiagnostics, clientCapabilities["workspace"]?["diagnostics"]?["refreshSupport"]?.bool == true {
            request("workspace/diagnostic/refresh", .null)
        }
    }

    /// The workspace folder holding `path`, the innermost when they nest.
    func folder(containing path: String) -> String? {
        folders.first { path == $0 || path.hasPrefix($0 == "/" ? "/" : $0 + "/") }
    }
}
