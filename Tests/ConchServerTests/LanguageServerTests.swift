import ConchServer
import Foundation
import Testing

@Suite struct LanguageServerTests {
    static let emojiLine = "s = \"🐍🐍\"; os.system(s)"
    static let source = "import os\n" + emojiLine + "\n"

    @Test func initializeAdvertisesCapabilitiesAndDefaultsToUTF16() throws {
        let session = try ServerSession()
        let result = session.initialize()?["result"]
        let capabilities = result?["capabilities"]
        #expect(capabilities?["positionEncoding"] == "utf-16")
        #expect(capabilities?["textDocumentSync"]?["change"] == 1)
        #expect(capabilities?["hoverProvider"] == true)
        #expect(capabilities?["codeActionProvider"]?["codeActionKinds"] == ["quickfix"])
        #expect(capabilities?["diagnosticProvider"]?["interFileDependencies"] == true)
        #expect(result?["serverInfo"]?["name"] == "conch")
    }

    @Test func utf8IsChosenWhenTheClientOffersIt() throws {
        let session = try ServerSession()
        let result = session.initialize(capabilities: ["general": ["positionEncodings": ["utf-16", "utf-8"]]])?["result"]
        #expect(result?["capabilities"]?["positionEncoding"] == "utf-8")
        let diagnostics = try #require(session.open("app.py", Self.source))
        // `s = "🐍🐍"; ` is 16 bytes.
        #expect(diagnostics.first?["range"] == .range(1, 16, 1, 28))
    }

    @Test func didOpenPublishesDiagnosticsWithUTF16Ranges() throws {
        let session = try ServerSession()
        session.initialize()
        let diagnostics = try #require(session.open("app.py", Self.source))
        #expect(diagnostics.count == 1)
        let diagnostic = try #require(diagnostics.first)
        // Each emoji is two UTF-16 code units: `s = "🐍🐍"; ` is 12 units.
        #expect(diagnostic["range"] == .range(1, 12, 1, 24))
        #expect(diagnostic["code"] == "CON501")
        #expect(diagnostic["source"] == "conch")
        #expect(diagnostic["severity"] == 2)
        #expect(diagnostic["codeDescription"]?["href"]?.string?.hasSuffix("rules/CON501.md") == true)
        #expect(diagnostic["data"]?["fingerprint"]?.string?.isEmpty == false)
        #expect(diagnostic["message"]?.string?.contains("subprocess") == true)
    }

    @Test func changeRelintsAndCloseClears() throws {
        let session = try ServerSession()
        session.initialize()
        #expect(session.open("app.py", "import os\n")?.isEmpty == true)
        #expect(session.change("app.py", Self.source, version: 2)?.count == 1)
        let messages = session.notify("textDocument/didClose", ["textDocument": ["uri": .string(session.uri("app.py"))]])
        #expect(session.published(for: "app.py", in: messages)?.isEmpty == true)
    }

    @Test func aChangePublishesOnlyTheDocumentsWhoseDiagnosticsChanged() throws {
        let session = try ServerSession()
        session.initialize()
        #expect(session.open("a.py", Self.source)?.count == 1)
        #expect(session.open("b.py", Self.source)?.count == 1)
        session.notify("textDocument/didChange", [
            "textDocument": ["uri": .string(session.uri("a.py")), "version": 2], "contentChanges": [["text": "import os\n"]],
        ])
        let messages = session.idle()
        #expect(session.published(for: "a.py", in: messages)?.isEmpty == true)
        #expect(session.published(for: "b.py", in: messages) == nil)
    }

    @Test func unsavedBufferReplacesTheFileOnDisk() throws {
        let session = try ServerSession(files: ["app.py": "import os\nos.system('ls')\n"])
        session.initialize()
        #expect(session.open("app.py", "import os\n")?.isEmpty == true)
    }

    @Test func hoverOnADiagnosedRangeExplainsTheRule() throws {
        let session = try ServerSession()
        session.initialize()
        _ = session.open("app.py", Self.source)
        let params: JSONValue = ["textDocument": ["uri": .string(session.uri("app.py"))], "position": .position(1, 14)]
        let result = try #require(session.request(2, "textDocument/hover", params)?["result"])
        #expect(result["contents"]?["kind"] == "markdown")
        let markdown = result["contents"]?["value"]?.string ?? ""
        #expect(markdown.contains("CON501 legacy-process-spawn"))
        #expect(markdown.contains("### What it does"))
        #expect(markdown.contains("### Why it matters"))
        #expect(markdown.contains("**Recommended model:** `subprocess`"))
        #expect(!markdown.contains("severity: warning"), "front matter stays out")
        #expect(result["range"] == .range(1, 12, 1, 24))
        let elsewhere: JSONValue = ["textDocument": ["uri": .string(session.uri("app.py"))], "position": .position(0, 2)]
        #expect(session.request(3, "textDocument/hover", elsewhere)?["result"] == .null)
    }

