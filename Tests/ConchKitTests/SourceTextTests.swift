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
}
