import ConchServer
import Foundation
import Testing

@Suite struct ProtocolErrorTests {
    @Test func malformedJSONIsAParseError() throws {
        let session = try ServerSession()
        let replies = session.server.handle(Array("{\"jsonrpc\": \"2.0\", \"id\": 1, ".utf8))
        #expect(replies.count == 1)
        #expect(replies.first?["error"]?["code"] == -32700)
        #expect(replies.first?["id"] == .null)
        #expect(session.initialize()?["result"] != nil, "the server goes on")
    }

    @Test func badHeaderIsAParseError() throws {
        let session = try ServerSession()
        let replies = session.server.handle(FrameDecoder.Event.badHeader("missing Content-Length"))
        #expect(replies.first?["error"]?["code"] == -32700)
    }

    @Test func messagesThatAreNotRequestsAreInvalid() throws {
        let session = try ServerSession()
        session.initialize()
        #expect(session.send([1, 2])[0]["error"]?["code"] == -32600)
        #expect(session.send(["jsonrpc": "2.0", "id": 7])[0]["error"]?["code"] == -32600)
        #expect(session.send(["jsonrpc": "2.0", "id": [1], "method": "shutdown"])[0]["error"]?["code"] == -32600)
    }

    @Test func unknownRequestIsMethodNotFoundAndUnknownNotificationIsIgnored() throws {
        let session = try ServerSession()
        session.initialize()
        let reply = session.request(2, "textDocument/rename", ["textDocument": ["uri": "file:///x.py"]])
        #expect(reply?["error"]?["code"] == -32601)
        #expect(reply?["id"] == 2)
        #expect(session.notify("$/somethingNew", [:]).isEmpty)
    }

    @Test func requestBeforeInitializeIsRefused() throws {
        let session = try ServerSession()
        #expect(session.request(1, "textDocument/hover", [:])?["error"]?["code"] == -32002)
    }

    @Test func requestsForUnknownDocumentsGetEmptyResults() throws {
        let session = try ServerSession()
        session.initialize()
        let document: JSONValue = ["uri": .string(session.uri("missing.py"))]
        #expect(session.request(2, "textDocument/hover", ["textDocument": document, "position": .position(0, 0)])?["result"] == .null)
        let actions = session.request(3, "textDocument/codeAction", [
            "textDocument": document, "range": .range(0, 0, 0, 0), "context": ["diagnostics": []],
        ])
        #expect(actions?["result"] == [])
        let report = session.request(4, "textDocument/diagnostic", ["textDocument": document])?["result"]
        #expect(report?["items"] == [])
        #expect(session.request(5, "textDocument/hover", [:])?["error"]?["code"] == -32602)
        session.notify("textDocument/didChange", ["textDocument": document, "contentChanges": [["text": "x"]]])
        #expect(session.idle().isEmpty)
    }

    @Test func exitAfterShutdownIsZero() throws {
        let session = try ServerSession()
        session.initialize()
        #expect(session.request(2, "shutdown")?["result"] == .null)
        #expect(session.request(3, "textDocument/hover", [:])?["error"]?["code"] == -32600)
        session.notify("exit")
        #expect(session.server.exitCode == 0)
    }

    @Test func exitWithoutShutdownIsOne() throws {
        let session = try ServerSession()
        session.initialize()
        session.notify("exit")
        #expect(session.server.exitCode == 1)
    }
}
