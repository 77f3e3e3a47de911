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
    /// Turns a file's bytes into text the front end can read. The default takes the
    /// bytes as they are, as a C compiler does (a Latin-1 name in a comment compiles);
    /// Python overrides it to honour coding cookies and reject what CPython rejects.
    public func decode(_ bytes: [UInt8]) -> (SourceText, [FileProblem]) {
        (SourceText(bytes: bytes), [])
    }

    /// Both, decoding's first.
    public func problems(decoding: [FileProblem], analysis: [FileProblem]) -> [FileProblem] {
        decoding + analysis
    }
}
