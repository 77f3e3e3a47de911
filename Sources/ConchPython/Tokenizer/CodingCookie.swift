/// PEP 263 coding declarations, found as `tokenize.detect_encoding` finds them.
struct CodingCookie {
    enum Encoding { case utf8, latin1, ascii, cp1252, unsupported }

    var name: String
    var encoding: Encoding

    /// With a BOM, CPython accepts only a cookie that spells `utf-8` (or `utf_8`, `utf-8-*`).
    var isLiterallyUTF8: Bool {
        let spelled = String(name.prefix(12)).lowercased().replacingUTF8Underscores()
        return spelled == "utf-8" || spelled.hasPrefix("utf-8-")
    }

    /// The cookie on line 1, or on line 2 when line 1 is blank or a comment.
    static func find(in bytes: [UInt8]) -> CodingCookie? {
        let first = line(in: bytes, from: 0)
        if let cookie = cookie(in: bytes[first]) { return cookie }
        guard isBlankOrComment(bytes[first]), first.upperBound < bytes.count else { return nil }
        return cookie(in: bytes[line(in: bytes, from: first.upperBound)])
    }

    private static func line(in bytes: [UInt8], from start: Int) -> Range<Int> {
        var end = start
        while end < bytes.count, bytes[end] != 0x0A { end += 1 }
        return start..<min(end + 1, bytes.count)
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0C }

    private static func isBlankOrComment(_ line: ArraySlice<UInt8>) -> Bool {
        guard let first = line.first(where: { !isSpace($0) }) else { return true }
        return first == 0x23 || first == 0x0D || first == 0x0A
    }

    /// `^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)`
    private static func cookie(in line: ArraySlice<UInt8>) -> CodingCookie? {
        guard let hash = line.firstIndex(where: { !isSpace($0) }), line[hash] == 0x23 else { return nil }
        let word = Array("coding".utf8)
        var index = hash + 1
        while index + word.count < line.endIndex {
            if line[index..<index + word.count].elementsEqual(word),
               line[index + word.count] == 0x3A || line[index + word.count] == 0x3D {
                var start = index + word.count + 1
                while start < line.endIndex, line[start] == 0x20 || line[start] == 0x09 { start += 1 }
                var end = start
                while end < line.endIndex, isNameByte(line[end]) { end += 1 }
                if end > start {
                    let name = String(decoding: line[start..<end], as: UTF8.self)
                    return CodingCookie(name: name, encoding: classify(name))
                }
            }
            index += 1
        }
        return nil
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte | 0x20) &- 0x61 < 26 || byte &- 0x30 < 10 || byte == 0x5F || byte == 0x2D || byte == 0x2E
    }

    /// Python's codec lookup: lower-case, runs of other characters become `_`, then aliases.
    static func classify(_ name: String) -> Encoding {
        var normalized = ""
        var pendingUnderscore = false
        for scalar in name.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "." {
                if pendingUnderscore && !normalized.isEmpty { normalized.append("_") }
                pendingUnderscore = false
                normalized.unicodeScalars.append(scalar)
            } else {
                pendingUnderscore = true
            }
        }
        if normalized == "utf_8" || normalized.hasPrefix("utf_8_") { return .utf8 }
        if ["latin_1", "iso_8859_1", "iso_latin_1"].contains(where: { normalized == $0 || normalized.hasPrefix($0 + "_") }) {
            return .latin1
        }
        switch normalized {
        case "utf8", "u8", "utf", "utf8_ucs2", "utf8_ucs4", "cp65001":
            return .utf8
        case "latin1", "8859", "cp819", "csisolatin1", "ibm819", "iso8859", "iso8859_1", "iso_8859_1_1987",
             "iso_ir_100", "l1", "latin":
            return .latin1
        case "ascii", "646", "ansi_x3.4_1968", "ansi_x3_4_1968", "ansi_x3.4_1986", "cp367", "csascii", "ibm367",
             "iso646_us", "iso_646.irv_1991", "iso_ir_6", "us", "us_ascii":
            return .ascii
        case "cp1252", "windows_1252":
            return .cp1252
        default:
            return .unsupported
        }
    }
}

private extension String {
    func replacingUTF8Underscores() -> String {
        String(decoding: utf8.map { $0 == 0x5F ? 0x2D : $0 }, as: UTF8.self)
    }
}
