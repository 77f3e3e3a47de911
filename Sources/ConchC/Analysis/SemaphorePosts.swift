import CLibClang

/// Where a function posts its semaphores. A wait on one holds it as a lock only when
/// the function posts it again later: a binary semaphore used as a mutex (`LockAPIs.semaphoreWaits`).
enum SemaphorePosts {
    static func find(in declaration: Int, unit: UnitContext) -> [(semaphore: String, offset: Int)] {
        let tree = unit.tree
        var posts: [(semaphore: String, offset: Int)] = []
        var pending = [declaration]
        while let index = pending.popLast() {
            pending.append(contentsOf: tree[index].children)
            guard tree[index].kind == CXCursor_CallExpr else { continue }
            let call = CallReader.read(index, unit: unit)
            guard LockAPIs.semaphorePosts.contains(call.callee),
                  let argument = LockAPIs.lockArgument(of: call.callee, in: call.arguments) else { continue }
            posts.append((LockWrappers.lockName(argument, unit: unit), call.calleeRange.start))
        }
        return posts
    }
}
