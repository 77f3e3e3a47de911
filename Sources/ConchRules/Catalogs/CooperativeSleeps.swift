import ConchKit

/// Sleeps that give way to an event loop or a hub, with the event a task of that
/// library waits on instead of polling.
enum CooperativeSleeps {
    struct Entry {
        /// A coroutine's sleep, awaited; otherwise a green thread's, called.
        let isAwaited: Bool
        /// `asyncio.Event`
        let event: String
        /// How the code that changes the state sets the event from another OS thread.
        let fromThread: String?
        /// How the waiter gives up after `timeout` seconds.
        let timedWait: String
        /// How the code that changes the state sets it: `ready.set()`, eventlet's `ready.send()`.
        var set = "ready.set()"
    }

    static let entries: [String: Entry] = [
        "asyncio.sleep": Entry(isAwaited: true, event: "asyncio.Event", fromThread: "loop.call_soon_threadsafe(ready.set)",
                               timedWait: "await asyncio.wait_for(ready.wait(), timeout)"),
        "trio.sleep": Entry(isAwaited: true, event: "trio.Event", fromThread: "trio.from_thread.run_sync(ready.set)",
                            timedWait: "with trio.move_on_after(timeout): await ready.wait()"),
        "anyio.sleep": Entry(isAwaited: true, event: "anyio.Event", fromThread: "anyio.from_thread.run_sync(ready.set)",
                             timedWait: "with anyio.move_on_after(timeout): await ready.wait()"),
        "curio.sleep": Entry(isAwaited: true, event: "curio.Event", fromThread: nil,
                             timedWait: "await curio.ignore_after(timeout, ready.wait)", set: "await ready.set()"),
        "tornado.gen.sleep": Entry(isAwaited: true, event: "tornado.locks.Event", fromThread: "IOLoop.current().add_callback(ready.set)",
                                   timedWait: "await ready.wait(timeout=datetime.timedelta(seconds=timeout))"),
        "gevent.sleep": Entry(isAwaited: false, event: "gevent.event.Event", fromThread: nil, timedWait: "ready.wait(timeout)"),
        "eventlet.sleep": Entry(isAwaited: false, event: "eventlet.event.Event", fromThread: nil,
                                timedWait: "ready.wait(timeout)", set: "ready.send()"),
        "eventlet.greenthread.sleep": Entry(isAwaited: false, event: "eventlet.event.Event", fromThread: nil,
                                            timedWait: "ready.wait(timeout)", set: "ready.send()"),
    ]

    /// The entry of a resolved sleep called as its library expects: awaited in a
    /// coroutine, or called in a green thread.
    static func entry(for call: CallFacts, in function: FunctionFacts) -> Entry? {
        guard call.isResolved, let entry = entries[call.callee] else { return nil }
        return entry.isAwaited == (call.isAwaited && function.isAsync) ? entry : nil
    }

    /// The sleep's length as written (`0.1`, `interval`); nil when it has none.
    static func length(of call: CallFacts) -> String? {
        (call.argument(at: 0) ?? call.argument(keyword: "delay") ?? call.argument(keyword: "seconds"))?.text
    }

    /// `asyncio.sleep(0)`, `gevent.sleep()`: gives way and is resumed at once.
    static func isZero(_ length: String?) -> Bool {
        guard let length else { return true }
        return Double(length.replacingOccurrences(of: "_", with: "")) == 0
    }
}
