import Testing
@testable import ConchKit

@Suite struct SourceTextTests {
    @Test func positionsCountScalarsAndUTF16Units() {
        let text = SourceText("a = 1\nx = \"é😀\" + y\n")
        let offsetOfY = Array("a = 1\nx = \"é😀\" + ".utf8).count
        let position = text.position(of: offsetOfY)
        #expect(position.line == 2)
        #expect(position.column == 12)
        #expect(position.utf16Column == 13)
        #expect(position.utf8Column == 16)
    }

    @Test func carriageReturnsEndLines() {
        let text = SourceText("a\r\nb\rc\n")
        #expect(text.lineCount == 4)
        #expect(text.lineText(1) == "b")
        #expect(text.position(of: 5).line == 3)
    }

    @Test func utf16ColumnMapsBackToOffset() {
        let text = SourceText("x = \"😀\" + y\n")
        let position = text.position(of: 12)
        #expect(text.offset(line: position.line, utf16Column: position.utf16Column) == 12)
    }

    /// The line table skips eight bytes at a time: terminators at every position of a word,
    /// and a `\r\n` split across two words, still end lines exactly where a byte scan does.
    @Test func lineStartsMatchAByteScanAtEveryAlignment() {
        for length in 0..<40 {
            for position in 0..<length {
                for terminator in [[UInt8(0x0A)], [0x0D], [0x0D, 0x0A]] {
                    var bytes = [UInt8](repeating: UInt8(ascii: "x"), count: length)
                    bytes.replaceSubrange(position..<min(length, position + terminator.count), with: terminator)
                    #expect(SourceText(bytes: bytes).lineStarts == Self.lineStartsByteByByte(bytes))
                }
            }
        }
    }

    private static func lineStartsByteByByte(_ bytes: [UInt8]) -> [Int] {
        var starts = [0]
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x0A {
                starts.append(index + 1)
            } else if bytes[index] == 0x0D {
                if index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
                starts.append(index + 1)
            }
            index += 1
        }
        return starts
    }
}
