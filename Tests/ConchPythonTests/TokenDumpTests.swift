import ConchKit
import Testing
@testable import ConchPython

@Suite struct TokenDumpTests {
    private func rows(_ source: String) -> [String] {
        TokenDump.entries(PythonTokenizer.tokenize(SourceText(source))).map {
            "\($0.kind.name) \($0.startLine),\($0.startColumn)-\($0.endLine),\($0.endColumn) \($0.text)"
        }
    }

    @Test func columnsCountUnicodeScalars() {
        #expect(rows("é = '😀'\n") == ["NAME 1,0-1,1 é", "OP 1,2-1,3 =", "STRING 1,4-1,7 '😀'", "NEWLINE 1,7-1,8 \n", "ENDMARKER 2,0-2,0 "])
    }

    @Test func endOfFileTokensSitOnTheLineAfterTheLast() {
        #expect(rows("if x:\n  y").suffix(3) == ["NEWLINE 2,3-2,4 ", "DEDENT 3,0-3,0 ", "ENDMARKER 3,0-3,0 "])
        #expect(rows("") == ["ENDMARKER 1,0-1,0 "])
    }

    @Test func crlfNewlineIsTwoColumnsWide() {
        #expect(rows("x\r\n").first { $0.hasPrefix("NEWLINE") } == "NEWLINE 1,1-1,3 \r\n")
    }

    @Test func multiLineStringEndsOnItsLastLine() {
        #expect(rows("'''a\nbc'''\n").first == "STRING 1,0-2,5 '''a\nbc'''")
    }

    @Test func fstringMiddleIsSplitAsCPythonSplitsIt() {
        #expect(rows("f'a{{b}}c'\n").filter { $0.hasPrefix("FSTRING_MIDDLE") } == [
            "FSTRING_MIDDLE 1,2-1,4 a{", "FSTRING_MIDDLE 1,5-1,7 b}", "FSTRING_MIDDLE 1,8-1,9 c",
        ])
        #expect(rows("f'\\N{DASH} {x}'\n").filter { $0.hasPrefix("FSTRING_MIDDLE") } == [
            "FSTRING_MIDDLE 1,2-1,10 \\N{DASH}", "FSTRING_MIDDLE 1,10-1,11  ",
        ])
    }

    @Test func jsonObjectHasPathTokensAndProblems() {
        let file = PythonTokenizer.tokenize(SourceText("x = 'a\n"))
        #expect(TokenDump.jsonObject(file, path: "p.py") == """
        {"path":"p.py","tokens":[["NAME",1,0,1,1,"x"],["OP",1,2,1,3,"="],["ERRORTOKEN",1,4,1,6,"'a"],\
        ["NEWLINE",1,6,1,7,"\\n"],["ENDMARKER",2,0,2,0,""]],"problems":[{"line":1,"column":5,\
        "message":"unterminated string starting at line 1, column 5"}]}
        """)
    }

    @Test func jsonLinesAndTextLines() {
        let file = PythonTokenizer.tokenize(SourceText("a\t\"\n"))
        #expect(TokenDump.json(file).split(separator: "\n").first == #"["NAME",1,0,1,1,"a"]"#)
        #expect(TokenDump.text(file).hasPrefix("1,0-1,1:            NAME           \"a\"\n"))
    }
}
