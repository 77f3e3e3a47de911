import ConchKit

/// Turns a file's bytes into UTF-8 source text as CPython reads it: a UTF-8 BOM
/// is dropped, a PEP 263 coding cookie on line 1 or 2 is honoured (UTF-8,
/// Latin-1, ASCII and cp1252 directly; any other through iconv, and an encoding
/// iconv does not know is a problem that names it), and invalid UTF-8 is a
/// problem with its line and column.
public enum PythonSource {
    public static func decode(bytes: [UInt8]) -> (SourceText, [FileProblem]) {
        var body = bytes
        let hasBOM = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        if hasBOM { body.removeFirst(3) }
        let declared = CodingCookie.find(in: body)
        if let declared, hasBOM, !declared.isLiterallyUTF8 {
            return (SourceText(bytes: body), [FileProblem("encoding problem: '\(declared.name)' declared in a file with a UTF-8 BOM")])
        }
        switch declared?.encoding ?? .utf8 {
        case .utf8:
            let text = SourceText(bytes: body)
            if let bad = firstInvalidUTF8(body) {
                let position = text.position(of: bad)
                let problem = FileProblem("invalid UTF-8 at line \(position.line), column \(position.column)",
                                          range: ByteRange(bad, bad + 1))
                return (text, [problem])
            }
            return (text, [])
        case .latin1:
            return (SourceText(bytes: Transcode.toUTF8(body) { UInt32($0) }), [])
        case .cp1252:
            return (SourceText(bytes: Transcode.toUTF8(body, Transcode.cp1252)), [])
        case .ascii:
            if let bad = body.firstIndex(where: { $0 >= 0x80 }) {
                let text = SourceText(bytes: body)
                let position = text.position(of: bad)
                let problem = FileProblem("non-ASCII byte in a file declared 'ascii' at line \(position.line), column \(position.column)",
                                          range: ByteRange(bad, bad + 1))
                return (text, [problem])
            }
            return (SourceText(bytes: body), [])
        case .unsupported:
            let name = declared?.name ?? ""
            switch IconvDecoder.decode(body, from: name) {
            case let .decoded(utf8):
                return (SourceText(bytes: utf8), [])
            case let .invalid(offset):
                let position = SourceText(bytes: body).position(of: offset)
                return (SourceText(bytes: body), [FileProblem("cannot decode line \(position.line) as '\(name)', the encoding the file declares",
                                                              range: ByteRange(offset, offset + 1))])
            case .unknownEncoding:
                return (SourceText(bytes: body), [FileProblem("unknown source encoding '\(name)'")])
            }
        }
    }

    /// Offset of the first byte that does not belong to a well-formed UTF-8 sequence.
    public static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { buffer -> Int? in
            let count = buffer.count
            var index = 0
            while index < count {
                // Python source is mostly ASCII: eight bytes at a time while it is.
                if index + 8 <= count, let base = UnsafeRawPointer(buffer.baseAddress),
                   WordBytes.isASCII(base.loadUnaligned(fromByteOffset: index, as: UInt64.self)) {
                    index += 8
                    continue
                }
                let lead = buffer[index]
                if lead < 0x80 {
                    index += 1
                    continue
                }
                let length: Int
                var low: UInt8 = 0x80
                var high: UInt8 = 0xBF
                switch lead {
                case 0xC2...0xDF: length = 2
                case 0xE0: length = 3; low = 0xA0
                case 0xE1...0xEC, 0xEE, 0xEF: length = 3
                case 0xED: length = 3; high = 0x9F
                case 0xF0: length = 4; low = 0x90
                case 0xF1...0xF3: length = 4
                case 0xF4: length = 4; high = 0x8F
                default: return index
                }
                guard index + length <= count else { return index }
                let second = buffer[index + 1]
                if second < low || second > high { return index }
                for next in 2..<length where buffer[index + next] & 0xC0 != 0x80 { return index }
                index += length
            }
            return nil
        }
    }
}
