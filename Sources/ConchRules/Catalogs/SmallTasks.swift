import ConchKit

/// Task functions whose work per item is a few operations: no loop, and no call but to
/// builtins and `math` functions that take constant time.
enum SmallTasks {
    private static let constantTimeBuiltins: Set<String> = [
        "abs", "bool", "complex", "divmod", "float", "hash", "int", "isinstance", "max", "min", "pow", "round", "str",
    ]

    /// A task that computes its result from its arguments in a few operations. One that
    /// returns nothing works on shared state instead (`totals[word] += 1` on a manager's
    /// dict), each step a round trip of its own.
    static func isSmall(_ task: FunctionFacts) -> Bool {
        guard task.loops.isEmpty, !task.isAsync, task.kind == .function || task.kind == .method, task.returnsValue,
              !task.globalAccesses.contains(where: \.isWrite) else { return false }
        return task.calls.allSatisfy { call in
            call.isResolved && (constantTimeBuiltins.contains(call.callee) || call.callee.hasPrefix("math."))
        }
    }

    static func advice(for start: CallFacts, task: String) -> String {
        let pool = start.calleeText.split(separator: ".").dropLast().joined(separator: ".")
        return "send the items in batches: `\(pool).map(\(task), items, chunksize=1000)` (or `len(items) // (4 * workers)`), "
            + "or give each task a slice of the items to loop over; work this small may run fastest in a plain loop in this process"
    }
}
