import ConchServer
import Foundation

/// One in-process server with a scratch workspace folder, driven message by message.
final class ServerSession {
    let server = LanguageServer(options: LanguageServer.Options(version: "test"))
    let root: String

    init(files: [String: String] = [:]) throws {
        root = NSTemporaryDirectory() + "conch-server-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        for (path, text) in files { try write(path, text) }
    }

    deinit {
        try? FileManager.default.removeItem(atPath: root)
    }

    func write(_ path: String, _ text: String) throws {
        let full = root + "/" + path
        try FileManager.default.createDirectory(
            atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: full, atomically: true, encoding: .utf8)
    }

    func uri(_ path: String) -> String { "file://" + root + "/" + path }

    @discardableResult
    func send(_ message: JSONValue) -> [JSONValue] {
        server.handle(message.serialized())
    }

    /// The response to a request; nil when the server answered nothing with that id.
    func request(_ id: Int, _ method: String, _ params: JSONValue = .null) -> JSONValue? {
        send(["jsonrpc": "2.0", "id": .int(id), "method": .string(method), "params": params]).first { $0["id"] == .int(id) }
    }

    @discardableResult
    func notify(_ method: String, _ params: JSONValue = .null) -> [JSONValue] {
        send(["jsonrpc": "2.0", "method": .string(method), "params": params])
    }

    /// What the server pushes once the input has been read.
    func idle() -> [JSONValue] { server.lintPending() }

    @discardableResult
    func initialize(capabilities: JSONValue = [:]) -> JSONValue? {
        let response = request(1, "initialize", [
            "processId": .null, "rootUri": .string("file://" + root), "capabilities": capabilities,
            "workspaceFolders": [["uri": .string("file://" + root), "name": "scratch"]],
        ])
        notify("initialized", [:])
        return response
    }

    /// Opens a document and returns the diagnostics published for it.
    func open(_ path: String, _ text: String, languageId: String = "python") -> [JSONValue]? {
        notify("textDocument/didOpen", ["textDocument": [
            "uri": .string(uri(path)), "languageId": .string(languageId), "version": 1, "text": .string(text),
        ]])
        return published(for: path, in: idle())
    }

    func change(_ path: String, _ text: String, version: Int) -> [JSONValue]? {
        notify("textDocument/didChange", [
            "textDocument": ["uri": .string(uri(path)), "version": .int(version)],
            "contentChanges": [["text": .string(text)]],
        ])
        return published(for: path, in: idle())
    }

    func published(for path: String, in messages: [JSONValue]) -> [JSONValue]? {
        messages.last {
            $0["method"]?.string == "textDocument/publishDiagnostics" && $0["params"]?["uri"]?.string == uri(path)
        }?["params"]?["diagnostics"]?.array
    }
}

extension JSONValue {
    /// `{"line": l, "character": c}`.
    static func position(_ line: Int, _ character: Int) -> JSONValue {
        ["line": .int(line), "character": .int(character)]
    }

    static func range(_ startLine: Int, _ startCharacter: Int, _ endLine: Int, _ endCharacter: Int) -> JSONValue {
        ["start": position(startLine, startCharacter), "end": position(endLine, endCharacter)]
    }
}
