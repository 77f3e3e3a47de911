import ConchKit

/// A thread, process or pool task waited for in the pass of the loop that starts it.
enum WaitedStarts {
    enum Wait {
        /// `pool.apply(f, args)`: the starting call itself returns the result.
        case byItsCall
        /// `.result()`, `.get()`, `.join()`, `.wait()` on what the start returned, as written
        /// without the start: `.result()`, `t.join()`.
        case by(CallFacts, written: String)
    }

    private static let waitingMethods: Set<String> = ["result", "get", "join", "wait"]
    private static let blockingPoolCalls: Set<String> = ["multiprocessing.Pool.apply", "multiprocessing.pool.Pool.apply",
                                                         "multiprocessing.pool.ThreadPool.apply", "multiprocessing.dummy.Pool.apply"]

    /// The wait, in the same pass, for what `site` starts: on the start's own result
    /// (`executor.submit(f, x).result()`) or on the name it is bound to (`t.join()`). A
    /// wait with a timeout is a watchdog over one item at a time, and does not count.
    static func wait(for site: SpawnSite, in file: FileFacts) -> Wait? {
        if site.kind == .forkChild { return childReaped(after: site, in: file) }
        let function = file.functions[site.function]
        // `return executor.submit(f, x).result()` in a retry loop: the first result ends it.
        guard [.thread, .process, .threadPool, .processPool, .interpreterPool].contains(site.kind),
              let start = site.creatingCall(in: function), let loop = start.loop, !start.isReturned else { return nil }
        if file.language == .c { return threadJoin(of: start, loop: loop, in: function) }
        if blockingPoolCalls.contains(site.api) { return .byItsCall }
        for call in function.calls where call.loop == loop && call.range.start >= start.range.start && call.range != start.range {
            guard let dot = call.calleeText.lastIndex(of: ".") else { continue }
            let method = call.calleeText[call.calleeText.index(after: dot)...]
            // `future.result(timeout=5)`: the start bounds how long the item may take, in order.
            guard waitingMethods.contains(String(method)), call.arguments.isEmpty, !call.isReturned else { continue }
            if call.calleeRange.start == start.range.start { return .by(call, written: ".\(method)()") }
            if let bound = start.boundName, call.calleeText[..<dot] == bound { return .by(call, written: call.calleeText + "()") }
        }
        return nil
    }

    /// `pid = fork(); if (pid == 0) { ...; _exit(0); } waitpid(pid, &status, 0);`: the
    /// parent waits, outside the child's branch and without `WNOHANG`, for the child it
    /// just made to run its own code (Python's `os.fork()` and `os.waitpid` too).
    private static func childReaped(after site: SpawnSite, in file: FileFacts) -> Wait? {
        let function = file.functions[site.function]
        guard let loop = site.loop, let child = ForkChild.branch(of: site, in: file) else { return nil }
        // A child that `exec`s runs a program: a shell's or a build's commands run in order by design.
        let execs = function.calls.contains { call in
            child.contains(call.range.start) && LegacySpawnAPIs.replacesTheProcess(call.callee, in: file.language)
        }
        guard !execs else { return nil }
        let reap = function.calls.first { call in
            call.loop == loop && call.range.start > site.range.end && !child.contains(call.range.start)
                && ChildReaping.calls.contains(call.callee) && !call.arguments.contains { $0.text.contains("WNOHANG") }
        }
        return reap.map { .by($0, written: $0.calleeText + "(" + ($0.argument(at: 0).map { $0.text + ", ..." } ?? "") + ")") }
    }

    /// C: `pthread_create(&thread, ...)`, then `pthread_join(thread, NULL)` (`thrd_join`,
    /// `uv_thread_join(&thread)`) in the same pass.
    private static func threadJoin(of start: CallFacts, loop: Int, in function: FunctionFacts) -> Wait? {
        guard let handle = start.argument(at: 0)?.text else { return nil }
        let join = function.calls.first { call in
            call.loop == loop && call.range.start > start.range.end && TaskSources.joinsThread(call, createdAt: handle)
        }
        return join.map { .by($0, written: $0.callee + "(" + ($0.argument(at: 0)?.text ?? "") + ", ...)") }
    }

    /// "`Thread` starts a thread running `fetch`", "`executor.submit` hands `fetch` to the pool".
    static func starts(_ site: SpawnSite, written api: String, work: String) -> String {
        switch site.kind {
        case .thread: "`\(api)` starts a thread running \(work)"
        case .process: "`\(api)` starts a process running \(work)"
        case .forkChild: "`\(api)` starts a child process"
        default: "`\(api)` hands \(work) to the pool"
        }
    }

    static func advice(for site: SpawnSite, in language: SourceLanguage) -> String {
        switch site.kind {
        case .thread where language == .c:
            return "create every thread before joining any: keep the handles in an array, `\(site.api)` in one loop and join them "
                + "in a second; or hand the items to a fixed set of worker threads that take them from a shared queue"
        case .thread:
            return "start every thread before joining any (`threads = [Thread(target=work, args=(item,)) for item in items]`, "
                + "start each, then join each), or let a `ThreadPoolExecutor` run them: `list(executor.map(work, items))`"
        case .forkChild:
            return "fork every child before waiting for any (keep their pids, then `waitpid` each), or hand the items to a fixed "
                + "set of worker processes; in Python, `ProcessPoolExecutor().map(work, items)`"
        case .process:
            return "start every process before joining any, or let a `ProcessPoolExecutor` (or `multiprocessing.Pool`) run them: "
                + "`list(executor.map(work, items))`"
        default:
            return "hand the pool every item before waiting for any: `executor.map(work, items)` or `pool.map(work, items)`, "
                + "or submit them all (`futures = [executor.submit(work, item) for item in items]`) and read the results after"
        }
    }
}
