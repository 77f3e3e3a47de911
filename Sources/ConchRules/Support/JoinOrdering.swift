import ConchKit

/// Whether an access certainly happens after every thread of an entry has been
/// joined: `pthread_join(t, NULL); printf("%ld", result);` reads a finished
/// thread's result, which is ordered, not a race. Only orderings visible in the
/// function that starts the threads are trusted, as in `StartOrdering`.
/// Work queued on a libuv loop (`uv_queue_work(loop, ...)`) is joined by
/// `uv_run(loop, UV_RUN_DEFAULT)`, which returns only when no request is left.
enum JoinOrdering {
    /// C joins take the thread handle (for queued work, the loop) as their first argument.
    static let cJoins: Set<String> = ["pthread_join", "thrd_join", "uv_thread_join", "g_thread_join"]

    static func follows(_ located: GlobalAccessIndex.Located, joinsOf entry: ExecutionContexts.Entry, _ model: ProjectModel) -> Bool {
        let file = model.files[located.file]
        let function = file.functions[located.function]
        let offset = located.access.range.start
        // Threads started anywhere else may still be running.
        guard !entry.starts.isEmpty,
              entry.starts.allSatisfy({ $0.file.path == file.path && $0.site.function == located.function }) else { return false }
        return entry.starts.allSatisfy { start in
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

    /// The variable holding the thread: `threads` for `pthread_create(&threads[i], ...)`, `t` for `t = Thread(...)`.
    private static func handle(of site: SpawnSite, in function: FunctionFacts, language: SourceLanguage) -> String? {
        guard let call = function.calls.first(where: { $0.range == site.range }) else { return nil }
        if language == .python { return call.boundName }
        return call.argument(at: 0).map { baseName($0.text) }
    }

    private static func joinedHandle(_ call: CallFacts, language: SourceLanguage) -> String? {
        if language == .python {
            guard call.calleeText.hasSuffix(".join") else { return nil }
            return String(call.calleeText.dropLast(5))
        }
        let runsTheLoopDry = call.callee == "uv_run" && call.argument(at: 1)?.text == "UV_RUN_DEFAULT"
        guard cJoins.contains(call.callee) || runsTheLoopDry else { return nil }
        return call.argument(at: 0).map { baseName($0.text) }
    }

    /// `&threads[i]` and `threads[i]` are both `threads`: the array the handles live in.
    private static func baseName(_ text: String) -> String {
        let trimmed = text.drop { $0 == "&" || $0 == "(" || $0 == " " }
        return String(trimmed.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." || $0 == ">" || $0 == "-" })
    }
}
