/// The project's resolved calls with every indexed function numbered, built once
/// per model: walks over the whole graph (what the main thread reaches, which
/// functions lead to a thread start) then step through integers instead of
/// hashing a name for every call of every function.
public final class CallGraph: Sendable {
    /// The numbered functions, in file order.
    public let references: [ProjectModel.FunctionReference]
    let ids: [FunctionID]
    let numbers: [FunctionID: Int32]
    /// `targets[file][function][call]`: the number of the function the call resolves to, or -1.
    private let targets: [[[Int32]]]
    /// The distinct functions each numbered function calls, itself excluded.
    let callees: [[Int32]]

    init(_ model: ProjectModel) {
        var references: [ProjectModel.FunctionReference] = []
        var ids: [FunctionID] = []
        var numbers: [FunctionID: Int32] = [:]
        for (fileIndex, file) in model.files.enumerated() {
            for (functionIndex, function) in file.functions.enumerated()
            where model.functionIndex[function.id] == ProjectModel.FunctionReference(file: fileIndex, function: functionIndex) {
                numbers[function.id] = Int32(ids.count)
                ids.append(function.id)
                references.append(ProjectModel.FunctionReference(file: fileIndex, function: functionIndex))
            }
        }
        let targets = model.files.map { file in
            file.functions.map { function in
                function.calls.indices.map { call in Self.resolve(function.calls[call].callee, from: file, numbers) }
            }
        }
        var callees = [[Int32]](repeating: [], count: ids.count)
        for (number, reference) in references.enumerated() {
            var seen: Set<Int32> = [Int32(number)]
            callees[number] = targets[reference.file][reference.function].filter { $0 >= 0 && seen.insert($0).inserted }
        }
        self.references = references
        self.ids = ids
        self.numbers = numbers
        self.targets = targets
        self.callees = callees
    }

    /// `ProjectModel.resolve`, straight to the number.
    private static func resolve(_ callee: String, from file: FileFacts, _ numbers: [FunctionID: Int32]) -> Int32 {
        if file.language == .c, let own = numbers[file.path + "::" + callee] { return own }
        return numbers[callee] ?? -1
    }

    public var count: Int { ids.count }

    public func number(of id: FunctionID) -> Int? { numbers[id].map(Int.init) }

    public func id(of number: Int) -> FunctionID { ids[number] }

    /// The function call `call` of `function` in file `file` resolves to, by number.
    public func callee(file: Int, function: Int, call: Int) -> Int? {
        let target = targets[file][function][call]
        return target >= 0 ? Int(target) : nil
    }

    /// What call `call` of `function` in file `file` resolves to.
    public func calleeID(file: Int, function: Int, call: Int) -> FunctionID? {
        callee(file: file, function: function, call: call).map { ids[$0] }
    }

    /// Every function reachable from `entries` through resolved calls, entries included.
    public func reach(from entries: some Sequence<Int>) -> FunctionSet {
        var reached = FunctionSet(self)
        var queue = entries.filter { reached.insert($0) }
        while let number = queue.popLast() {
            for callee in callees[number] where reached.insert(Int(callee)) { queue.append(Int(callee)) }
        }
        return reached
    }

    /// Every function from which one of `targets` can be reached, targets included.
    public func reaching(_ targets: some Sequence<Int>) -> FunctionSet {
        var callers = [[Int32]](repeating: [], count: count)
        for (number, list) in callees.enumerated() {
            for callee in list { callers[Int(callee)].append(Int32(number)) }
        }
        var reached = FunctionSet(self)
        var queue = targets.filter { reached.insert($0) }
        while let number = queue.popLast() {
            for caller in callers[number] where reached.insert(Int(caller)) { queue.append(Int(caller)) }
        }
        return reached
    }
}

/// A set of the project's functions, one bit per numbered function.
public struct FunctionSet: Sendable {
    private let graph: CallGraph
    private var words: [UInt64]

    public init(_ graph: CallGraph) {
        self.graph = graph
        words = [UInt64](repeating: 0, count: (graph.count + 63) / 64)
    }

    public func contains(_ number: Int) -> Bool {
        words[number >> 6] & (1 << UInt64(number & 63)) != 0
    }

    public func contains(_ id: FunctionID) -> Bool {
        graph.number(of: id).map(contains) ?? false
    }

    /// Adds `number`; false when it was there already.
    @discardableResult
    public mutating func insert(_ number: Int) -> Bool {
        let bit: UInt64 = 1 << UInt64(number & 63)
        guard words[number >> 6] & bit == 0 else { return false }
        words[number >> 6] |= bit
        return true
    }

    public mutating func remove(_ number: Int) {
        words[number >> 6] &= ~(1 << UInt64(number & 63))
    }

    public var isEmpty: Bool { words.allSatisfy { $0 == 0 } }

    /// The members' numbers, ascending: file order, then order in the file.
    public var numbers: [Int] {
        var result: [Int] = []
        for (index, word) in words.enumerated() where word != 0 {
            var rest = word
            while rest != 0 {
                result.append(index * 64 + rest.trailingZeroBitCount)
                rest &= rest - 1
            }
        }
        return result
    }

    public var ids: [FunctionID] { numbers.map(graph.id) }
}
