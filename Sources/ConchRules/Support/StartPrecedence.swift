import ConchKit

extension ExecutionContexts {
    /// The access happens in the function that starts the entry, before any of its starts,
    /// where a start outside any loop has failed, in another arm of an `if`/`else` chain
    /// around it (`if background: Thread(target=serve).start()` / `else: serve()`), or
    /// after a branch that starts it and leaves the function (`...start(); return`): no
    /// thread of the entry runs beside it.
    static func precedesStart(of entry: Entry, _ file: FileFacts, _ function: Int, at offset: Int) -> Bool {
        let local = entry.starts.filter { $0.file.path == file.path && $0.site.function == function }
        guard !local.isEmpty else { return false }
        return local.allSatisfy { start in
            if start.site.loop == nil, start.site.failedArm?.contains(offset) == true
                || start.site.arms.contains(where: { $0.otherArms.contains { $0.contains(offset) } })
                || start.site.returningBranch.map({ offset >= $0.end }) == true { return true }
            guard offset < start.site.range.start else { return false }
            guard let loop = start.site.loop else { return true }
            return !file.functions[function].loops[loop].range.contains(offset)
        }
    }
}
