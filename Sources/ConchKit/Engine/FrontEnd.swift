/// One file as the pipeline hands it to a front end.
public struct SourceFile: Sendable {
    /// Path as shown to the user: relative to the working directory where possible.
    public var path: String
    /// Path on disk, for front ends that resolve includes relative to it.
    public var absolutePath: String
    public var language: SourceLanguage
    /// Python's dotted module name, derived from the package folders around the file.
    public var moduleName: String
    public var text: SourceText

    public init(path: String, absolutePath: String, language: SourceLanguage, moduleName: String, text: SourceText) {
        self.path = path
        self.absolutePath = absolutePath
        self.language = language
        self.moduleName = moduleName
        self.text = text
    }
}

/// Turns one language's source into facts. Knows nothing of rules.
public protocol FrontEnd: Sendable {
    var language: SourceLanguage { get }
    /// Turns a file's bytes into text the front end can read (see the default below).
    func decode(_ bytes: [UInt8]) -> (SourceText, [FileProblem])
    /// Never throws: what cannot be analysed becomes a `FileProblem` in the facts.
    func facts(for file: SourceFile, settings: AnalysisSettings) -> FileFacts
    /// The file's problems, from decoding its bytes and from analysing the text.
    func problems(decoding: [FileProblem], analysis: [FileProblem]) -> [FileProblem]
}

extension FrontEnd {
    /// Turns a file's bytes into text the front end can read. The default takes
    /// UTF-8 as it is and reports the first invalid byte; Python overrides it to
    /// honour coding cookies.
    public func decode(_ bytes: [UInt8]) -> (SourceText, [FileProblem]) {
        (SourceText(bytes: bytes), UTF8Validation.problems(in: bytes))
    }

    /// Both, decoding's first.
    public func problems(decoding: [FileProblem], analysis: [FileProblem]) -> [FileProblem] {
        decoding + analysis
    }
}

public enum UTF8Validation {
    /// One problem naming the first invalid UTF-8 sequence, or none.
    public static func problems(in bytes: [UInt8]) -> [FileProblem] {
        guard let offset = firstInvalidOffset(in: bytes) else { return [] }
        let position = SourceText(bytes: bytes).position(of: offset)
        return [FileProblem("invalid UTF-8 at line \(position.line), byte \(position.utf8Column) of the line",
                            range: ByteRange(offset, offset + 1))]
    }

    public static func firstInvalidOffset(in bytes: [UInt8]) -> Int? {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let width: Int
            switch lead {
            case 0x00...0x7F: width = 1
            case 0xC2...0xDF: width = 2
            case 0xE0...0xEF: width = 3
            case 0xF0...0xF4: width = 4
            default: return index
            }
            guard index + width <= bytes.count else { return index }
            for continuation in 1..<width where bytes[index + continuation] & 0xC0 != 0x80 { return index }
            if width == 3 {
                let second = bytes[index + 1]
                if (lead == 0xE0 && second < 0xA0) || (lead == 0xED && second > 0x9F) { return index }
            } else if width == 4 {
                let second = bytes[index + 1]
                if (lead == 0xF0 && second < 0x90) || (lead == 0xF4 && second > 0x8F) { return index }
            }
            index += width
        }
        return nil
    }
}
