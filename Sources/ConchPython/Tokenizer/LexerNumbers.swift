/// Numeric literals, following CPython's `tok_get_normal_mode` number branch.
/// A malformed literal becomes one ERRORTOKEN running to the end of the word.
extension Lexer {
    private struct NumberError: Error {
        var message: String
        var offset: Int
    }

    mutating func lexNumber(_ start: Int) {
        do {
            pos = try scanNumber(from: start)
            emit(.NUMBER, start, pos)
        } catch {
            var end = max(error.offset, start + 1)
            while end < count, Self.isIdentifierByte(bytes[end]) { end += 1 }
            report(.invalidNumber(error.message), error.offset, error.offset)
            pos = end
            emit(.ERRORTOKEN, start, end)
        }
    }

    @inline(__always) private static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte | 0x20) &- 0x61 < 6
    }

    private func scanNumber(from start: Int) throws(NumberError) -> Int {
        var offset = start
        if bytes[offset] == 0x2E { return try scanFraction(from: offset + 1) }
        if bytes[offset] != 0x30 {
            offset = try decimalTail(from: offset)
            if byte(offset) == 0x2E { return try scanFraction(from: offset + 1) }
            return try scanExponentAndImaginary(from: offset)
        }
        offset += 1
        switch byte(offset) | 0x20 {
        case 0x78: return try scanRadix(from: offset + 1, name: "hexadecimal") { Self.isHexDigit($0) }
        case 0x6F: return try scanRadix(from: offset + 1, name: "octal") { $0 &- 0x30 < 8 }
        case 0x62: return try scanRadix(from: offset + 1, name: "binary") { $0 &- 0x30 < 2 }
        default: break
        }
        // Zeros, then possibly more digits (kept as CPython's tokenize keeps `07`).
        while true {
            if byte(offset) == 0x5F {
                offset += 1
                guard Self.isDigit(byte(offset)) else { throw NumberError(message: "invalid decimal literal", offset: offset) }
            }
            if byte(offset) != 0x30 { break }
            offset += 1
        }
        if Self.isDigit(byte(offset)) { offset = try decimalTail(from: offset) }
        if byte(offset) == 0x2E { return try scanFraction(from: offset + 1) }
        return try scanExponentAndImaginary(from: offset)
    }

    private func scanRadix(from first: Int, name: String, isDigit: (UInt8) -> Bool) throws(NumberError) -> Int {
        var offset = first
        repeat {
            if byte(offset) == 0x5F { offset += 1 }
            guard isDigit(byte(offset)) else {
                if Self.isDigit(byte(offset)) && name != "hexadecimal" {
                    let digit = String(decoding: [byte(offset)], as: UTF8.self)
                    throw NumberError(message: "invalid digit '\(digit)' in \(name) literal", offset: offset)
                }
                throw NumberError(message: "invalid \(name) literal", offset: offset)
            }
            while isDigit(byte(offset)) { offset += 1 }
        } while byte(offset) == 0x5F
        if Self.isDigit(byte(offset)) {
            let digit = String(decoding: [byte(offset)], as: UTF8.self)
            throw NumberError(message: "invalid digit '\(digit)' in \(name) literal", offset: offset)
        }
        return offset
    }

    /// Digits with single underscores between them, starting at a digit.
    private func decimalTail(from first: Int) throws(NumberError) -> Int {
        var offset = first
        while true {
            while Self.isDigit(byte(offset)) { offset += 1 }
            guard byte(offset) == 0x5F else { return offset }
            offset += 1
            guard Self.isDigit(byte(offset)) else { throw NumberError(message: "invalid decimal literal", offset: offset) }
        }
    }

    /// `first` is just past the decimal point.
    private func scanFraction(from first: Int) throws(NumberError) -> Int {
        var offset = first
        if Self.isDigit(byte(offset)) { offset = try decimalTail(from: offset) }
        return try scanExponentAndImaginary(from: offset)
    }

    private func scanExponentAndImaginary(from first: Int) throws(NumberError) -> Int {
        var offset = first
        if byte(offset) | 0x20 == 0x65 {
            var next = offset + 1
            if byte(next) == 0x2B || byte(next) == 0x2D {
                next += 1
                guard Self.isDigit(byte(next)) else { throw NumberError(message: "invalid decimal literal", offset: next) }
            } else if !Self.isDigit(byte(next)) {
                // `1e` or `1else`: the number ends before the letter.
                return offset
            }
            offset = try decimalTail(from: next)
        }
        if byte(offset) | 0x20 == 0x6A { offset += 1 }
        return offset
    }
}
