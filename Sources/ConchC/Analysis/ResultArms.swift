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
        enclosingIfBranches(of: node).first { ControlFlow.exits($0.branch, unit: unit, leavingTheFunction: true) }
            .map { unit.range($0.branch) }
    }

    /// The `if`/`else` arms around a node of this body, outermost first.
    func branchArms(of node: Int) -> [BranchArm] {
        enclosingIfBranches(of: node).reversed().map { statement, branch, position in
            let others = unit.tree[statement].children.dropFirst().filter { $0 != branch }.map(unit.range)
            return BranchArm(chain: unit.tree[statement].start, arm: position - 1, otherArms: others)
        }
    }

    /// The `if` statements around a node of this body, innermost first, each with its
    /// branch that holds the node (1 for the `then`, 2 for the `else`).
    private func enclosingIfBranches(of node: Int) -> [(statement: Int, branch: Int, position: Int)] {
        let tree = unit.tree
        var found: [(statement: Int, branch: Int, position: Int)] = []
        var child = node
        while child != functionDeclaration, let parent = tree[child].parent {
            if tree[parent].kind == CXCursor_IfStmt, let position = tree[parent].children.firstIndex(of: child), position >= 1 {
                found.append((parent, child, position))
            }
            child = parent
        }
        return found
    }
}
