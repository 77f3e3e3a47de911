/// Single-byte encodings to UTF-8.
enum Transcode {
    static func toUTF8(_ bytes: [UInt8], _ scalarFor: (UInt8) -> UInt32) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        for byte in bytes {
            if byte < 0x80 {
                out.append(byte)
                continue
            }
            let value = scalarFor(byte)
            if value < 0x800 {
                out.append(UInt8(0xC0 | (value >> 6)))
                out.append(UInt8(0x80 | (value & 0x3F)))
            } else {
                out.append(UInt8(0xE0 | (value >> 12)))
                out.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
                out.append(UInt8(0x80 | (value & 0x3F)))
            }
        }
        return out
    }

    /// Windows-1252: Latin-1 except 0x80...0x9F; its five undefined bytes map to
    /// the C1 controls, as Python's decoder would refuse them anyway.
    static func cp1252(_ byte: UInt8) -> UInt32 {
        guard byte >= 0x80, byte <= 0x9F else { return UInt32(byte) }
        let table: [UInt32] = [
            0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
            0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
            0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
            0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
        ]
        return table[Int(byte - 0x80)]
    }
}
