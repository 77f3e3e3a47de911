import ConchKit

/// One source line as a terminal shows it, with the columns to underline.
///
/// Tabs expand to the next multiple of `tabWidth`, control characters become
/// their Unicode control pictures, and wide characters (CJK, most emoji) take
/// two cells, so the carets printed under `text` sit under the reported scalars.
struct SourceSnippet: Equatable {
    static let tabWidth = 4
    /// A longer line (minified code, a generated table) is cut to this many bytes around
    /// the range, marked `…` at each cut: each finding on a 100 KB line would otherwise
    /// print the whole line, and a thousand findings on it a hundred megabytes.
    static let longestLine = 160
    /// Bytes kept before the range on a cut line.
    static let contextBeforeRange = 40

    /// 1-based line number.
    var line: Int
    /// The line, ready to print.
    var text: String
    /// Display cells before the first caret.
    var caretStart: Int
    /// Number of carets, at least one.
    var caretCount: Int

    /// The first line of `range` with that line's part of the range underlined,
    /// or nil when the range lies outside `source`.
    init?(source: SourceText, range: ByteRange) {
        let bytes = source.bytes
        guard range.start >= 0, range.start <= bytes.count else { return nil }
        let lineIndex = source.lineIndex(of: range.start)
        let lineRange = source.lineRange(lineIndex)
        let underlineStart = min(range.start, lineRange.end)
        let underlineEnd = min(max(range.end, underlineStart), lineRange.end)
        var shownStart = lineRange.start
        var shownEnd = lineRange.end
        if lineRange.end - lineRange.start > Self.longestLine {
            shownStart = Self.scalarStart(bytes, max(lineRange.start, underlineStart - Self.contextBeforeRange), lineRange)
            shownEnd = Self.scalarStart(bytes, min(lineRange.end, shownStart + Self.longestLine), lineRange)
        }

        var text = shownStart > lineRange.start ? "…" : ""
        var cells = text.isEmpty ? 0 : 1
        var caretStart: Int?
        var caretCells = 0
        var index = shownStart
        while index < shownEnd {
            let width = min(SourceSnippet.sequenceLength(lead: bytes[index]), shownEnd - index)
            let scalar = String(decoding: bytes[index..<(index + width)], as: UTF8.self).unicodeScalars.first ?? "\u{FFFD}"
            let shown: String
            let shownCells: Int
            if scalar == "\t" {
                shownCells = SourceSnippet.tabWidth - cells % SourceSnippet.tabWidth
                shown = String(repeating: " ", count: shownCells)
            } else if let picture = SourceSnippet.controlPicture(scalar) {
                shown = String(picture)
                shownCells = 1
            } else {
                shown = String(scalar)
                shownCells = DisplayWidth.cells(scalar)
            }
            let scalarEnd = index + width
            if caretStart == nil, scalarEnd > underlineStart {
                caretStart = cells
            }
            if index < underlineEnd, scalarEnd > underlineStart { caretCells += shownCells }
            text += shown
            cells += shownCells
            index = scalarEnd
        }
        if shownEnd < lineRange.end { text += "…" }
        self.line = lineIndex + 1
        self.text = text
        self.caretStart = caretStart ?? cells
        self.caretCount = max(1, caretCells)
    }

    /// `offset`, moved forward off UTF-8 continuation bytes so a cut never splits a scalar.
    private static func scalarStart(_ bytes: [UInt8], _ offset: Int, _ line: ByteRange) -> Int {
        var index = offset
        while index < line.end, bytes[index] & 0xC0 == 0x80 { index += 1 }
        return index
    }

    /// Bytes in the UTF-8 sequence a lead byte starts; 1 for a stray byte,
    /// which then decodes to U+FFFD, matching `SourceText.position(of:)`.
    private static func sequenceLength(lead: UInt8) -> Int {
        switch lead {
        case 0xC0..<0xE0: 2
        case 0xE0..<0xF0: 3
        case 0xF0...: 4
        default: 1
        }
    }

    /// U+2400... for C0 controls and DEL: a file must not drive the terminal.
    static func controlPicture(_ scalar: Unicode.Scalar) -> Character? {
        switch scalar.value {
        case 0x00...0x1F: Unicode.Scalar(0x2400 + scalar.value).map(Character.init)
        case 0x7F: "\u{2421}"
        default: nil
        }
    }
}

/// Terminal cells a scalar occupies: 0 for combining marks and zero-width
/// joiners, 2 for East Asian wide characters and emoji, 1 otherwise. A small
/// table, not the whole of UAX #11: enough to keep carets aligned on real code.
enum DisplayWidth {
    private static let zero: [ClosedRange<UInt32>] = [
        0x0300...0x036F, 0x0483...0x0489, 0x0591...0x05BD, 0x0610...0x061A, 0x064B...0x065F,
        0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x200B...0x200F, 0x20D0...0x20FF,
        0xFE00...0xFE0F, 0xFE20...0xFE2F, 0xE0100...0xE01EF,
    ]
    private static let wide: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0...0x23F3,
        0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x26AA...0x26AB, 0x26BD...0x26BE,
        0x26C4...0x26C5, 0x26F2...0x26F5, 0x2705...0x2705, 0x270A...0x270B, 0x2728...0x2728,
        0x274C...0x274C, 0x2753...0x2755, 0x2795...0x2797, 0x2B1B...0x2B1C, 0x2B50...0x2B50,
        0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
        0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
        0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F004...0x1F004, 0x1F0CF...0x1F0CF,
        0x1F18E...0x1F18E, 0x1F191...0x1F19A, 0x1F200...0x1F251, 0x1F300...0x1F64F,
        0x1F680...0x1F6FF, 0x1F7E0...0x1F7EB, 0x1F900...0x1F9FF, 0x1FA70...0x1FAFF,
        0x20000...0x3FFFD,
    ]

    static func cells(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x0300 { return 1 }
        if zero.contains(where: { $0.contains(value) }) { return 0 }
        if wide.contains(where: { $0.contains(value) }) { return 2 }
        return 1
    }
}