    @Test func codeActionAppendsASuppressionAtTheEndOfTheLine() throws {
        let session = try ServerSession()
        session.initialize()
        _ = session.open("app.py", Self.source)
        let params: JSONValue = [
            "textDocument": ["uri": .string(session.uri("app.py"))], "range": .range(1, 0, 1, 0), "context": ["diagnostics": []],
        ]
        let actions = try #require(session.request(2, "textDocument/codeAction", params)?["result"]?.array)
        #expect(actions.count == 1)
        #expect(actions.first?["kind"] == "quickfix")
        let edits = actions.first?["edit"]?["changes"]?[session.uri("app.py")]?.array
        #expect(edits == [["range": .range(1, 24, 1, 24), "newText": " # conch: ignore[CON501]"]])
    }

    @Test func codeActionExtendsAnExistingIgnoreList() throws {
        let session = try ServerSession()
        session.initialize()
        _ = session.open("app.py", "import os\nos.system('ls')  # conch: ignore[CON101]\n")
        let params: JSONValue = [
            "textDocument": ["uri": .string(session.uri("app.py"))], "range": .range(1, 3, 1, 3), "context": ["diagnostics": []],
        ]
        let actions = try #require(session.request(2, "textDocument/codeAction", params)?["result"]?.array)
        let edits = actions.first?["edit"]?["changes"]?[session.uri("app.py")]?.array
        #expect(edits == [["range": .range(1, 39, 1, 39), "newText": ", CON501"]])
    }

    @Test func codeActionInCUsesASlashComment() throws {
        let session = try ServerSession()
        session.initialize()
        let text = "#include <stdlib.h>\nint main(void) { return system(\"ls\"); }\n"
        let diagnostics = try #require(session.open("tool.c", text, languageId: "c"))
        // Without libclang the file gets CON000, which has no suppression fix.
        guard diagnostics.contains(where: { $0["code"] == "CON501" }) else { return }
        let params: JSONValue = [
            "textDocument": ["uri": .string(session.uri("tool.c"))], "range": .range(1, 0, 1, 0), "context": ["diagnostics": []],
        ]
        let actions = try #require(session.request(2, "textDocument/codeAction", params)?["result"]?.array)
        let edit = actions.first?["edit"]?["changes"]?[session.uri("tool.c")]?.array?.first
        #expect(edit?["newText"] == " // conch: ignore[CON501]")
    }

    @Test func pullDiagnosticsReturnsAFullReport() throws {
        let session = try ServerSession(files: ["disk.py": "import os\nos.popen('ls')\n"])
        session.initialize(capabilities: ["textDocument": ["diagnostic": ["dynamicRegistration": false]]])
        session.notify("textDocument/didOpen", ["textDocument": [
            "uri": .string(session.uri("app.py")), "languageId": "python", "version": 1, "text": .string(Self.source),
        ]])
        #expect(session.idle().isEmpty, "a pulling client gets no pushed diagnostics")
        let report = session.request(2, "textDocument/diagnostic", ["textDocument": ["uri": .string(session.uri("app.py"))]])?["result"]
        #expect(report?["kind"] == "full")
        #expect(report?["items"]?.array?.count == 1)
        let onDisk = session.request(3, "textDocument/diagnostic", ["textDocument": ["uri": .string(session.uri("disk.py"))]])?["result"]
        #expect(onDisk?["items"]?.array?.first?["code"] == "CON501")
    }

    @Test func configurationChangeRelintsOpenDocuments() throws {
        let session = try ServerSession()
        session.initialize()
        #expect(session.open("app.py", Self.source)?.count == 1)
        try session.write("conch.toml", "ignore = [\"CON501\"]\n")
        session.notify("workspace/didChangeWatchedFiles", ["changes": [["uri": .string(session.uri("conch.toml")), "type": 1]]])
        #expect(session.published(for: "app.py", in: session.idle())?.isEmpty == true)
        try session.write("conch.toml", "ignore = []\n")
        session.notify("workspace/didChangeConfiguration", ["settings": [:]])
        #expect(session.published(for: "app.py", in: session.idle())?.count == 1)
    }

    @Test func brokenConfigurationIsShownNotFatal() throws {
        let session = try ServerSession(files: ["conch.toml": "select = [\"NOPE\"]\n"])
        session.initialize()
        session.notify("textDocument/didOpen", ["textDocument": [
            "uri": .string(session.uri("app.py")), "languageId": "python", "version": 1, "text": .string(Self.source),
        ]])
        let messages = session.idle()
        #expect(messages.contains { $0["method"] == "window/showMessage" })
        #expect(session.published(for: "app.py", in: messages)?.isEmpty == true)
    }
}
