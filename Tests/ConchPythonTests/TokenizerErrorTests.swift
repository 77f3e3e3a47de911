import ConchKit
import Testing
@testable import ConchPython

@Suite struct TokenizerErrorTests {
    @Test func unterminatedStringIsAnErrorTokenAndLexingGoesOn() {
        let source = "a = 1\nb = 2\nc = 3\nvalue = 'oops\nd = 4\n"
        #expect(lexCode(source).contains("ERRORTOKEN 'oops"))
        #expect(lexCode(source).suffix(3) == ["NAME d", "OP =", "NUMBER 4"])
        #expect(problems(source) == ["unterminated string starting at line 4, column 9"])
    }

    @Test func unterminatedTripleQuotedStringRunsToEndOfFile() {
        #expect(lexCode("x = '''abc\ndef\n") == ["NAME x", "OP =", "ERRORTOKEN '''abc\ndef\n"])
        #expect(problems("x = '''abc\n") == ["unterminated triple-quoted string starting at line 1, column 5"])
    }

    @Test func unterminatedFStringRecoversAtTheLineEnd() {
        #expect(lexCode("x = f'a{b}c\ny = 2\n").suffix(4) == ["ERRORTOKEN c", "NAME y", "OP =", "NUMBER 2"])
        #expect(problems("x = f'abc\ny = 2\n") == ["unterminated f-string starting at line 1, column 5"])
    }

    @Test func unclosedBracketIsReportedAtTheBracket() {
        #expect(problems("x = [1,\n  (2,\n") == ["'(' at line 2, column 3 was never closed"])
        #expect(lex("x = (\n").suffix(2) == ["ERRORTOKEN ", "ENDMARKER "])
    }

    @Test func strayCharactersAreErrorTokens() {
        #expect(lexCode("a $ b ? c\n") == ["NAME a", "ERRORTOKEN $", "NAME b", "ERRORTOKEN ?", "NAME c"])
        #expect(problems("a $ b ? c\n") == ["invalid character '$' at line 1, column 3"])
    }

    @Test func dedentToNoMatchingLevel() {
        let source = "if x:\n    a\n  b\nc\n"
        #expect(problems(source) == ["unindent does not match any outer indentation level at line 3, column 3"])
        #expect(lexCode(source).suffix(4) == ["DEDENT ", "ERRORTOKEN ", "NAME b", "NAME c"])
    }

    @Test func inconsistentTabsAreReported() {
        #expect(problems("if x:\n\tpass\n        pass\n") == ["inconsistent use of tabs and spaces in indentation at line 3, column 9"])
    }

    @Test func nullByteIsAnErrorToken() {
        #expect(lexCode("a\u{0}b\n") == ["NAME a", "ERRORTOKEN \u{0}", "NAME b"])
        #expect(problems("a\u{0}b\n") == ["source code contains a null byte at line 1, column 2"])
    }

    @Test func invalidNumbers() {
        #expect(lexCode("0x + 1__0 + 0o8 + 0b2\n") == [
            "ERRORTOKEN 0x", "OP +", "ERRORTOKEN 1__0", "OP +", "ERRORTOKEN 0o8", "OP +", "ERRORTOKEN 0b2",
        ])
        #expect(problems("x = 0o19\n") == ["invalid digit '9' in octal literal at line 1, column 8"])
    }

    @Test func continuationErrors() {
        #expect(problems("x = 1 \\ 2\n") == ["unexpected character after line continuation character at line 1, column 7"])
        #expect(problems("x = 1 + \\\n") == ["unexpected end of file after line continuation at line 1, column 9"])
    }

    @Test func singleClosingBraceInFString() {
        #expect(problems("f'{x}}'\n") == ["f-string: single '}' is not allowed at line 1, column 6"])
    }

    @Test func onlyTheFirstProblemIsKept() {
        #expect(problems("a $ b\nc = 'x\n").count == 1)
    }

    @Test func deeplyNestedBracketsAreLinearAndReported() {
        let depth = 10_000
        let source = String(repeating: "(", count: depth) + "x" + String(repeating: ")", count: depth) + "\n"
        let file = PythonTokenizer.tokenize(SourceText(source))
        #expect(file.tokens.count == 2 * depth + 3)
        #expect(file.problems.map(\.message) == ["too many nested parentheses at line 1, column 201"])
    }

    @Test func unclosedDeepBracketsEndCleanly() {
        let file = PythonTokenizer.tokenize(SourceText(String(repeating: "[", count: 10_000)))
        #expect(file.tokens.last?.kind == .ENDMARKER)
    }

    @Test func oneGiantLine() {
        let source = String(repeating: "a + 'b' + ", count: 100_000) + "c\n"
        let file = PythonTokenizer.tokenize(SourceText(source))
        #expect(file.tokens.count == 400_003)
        #expect(file.problems.isEmpty)
    }

    @Test func multiMegabyteFile() {
        let block = "def f(x):\n    if x:\n        return f'{x!r:>10}' + \"\"\"doc\n\"\"\"  # c\n    return 0x1F\n\n"
        let source = String(repeating: block, count: 20_000)
        let file = PythonTokenizer.tokenize(SourceText(source))
        #expect(source.utf8.count > 1_500_000)
        #expect(file.problems.isEmpty)
        #expect(firstUncoveredByte(file) == nil)
    }

    @Test func garbageNeverTrapsAndStaysLossless() {
        var generator = SplitMix(seed: 42)
        let alphabet = Array("ab1_ \t\n\r\\'\"fFrR{}()[]:=!#.0xje+-\u{0}$é".utf8)
        for _ in 0..<300 {
            let bytes = (0..<Int(generator.next() % 200)).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            let file = PythonTokenizer.tokenize(SourceText(bytes: bytes))
            #expect(file.tokens.last?.kind == .ENDMARKER)
            #expect(reprint(file) == bytes)
            #expect(firstUncoveredByte(file) == nil, "\(bytes)")
        }
    }
}

/// A small deterministic generator for the fuzz test.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
