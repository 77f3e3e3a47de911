import ConchKit

/// Calls that run an event loop until one coroutine finishes, with how to run many
/// coroutines in one loop instead.
enum LoopRunners {
    struct Entry {
        /// `starts an event loop for`, `runs the event loop for`
        let verb: String
        let advice: String
    }

    private static let gather = "start the loop once and run the items as its tasks: one `asyncio.run(main(items))`, "
        + "where `main` does `await asyncio.gather(*(work(item) for item in items))`; an `asyncio.Semaphore` bounds how many run at once"

    static let entries: [String: Entry] = [
        "asyncio.run": Entry(verb: "starts an event loop for", advice: gather),
        "asyncio.AbstractEventLoop.run_until_complete": Entry(verb: "runs the event loop for", advice: gather),
        "asyncio.Runner.run": Entry(verb: "runs the event loop for", advice: gather),
        "trio.run": Entry(verb: "starts an event loop for", advice: "start the loop once: one `trio.run(main, items)`, where `main` "
            + "opens a nursery and calls `nursery.start_soon(work, item)` for each item; a `trio.CapacityLimiter` bounds how many run at once"),
        "anyio.run": Entry(verb: "starts an event loop for", advice: "start the loop once: one `anyio.run(main, items)`, where `main` "
            + "opens a task group and calls `tg.start_soon(work, item)` for each item; an `anyio.CapacityLimiter` bounds how many run at once"),
        "curio.run": Entry(verb: "starts an event loop for", advice: "start the loop once: one `curio.run(main, items)`, where `main` "
            + "spawns a task per item in a `curio.TaskGroup` and joins them"),
    ]

    /// The coroutine a runner's call starts: `main` in `asyncio.run(main())` or `trio.run(main)`.
    static func coroutine(of call: CallFacts) -> String? {
        switch call.argument(at: 0)?.shape {
        case let .call(name)?, let .name(name)?: name
        default: nil
        }
    }
}
