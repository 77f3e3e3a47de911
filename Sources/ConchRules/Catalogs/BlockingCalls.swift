import ConchKit

/// Calls that hold the calling thread until the outside world answers, each with
/// what an event loop offers instead. Names are resolved callees; C names are bare.
enum BlockingCalls {
    struct Entry {
        /// What to call instead, as one line of advice.
        let replacement: String
        /// Reads a descriptor: in a callback the loop runs once the descriptor is
        /// ready, it returns at once (libevent's read callbacks, libuv's `uv_poll_start`).
        var readsDescriptor = false
    }

    private static let asyncHTTP = "use an async HTTP client: `aiohttp.ClientSession` or `httpx.AsyncClient`, awaited"
    private static let childWait = "start the child with `asyncio.create_subprocess_exec(...)` and `await proc.wait()`; "
        + "else `await asyncio.to_thread(os.waitpid, pid, 0)`"
    private static let asyncSubprocess = "use `await asyncio.create_subprocess_exec(...)` and `await proc.communicate()`"

    static let python: [String: Entry] = {
        var table: [String: Entry] = [
            "time.sleep": Entry(replacement: "use `await asyncio.sleep(...)`"),
            "urllib.request.urlopen": Entry(replacement: asyncHTTP),
            "urllib.request.urlretrieve": Entry(replacement: asyncHTTP),
            "socket.create_connection": Entry(replacement: "use `await asyncio.open_connection(host, port)`"),
            "socket.getaddrinfo": Entry(replacement: "use `await loop.getaddrinfo(...)`"),
            "socket.gethostbyname": Entry(replacement: "use `await loop.getaddrinfo(...)`"),
            // dnspython's synchronous resolver sends the query and waits for the answer.
            "dns.resolver.resolve": Entry(replacement: "use `await dns.asyncresolver.resolve(...)`"),
            "dns.resolver.query": Entry(replacement: "use `await dns.asyncresolver.resolve(...)`"),
            "dns.resolver.Resolver.resolve": Entry(replacement: "use a `dns.asyncresolver.Resolver`, awaited"),
            "dns.resolver.Resolver.query": Entry(replacement: "use a `dns.asyncresolver.Resolver`, awaited"),
            "ssl.get_server_certificate": Entry(replacement: "connect with `await asyncio.open_connection(host, port, ssl=...)` "
                + "and read the certificate from the transport"),
            "socket.socket.recv": Entry(replacement: "use `await loop.sock_recv(sock, nbytes)`, or asyncio streams", readsDescriptor: true),
            "socket.socket.recv_into": Entry(replacement: "use `await loop.sock_recv_into(sock, buffer)`, or asyncio streams", readsDescriptor: true),
            "socket.socket.recvfrom": Entry(replacement: "use `await loop.sock_recvfrom(sock, nbytes)`, or a datagram endpoint", readsDescriptor: true),
            "socket.socket.accept": Entry(replacement: "use `await loop.sock_accept(sock)`, or `asyncio.start_server`", readsDescriptor: true),
            "socket.socket.connect": Entry(replacement: "use `await loop.sock_connect(sock, address)`, or `asyncio.open_connection`"),
            "socket.socket.send": Entry(replacement: "use `await loop.sock_sendall(sock, data)`, or asyncio streams"),
            "socket.socket.sendall": Entry(replacement: "use `await loop.sock_sendall(sock, data)`, or asyncio streams"),
            "subprocess.run": Entry(replacement: asyncSubprocess),
            "subprocess.call": Entry(replacement: asyncSubprocess),
            "subprocess.check_call": Entry(replacement: asyncSubprocess),
            "subprocess.check_output": Entry(replacement: asyncSubprocess),
            "subprocess.getoutput": Entry(replacement: asyncSubprocess),
            "subprocess.getstatusoutput": Entry(replacement: asyncSubprocess),
            "subprocess.Popen.wait": Entry(replacement: "start it with `asyncio.create_subprocess_exec(...)` and `await proc.wait()`"),
            "subprocess.Popen.communicate": Entry(replacement: "start it with `asyncio.create_subprocess_exec(...)` and `await proc.communicate()`"),
            "os.system": Entry(replacement: "use `await asyncio.create_subprocess_exec(...)` and `await proc.wait()`"),
            "os.wait": Entry(replacement: childWait),
            "os.waitpid": Entry(replacement: childWait),
            "os.wait3": Entry(replacement: childWait),
            "os.wait4": Entry(replacement: childWait),
            "os.waitid": Entry(replacement: childWait),
            "input": Entry(replacement: "read input off the loop with `await asyncio.to_thread(input, prompt)`"),
        ]
        // `os.spawnl(os.P_WAIT, ...)` waits for the program to end (`BlockingCallExemptions`: not with `P_NOWAIT`).
        for suffix in ["l", "le", "lp", "lpe", "v", "ve", "vp", "vpe"] {
            table["os.spawn" + suffix] = Entry(replacement: "use `await asyncio.create_subprocess_exec(...)` and `await proc.wait()`")
        }
        // Waits on threads and their synchronisation: nothing else on the loop runs until another thread acts.
        for (call, replacement) in threadWaits { table[call] = Entry(replacement: replacement) }
        // multiprocessing's twins wait the same way, on another process.
        for type in processTwins {
            for (call, _) in threadWaits where call.hasPrefix("threading.\(type).") {
                let method = call.dropFirst("threading.\(type).".count)
                table["multiprocessing.\(type).\(method)"] = Entry(replacement: "`await asyncio.to_thread(\(type.lowercased()).\(method))`: "
                    + "no asyncio primitive reaches the other processes this one is shared with")
            }
        }
        // The synchronous HTTP clients: requests, httpx's sync API, urllib3, http.client.
        for verb in ["get", "post", "put", "patch", "delete", "head", "options", "request"] {
            for client in ["requests", "requests.Session", "requests.sessions.Session", "httpx", "httpx.Client"] {
                table["\(client).\(verb)"] = Entry(replacement: asyncHTTP)
            }
        }
        // A session's `send` of a prepared request is the one call every verb above ends in.
        for client in ["requests.Session", "requests.sessions.Session", "requests.adapters.HTTPAdapter", "httpx.Client"] {
            table["\(client).send"] = Entry(replacement: asyncHTTP)
        }
        for call in ["urllib3.request", "urllib3.PoolManager.request", "urllib3.PoolManager.urlopen",
                     "http.client.HTTPConnection.request", "http.client.HTTPConnection.getresponse",
                     "http.client.HTTPSConnection.request", "http.client.HTTPSConnection.getresponse"] {
            table[call] = Entry(replacement: asyncHTTP)
        }
        return table
    }()

