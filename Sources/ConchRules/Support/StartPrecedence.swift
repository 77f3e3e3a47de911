import ConchKit

extension ExecutionContexts {
    /// The access happens in the function that starts the entry, before any of its starts,
    /// where a start outside any loop has failed, in another arm of an `if`/`else` chain
    /// around it (`if background: Thread(target=serve).start()` / `else: serve()`), or
    /// after a branch that starts it and leaves: no thread of the entry runs beside it.
    static func precedesStart(of entry: Entry, _ file: FileFacts, _ function: Int, at offset: Int) -> Bool {
        let local = entry.starts.filter { $0.file.path == file.path && $0.site.function == function }
        guard !local.isEmpty else { return false }
        return local.allSatisfy { start in
            if start.site.loop == nil, start.site.failedArm?.contains(offset) == true
                || start.site.arms.contains(where: { $0.otherArms.contains { $0.contains(offset) } })
                || leavesBefore(offset, after: start, in: file.functions[function], of: file) { return true }
            guard offset < start.site.range.start else { return false }
            guard let loop = start.site.loop else { return true }
            return !file.functions[function].loops[loop].range.contains(offset)
        }
    }

    /// The start sits in a branch that leaves the function (Python's `if background:
    /// Thread(...).start(); return`, C's `if (bg) { pthread_create(...); return 0; }`),
    /// and the offset comes after that branch: a pass that starts the thread has left the
    /// function by then. Python's exiting branches all leave it (`break` would put the start
    /// in a loop); C's may jump on by `goto` or `break`, so the front end says which return.
    private static func leavesBefore(_ offset: Int, after start: Start, in function: FunctionFacts, of file: FileFacts) -> Bool {
        if let branch = start.site.returningBranch { return offset >= branch.end }
        return file.language == .python
            && function.exitingBranches.contains { $0.contains(start.site.range.start) && offset >= $0.end }
    }
}
