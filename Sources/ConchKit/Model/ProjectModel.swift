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
    public let functionIndex: FunctionIndex
    /// The indexed functions by number.
    public let indexedFunctions: [FunctionReference]
    /// `functionNumbers[file][function]`: the number of the function's id (a second
    /// definition under one id shares the first's), or -1 for a module body.
    let functionNumbers: [[Int32]]
    /// Every call's callee, numbered: built here, beside the function index, while no
    /// rule runs yet, since the call graph and most rules start from it.
    public let callees: CalleeTable
    let cache = AnalysisCache()

    public init(files: [FileFacts], settings: AnalysisSettings) {
        var files = files
        DuplicateDefinitions.separate(&files)
        ImportedGlobals.join(&files)
        // Numbering callees does not wait for the function index: it reads only calls.
        let calleeTable = Background { [files] in CalleeTable(files) }
        self.settings = settings
        var definitions: [FunctionID: FunctionReference] = [:]
        definitions.reserveCapacity(files.reduce(0) { $0 + $1.functions.count })
        var indexed: [FunctionReference] = []
        var numbers: [[Int32]] = []
        for (fileIndex, file) in files.enumerated() {
            var fileNumbers = [Int32](repeating: -1, count: file.functions.count)
            for functionIndex in file.functions.indices where file.functions[functionIndex].kind != .module {
                let reference = FunctionReference(file: fileIndex, function: functionIndex, number: indexed.count)
                // One hash per function: a second definition under one id is rare, and puts the first back.
                if let known = definitions.updateValue(reference, forKey: file.functions[functionIndex].id) {
                    definitions[file.functions[functionIndex].id] = known
                    fileNumbers[functionIndex] = Int32(known.number)
                    continue
                }
                fileNumbers[functionIndex] = Int32(reference.number)
                indexed.append(reference)
            }
            numbers.append(fileNumbers)
        }
        let reexports = ReexportedNames(files) { definitions[$0] != nil }
        // In place: the index looks a re-exported function up as it looks up its definition.
        for (name, original) in reexports.functions {
            if let reference = definitions[original] { definitions[name] = reference }
        }
        let classes = Background { [files] in InheritedStarts.Classes(files, reexports: reexports) }
        let index = FunctionIndex(definitions, reexports: reexports)
        // The joins add spawn sites and leave calls alone: the callee table stays true.
        let table = calleeTable.value
        ForwardedThreadEntries.join(&files, knownFunctions: index, callees: table)
        ForwardedCallbacks.join(&files, knownFunctions: index, callees: table)
        InheritedStarts.join(&files, classes: classes.value, knownFunctions: index, callees: table)
        ThreadTestCalls.join(&files)
        ForwardedTaskCounts.join(&files, callees: table)
        self.files = files
        functionIndex = index
        indexedFunctions = indexed
        functionNumbers = numbers
        callees = table
    }

    /// The number of function `function` of file `file` (of its id: a second definition
    /// under one id shares the first's), without hashing the id; nil for a module body.
    public func number(file: Int, function: Int) -> Int? {
        let number = functionNumbers[file][function]
        return number >= 0 ? Int(number) : nil
    }

    public func function(_ id: FunctionID) -> (file: FileFacts, function: FunctionFacts)? {
        guard let reference = functionIndex[id] else { return nil }
        let file = files[reference.file]
        return (file, file.functions[reference.function])
    }
}
