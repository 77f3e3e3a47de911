import Testing
@testable import ConchPython

@Suite struct FStringTests {
    @Test func plainFString() {
        #expect(lexCode("f'a{x}b'\n") == [
            "FSTRING_START f'", "FSTRING_MIDDLE a", "OP {", "NAME x", "OP }", "FSTRING_MIDDLE b", "FSTRING_END '",
        ])
    }

    @Test func emptyFString() {
        #expect(lexCode("f''\n") == ["FSTRING_START f'", "FSTRING_END '"])
    }

    @Test func doubledBracesStayInOneLiteralRun() {
        #expect(lexCode("f'{{a}}'\n") == ["FSTRING_START f'", "FSTRING_MIDDLE {{a}}", "FSTRING_END '"])
    }

    @Test func nestedQuotesAndNestedFStrings() {
        #expect(lexCode("f\"{f\"{x!r}\"}\"\n") == [
            "FSTRING_START f\"", "OP {", "FSTRING_START f\"", "OP {", "NAME x", "OP !", "NAME r", "OP }",
            "FSTRING_END \"", "OP }", "FSTRING_END \"",
        ])
        #expect(lexCode("f'{d['key']}'\n") == [
            "FSTRING_START f'", "OP {", "NAME d", "OP [", "STRING 'key'", "OP ]", "OP }", "FSTRING_END '",
        ])
    }

    @Test func formatSpecsWithNestedFields() {
        #expect(lexCode("f'{x:>{width}.2f}'\n") == [
            "FSTRING_START f'", "OP {", "NAME x", "OP :", "FSTRING_MIDDLE >", "OP {", "NAME width", "OP }",
            "FSTRING_MIDDLE .2f", "OP }", "FSTRING_END '",
        ])
    }

    @Test func emptyFormatSpecIsAnEmptyMiddle() {
        #expect(lexCode("f'{x:}'\n") == ["FSTRING_START f'", "OP {", "NAME x", "OP :", "FSTRING_MIDDLE ", "OP }", "FSTRING_END '"])
    }

    @Test func debugSpecifierAndConversion() {
        #expect(lexCode("f'{x=!r:^9}'\n") == [
            "FSTRING_START f'", "OP {", "NAME x", "OP =", "OP !", "NAME r", "OP :", "FSTRING_MIDDLE ^9", "OP }", "FSTRING_END '",
        ])
    }

    @Test func colonInsideBracketsIsNotAFormatSpec() {
        #expect(lexCode("f'{a[1:2]}{(lambda y: y)(3)}'\n").contains("OP :"))
        #expect(!lexCode("f'{a[1:2]}'\n").contains { $0.hasPrefix("FSTRING_MIDDLE") })
    }

    @Test func commentsAndBackslashesInReplacementFields() {
        #expect(lexCode("f'''{x # note\n + 1}'''\n") == [
            "FSTRING_START f'''", "OP {", "NAME x", "COMMENT # note", "OP +", "NUMBER 1", "OP }", "FSTRING_END '''",
        ])
        #expect(lexCode("f'{\"\\n\".join(a)}'\n").contains("STRING \"\\n\""))
    }

    @Test func namedEscapeIsLiteralText() {
        #expect(lexCode("f'\\N{BULLET} {x}'\n") == [
            "FSTRING_START f'", "FSTRING_MIDDLE \\N{BULLET} ", "OP {", "NAME x", "OP }", "FSTRING_END '",
        ])
        #expect(lexCode("rf'\\N{x}'\n") == ["FSTRING_START rf'", "FSTRING_MIDDLE \\N", "OP {", "NAME x", "OP }", "FSTRING_END '"])
    }

    @Test func tripleQuotedFStringSpansLines() {
        #expect(lexCode("f'''a\n{x}\nb'''\n") == [
            "FSTRING_START f'''", "FSTRING_MIDDLE a\n", "OP {", "NAME x", "OP }", "FSTRING_MIDDLE \nb", "FSTRING_END '''",
        ])
    }

    @Test func fstringInsideBracketsKeepsNewlinesNL() {
        #expect(lex("(f'{x}',\n 1)\n").filter { $0.hasPrefix("NL") || $0.hasPrefix("NEWLINE") } == ["NL \n", "NEWLINE \n"])
    }
}

/// Python 3.14's template strings (PEP 750): lexed as f-strings, with TSTRING_* types.
@Suite struct TemplateStringTests {
    @Test func aTemplateStringHasItsOwnTokenTypes() {
        #expect(lexCode("t'a{x!r:>{w}}'\n") == [
            "TSTRING_START t'", "TSTRING_MIDDLE a", "OP {", "NAME x", "OP !", "NAME r", "OP :", "TSTRING_MIDDLE >",
            "OP {", "NAME w", "OP }", "TSTRING_MIDDLE ", "OP }", "TSTRING_END '",
        ])
    }

    @Test func rawTemplatePrefixesInAnyOrderAndCase() {
        for prefix in ["tr", "Tr", "rT", "RT"] {
            #expect(lexCode("\(prefix)'\\d{n}'\n").first == "TSTRING_START \(prefix)'")
        }
    }

    @Test func templateAndFormattedStringsNest() {
        #expect(lexCode("f'{t\"{x}\"}'\n") == [
            "FSTRING_START f'", "OP {", "TSTRING_START t\"", "OP {", "NAME x", "OP }", "TSTRING_END \"", "OP }", "FSTRING_END '",
        ])
    }

    @Test func prefixesThatCannotCombineWithTAreNames() {
        #expect(lexCode("bt'x'\n") == ["NAME bt", "STRING 'x'"])
        #expect(lexCode("ft'x'\n") == ["NAME ft", "STRING 'x'"])
        #expect(lexCode("t + 1\n") == ["NAME t", "OP +", "NUMBER 1"])
    }
}