    private static let lockReplacement = "use an `asyncio.Lock` for coroutines; for a lock shared with threads, "
        + "`await asyncio.to_thread(lock.acquire)`"

    /// Waits for another thread, by resolved name, with what a coroutine does instead.
    private static let threadWaits: [String: String] = [
        "threading.Event.wait": "use an `asyncio.Event` and `await event.wait()`; for an event a thread sets, "
            + "`await asyncio.to_thread(event.wait)`",
        "threading.Condition.wait": "use an `asyncio.Condition`, or `await asyncio.to_thread(condition.wait)`",
        "threading.Condition.wait_for": "use an `asyncio.Condition`, or `await asyncio.to_thread(condition.wait_for, predicate)`",
        "threading.Barrier.wait": "use an `asyncio.Barrier` (Python 3.11), or `await asyncio.to_thread(barrier.wait)`",
        "threading.Thread.join": "`await asyncio.to_thread(thread.join)`",
        "threading.Lock.acquire": lockReplacement,
        "threading.RLock.acquire": lockReplacement,
        "threading.Semaphore.acquire": "use an `asyncio.Semaphore`, or `await asyncio.to_thread(semaphore.acquire)`",
        "threading.BoundedSemaphore.acquire": "use an `asyncio.BoundedSemaphore`, or `await asyncio.to_thread(semaphore.acquire)`",
        "concurrent.futures.Future.result": "`await asyncio.wrap_future(future)`; from `run_coroutine_threadsafe` on this "
            + "same loop, `await` the coroutine itself (waiting here deadlocks)",
        "multiprocessing.Process.join": "`await asyncio.to_thread(process.join)`",
    ]

    /// multiprocessing's synchronisation types named as threading's.
    private static let processTwins = ["Lock", "RLock", "Semaphore", "BoundedSemaphore", "Event", "Condition", "Barrier"]

    /// Queues whose `get()` waits forever unless given a timeout or `block=False`.
    static let blockingQueues: Set<String> = [
        "queue.Queue", "queue.LifoQueue", "queue.PriorityQueue", "queue.SimpleQueue",
        "multiprocessing.Queue", "multiprocessing.JoinableQueue", "multiprocessing.SimpleQueue",
    ]
    static let queueReplacement = "use an `asyncio.Queue` and `await queue.get()`, or `await asyncio.to_thread(q.get)`"

    /// Loops whose callbacks all run when a descriptor they watch is ready.
    static let readyDescriptorLoops: Set<EventFramework> = [.libevent, .libev, .epoll, .eloop, .chronyScheduler, .threadMaster]
    private static let loopTimer = "use a loop timer instead: `uv_timer_start` (libuv), `evtimer_add` (libevent), `g_timeout_add` (GLib)"
    private static let loopRead = "let the loop read: `uv_read_start` or `uv_fs_read` (libuv), a `bufferevent` (libevent), `g_io_add_watch` (GLib); else `uv_queue_work`"
    private static let loopSpawn = "use `uv_spawn` (libuv) or `g_spawn_async` (GLib), or run it in `uv_queue_work`"

    static let c: [String: Entry] = [
        "sleep": Entry(replacement: loopTimer),
        "usleep": Entry(replacement: loopTimer),
        "nanosleep": Entry(replacement: loopTimer),
        "read": Entry(replacement: loopRead, readsDescriptor: true),
        "recv": Entry(replacement: loopRead, readsDescriptor: true),
        "recvfrom": Entry(replacement: loopRead, readsDescriptor: true),
        "fread": Entry(replacement: loopRead),
        "fgets": Entry(replacement: loopRead),
        "getaddrinfo": Entry(replacement: "use `uv_getaddrinfo` (libuv) or `evdns_getaddrinfo` (libevent)"),
        "system": Entry(replacement: loopSpawn),
        "popen": Entry(replacement: loopSpawn),
        // Waits for the child to exit.
        "pclose": Entry(replacement: loopSpawn),
    ]

    /// The entry for a call `caller` makes, or nil when the call does not block the loop
    /// (a `get` that does not wait, on a queue the caller checks first, or made only off the
    /// loop's thread).
    static func entry(for call: CallFacts, in file: FileFacts, caller: FunctionFacts) -> Entry? {
        if file.language == .c { return c[call.callee] }
        guard call.isResolved, !file.runsOnlyOffItsLoopThread(at: call.range.start) else { return nil }
        if let known = python[call.callee] ?? BlockingClients.entry(for: call) {
            return returnsAtOnce(call, in: file) || isNonBlockingSocket(call, in: caller, of: file) || isSettled(call, in: caller)
                || awaitsItsOwnEnd(call, in: caller) ? nil : known
        }
        guard isQueueGet(call) else { return nil }
        return waits(queueGet: call) && !checkedFirst(queueGet: call, in: caller) ? Entry(replacement: queueReplacement) : nil
    }
}
