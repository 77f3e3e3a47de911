import ConchServer
import Testing

@Suite struct FrameDecoderTests {
    private static func framed(_ body: String) -> [UInt8] { FrameDecoder.frame(Array(body.utf8)) }

    @Test func messageSplitAcrossReadsArrivesWhole() {
        var decoder = FrameDecoder()
        let bytes = Self.framed(#"{"jsonrpc":"2.0","method":"initialized"}"#)
        for byte in bytes.dropLast() {
            decoder.append([byte])
            #expect(decoder.next() == nil)
        }
        decoder.append([bytes.last!])
        #expect(decoder.next() == .message(Array(#"{"jsonrpc":"2.0","method":"initialized"}"#.utf8)))
        #expect(decoder.next() == nil)
        #expect(decoder.pendingByteCount == 0)
    }

    @Test func severalMessagesInOneReadArriveInOrder() {
        var decoder = FrameDecoder()
        decoder.append(Self.framed("[1]") + Self.framed("[2]") + Self.framed("[3]").prefix(10))
        #expect(decoder.next() == .message(Array("[1]".utf8)))
        #expect(decoder.next() == .message(Array("[2]".utf8)))
        #expect(decoder.next() == nil)
        decoder.append(Self.framed("[3]").dropFirst(10))
        #expect(decoder.next() == .message(Array("[3]".utf8)))
    }

    @Test func otherHeadersAndAnyCaseAreAccepted() {
        var decoder = FrameDecoder()
        decoder.append(Array("content-length: 2\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}".utf8))
        #expect(decoder.next() == .message(Array("{}".utf8)))
    }

    @Test func missingContentLengthIsReportedAndTheNextMessageStillArrives() {
        var decoder = FrameDecoder()
        decoder.append(Array("Content-Type: x\r\n\r\n{\"lost\":1}".utf8) + Self.framed("[2]"))
        guard case .badHeader = decoder.next() else {
            Issue.record("expected a bad header")
            return
        }
        #expect(decoder.next() == .message(Array("[2]".utf8)))
    }

    @Test func invalidContentLengthIsReported() {
        for header in ["Content-Length: abc", "Content-Length: -4", "Content-Length: 99999999999"] {
            var decoder = FrameDecoder()
            decoder.append(Array((header + "\r\n\r\n{}").utf8) + Self.framed("[]"))
            guard case .badHeader = decoder.next() else {
                Issue.record("expected a bad header for \(header)")
                continue
            }
            #expect(decoder.next() == .message(Array("[]".utf8)))
        }
    }
}
