/// JSON-RPC 2.0 envelopes and the error codes LSP uses.
enum RPC {
    static let parseError = -32700
    static let invalidRequest = -32600
    static let methodNotFound = -32601
    static let invalidParams = -32602
    static let internalError = -32603
    static let serverNotInitialized = -32002

    struct Failure: Error {
        var code: Int
        var message: String

        static func invalidParams(_ message: String) -> Failure {
            Failure(code: RPC.invalidParams, message: message)
        }
    }

    static func response(id: JSONValue, result: JSONValue) -> JSONValue {
        ["jsonrpc": "2.0", "id": id, "result": result]
    }

    static func error(id: JSONValue, code: Int, message: String) -> JSONValue {
        ["jsonrpc": "2.0", "id": id, "error": ["code": .int(code), "message": .string(message)]]
    }

    static func isValidId(_ id: JSONValue) -> Bool {
        switch id {
        case .string, .int: true
        default: false
        }
    }
}
