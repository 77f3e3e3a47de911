import ConchKit

/// `Thread(target=fetch(url))`, `executor.submit(fetch(url))`: the start calls the task's
/// function itself, in the starting thread, and hands the new thread or pool what the
/// call gives back, `None`.
enum CalledTasks {
    struct Called {
        var function: FunctionFacts
        var home: FileFacts
        /// The call as written in the start: `fetch(url)`.
        var written: String
    }

    /// The project function a start calls instead of handing on, when the call gives
    /// nothing to run: no `return` of a value, no `yield`, no function returned, no
    /// decorator that could wrap it; or a coroutine function (`async def`), whose call
    /// only makes a coroutine object. Its body must do some work: an abstract method
    /// (`raise NotImplementedError`, `pass`) stands for overrides that may return the task.
    static func called(by site: SpawnSite, in model: ProjectModel) -> Called? {
        guard [.thread, .timer, .process, .threadPool, .processPool, .interpreterPool].contains(site.kind),
              case let .unresolved(written) = site.entry,
              let maker = site.taskMaker, let (home, function) = model.function(maker),
              function.kind == .function || function.kind == .method, function.decorators.isEmpty,
              function.isAsync || (!function.returnsValue && function.returnedFunction == nil && doesWork(function)) else { return nil }
        return Called(function: function, home: home, written: written)
    }

    private static func doesWork(_ function: FunctionFacts) -> Bool {
        function.calls.contains { call in !call.callee.hasSuffix("Error") && !call.callee.hasSuffix("Exception") }
    }

    /// What the call does where it stands, and what the new thread, process or pool is left with.
    static func consequence(of called: Called, for site: SpawnSite) -> String {
        let name = called.function.name
        guard !called.function.isAsync else {
            return "calling coroutine function `\(name)` only makes a coroutine object, which \(receiver(site)) cannot call "
                + "(`TypeError`), so `\(name)` never runs"
        }
        return "`\(name)` runs here, in this thread, before the start, and gives back `None`, so \(outcome(for: site))"
    }

    private static func receiver(_ site: SpawnSite) -> String {
        switch site.kind {
        case .thread, .timer: "the thread"
        case .process: "the process"
        default: "the pool"
        }
    }

    /// What the new thread, process or pool does with `None`.
    private static func outcome(for site: SpawnSite) -> String {
        switch site.kind {
        case .thread: "the thread runs nothing"
        case .timer: "the timer fails with `TypeError: 'NoneType' object is not callable` when it fires"
        case .process: "the process runs nothing"
        default: "the pool's task fails with `TypeError: 'NoneType' object is not callable`"
        }
    }

    /// `Thread(target=fetch, args=(url,))`: the function itself, its arguments apart.
    static func advice(for site: SpawnSite, _ called: Called) -> String {
        let name = called.function.name
        if called.function.isAsync {
            return "run the coroutine in an event loop: `await \(name)(...)` (or `asyncio.gather`) from the program's loop, or, "
                + "for a loop of its own in the new thread, `target=asyncio.run, args=(\(name)(...),)`"
        }
        switch site.kind {
        case .thread, .timer, .process:
            return "hand the function itself and its arguments apart: `target=\(name), args=(...)`, so that it runs in the new "
                + (site.kind == .process ? "process" : "thread")
        default:
            return "hand the pool the function itself and its arguments apart: `submit(\(name), ...)`, `map(\(name), items)`"
        }
    }
}
