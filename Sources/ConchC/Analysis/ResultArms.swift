import ConchKit

extension FunctionWalker {
    /// For the call just recorded: the arm its nonzero result takes, for one that hands a
    /// function on (where a wrapper that starts a thread reports that it failed), and the
    /// block a once-only test lets its first caller run.
    func recordResultArms(of index: Int, named name: String, handsAFunction: Bool) {
        if handsAFunction, let arm = ForkBranches.nonzeroArm(ofIntegerCall: index, unit: unit) {
            facts.nonzeroResultArms[Int32(facts.calls.count - 1)] = arm
        }
        if ConcurrencyAPIs.beginsOnceOnlyBlock(name), let block = ForkBranches.nonzeroArm(ofIntegerCall: index, orBool: true, unit: unit) {
            facts.onceOnlyBlocks.append(block)
        }
    }
}
