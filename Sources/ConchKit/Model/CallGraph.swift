/// The project's resolved calls with every indexed function numbered, built once
/// per model: walks over the whole graph (what the main thread reaches, which
/// functions lead to a thread start) then step through integers instead of
/// hashing a name for every call of every function.
public final class CallGraph: Sendable {
    /// The numbered functions, in file order.
    public let references: [ProjectModel.FunctionReference]
    // The model's own index and ids, not the model: the model caches this graph.
    private let index: FunctionIndex
    private let ids: [FunctionID]
    /// The number of the function each call resolves to, or -1, by the call's project-wide number.
    private let targets: [Int32]
    private let table: CalleeTable
    /// The distinct functions each numbered function calls, itself excluded.
    let callees: [[Int32]]
    /// The distinct functions that call each numbered function: `reaching` walks them,
    /// for several rules and many times each.
    private let callers: [[Int32]]

    init(_ model: ProjectModel) {
        let references = model.indexedFunctions
        let index = model.functionIndex
        let table = model.callees
        var targets = [Int32](repeating: -1, count: table.callCount)
        // A Python callee resolves the same from every file: once per distinct callee.
        for (number, name) in table.names.enumerated() {
            guard let target = index[name]?.number else { continue }
            for call in table.calls(of: number) { targets[Int(call)] = Int32(target) }
        }
        for (fileIndex, file) in model.files.enumerated() where file.language != .python {
            var position = table.fileStart[fileIndex]
            file.forEachCall { _, call in
                targets[position] = model.resolvedReference(call.callee, from: file).map { Int32($0.reference.number) } ?? -1
                position += 1
            }
        }
        self.references = references
        self.index = index
        ids = references.map { model.files[$0.file].functions[$0.function].id }
        self.targets = targets
        self.table = table
        var callees = [[Int32]](repeating: [], count: references.count)
        // `lastCaller[callee]`: the last function that listed it, so each list has no repeats without a set per function.
        var lastCaller = [Int32](repeating: -1, count: references.count)
        for (number, reference) in references.enumerated() {
            let caller = Int32(number)
            lastCaller[number] = caller
            let first = table.callNumber(file: reference.file, function: reference.function, call: 0)
            let calls = model.files[reference.file].functions[reference.function].calls.count
            for target in targets[first..<first + calls] where target >= 0 && lastCaller[Int(target)] != caller {
                lastCaller[Int(target)] = caller
                callees[number].append(target)
            }
        }
        self.callees = callees
        var callers = [[Int32]](repeating: [], count: references.count)
        for (number, list) in callees.enumerated() {
            for callee in list { callers[Int(callee)].append(Int32(number)) }
        }
        self.callers = callers
    }

    public var count: Int { references.count }

    public func number(of id: FunctionID) -> Int? { index[id]?.number }

    /// The numbered functions that call function `number`.
    public func callers(of number: Int) -> [Int32] { callers[number] }

    public func id(of number: Int) -> FunctionID { ids[number] }

    /// The function call `call` of `function` in file `file` resolves to, by number.
    public func callee(file: Int, function: Int, call: Int) -> Int? {
        let target = targets[table.callNumber(file: file, function: function, call: call)]
        return target >= 0 ? Int(target) : nil
    }

    /// Every resolved call of file `fileIndex` in `forEachCall` order: its function, the
    /// call lent in place, and the function it resolves to. Unresolved calls are skipped
    /// without reading their facts.
    public func forEachResolvedCall(in file: FileFacts, at fileIndex: Int,
                                    _ visit: (_ function: Int, _ call: LentCall, _ callee: Int) -> Void) {
        let fileStart = table.fileStart[fileIndex]
        let firstCall = table.firstCall[fileIndex]
        file.functions.withUnsafeBufferPointer { functions in
            for function in functions.indices {
                let first = fileStart + firstCall[function]
                functions[function].calls.withUnsafeBufferPointer { calls in
                    guard let base = calls.baseAddress else { return }
                    for call in calls.indices where targets[first + call] >= 0 {
                        visit(function, LentCall(base + call, index: call), Int(targets[first + call]))
                    }
                }
            }
        }
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

    /// `reach(from:)`, not following the calls a function makes inside its `cut` ranges (the
    /// child branches of its forks), by number.
    public func reach(from entries: some Sequence<Int>, cutting cut: [Int: [ByteRange]], in files: [FileFacts]) -> FunctionSet {
        var reached = FunctionSet(self)
        var queue = entries.filter { reached.insert($0) }
        while let number = queue.popLast() {
            guard let ranges = cut[number] else {
                for callee in callees[number] where reached.insert(Int(callee)) { queue.append(Int(callee)) }
                continue
            }
            let reference = references[number]
            let calls = files[reference.file].functions[reference.function].calls
            for (index, call) in calls.enumerated() where !ranges.contains(where: { $0.contains(call.range.start) }) {
                if let callee = callee(file: reference.file, function: reference.function, call: index), reached.insert(callee) {
                    queue.append(callee)
                }
            }
        }
        return reached
    }

    /// A shortest chain of calls from `entry` to `target` through functions of `allowed`,
    /// taking only the calls `following` accepts (by caller number and call index): each
    /// step the caller's number and the index of its call. Empty when `entry` is `target`;
    /// nil when no chain stays within.
    public func path(from entry: Int, to target: Int, within allowed: FunctionSet, in files: [FileFacts],
                     following: (_ caller: Int, _ call: Int) -> Bool = { _, _ in true }) -> [(caller: Int, call: Int)]? {
        guard entry != target else { return [] }
        var parent: [Int: (caller: Int, call: Int)] = [:]
        var seen = FunctionSet(self)
        seen.insert(entry)
        var queue = [entry]
        var head = 0
        while head < queue.count, !seen.contains(target) {
            let number = queue[head]
            head += 1
            let reference = references[number]
            for index in files[reference.file].functions[reference.function].calls.indices {
                guard let callee = callee(file: reference.file, function: reference.function, call: index),
                      allowed.contains(callee), !seen.contains(callee), following(number, index) else { continue }
                seen.insert(callee)
                parent[callee] = (number, index)
                queue.append(callee)
            }
        }
        guard seen.contains(target) else { return nil }
        var steps: [(caller: Int, call: Int)] = []
        var current = target
        while let step = parent[current] {
            steps.append(step)
            current = step.caller
        }
        return steps.reversed()
    }

    /// Every function from which one of `targets` can be reached, targets included.
    public func reaching(_ targets: some Sequence<Int>) -> FunctionSet {
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

    public mutating func remove(_ id: FunctionID) {
        if let number = graph.number(of: id) { remove(number) }
    }

    public var isEmpty: Bool { words.allSatisfy { $0 == 0 } }

    public mutating func formUnion(_ other: FunctionSet) {
        for index in words.indices { words[index] |= other.words[index] }
    }

    public func isDisjoint(with other: FunctionSet) -> Bool {
        zip(words, other.words).allSatisfy { $0 & $1 == 0 }
    }

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
