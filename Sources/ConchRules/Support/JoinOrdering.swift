import ConchKit

/// Whether an access certainly happens after every thread of an entry has been
/// joined: `pthread_join(t, NULL); printf("%ld", result);` reads a finished
/// thread's result, which is ordered, not a race. Only orderings visible in the
/// function that starts the threads are trusted, as in `StartOrdering`.
/// Work queued on a libuv loop (`uv_queue_work(loop, ...)`) is joined by
/// `uv_run(loop, UV_RUN_DEFAULT)`, which returns only when no request is left.
enum JoinOrdering {
    /// C joins, with the position of the thread handle among their arguments (APR takes the
    /// status first); `uv_run` takes the loop first.
    static let cJoins: [String: Int] = ["pthread_join": 0, "thrd_join": 0, "uv_thread_join": 0, "g_thread_join": 0, "apr_thread_join": 1]

    static func follows(_ located: GlobalAccessIndex.Located, joinsOf entry: ExecutionContexts.Entry, _ model: ProjectModel) -> Bool {
        followsJoinInStartingFunction(located, entry, model) || followsJoinOfGlobalHandle(located, entry, model)
            || followsSharedLoopRunDry(located, entry, model)
    }

    /// A thread whose handle a global of the file holds (`pthread_create(&ctx.tid, ...)` in
    /// `start`) is done once a function of that file has joined that handle:
    /// `pthread_join(ctx.tid, NULL); return ctx.rc;` in `stop`.
    private static func followsJoinOfGlobalHandle(_ located: GlobalAccessIndex.Located, _ entry: ExecutionContexts.Entry,
                                                  _ model: ProjectModel) -> Bool {
        let file = model.files[located.file]
        let origins = entry.origins
        guard file.language == .c, !origins.isEmpty, origins.allSatisfy({ $0.file.path == file.path }) else { return false }
        let handles = Set(origins.map { handle(of: $0.site, in: file.functions[$0.site.function], language: .c) })
        guard handles.count == 1, let handle = handles.first ?? nil,
              let root = handle.split(whereSeparator: { $0 == "." || $0 == "-" }).first, isGlobal(String(root), in: file) else { return false }
        let function = file.functions[located.function]
        let offset = located.access.range.start
        return function.calls.contains { call in
            guard call.range.end <= offset, cJoins[call.callee] != nil, joinedHandle(call, language: .c) == handle else { return false }
            guard let loop = call.loop else { return true }
            return !function.loops[loop].range.contains(offset)
        }
    }

    private static func followsJoinInStartingFunction(_ located: GlobalAccessIndex.Located, _ entry: ExecutionContexts.Entry,
                                                      _ model: ProjectModel) -> Bool {
        let file = model.files[located.file]
        let function = file.functions[located.function]
        let offset = located.access.range.start
        // Threads started anywhere else may still be running.
        let origins = entry.origins
        guard !origins.isEmpty,
              origins.allSatisfy({ $0.file.path == file.path && $0.site.function == located.function }) else { return false }
        return origins.allSatisfy { start in
            guard let handle = handle(of: start.site, in: function, language: file.language) else { return false }
            return function.calls.contains { call in
                guard call.range.start > start.site.range.end, call.range.end <= offset,
                      joinedHandle(call, language: file.language) == handle else { return false }
                // A join inside a loop waits for one thread per pass: only after the loop are all joined.
                guard let loop = call.loop else { return true }
                return !function.loops[loop].range.contains(offset)
            }
        }
    }

