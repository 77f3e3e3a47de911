import ConchKit
import Testing
@testable import ConchPython

@Suite struct PythonSourceTests {
    private func decode(_ bytes: [UInt8]) -> (text: [UInt8], problems: [String]) {
        let (source, problems) = PythonSource.decode(bytes: bytes)
        return (source.bytes, problems.map(\.message))
    }

    @Test func plainUTF8PassesThrough() {
        let bytes = Array("x = 'é'\n".utf8)
        #expect(decode(bytes).text == bytes)
        #expect(decode(bytes).problems.isEmpty)
    }

    @Test func byteOrderMarkIsDropped() {
        #expect(decode([0xEF, 0xBB, 0xBF] + Array("x\n".utf8)).text == Array("x\n".utf8))
    }

    @Test func utf8CookieAliases() {
        for name in ["utf-8", "UTF8", "utf_8", "utf-8-unix", "u8"] {
            #expect(decode(Array("# -*- coding: \(name) -*-\nx\n".utf8)).problems.isEmpty, "\(name)")
        }
    }

    @Test func latin1IsTranscoded() {
        let bytes = Array("# coding: latin-1\ns = '".utf8) + [0xE9] + Array("'\n".utf8)
        #expect(decode(bytes).text == Array("# coding: latin-1\ns = 'é'\n".utf8))
        let iso = Array("#!/usr/bin/env python\n# vim: set fileencoding=iso-8859-1 :\n".utf8) + [0xFC]
        #expect(decode(iso).text.suffix(2) == [0xC3, 0xBC])
    }

    @Test func cp1252IsTranscoded() {
        let bytes = Array("# coding=cp1252\n".utf8) + [0x80]
        #expect(decode(bytes).text.suffix(3) == [0xE2, 0x82, 0xAC])
    }

    @Test func cookieOnlyCountsOnLineTwoAfterABlankOrCommentLine() {
        let ignored = Array("x = 1\n# coding: koi8-r\n".utf8)
        #expect(decode(ignored).problems.isEmpty)
        let honoured = Array("#!python\n# coding: koi8-r\n".utf8)
        #expect(decode(honoured).problems == ["unsupported source encoding 'koi8-r'; conch reads UTF-8, Latin-1, ASCII and cp1252"])
    }

    @Test func asciiFileWithHighByteIsAProblem() {
        let bytes = Array("# coding: ascii\nx = '".utf8) + [0xE9] + Array("'\n".utf8)
        #expect(decode(bytes).problems == ["non-ASCII byte in a file declared 'ascii' at line 2, column 6"])
    }

    @Test func byteOrderMarkWithAnotherCookieIsAProblem() {
        let bytes = [0xEF, 0xBB, 0xBF] + Array("# coding: latin-1\n".utf8)
        #expect(decode(bytes).problems.count == 1)
    }

    @Test func invalidUTF8IsReportedWithLineAndColumn() {
        let bytes = Array("a = 1\nb = 'é".utf8) + [0xFF] + Array("'\n".utf8)
        #expect(decode(bytes).problems == ["invalid UTF-8 at line 2, column 7"])
        #expect(PythonSource.firstInvalidUTF8([0xED, 0xA0, 0x80]) == 0)
        #expect(PythonSource.firstInvalidUTF8([0xF0, 0x9F, 0x98, 0x80]) == nil)
        #expect(PythonSource.firstInvalidUTF8([0xE2, 0x82]) == 0)
    }

    @Test func invalidUTF8StillTokenizes() {
        let (source, _) = PythonSource.decode(bytes: Array("x = ".utf8) + [0xC0, 0x80] + [0x0A])
        #expect(PythonTokenizer.tokenize(source).tokens.last?.kind == .ENDMARKER)
    }
}
