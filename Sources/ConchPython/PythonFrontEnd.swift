import ConchKit

/// The Python front end: decodes with coding cookies, tokenizes, and scans the
/// tokens into facts. Never crashes on broken input; the tokenizer's first problem
/// becomes the file's one `CON000`.
public struct PythonFrontEnd: FrontEnd {
    public init() {}

    public var language: SourceLanguage { .python }

    public func decode(_ bytes: [UInt8]) -> (SourceText, [FileProblem]) {
        PythonSource.decode(bytes: bytes)
    }

    public func facts(for file: SourceFile, settings: AnalysisSettings) -> FileFacts {
        PythonScanner.facts(for: file)
    }

    /// One `CON000` per file, as CPython stops at the first: a file it cannot decode
    /// reports that, not what its undecodable text then fails to tokenize.
    public func problems(decoding: [FileProblem], analysis: [FileProblem]) -> [FileProblem] {
        decoding.isEmpty ? analysis : decoding
    }
}
