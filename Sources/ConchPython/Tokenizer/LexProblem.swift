import ConchKit

/// The first lexical error of a file, kept as an offset until lexing ends so the
/// hot path never formats a message.
struct LexProblem {
    enum Kind {
        case unterminatedString
        case unterminatedTripleQuotedString
        case unterminatedFString
        case fstringSingleClosingBrace
        case fstringUnmatched(UInt8)
        case fstringTooDeep
        case unclosedBracket(UInt8)
        case tooManyNestedBrackets
        case tooManyIndentLevels
        case unindentMismatch
        case inconsistentTabs
        case continuationAtEndOfFile
        case characterAfterContinuation
        case nullByte
        case nonPrintable(UInt8)
        case invalidCharacter(UInt8)
        case invalidNumber(String)
    }

    var kind: Kind
    var range: ByteRange

    func fileProblem(in source: SourceText) -> FileProblem {
        let position = source.position(of: range.start)
        let place = "line \(position.line), column \(position.column)"
        return FileProblem(message(at: place), range: range, level: .error)
    }

    private func message(at place: String) -> String {
        switch kind {
        case .unterminatedString: "unterminated string starting at \(place)"
        case .unterminatedTripleQuotedString: "unterminated triple-quoted string starting at \(place)"
        case .unterminatedFString: "unterminated f-string starting at \(place)"
        case .fstringSingleClosingBrace: "f-string: single '}' is not allowed at \(place)"
        case .fstringUnmatched(let byte): "f-string: unmatched '\(Self.show(byte))' at \(place)"
        case .fstringTooDeep: "too many nested f-strings at \(place)"
        case .unclosedBracket(let byte): "'\(Self.show(byte))' at \(place) was never closed"
        case .tooManyNestedBrackets: "too many nested parentheses at \(place)"
        case .tooManyIndentLevels: "too many levels of indentation at \(place)"
        case .unindentMismatch: "unindent does not match any outer indentation level at \(place)"
        case .inconsistentTabs: "inconsistent use of tabs and spaces in indentation at \(place)"
        case .continuationAtEndOfFile: "unexpected end of file after line continuation at \(place)"
        case .characterAfterContinuation: "unexpected character after line continuation character at \(place)"
        case .nullByte: "source code contains a null byte at \(place)"
        case .nonPrintable(let byte): "invalid non-printable character U+\(Self.hex(byte)) at \(place)"
        case .invalidCharacter(let byte): "invalid character '\(Self.show(byte))' at \(place)"
        case .invalidNumber(let what): "\(what) at \(place)"
        }
    }

    private static func show(_ byte: UInt8) -> String {
        String(decoding: [byte], as: UTF8.self)
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF".utf8)
        return String(decoding: [0x30, 0x30, digits[Int(byte >> 4)], digits[Int(byte & 0xF)]], as: UTF8.self)
    }
}
