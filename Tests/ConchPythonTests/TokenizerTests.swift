import ConchKit
import Testing
@testable import ConchPython

@Suite struct TokenizerTests {
    @Test func simpleStatementEndsWithNewlineAndEndmarker() {
        #expect(lex("x = 1\n") == ["NAME x", "OP =", "NUMBER 1", "NEWLINE \n", "ENDMARKER "])
    }

    @Test func emptyFileIsOnlyEndmarker() {
        #expect(lex("") == ["ENDMARKER "])
    }

    @Test func missingFinalNewlineGetsAnEmptyNewline() {
        let file = PythonTokenizer.tokenize(SourceText("x"))
        #expect(file.tokens.map(\.kind) == [.NAME, .NEWLINE, .ENDMARKER])
        #expect(file.tokens[1].range == ByteRange(1, 1))
    }

    @Test func blankAndCommentLinesAreNL() {
        #expect(lex("x\n\n  \n# c\ny\n") == [
            "NAME x", "NEWLINE \n", "NL \n", "NL \n", "COMMENT # c", "NL \n", "NAME y", "NEWLINE \n", "ENDMARKER ",
        ])
    }

    @Test func trailingCommentKeepsNewline() {
        #expect(lex("x  # note\n") == ["NAME x", "COMMENT # note", "NEWLINE \n", "ENDMARKER "])
    }

    @Test func newlinesInsideBracketsAreNL() {
        #expect(lex("f(1,\n  2)\n") == [
            "NAME f", "OP (", "NUMBER 1", "OP ,", "NL \n", "NUMBER 2", "OP )", "NEWLINE \n", "ENDMARKER ",
        ])
    }

    @Test func explicitLineJoiningProducesNoNewline() {
        #expect(lex("x = 1 + \\\n    2\n") == ["NAME x", "OP =", "NUMBER 1", "OP +", "NUMBER 2", "NEWLINE \n", "ENDMARKER "])
    }

    @Test func crlfNewlinesKeepBothBytes() {
        #expect(lex("x\r\ny\r\n") == ["NAME x", "NEWLINE \r\n", "NAME y", "NEWLINE \r\n", "ENDMARKER "])
    }

    /// The interpreter reads sources with universal newlines, so a lone `\r` ends
    /// a line (CPython's tokenize module differs here; see the oracle script).
    @Test func loneCarriageReturnEndsALine() {
        #expect(lex("x\ry\n") == ["NAME x", "NEWLINE \r", "NAME y", "NEWLINE \n", "ENDMARKER "])
    }

    @Test func indentAndDedentFollowBlocks() {
        #expect(lex("if a:\n    if b:\n        c\n    d\ne\n") == [
            "NAME if", "NAME a", "OP :", "NEWLINE \n",
            "INDENT     ", "NAME if", "NAME b", "OP :", "NEWLINE \n",
            "INDENT         ", "NAME c", "NEWLINE \n",
            "DEDENT ", "NAME d", "NEWLINE \n",
            "DEDENT ", "NAME e", "NEWLINE \n", "ENDMARKER ",
        ])
    }

    @Test func blocksOpenAtEndOfFileAreClosed() {
        #expect(lex("def f():\n  return 1") == [
            "NAME def", "NAME f", "OP (", "OP )", "OP :", "NEWLINE \n", "INDENT   ",
            "NAME return", "NUMBER 1", "NEWLINE ", "DEDENT ", "ENDMARKER ",
        ])
    }

    @Test func tabsIndentToMultiplesOfEight() {
        #expect(lex("if a:\n\tb\n\tc\n").filter { $0.hasPrefix("INDENT") || $0.hasPrefix("DEDENT") } == ["INDENT \t", "DEDENT "])
        #expect(problems("if a:\n\tb\n\tc\n").isEmpty)
    }

    @Test func formFeedResetsIndentation() {
        #expect(lexCode("x\n\u{0C}y\n") == ["NAME x", "NAME y"])
    }

    @Test func stringPrefixesInAnyCase() {
        let source = "r'a' b'b' u'c' R'd' B'e' U'f' rb'g' Rb'h' bR'i' BR'j' br'k'\n"
        #expect(lexCode(source).allSatisfy { $0.hasPrefix("STRING") })
        #expect(lexCode(source).count == 11)
    }

    @Test func invalidPrefixCombinationsAreNames() {
        #expect(lexCode("ur'x' bu'y'\n") == ["NAME ur", "STRING 'x'", "NAME bu", "STRING 'y'"])
    }

    @Test func tripleQuotedStringsSpanLines() {
        #expect(lexCode("s = '''a\n'b'\n\"\"\"'''\n") == ["NAME s", "OP =", "STRING '''a\n'b'\n\"\"\"'''"])
    }

    @Test func escapedQuotesAndContinuationsStayInStrings() {
        let source = ##"x = 'it\'s' "a\"b" 'a\"# '"## + "\n"
        #expect(lexCode(source) == ["NAME x", "OP =", #"STRING 'it\'s'"#, #"STRING "a\"b""#, ##"STRING 'a\"# '"##])
        #expect(lexCode("x = 'a\\\nb'\n") == ["NAME x", "OP =", "STRING 'a\\\nb'"])
    }

    @Test func numbersInEveryForm() {
        let source = "0 7 1_000 0x_FF 0o17 0b1010 1.5 .5 5. 1e10 1E-5 1.5e+3 3j 1.5J 0_0 00 1_0.0_1e1_0j\n"
        #expect(lexCode(source).allSatisfy { $0.hasPrefix("NUMBER") })
        #expect(lexCode(source).count == 17)
    }

    @Test func numberFollowedByKeywordSplits() {
        #expect(lexCode("1if x else 2\n") == ["NUMBER 1", "NAME if", "NAME x", "NAME else", "NUMBER 2"])
        #expect(lexCode("1e\n") == ["NUMBER 1", "NAME e"])
        #expect(lexCode("1.__class__\n") == ["NUMBER 1.", "NAME __class__"])
    }

    @Test func everyOperator() {
        let operators = [
            "+", "-", "*", "/", "//", "%", "**", "@", "<<", ">>", "&", "|", "^", "~", ":=", "<", ">", "<=", ">=",
            "==", "!=", "->", "+=", "-=", "*=", "/=", "//=", "%=", "@=", "&=", "|=", "^=", ">>=", "<<=", "**=",
            "(", ")", "[", "]", "{", "}", ",", ":", ".", ";", "=", "...", "!",
        ]
        #expect(lexCode(operators.joined(separator: " ") + "\n") == operators.map { "OP \($0)" })
    }

    @Test func operatorsWithoutSpaces() {
        #expect(lexCode("a**=b//c->d...e\n") == ["NAME a", "OP **=", "NAME b", "OP //", "NAME c", "OP ->", "NAME d", "OP ...", "NAME e"])
    }

    @Test func nonASCIIIdentifiers() {
        #expect(lexCode("café = 1\n") == ["NAME café", "OP =", "NUMBER 1"])
    }

    @Test func softKeywordsAreNames() {
        #expect(lexCode("match x:\n case _:\n  type T = int\n").filter { $0.hasPrefix("NAME") }.count == 7)
    }

    @Test func typeCommentsAreComments() {
        #expect(lexCode("x = []  # type: list[int]\n") == ["NAME x", "OP =", "OP [", "OP ]", "COMMENT # type: list[int]"])
    }

    @Test func commentAtEndOfFileWithoutNewline() {
        #expect(lex("x\n# end") == ["NAME x", "NEWLINE \n", "COMMENT # end", "NL ", "ENDMARKER "])
    }

    @Test func lineOfWhitespaceAtEndOfFile() {
        #expect(lex("x\n   ") == ["NAME x", "NEWLINE \n", "NL ", "ENDMARKER "])
    }
}
