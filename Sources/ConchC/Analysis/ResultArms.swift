import CLibClang
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
            if !arms.isEmpty { armsOfHandingCalls[call] = arms }
        }
        if ConcurrencyAPIs.beginsOnceOnlyBlock(name), let block = ForkBranches.nonzeroArm(ofIntegerCall: index, orBool: true, unit: unit) {
            onceOnlyBlocks.append(block)
        }
    }

    /// The innermost `if` branch around a node that ends by leaving the function.
    func returningBranch(of node: Int) -> ByteRange? {
        let tree = unit.tree
        var child = node
        while child != functionDeclaration, let parent = tree[child].parent {
            if tree[parent].kind == CXCursor_IfStmt, let position = tree[parent].children.firstIndex(of: child), position >= 1,
               ControlFlow.exits(child, unit: unit, leavingTheFunction: true) {
                return unit.range(child)
            }
            child = parent
        }
        return nil
    }

    /// The `if`/`else` arms around a node of this body, outermost first.
    func branchArms(of node: Int) -> [BranchArm] {
        let tree = unit.tree
        var arms: [BranchArm] = []
        var child = node
        while child != functionDeclaration, let parent = tree[child].parent {
            if tree[parent].kind == CXCursor_IfStmt, let position = tree[parent].children.firstIndex(of: child), position >= 1 {
                let others = tree[parent].children.dropFirst().filter { $0 != child }.map(unit.range)
                arms.append(BranchArm(chain: tree[parent].start, arm: position - 1, otherArms: others))
            }
            child = parent
        }
        return arms.reversed()
    }
}
