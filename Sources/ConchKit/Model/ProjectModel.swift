/// Every file's facts joined: where each function lives, so a thread started in
/// one module can be followed into the function another module defines.
public struct ProjectModel: Sendable {
    public struct FunctionReference: Hashable, Sendable {
        public var file: Int
        public var function: Int
        /// Its place among the indexed functions, in file order: its number in the `CallGraph`.
        public var number: Int
    }

    public let files: [FileFacts]
    public let settings: AnalysisSettings
    public let functionIndex: [FunctionID: FunctionReference]
    /// The indexed functions by number.
    public let indexedFunctions: [FunctionReference]
    let cache = AnalysisCache()

    public init(files: [FileFacts], settings: AnalysisSettings) {
        var files = files
        self.settings = settings
        var index: [FunctionID: FunctionReference] = [:]
        index.reserveCapacity(files.reduce(0) { $0 + $1.functions.count })
        var indexed: [FunctionReference] = []
        for (fileIndex, file) in files.enumerated() {
            for functionIndex in file.functions.indices where file.functions[functionIndex].kind != .module {
                let id = file.functions[functionIndex].id
                guard index[id] == nil else { continue }
                let reference = FunctionReference(file: fileIndex, function: functionIndex, number: indexed.count)
                index[id] = reference
                indexed.append(reference)
            }
        }
        ForwardedThreadEntries.join(&files, knownFunctions: index)
        self.files = files
        functionIndex = index
        indexedFunctions = indexed
    }

    public func function(_ id: FunctionID) -> (file: FileFacts, function: FunctionFacts)? {
        guard let reference = functionIndex[id] else { return nil }
        let file = files[reference.file]
        return (file, file.functions[reference.function])
    }
}
