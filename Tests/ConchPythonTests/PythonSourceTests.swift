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
        let honoured = Array("#!python\n# coding: koi8-r\nname = '".utf8) + [0xF0, 0xD2, 0xC9] + Array("'\n".utf8)
        #expect(String(decoding: decode(honoured).text, as: UTF8.self).hasSuffix("name = 'При'\n"))
    }

    @Test func otherEncodingsCPythonKnowsAreDecodedThroughIconv() {
        let bytes = Array("# -*- coding: iso-8859-5 -*-\nx = '".utf8) + [0xBF, 0xE0, 0xD8] + Array("'\n".utf8)
        #expect(decode(bytes).problems.isEmpty)
        #expect(String(decoding: decode(bytes).text, as: UTF8.self).hasSuffix("x = 'При'\n"))
    }

    @Test func anEncodingNobodyKnowsIsAProblemNamingIt() {
        #expect(decode(Array("# coding: klingon\n".utf8)).problems == ["unknown source encoding 'klingon'"])
    }

    @Test func bytesInvalidInTheDeclaredEncodingAreAProblem() {
        let bytes = Array("# coding: shift_jis\nx = '".utf8) + [0x81, 0x20] + Array("'\n".utf8)
        #expect(decode(bytes).problems.first?.hasPrefix("cannot decode line 2 as 'shift_jis'") == true)
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

    /// Validation skips ASCII eight bytes at a time: a bad byte at any position of a word,
    /// or a sequence cut off by the end, is still found where it is.
    @Test func invalidUTF8IsFoundAtEveryAlignment() {
        for prefix in 0..<20 {
            let ascii = [UInt8](repeating: UInt8(ascii: "a"), count: prefix)
            #expect(PythonSource.firstInvalidUTF8(ascii + [0xFF] + ascii) == prefix)
            #expect(PythonSource.firstInvalidUTF8(ascii + [0xE2, 0x82]) == prefix)
            #expect(PythonSource.firstInvalidUTF8(ascii + [0xE2, 0x82, 0xAC] + ascii) == nil)
        }
    }

    @Test func invalidUTF8StillTokenizes() {
        let (source, _) = PythonSource.decode(bytes: Array("x = ".utf8) + [0xC0, 0x80] + [0x0A])
        #expect(PythonTokenizer.tokenize(source).tokens.last?.kind == .ENDMARKER)
    }
}
