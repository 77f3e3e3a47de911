import ConchKit

/// The lexer's tokens as the scanner reads them, filled while the lexer runs: NL and
/// ENDMARKER dropped, names interned while their bytes are still in cache, and only
/// the comments that may hold a suppression kept, as ranges.
struct ScanTokenSink: TokenSink {
    /// Valid while the lexer runs, and read only then.
    private let bytes: UnsafeBufferPointer<UInt8>
    private(set) var kinds: [ScanKind] = []
    private(set) var starts: [Int] = []
    private(set) var ends: [Int] = []
    /// For NAME tokens, the interned name's index in `names`; -1 otherwise.
    private(set) var nameIDs: [Int32] = []
    private(set) var names = NameTable()
    private(set) var suppressionComments: [ByteRange] = []

    init(bytes: UnsafeBufferPointer<UInt8>, capacity: Int) {
        self.bytes = bytes
        kinds.reserveCapacity(capacity)
        starts.reserveCapacity(capacity)
        ends.reserveCapacity(capacity)
        nameIDs.reserveCapacity(capacity)
    }

    mutating func accept(_ kind: PythonTokenKind, _ start: Int, _ end: Int) {
        let scanKind: ScanKind
        switch kind {
        case .NAME: scanKind = .name
        case .NUMBER: scanKind = .number
        case .STRING: scanKind = .string
        case .OP: scanKind = .op
        case .NEWLINE: scanKind = .newline
        case .INDENT: scanKind = .indent
        case .DEDENT: scanKind = .dedent
        case .FSTRING_START: scanKind = .fstringStart
        case .FSTRING_MIDDLE: scanKind = .fstringMiddle
        case .FSTRING_END: scanKind = .fstringEnd
        case .ERRORTOKEN: scanKind = .error
        case .COMMENT:
            if mentionsSuppression(start, end) { suppressionComments.append(ByteRange(start, end)) }
            return
        case .NL, .ENDMARKER:
            return
        }
        kinds.append(scanKind)
        starts.append(start)
        ends.append(end)
        nameIDs.append(scanKind == .name ? names.intern(bytes, start, end) : -1)
    }

    /// `Suppressions.record` acts only on comments holding `conch:` or `noqa`, in any
    /// case; the others, most of them, need no String and no line lookup.
    private func mentionsSuppression(_ start: Int, _ end: Int) -> Bool {
        var index = start
        while index < end {
            let byte = Self.lowercased(bytes[index])
            if byte == Self.conchMarker[0], matches(Self.conchMarker, at: index, end: end) { return true }
            if byte == Self.noqaMarker[0], matches(Self.noqaMarker, at: index, end: end) { return true }
            index += 1
        }
        return false
    }

    private static let conchMarker = Array("conch:".utf8)
    private static let noqaMarker = Array("noqa".utf8)

    private func matches(_ word: [UInt8], at start: Int, end: Int) -> Bool {
        guard end - start >= word.count else { return false }
        for offset in 0..<word.count where Self.lowercased(bytes[start + offset]) != word[offset] { return false }
        return true
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
    }
}
