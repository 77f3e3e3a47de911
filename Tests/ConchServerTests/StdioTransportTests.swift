import ConchServer
import Foundation
import Testing

/// The transport over real pipes: bytes in arbitrary pieces, exit status from `exit`.
@Suite struct StdioTransportTests {
    private final class Outcome: @unchecked Sendable {
        var status: Int32 = -1
    }

    /// Feeds `input` through a pipe in small pieces and returns what the server wrote and its status.
    private static func serve(_ input: [UInt8]) -> (output: [UInt8], status: Int32) {
        var toServer: [Int32] = [0, 0]
        var fromServer: [Int32] = [0, 0]
        _ = pipe(&toServer)
        _ = pipe(&fromServer)
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        let (serverInput, serverOutput) = (toServer[0], fromServer[1])
        Thread.detachNewThread {
            let server = LanguageServer(options: LanguageServer.Options(version: "test"))
            outcome.status = StdioTransport.run(server, input: serverInput, output: serverOutput)
            close(serverOutput)
            done.signal()
        }
        var offset = 0
        while offset < input.count {
            let piece = min(7, input.count - offset)
            _ = input[offset..<(offset + piece)].withUnsafeBytes { write(toServer[1], $0.baseAddress, piece) }
            offset += piece
        }
        close(toServer[1])
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fromServer[0], $0.baseAddress, $0.count) }
            if count <= 0 { break }
            output += chunk[0..<count]
        }
        done.wait()
        close(fromServer[0])
        close(toServer[0])
        return (output, outcome.status)
    }

    private static func framed(_ message: JSONValue) -> [UInt8] { FrameDecoder.frame(message.serialized()) }

    private static func responses(_ output: [UInt8]) -> [JSONValue] {
        var decoder = FrameDecoder()
        decoder.append(output)
        var messages: [JSONValue] = []
        while case let .message(body)? = decoder.next() { if let value = try? JSONValue.parse(body) { messages.append(value) } }
        return messages
    }

    @Test func shutdownThenExitEndsWithZero() {
        let input = Self.framed(["jsonrpc": "2.0", "id": 1, "method": "initialize", "params": ["capabilities": [:]]])
            + Array("Content-Length: 3\r\n\r\n{x}".utf8)
            + Self.framed(["jsonrpc": "2.0", "id": 2, "method": "shutdown"])
            + Self.framed(["jsonrpc": "2.0", "method": "exit"])
        let (output, status) = Self.serve(input)
        let messages = Self.responses(output)
        #expect(status == 0)
        #expect(messages.map { $0["id"] ?? .null } == [1, .null, 2])
        #expect(messages[1]["error"]?["code"] == -32700)
    }

    @Test func exitWithoutShutdownEndsWithOne() {
        let input = Self.framed(["jsonrpc": "2.0", "id": 1, "method": "initialize", "params": ["capabilities": [:]]])
            + Self.framed(["jsonrpc": "2.0", "method": "exit"])
        #expect(Self.serve(input).status == 1)
    }

    @Test func endOfInputWithoutExitEndsWithOne() {
        #expect(Self.serve(Array("Content-Length: 10\r\n\r\n{".utf8)).status == 1)
    }
}
