import ConchKit

/// Calls that hand a loop its next piece of input, and calls that bound or wait
/// for spawned workers: what tells an open-ended spawn loop from a throttled one.
enum TaskSources {
    /// Accepting a connection: the loop around it runs once per client.
    static let accepts: Set<String> = ["socket.socket.accept", "accept", "accept4"]
    /// Methods that accept on a receiver whose type the front end could not see.
    static let acceptMethods: Set<String> = ["accept"]

    /// Calls in a `for` header that make the loop run once per message, line or event.
    static let inputIterators: Set<String> = [
        "socket.socket.recv", "socket.socket.recvfrom", "socket.socket.makefile", "sys.stdin.readline",
        "select.select", "select.epoll.poll", "select.poll.poll", "selectors.DefaultSelector.select",
        "selectors.EpollSelector.select", "selectors.SelectSelector.select",
    ]
    static let inputMethods: Set<String> = ["readline", "readlines", "recv", "recvfrom", "select", "poll"]

    /// Acquiring one of N slots before the spawn.
    static let semaphoreAcquires: Set<String> = [
        "threading.Semaphore.acquire", "threading.BoundedSemaphore.acquire", "multiprocessing.Semaphore.acquire",
        "multiprocessing.BoundedSemaphore.acquire", "sem_wait",
    ]

    /// Waiting for a spawned worker before the next iteration: `t.join()`, `p.wait()`.
    static let joinMethods: Set<String> = ["join", "wait", "communicate"]

    /// C calls that wait for the thread whose handle (or its address) is their first argument.
    static let cThreadJoins: Set<String> = ["pthread_join", "thrd_join", "uv_thread_join"]

    /// `pthread_join(thread, NULL)` (libuv's `uv_thread_join(&thread)`) for the thread whose
    /// address `pthread_create(&thread, ...)` was handed (`handle`, written `&thread`).
    static func joinsThread(_ call: CallFacts, createdAt handle: String) -> Bool {
        handle.hasPrefix("&") && cThreadJoins.contains(call.callee)
            && [handle, String(handle.dropFirst())].contains(call.argument(at: 0)?.text)
    }

    static func isAccept(_ call: CallFacts) -> Bool {
        if accepts.contains(call.callee) { return true }
        // `server.accept()` on a socket from `create_server` or a parameter: the method name is enough.
        return acceptMethods.contains(lastComponent(call.calleeText)) && call.calleeText.contains(".")
    }

    static func readsInput(_ call: CallFacts) -> Bool {
        if call.isResolved, inputIterators.contains(call.callee) { return true }
        // `iter(q.get, None)`: call until the sentinel comes.
        if call.callee == "iter" { return call.arguments.count == 2 }
        return inputMethods.contains(lastComponent(call.calleeText)) && call.calleeText.contains(".")
    }

    static func lastComponent(_ name: String) -> String {
        name.split(separator: ".").last.map(String.init) ?? name
    }
}
