import Foundation

/// Reads a source file whole. Only regular files: a FIFO would block the run until
/// something writes to it, and `/dev/zero` behind a `.py` name would never end.
public enum FileReader {
    public static func read(_ path: String) -> Result<[UInt8], ConchError> {
        // Non-blocking, so that opening a FIFO returns at once and can be turned away.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return failure() }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return failure() }
        guard status.st_mode & S_IFMT == S_IFREG else {
            return .failure(.io("cannot read file: not a regular file (a pipe, socket or device)"))
        }
        // Sized from fstat and read in place; a file that grows meanwhile is read on to its end.
        let expected = max(0, Int(status.st_size))
        var bytes = [UInt8](repeating: 0, count: expected + 1)
        var filled = 0
        while true {
            if filled == bytes.count { bytes.append(contentsOf: repeatElement(0, count: max(1 << 16, bytes.count))) }
            let count = bytes.withUnsafeMutableBytes { buffer in
                Foundation.read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
            }
            if count < 0 { return failure() }
            if count == 0 { break }
            filled += count
        }
        bytes.removeSubrange(filled...)
        return .success(bytes)
    }

    private static func failure() -> Result<[UInt8], ConchError> {
        .failure(.io("cannot read file: \(String(cString: strerror(errno)))"))
    }
}
