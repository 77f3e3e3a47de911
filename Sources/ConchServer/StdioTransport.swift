import Foundation

/// Runs a server over file descriptors (standard input and output for `conch server`).
public enum StdioTransport {
    /// Reads until `exit` or end of input; returns the process exit status.
    public static func run(_ server: LanguageServer, input: Int32 = STDIN_FILENO, output: Int32 = STDOUT_FILENO) -> Int32 {
        var decoder = FrameDecoder()
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            while let event = decoder.next() {
                write(server.handle(event), to: output)
                if let code = server.exitCode { return code }
            }
            // Lint only once the burst of edits already sent has been read.
            if !hasInput(input) { write(server.lintPending(), to: output) }
            let count = chunk.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            if count <= 0 { break }
            decoder.append(chunk[0..<count])
        }
        return server.exitCode ?? (server.isShutDown ? 0 : 1)
    }

    private static func hasInput(_ descriptor: Int32) -> Bool {
        var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        return poll(&request, 1, 0) > 0
    }

    private static func write(_ messages: [JSONValue], to descriptor: Int32) {
        for message in messages {
            let bytes = FrameDecoder.frame(message.serialized())
            var written = 0
            while written < bytes.count {
                let result = bytes[written...].withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
                if result < 0, errno == EINTR { continue }
                if result <= 0 { return }
                written += result
            }
        }
    }
}
