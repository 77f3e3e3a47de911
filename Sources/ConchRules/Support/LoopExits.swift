import ConchKit

extension FileFacts {
    /// `if done: schedule(timeout, handler); return` (scapy's ISO-TP sender): a call in a
    /// branch that then leaves the loop runs once per run of the loop, not on every pass.
    /// Python only: a C branch that `continue`s counts as leaving too.
    func leavesTheLoop(at offset: Int, _ loop: LoopFacts, in function: FunctionFacts) -> Bool {
        language == .python && function.branchesLeaving(loop).contains { $0.contains(offset) }
    }
}

extension LoopFacts {
    /// A `for` or a comprehension over a collection, or over a count of two or more: one
    /// pass per item.
    var runsOverItems: Bool {
        guard kind == .for || kind == .comprehension else { return false }
        switch bound {
        case .collection: return true
        case let .constant(passes): return passes >= 2
        case .unbounded, .conditional: return false
        }
    }

    /// "the `for` at line 12", "the comprehension at line 12".
    func named(in file: FileFacts) -> String {
        "the \(kind == .for ? "`for`" : kind == .comprehension ? "comprehension" : "`while`") at line \(file.line(of: headerRange.start))"
    }
}

extension FunctionFacts {
    /// The branches in the loop that end by leaving it (`return`, `raise`, `break`). A
    /// `break` leaves only the innermost loop: no other loop may stand between.
    func branchesLeaving(_ loop: LoopFacts) -> [ByteRange] {
        exitingBranches.filter { branch in
            loop.range.contains(branch.start) && !loops.contains { inner in
                inner.range != loop.range && loop.range.contains(inner.range.start) && inner.range.contains(branch.start)
            }
        }
    }
}
