import ConchKit
import Foundation

/// The protocol state machine, free of I/O: it takes message bodies and returns
/// the messages to send, so tests drive it in-process and `StdioTransport` runs it.
public final class LanguageServer {
    public struct Options: Sendable {
        public var version: String
        /// Where `CONxxx.md` lives on the web: the diagnostic's `codeDescription.href`.
        public var documentationBaseURI: String

        public init(version: String, documentationBaseURI: String = "https://github.com/conch-lint/conch/blob/main/rules/") {
            self.version = version
            self.documentationBaseURI = documentationBaseURI
        }
    }

    enum Phase { case uninitialized, running, shutDown }

    let options: Options
    var phase = Phase.uninitialized
    /// Set by `exit`: 0 after `shutdown`, 1 otherwise.
    public private(set) var exitCode: Int32?
    var encoding = PositionEncoding.utf16
    /// Absolute paths of the workspace folders, longest first.
    var folders: [String] = []
    var documents: [String: OpenDocument] = [:]
    /// False when the client pulls (`textDocument/diagnostic`): pushing too would show everything twice.
    var pushesDiagnostics = true
    var clientCapabilities = JSONValue.object([:])
    var caches: [String: FactsCache] = [:]
    var lastConfigurationError: String?
    private var outbox: [JSONValue] = []
    private var nextRequestNumber = 1

    public init(options: Options) {
        self.options = options
    }

    public var isShutDown: Bool { phase == .shutDown }

    /// Handles one framed message body; returns the messages to send.
    public func handle(_ body: [UInt8]) -> [JSONValue] {
        let message: JSONValue
        do {
            message = try JSONValue.parse(body)
        } catch {
            send(RPC.error(id: .null, code: RPC.parseError, message: "invalid JSON: \(error.localizedDescription)"))
            return takeOutbox()
        }
        dispatch(message)
        return takeOutbox()
    }

    /// Handles what the framing layer produced.
    public func handle(_ event: FrameDecoder.Event) -> [JSONValue] {
        switch event {
        case let .message(body):
            return handle(body)
        case let .badHeader(reason):
            return [RPC.error(id: .null, code: RPC.parseError, message: reason)]
        }
    }

    /// Lints what changed since the last call and returns the diagnostics to push.
    /// The transport calls it when no more input is waiting, so a burst of edits costs one lint.
    public func lintPending() -> [JSONValue] {
        guard phase == .running, pushesDiagnostics else { return takeOutbox() }
        let stale = documents.values.filter { $0.needsLint && $0.isLintable }.map(\.uri)
        if !stale.isEmpty {
            let changed = lint(stale)
            for uri in changed.sorted() { publish(uri) }
        }
        return takeOutbox()
    }

    func send(_ message: JSONValue) {
        outbox.append(message)
    }

    func request(_ method: String, _ params: JSONValue) {
        send(["jsonrpc": "2.0", "id": .string("conch-\(nextRequestNumber)"), "method": .string(method), "params": params])
        nextRequestNumber += 1
    }

    func notify(_ method: String, _ params: JSONValue) {
        send(["jsonrpc": "2.0", "method": .string(method), "params": params])
    }

    func showMessage(_ text: String, type: Int) {
        notify("window/showMessage", ["type": .int(type), "message": .string("conch: " + text)])
    }

    private func takeOutbox() -> [JSONValue] {
        defer { outbox.removeAll() }
        return outbox
    }

    private func dispatch(_ message: JSONValue) {
        guard case .object = message else {
            send(RPC.error(id: .null, code: RPC.invalidRequest, message: "a message must be a JSON object"))
            return
        }
        let id = message["id"]
        guard let method = message["method"]?.string else {
            // A response to one of our requests (a registration): nothing to do.
            if id != nil, message["result"] != nil || message["error"] != nil { return }
            send(RPC.error(id: id ?? .null, code: RPC.invalidRequest, message: "no method"))
            return
        }
        let params = message["params"] ?? .null
        if let id {
            guard RPC.isValidId(id) else {
                send(RPC.error(id: .null, code: RPC.invalidRequest, message: "id must be a string or an integer"))
                return
            }
            handleRequest(id: id, method: method, params: params)
        } else {
            handleNotification(method, params)
        }
    }

    private func handleRequest(id: JSONValue, method: String, params: JSONValue) {
        switch phase {
        case .uninitialized where method != "initialize":
            send(RPC.error(id: id, code: RPC.serverNotInitialized, message: "initialize first"))
            return
        case .running where method == "initialize":
            send(RPC.error(id: id, code: RPC.invalidRequest, message: "already initialized"))
            return
        case .shutDown:
            send(RPC.error(id: id, code: RPC.invalidRequest, message: "the server is shutting down"))
            return
        default:
            break
        }
        let result: Result<JSONValue, RPC.Failure>
        switch method {
        case "initialize": result = .success(initialize(params))
        case "shutdown":
            phase = .shutDown
            result = .success(.null)
        case "textDocument/hover": result = hover(params)
        case "textDocument/codeAction": result = codeActions(params)
        case "textDocument/diagnostic": result = pullDiagnostics(params)
        default: result = .failure(RPC.Failure(code: RPC.methodNotFound, message: "unknown method \(method)"))
        }
        switch result {
        case let .success(value): send(RPC.response(id: id, result: value))
        case let .failure(failure): send(RPC.error(id: id, code: failure.code, message: failure.message))
        }
    }

    private func handleNotification(_ method: String, _ params: JSONValue) {
        if method == "exit" {
            exitCode = phase == .shutDown ? 0 : 1
            return
        }
        guard phase == .running else { return }
        switch method {
        case "initialized": registerWatchers()
        case "textDocument/didOpen": didOpen(params)
        case "textDocument/didChange": didChange(params)
        case "textDocument/didSave": didSave(params)
        case "textDocument/didClose": didClose(params)
        case "workspace/didChangeConfiguration", "workspace/didChangeWatchedFiles": configurationChanged()
        case "workspace/didChangeWorkspaceFolders": workspaceFoldersChanged(params)
        default: break // `$/cancelRequest`, `$/setTrace` and unknown notifications are ignored.
        }
    }
}
