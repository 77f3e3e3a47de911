/// Every call's callee as a number, each distinct callee named once, and every
/// callee's calls listed. A rule that looks for the calls of a catalog looks its
/// names up (or asks its question once per distinct callee) and then visits just
/// those calls: a project holds hundreds of thousands of calls, and a catalog's
/// callees are called a few dozen times.
public final class CalleeTable: Sendable {
    /// Where a call is: its file, its function there, its index in the function's calls.
    struct Place: Sendable {
        var file: Int32
        var function: Int32
        var call: Int32
    }

    /// The distinct callees, by number.
    public var names: [String] { table.names }
    private let table: NameTable
    /// `numbers[file][firstCall[file][function] + call]`: the callee's number, in `forEachCall` order.
    let numbers: [[Int32]]
    let firstCall: [[Int]]
    /// The calls of callee `n` are `places[placesStart[n]..<placesStart[n + 1]]`, in file and call order.
    private let places: [Place]
    private let placesStart: [Int]

    /// Numbers the callees of each half of the files on its own core, then merges.
    init(_ files: [FileFacts]) {
        let middle = files.count / 2
        let halves = parallelMap([0..<middle, middle..<files.count], jobs: 2) { Self.number(files[$0]) }
        var table = halves[0].table
        let renumbered = halves[1].table.names.map { table.id(of: $0) }
        var numbers = halves[0].numbers
        numbers.reserveCapacity(files.count)
        for numbered in halves[1].numbers { numbers.append(numbered.map { renumbered[Int($0)] }) }
        let firstCall = halves[0].firstCall + halves[1].firstCall
        (places, placesStart) = Self.places(numbers: numbers, firstCall: firstCall, callees: table.names.count)
        self.table = table
        self.numbers = numbers
        self.firstCall = firstCall
    }

    private static func number(_ files: ArraySlice<FileFacts>) -> (table: NameTable, numbers: [[Int32]], firstCall: [[Int]]) {
        var table = NameTable()
        var numbers: [[Int32]] = []
        var firstCall: [[Int]] = []
        numbers.reserveCapacity(files.count)
        firstCall.reserveCapacity(files.count)
        for file in files {
            var numbered: [Int32] = []
            var starts: [Int] = []
            starts.reserveCapacity(file.functions.count)
            file.functions.withUnsafeBufferPointer { functions in
                // By index: binding each function's facts to a name would retain all its fields.
                for function in functions.indices {
                    starts.append(numbered.count)
                    functions[function].calls.withUnsafeBufferPointer { calls in
                        for call in calls.indices { numbered.append(table.id(of: calls[call].callee)) }
                    }
                }
            }
            numbers.append(numbered)
            firstCall.append(starts)
        }
        return (table, numbers, firstCall)
    }

    /// Every call's place, grouped by callee (a counting sort, so each group keeps file and call order).
    private static func places(numbers: [[Int32]], firstCall: [[Int]], callees: Int) -> ([Place], [Int]) {
        var start = [Int](repeating: 0, count: callees + 1)
        for numbered in numbers {
            for number in numbered { start[Int(number) + 1] += 1 }
        }
        for index in 0..<callees { start[index + 1] += start[index] }
        var next = start
        var places = [Place](repeating: Place(file: 0, function: 0, call: 0), count: start[callees])
        for (file, numbered) in numbers.enumerated() {
            let starts = firstCall[file]
            for function in starts.indices {
                let end = function + 1 < starts.count ? starts[function + 1] : numbered.count
                for position in starts[function]..<end {
                    let number = Int(numbered[position])
                    places[next[number]] = Place(file: Int32(file), function: Int32(function), call: Int32(position - starts[function]))
                    next[number] += 1
                }
            }
        }
        return (places, start)
    }

    /// The number of the callee of call `call` of `function` in file `file`.
    public func number(file: Int, function: Int, call: Int) -> Int {
        Int(numbers[file][firstCall[file][function] + call])
    }

    /// The callees that pass `test`, each asked about once.
    public func matching(_ test: (String) -> Bool) -> [Int] {
        names.indices.filter { test(names[$0]) }
    }

    /// The callees among `names` that some call has.
    public func numbers(of names: some Sequence<String>) -> [Int] {
        names.compactMap { table.existingID(of: $0).map(Int.init) }
    }

    /// The places of every call of `callees`, in file and call order.
    func places(of callees: [Int]) -> [Place] {
        var found: [Place] = []
        for callee in callees { found += places[placesStart[callee]..<placesStart[callee + 1]] }
        guard callees.count > 1 else { return found }
        return found.sorted { ($0.file, $0.function, $0.call) < ($1.file, $1.function, $1.call) }
    }
}

extension ProjectModel {
    /// The project's callees, numbered; built by the first analysis that asks.
    public var callees: CalleeTable {
        shared(CalleeTable.self) { CalleeTable(files) }
    }

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
            let file = Int(place.file)
            let function = Int(place.function)
            let call = Int(place.call)
            files[file].functions[function].calls.withUnsafeBufferPointer { calls in
                visit(file, function, LentCall(calls.baseAddress! + call, index: call))
            }
        }
    }
}
