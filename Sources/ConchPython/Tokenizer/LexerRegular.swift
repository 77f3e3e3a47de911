/// Regular mode: everything outside f-string literal text.
extension Lexer {
    @inline(__always) static func isIdentifierStart(_ byte: UInt8) -> Bool {
        (byte | 0x20) &- 0x61 < 26 || byte == 0x5F || byte >= 0x80
    }

    @inline(__always) static func isIdentifierByte(_ byte: UInt8) -> Bool {
        isIdentifierStart(byte) || isDigit(byte)
    }

    @inline(__always) static func isDigit(_ byte: UInt8) -> Bool {
        byte &- 0x30 < 10
    }

    mutating func lexRegularToken() {
        while true {
            let current = byte(pos)
            guard current == Byte.space || current == Byte.tab || current == Byte.formFeed else { break }
            pos += 1
        }
        let start = pos
        if pos >= count {
            if implicitNewlinePending {
                implicitNewlinePending = false
                lexNewline(width: 0)
            } else {
                lexEndOfFile()
            }
            return
        }
        let current = bytes[pos]
        if Self.isIdentifierStart(current) {
            lexNameOrPrefixedString(start)
            return
        }
        switch current {
        case Byte.lineFeed, Byte.carriageReturn:
            lexNewline(width: newlineWidth(at: pos))
        case Byte.hash:
            pos += 1
            while pos < count, bytes[pos] != Byte.lineFeed, bytes[pos] != Byte.carriageReturn { pos += 1 }
            emit(.COMMENT, start, pos)
        case 0x22, 0x27:
            lexString(start, quoteAt: pos)
        case 0x30...0x39:
            lexNumber(start)
        case 0x2E:
            if Self.isDigit(byte(pos + 1)) {
                lexNumber(start)
            } else {
                pos += byte(pos + 1) == 0x2E && byte(pos + 2) == 0x2E ? 3 : 1
                emit(.OP, start, pos)
            }
        case Byte.backslash:
            lexContinuation()
        case 0x28, 0x5B, Byte.openBrace:
            lexOpenBracket()
        case 0x29, 0x5D, Byte.closeBrace:
            lexCloseBracket()
        case 0x3A:
            lexColon()
        case 0x24, 0x3F, 0x60:
            report(.invalidCharacter(current), pos, pos + 1)
            pos += 1
            emit(.ERRORTOKEN, start, pos)
        case 0:
            report(.nullByte, pos, pos + 1)
            pos += 1
            emit(.ERRORTOKEN, start, pos)
        case ..<0x20, 0x7F:
            report(.nonPrintable(current), pos, pos + 1)
            pos += 1
            emit(.ERRORTOKEN, start, pos)
        default:
            pos += operatorLength(at: pos)
            emit(.OP, start, pos)
        }
    }

    /// Length of the operator at `offset`: CPython's one-, two- and three-character tokens.
    @inline(__always) func operatorLength(at offset: Int) -> Int {
        let first = bytes[offset]
        let second = byte(offset + 1)
        let third = byte(offset + 2)
        let equals: UInt8 = 0x3D
        switch first {
        case 0x2A, 0x2F: // * /
            if second == first { return third == equals ? 3 : 2 }
            return second == equals ? 2 : 1
        case 0x3C, 0x3E: // < >
            if second == first { return third == equals ? 3 : 2 }
            if second == equals || (first == 0x3C && second == 0x3E) { return 2 }
            return 1
        case 0x2D: // -
            return second == equals || second == 0x3E ? 2 : 1
        case 0x21, 0x25, 0x26, 0x2B, 0x3D, 0x40, 0x5E, 0x7C: // ! % & + = @ ^ |
            return second == equals ? 2 : 1
        default:
            return 1
        }
    }

    mutating func lexNameOrPrefixedString(_ start: Int) {
        var sawB = false, sawR = false, sawU = false, sawF = false, sawT = false
        while true {
            let lower = bytes[pos] | 0x20
            if !(sawB || sawU || sawF || sawT), lower == 0x62 {
                sawB = true
            } else if !(sawB || sawU || sawR || sawF || sawT), lower == 0x75 {
                sawU = true
            } else if !(sawR || sawU), lower == 0x72 {
                sawR = true
            } else if !(sawF || sawB || sawU || sawT), lower == 0x66 {
                sawF = true
            } else if !(sawT || sawF || sawB || sawU), lower == 0x74 {
                sawT = true
            } else {
                break
            }
            pos += 1
            let next = byte(pos)
            if next == 0x22 || next == 0x27 {
                if sawF || sawT {
                    lexFStringStart(start, quoteAt: pos, isRaw: sawR, isTemplate: sawT)
                } else {
                    lexString(start, quoteAt: pos)
                }
                return
            }
            if !Self.isIdentifierStart(next) { break }
        }
        while pos < count, Self.isIdentifierByte(bytes[pos]) { pos += 1 }
        emit(.NAME, start, pos)
    }

    mutating func lexContinuation() {
        let start = pos
        let width = newlineWidth(at: pos + 1)
        if width == 0 && !(pos + 1 >= count && implicitNewlinePending) {
            report(.characterAfterContinuation, start, start + 1)
            pos += 1
            emit(.ERRORTOKEN, start, pos)
            return
        }
        pos += 1 + width
        if pos >= count {
            implicitNewlinePending = false
            report(.continuationAtEndOfFile, start, start + 1)
            emit(.ERRORTOKEN, start, start + 1)
        }
    }

    mutating func lexOpenBracket() {
        if brackets.count >= Self.maxBracketLevels { report(.tooManyNestedBrackets, pos, pos + 1) }
        brackets.append(pos)
        if !fstrings.isEmpty { fstrings[fstrings.count - 1].bracketDepth += 1 }
        pos += 1
        emit(.OP, pos - 1, pos)
    }

    mutating func lexCloseBracket() {
        let start = pos
        let closer = bytes[pos]
        pos += 1
        guard !fstrings.isEmpty else {
            if !brackets.isEmpty { brackets.removeLast() }
            emit(.OP, start, pos)
            return
        }
        let last = fstrings.count - 1
        if closer == Byte.closeBrace && fstrings[last].bracketDepth == 0 {
            report(.fstringSingleClosingBrace, start, pos)
            emit(.ERRORTOKEN, start, pos)
            fstrings[last].inLiteral = true
            return
        }
        if !brackets.isEmpty { brackets.removeLast() }
        fstrings[last].bracketDepth -= 1
        if fstrings[last].bracketDepth < 0 {
            report(.fstringUnmatched(closer), start, pos)
            fstrings[last].bracketDepth = 0
        }
        if closer == Byte.closeBrace && fstrings[last].bracketDepth == fstrings[last].fieldStartDepth {
            fstrings[last].fieldStartDepth -= 1
            fstrings[last].inLiteral = true
            fstrings[last].inFormatSpec = false
        }
        emit(.OP, start, pos)
    }

    /// `:` starts a format spec when it ends a replacement field's expression.
    mutating func lexColon() {
        let start = pos
        if let top = fstrings.last, top.insideField, top.bracketDepth - 1 == top.fieldStartDepth {
            fstrings[fstrings.count - 1].inLiteral = true
            fstrings[fstrings.count - 1].inFormatSpec = true
            pos += 1
        } else {
            pos += byte(pos + 1) == 0x3D ? 2 : 1
        }
        emit(.OP, start, pos)
    }
}
