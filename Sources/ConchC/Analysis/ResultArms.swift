import ConchKit

extension FunctionWalker {
    /// For the call just recorded: for one that hands a function on, the arm its nonzero
    /// result takes (where a wrapper that starts a thread reports that it failed) and the
    /// `if`/`else` arms around it; and the block a once-only test lets its first caller run.
    func recordResultArms(of index: Int, named name: String, handsAFunction: Bool) {
        if handsAFunction {
            let call = Int32(facts.calls.count - 1)
            if let arm = ForkBranches.nonzeroArm(ofIntegerCall: index, unit: unit) { facts.nonzeroResultArms[call] = arm }
            let arms = branchArms(of: index)
            if !arms.isEmpty { facts.armsOfHandingCalls[call] = arms }
        }
        if ConcurrencyAPIs.beginsOnceOnlyBlock(name), let block = ForkBranches.nonzeroArm(ofIntegerCall: index, orBool: true, unit: unit) {
            facts.onceOnlyBlocks.append(block)
        }
    }
}
