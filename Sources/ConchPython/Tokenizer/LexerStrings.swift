/// String literals and f-strings (PEP 701), following CPython's lexer: an f-string
/// is FSTRING_START, then literal runs (FSTRING_MIDDLE) and replacement fields
/// lexed in regular mode, then FSTRING_END. A template string (`t"..."`, Python
/// 3.14) is lexed the same way, as TSTRING_START, TSTRING_MIDDLE and TSTRING_END.
extension Lexer {
    /// Returns the quote size (1 or 3) of the literal opening at `quoteAt`.
    @inline(__always) private func quoteSize(at quoteAt: Int) -> Int {
        let quote = bytes[quoteAt]
        return byte(quoteAt + 1) == quote && byte(quoteAt + 2) == quote ? 3 : 1
    }

    mutating func lexString(_ start: Int, quoteAt: Int) {
        let quote = bytes[quoteAt]
        let size = quoteSize(at: quoteAt)
        var offset = quoteAt + size
        var closing = 0
        while closing < size {
            guard offset < count else {
                unterminatedString(start, size: size, end: count)
                return
            }
            let current = bytes[offset]
            if size == 1 && (current == Byte.lineFeed || current == Byte.carriageReturn) {
                unterminatedString(start, size: size, end: offset)
                return
            }
            offset += 1
            if current == quote {
                closing += 1
            } else {
                closing = 0
                if current == Byte.backslash, offset < count {
                    // The escaped byte (an escaped `\r\n` is one line continuation).
                    offset += newlineWidth(at: offset) == 2 ? 2 : 1
                }
            }
        }
        pos = offset
        emit(.STRING, start, pos)
    }

    private mutating func unterminatedString(_ start: Int, size: Int, end: Int) {
        report(size == 3 ? .unterminatedTripleQuotedString : .unterminatedString, start, start + 1)
        pos = end
        emit(.ERRORTOKEN, start, end)
        abandonFStrings()
    }

    mutating func lexFStringStart(_ start: Int, quoteAt: Int, isRaw: Bool, isTemplate: Bool) {
        let size = quoteSize(at: quoteAt)
        if fstrings.count + 1 >= Self.maxFStringLevels { report(.fstringTooDeep, start, quoteAt + size) }
        let state = FStringState(quote: bytes[quoteAt], quoteSize: size, isRaw: isRaw, isTemplate: isTemplate, start: start,
                                 bracketsBefore: brackets.count)
        fstrings.append(state)
        pos = quoteAt + size
        emit(state.startKind, start, pos)
    }

    /// Literal text of the innermost f-string (or its format spec), up to a
    /// replacement field, the closing brace of the field, or the closing quotes.
    mutating func lexFStringLiteral() {
        let last = fstrings.count - 1
        let state = fstrings[last]
        let start = pos
        if byte(pos) == Byte.openBrace && byte(pos + 1) != Byte.openBrace {
            enterField(last)
            return
        }
        if closesFString(at: pos, state) {
            pos += state.quoteSize
            fstrings.removeLast()
            emit(state.endKind, start, pos)
            return
        }
        let inFormatSpec = state.inFormatSpec && state.insideField
        var offset = pos
        var closing = 0
        var inNamedEscape = false
        while true {
            guard offset < count else { return unterminatedFString(start, end: offset) }
            let current = bytes[offset]
            if state.quoteSize == 1 && (current == Byte.lineFeed || current == Byte.carriageReturn) {
                return unterminatedFString(start, end: offset)
            }
            if current == state.quote {
                closing += 1
                offset += 1
                if closing == state.quoteSize { break }
                continue
            }
            closing = 0
            switch current {
            case Byte.openBrace:
                if byte(offset + 1) != Byte.openBrace || inFormatSpec {
                    emit(state.middleKind, start, offset)
                    pos = offset
                    enterField(last)
                    return
                }
                offset += 2
            case Byte.closeBrace:
                if inNamedEscape {
                    inNamedEscape = false
                    offset += 1
                } else if byte(offset + 1) == Byte.closeBrace && !inFormatSpec && state.bracketDepth == 0 {
                    offset += 2
                } else {
                    // Ends a format spec (or is a stray brace the regular mode reports).
                    emit(state.middleKind, start, offset)
                    pos = offset
                    fstrings[last].inLiteral = false
                    fstrings[last].inFormatSpec = false
                    return
                }
            case Byte.backslash:
                offset += 1
                if byte(offset) == Byte.carriageReturn && offset < count { offset += 1 }
                let escaped = byte(offset)
                if offset >= count || escaped == Byte.openBrace || escaped == Byte.closeBrace { continue }
                offset += 1
                if !state.isRaw && escaped == 0x4E && byte(offset) == Byte.openBrace {
                    inNamedEscape = true
                    offset += 1
                }
            default:
                offset += 1
            }
        }
        let end = offset - state.quoteSize
        pos = end
        emit(state.middleKind, start, end)
    }

    private func closesFString(at offset: Int, _ state: FStringState) -> Bool {
        for index in 0..<state.quoteSize where byte(offset + index) != state.quote || offset + index >= count {
            return false
        }
        return true
    }

    private mutating func enterField(_ index: Int) {
        fstrings[index].fieldStartDepth += 1
        fstrings[index].inLiteral = false
        fstrings[index].inFormatSpec = false
    }

    private mutating func unterminatedFString(_ start: Int, end: Int) {
        report(.unterminatedFString, fstrings[0].start, fstrings[0].start + 1)
        pos = end
        emit(.ERRORTOKEN, start, end)
        abandonFStrings()
    }
}
