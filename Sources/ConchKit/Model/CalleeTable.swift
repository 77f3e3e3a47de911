/// Every call's callee as a number, each distinct callee named once. A rule that
/// looks for the calls of a catalog asks its question once per distinct callee,
/// then scans four-byte numbers instead of walking every call's facts: a project
/// holds hundreds of thousands of calls and far fewer distinct callees.
public final class CalleeTable: Sendable {
    /// The distinct callees, by number.
    public let names: [String]
    /// `numbers[file][firstCall[file][function] + call]`: the callee's number, in `forEachCall` order.
    let numbers: [[Int32]]
    let firstCall: [[Int]]

    init(_ files: [FileFacts]) {
        var known = NameTable()
        var numbers: [[Int32]] = []
        var firstCall: [[Int]] = []
        numbers.reserveCapacity(files.count)
        firstCall.reserveCapacity(files.count)
        for file in files {
            var numbered: [Int32] = []
            var starts: [Int] = []
            starts.reserveCapacity(file.functions.count)
            file.functions.withUnsafeBufferPointer { functions in
                for function in functions {
                    starts.append(numbered.count)
                    function.calls.withUnsafeBufferPointer { calls in
                        for call in calls.indices {
                            numbered.append(known.id(of: calls[call].callee))
                        }
                    }
                }
            }
            numbers.append(numbered)
            firstCall.append(starts)
        }
        names = known.names
        self.numbers = numbers
        self.firstCall = firstCall
    }

    /// The number of the callee of call `call` of `function` in file `file`.
    public func number(file: Int, function: Int, call: Int) -> Int {
        Int(numbers[file][firstCall[file][function] + call])
    }

    /// The callees that pass `test`, each asked about once.
    public func matching(_ test: (String) -> Bool) -> CalleeSet {
        CalleeSet(members: names.map(test))
    }

    /// The calls of file `file` whose callee is in `callees`, in `FileFacts.forEachCall` order.
    public func forEachCall(in file: FileFacts, at fileIndex: Int, to callees: CalleeSet,
                            _ visit: (_ function: Int, _ call: LentCall) -> Void) {
        let numbers = numbers[fileIndex]
        let firstCall = firstCall[fileIndex]
        file.functions.withUnsafeBufferPointer { functions in
            for function in functions.indices {
                let first = firstCall[function]
                functions[function].calls.withUnsafeBufferPointer { calls in
                    guard let base = calls.baseAddress else { return }
                    for call in calls.indices where callees.members[Int(numbers[first + call])] {
                        visit(function, LentCall(base + call, index: call))
                    }
                }
            }
        }
    }
}

/// A set of distinct callees of a `CalleeTable`, one flag per callee number.
public struct CalleeSet: Sendable {
    let members: [Bool]

    public func contains(_ number: Int) -> Bool { members[number] }
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
        let table = callees
        let matched = table.matching(test)
        for (index, file) in files.enumerated() {
            table.forEachCall(in: file, at: index, to: matched) { visit(index, $0, $1) }
        }
    }
}
