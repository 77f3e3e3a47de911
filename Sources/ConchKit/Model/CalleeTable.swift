/// Every call's callee as a number, each distinct callee named once, and every
/// callee's calls listed. A rule that looks for the calls of a catalog looks its
/// names up (or asks its question once per distinct callee) and then visits just
/// those calls: a project holds hundreds of thousands of calls, and a catalog's
/// callees are called a few dozen times.
public final class CalleeTable: Sendable {
    /// Where a call is: its file, its function there, its index in the function's calls.
    struct Place: Sendable {
        var file: Int
        var function: Int
        var call: Int
    }

    /// The distinct callees, by number.
    public var names: [String] { table.names }
    private let table: NameTable
    /// Calls are numbered across the project in `forEachCall` order, file by file:
    /// call `call` of `function` in file `file` is `fileStart[file] + firstCall[file][function] + call`.
    let fileStart: [Int]
    let firstCall: [[Int]]
    /// The calls of callee `n` are `calls[callStart[n]..<callStart[n + 1]]`, in project order.
    let calls: [Int32]
    let callStart: [Int]

    /// Numbers the callees of each half of the files on its own core, then merges.
    init(_ files: [FileFacts]) {
        let middle = files.count / 2
        var halves = parallelMap([0..<middle, middle..<files.count], jobs: 2) { Self.number(files[$0]) }
        var table = halves[0].table
        // Dropped from `halves` so that adding to `table` does not copy it first.
        halves[0].table = NameTable()
        let renumbered = halves[1].table.names.map { table.id(of: $0) }
        for index in halves[1].numbers.indices { halves[1].numbers[index] = renumbered[Int(halves[1].numbers[index])] }
        firstCall = halves[0].firstCall + halves[1].firstCall
        fileStart = halves[0].fileStart + halves[1].fileStart.map { $0 + halves[0].numbers.count }
        (calls, callStart) = Self.group([halves[0].numbers, halves[1].numbers], callees: table.names.count)
        self.table = table
    }

    private static func number(_ files: ArraySlice<FileFacts>) -> (table: NameTable, numbers: [Int32], firstCall: [[Int]], fileStart: [Int]) {
        var table = NameTable()
        var numbers: [Int32] = []
        var firstCall: [[Int]] = []
        var fileStart: [Int] = []
        firstCall.reserveCapacity(files.count)
        for file in files {
            fileStart.append(numbers.count)
            var starts: [Int] = []
            starts.reserveCapacity(file.functions.count)
            file.functions.withUnsafeBufferPointer { functions in
                // By index: binding each function's facts to a name would retain all its fields.
                for function in functions.indices {
                    starts.append(numbers.count - fileStart[fileStart.count - 1])
                    functions[function].calls.withUnsafeBufferPointer { calls in
                        for call in calls.indices { numbers.append(table.id(of: calls[call].callee)) }
                    }
                }
            }
            firstCall.append(starts)
        }
        return (table, numbers, firstCall, fileStart)
    }

    /// The project's calls grouped by callee (a counting sort, so each group keeps project
    /// order); `parts` number the calls one after the other, in project order.
    private static func group(_ parts: [[Int32]], callees: Int) -> ([Int32], [Int]) {
        var start = [Int](repeating: 0, count: callees + 1)
        for numbers in parts {
            for number in numbers { start[Int(number) + 1] += 1 }
        }
        for index in 0..<callees { start[index + 1] += start[index] }
        var next = start
        var calls = [Int32](repeating: 0, count: start[callees])
        var call: Int32 = 0
        for numbers in parts {
            for number in numbers {
                calls[next[Int(number)]] = call
                next[Int(number)] += 1
                call += 1
            }
        }
        return (calls, start)
    }

    /// The number of calls in the project.
    var callCount: Int { calls.count }

    /// The project-wide number of call `call` of `function` in file `file`.
    func callNumber(file: Int, function: Int, call: Int) -> Int {
        fileStart[file] + firstCall[file][function] + call
    }

    /// The calls of callee `number`, by project-wide number.
    func calls(of number: Int) -> ArraySlice<Int32> {
        calls[callStart[number]..<callStart[number + 1]]
    }

    /// The callees that pass `test`, each asked about once.
    public func matching(_ test: (String) -> Bool) -> [Int] {
        let names = table.names
        return names.indices.filter { test(names[$0]) }
    }

    /// The callees among `names` that some call has.
    public func numbers(of names: some Sequence<String>) -> [Int] {
        names.compactMap { table.existingID(of: $0).map(Int.init) }
    }

    /// The places of every call of `callees`, in file and call order.
    func places(of callees: [Int]) -> [Place] {
        var found: [Int32] = []
        for callee in callees { found += calls(of: callee) }
        if callees.count > 1 { found.sort() }
        return found.map(place)
    }

    /// Where the call with this project-wide number is (two binary searches).
    private func place(of number: Int32) -> Place {
        let global = Int(number)
        let file = fileStart.lastIndex(notAbove: global)
        let local = global - fileStart[file]
        let function = firstCall[file].lastIndex(notAbove: local)
        return Place(file: file, function: function, call: local - firstCall[file][function])
    }
}

extension ProjectModel {
    /// Every call whose callee passes `test` (asked once per distinct callee), in file
    /// and call order, with the file's index.
    public func forEachCall(to test: (String) -> Bool,
                            _ visit: (_ file: Int, _ function: Int, _ call: LentCall) -> Void) {
        forEachCall(at: callees.places(of: callees.matching(test)), visit)
    }

    /// Every call of one of `names`, in file and call order, with the file's index.
    public func forEachCall(toAnyOf names: some Sequence<String>,
                            _ visit: (_ file: Int, _ function: Int, _ call: LentCall) -> Void) {
        forEachCall(at: callees.places(of: callees.numbers(of: names)), visit)
    }

    private func forEachCall(at places: [CalleeTable.Place], _ visit: (_ file: Int, _ function: Int, _ call: LentCall) -> Void) {
        for place in places {
            files[place.file].functions[place.function].calls.withUnsafeBufferPointer { calls in
                visit(place.file, place.function, LentCall(calls.baseAddress! + place.call, index: place.call))
            }
        }
    }
}