    /// Work queued on a loop the whole program shares (`uv_default_loop()`, or a global
    /// of the file) is done once any function has run that loop dry, until something
    /// queues work again: `uv_run(uv_default_loop(), UV_RUN_DEFAULT); ASSERT(work_cb_count == 1);`
    /// in one test is ordered after the work another test queued.
    private static func followsSharedLoopRunDry(_ located: GlobalAccessIndex.Located, _ entry: ExecutionContexts.Entry,
                                                _ model: ProjectModel) -> Bool {
        let file = model.files[located.file]
        guard file.language == .c else { return false }
        let loops = Set(entry.origins.map { start -> String? in
            guard start.site.kind == .threadPool,
                  let loop = handle(of: start.site, in: start.file.functions[start.site.function], language: .c),
                  loop == "uv_default_loop" || (start.file.path == file.path && isGlobal(loop, in: file)) else { return nil }
            return loop
        })
        guard loops.count == 1, let loop = loops.first ?? nil else { return false }
        let function = file.functions[located.function]
        let offset = located.access.range.start
        guard let run = function.calls.last(where: { $0.range.end <= offset && joinedHandle($0, language: .c) == loop }) else { return false }
        let graph = model.callGraph
        let leadsToStart = graph.reaching(entry.starts.compactMap { graph.number(of: $0.file.functions[$0.site.function].id) })
        return !function.calls.indices.contains { index in
            let call = function.calls[index]
            guard call.range.start >= run.range.end, call.range.start < offset else { return false }
            if entry.starts.contains(where: { $0.file.path == file.path && $0.site.range == call.range }) { return true }
            return graph.callee(file: located.file, function: located.function, call: index).map(leadsToStart.contains) ?? false
        }
    }

    /// A pool task queued again from its own completion callback (`after_work_cb` calling
    /// `uv_queue_work(req->loop, req, work_cb, after_work_cb)`): each run starts only after
    /// the last has ended, so the chain adds no instance beside the one that began it.
    static func isRequeuedOnCompletion(_ start: ExecutionContexts.Start) -> Bool {
        guard start.site.kind == .threadPool, start.site.loop == nil, start.file.language == .c else { return false }
        let function = start.file.functions[start.site.function]
        guard let call = function.calls.first(where: { $0.range == start.site.range }) else { return false }
        return call.callee == "uv_queue_work" && call.argument(at: 3)?.text == function.name
    }

    /// Whether a thread started in a loop is joined later in the same pass, so each
    /// pass starts the next one only after the last has ended:
    /// `for (...) { pthread_create(&t, ...); pthread_join(t, NULL); }`.
    static func isJoinedInItsPass(_ start: ExecutionContexts.Start) -> Bool {
        guard let loop = start.site.loop else { return false }
        return isJoined(start) { $0.loop == loop }
    }

    /// Whether the function that starts the work waits for it further down:
    /// `uv_queue_work(loop, &req, work, done); uv_run(loop, UV_RUN_DEFAULT);`.
    static func isJoinedLater(_ start: ExecutionContexts.Start) -> Bool {
        isJoined(start) { _ in true }
    }

    private static func isJoined(_ start: ExecutionContexts.Start, by accepts: (CallFacts) -> Bool) -> Bool {
        let function = start.file.functions[start.site.function]
        guard let handle = handle(of: start.site, in: function, language: start.file.language) else { return false }
        return function.calls.contains { call in
            accepts(call) && call.range.start > start.site.range.end
                && joinedHandle(call, language: start.file.language) == handle
        }
    }

    /// A file-static global's name carries its file (`test/loop.c::loop`).
    private static func isGlobal(_ name: String, in file: FileFacts) -> Bool {
        file.globals.contains { $0.name == name || $0.name.hasSuffix("::" + name) }
    }

    /// The variable holding the thread: `threads` for `pthread_create(&threads[i], ...)`, `t` for `t = Thread(...)`.
    private static func handle(of site: SpawnSite, in function: FunctionFacts, language: SourceLanguage) -> String? {
        guard let call = site.creatingCall(in: function) else { return nil }
        if language == .python { return call.boundName }
        return call.argument(at: 0).map { baseName($0.text) }
    }

    private static func joinedHandle(_ call: CallFacts, language: SourceLanguage) -> String? {
        if language == .python {
            guard call.calleeText.hasSuffix(".join") else { return nil }
            return String(call.calleeText.dropLast(5))
        }
        let runsTheLoopDry = call.callee == "uv_run" && call.argument(at: 1)?.text == "UV_RUN_DEFAULT"
        guard let position = cJoins[call.callee] ?? (runsTheLoopDry ? 0 : nil) else { return nil }
        return call.argument(at: position).map { baseName($0.text) }
    }

    /// `&threads[i]` and `threads[i]` are both `threads`: the array the handles live in.
    private static func baseName(_ text: String) -> String {
        let trimmed = text.drop { $0 == "&" || $0 == "(" || $0 == " " }
        return String(trimmed.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." || $0 == ">" || $0 == "-" })
    }
}
