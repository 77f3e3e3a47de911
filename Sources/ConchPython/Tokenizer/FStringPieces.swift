import ConchKit

/// CPython ends an FSTRING_MIDDLE after the first brace of `{{` or `}}` (the
/// second brace belongs to no token) and after the `}` of a `\N{...}` escape.
/// Conch keeps the literal run whole; this recovers CPython's pieces for the dump.
enum FStringPieces {
    static func split(_ range: ByteRange, in bytes: [UInt8], isRaw: Bool) -> [ByteRange] {
        var pieces: [ByteRange] = []
        var pieceStart = range.start
        var offset = range.start
        var inNamedEscape = false
        while offset < range.end {
            switch bytes[offset] {
            case 0x5C:
                var next = offset + 1
                if next < range.end, bytes[next] == 0x0D { next += 1 }
                guard next < range.end else {
                    offset = next
                    continue
                }
                let escaped = bytes[next]
                if escaped == 0x7B || escaped == 0x7D {
                    offset = next
                } else if !isRaw && escaped == 0x4E && next + 1 < range.end && bytes[next + 1] == 0x7B {
                    inNamedEscape = true
                    offset = next + 2
                } else {
                    offset = next + 1
                }
            case 0x7B:
                pieces.append(ByteRange(pieceStart, offset + 1))
                offset += 2
                pieceStart = offset
            case 0x7D:
                pieces.append(ByteRange(pieceStart, offset + 1))
                offset += inNamedEscape ? 1 : 2
                inNamedEscape = false
                pieceStart = offset
            default:
                offset += 1
            }
        }
        if pieceStart < range.end || pieces.isEmpty {
            pieces.append(ByteRange(min(pieceStart, range.end), range.end))
        }
        return pieces
    }
}
