#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Decodes the encodings CPython's codecs know beyond the common ones
/// (koi8-r, iso-8859-5, shift_jis, euc-jp, cp1251...) through the C library's iconv.
enum IconvDecoder {
    enum Outcome {
        case decoded([UInt8])
        /// The C library has no converter for this name.
        case unknownEncoding
        /// Byte offset of the first sequence that is not valid in the encoding.
        case invalid(at: Int)
    }

    /// Python spells `iso_8859_5`, `shift-jis`, `latin_2`; iconv wants `ISO-8859-5`, `SHIFT_JIS`.
    static func candidates(for name: String) -> [String] {
        let upper = name.uppercased()
        let hyphenated = String(upper.map { $0 == "_" ? "-" : $0 })
        let underscored = String(upper.map { $0 == "-" ? "_" : $0 })
        var names: [String] = []
        for candidate in [upper, hyphenated, underscored] where !names.contains(candidate) { names.append(candidate) }
        return names
    }

    static func decode(_ bytes: [UInt8], from name: String) -> Outcome {
        for candidate in candidates(for: name) {
            let converter = iconv_open("UTF-8", candidate)
            guard let converter, Int(bitPattern: converter) != -1 else { continue }
            defer { iconv_close(converter) }
            return convert(bytes, with: converter)
        }
        return .unknownEncoding
    }

    private static func convert(_ bytes: [UInt8], with converter: iconv_t) -> Outcome {
        var input = bytes.map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: bytes.count * 4 + 16)
        let inputCount = input.count
        let outputCount = output.count
        return input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer = inBuffer.baseAddress
                var outPointer = outBuffer.baseAddress
                var inLeft = inputCount
                var outLeft = outputCount
                let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                if result == -1 || inLeft > 0 { return .invalid(at: inputCount - inLeft) }
                let written = outputCount - outLeft
                return .decoded(outBuffer.prefix(written).map { UInt8(bitPattern: $0) })
            }
        }
    }
}
