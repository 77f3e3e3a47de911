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
    private static let asyncSubprocess = "use `await asyncio.create_subprocess_exec(...)` and `await proc.communicate()`"

    static let python: [String: Entry] = {
        var table: [String: Entry] = [
            "time.sleep": Entry(replacement: "use `await asyncio.sleep(...)`"),
            "urllib.request.urlopen": Entry(replacement: asyncHTTP),
            "urllib.request.urlretrieve": Entry(replacement: asyncHTTP),
            "socket.create_connection": Entry(replacement: "use `await asyncio.open_connection(host, port)`"),
            "socket.getaddrinfo": Entry(replacement: "use `await loop.getaddrinfo(...)`"),
            "socket.gethostbyname": Entry(replacement: "use `await loop.getaddrinfo(...)`"),
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
            "input": Entry(replacement: "read input off the loop with `await asyncio.to_thread(input, prompt)`"),
        ]
        // Waits on threads and their synchronisation: nothing else on the loop runs until another thread acts.
        for (call, replacement) in threadWaits { table[call] = Entry(replacement: replacement) }
        // The synchronous HTTP clients: requests, httpx's sync API, urllib3, http.client.
        for verb in ["get", "post", "put", "patch", "delete", "head", "options", "request"] {
            for client in ["requests", "requests.Session", "requests.sessions.Session", "httpx", "httpx.Client"] {
                table["\(client).\(verb)"] = Entry(replacement: asyncHTTP)
            }
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

    /// Queues whose `get()` waits forever unless given a timeout or `block=False`.
    static let blockingQueues: Set<String> = [
        "queue.Queue", "queue.LifoQueue", "queue.PriorityQueue", "queue.SimpleQueue",
        "multiprocessing.Queue", "multiprocessing.JoinableQueue", "multiprocessing.SimpleQueue",
    ]
    static let queueReplacement = "use an `asyncio.Queue` and `await queue.get()`, or `await asyncio.to_thread(q.get)`"

    /// Loops whose callbacks all run when a descriptor they watch is ready.
    static let readyDescriptorLoops: Set<EventFramework> = [.libevent, .libev, .epoll]
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
    ]

    /// The entry for a call `caller` makes, or nil when the call does not block (a `get`
    /// with a timeout, or on a queue the caller checks first).
    static func entry(for call: CallFacts, in file: FileFacts, caller: FunctionFacts) -> Entry? {
        if file.language == .c { return c[call.callee] }
        guard call.isResolved else { return nil }
        if let known = python[call.callee] {
            return returnsAtOnce(call, in: file) || isNonBlockingSocket(call, in: caller, of: file) || isSettled(call, in: caller)
                ? nil : known
        }
        guard call.callee.hasSuffix(".get"), blockingQueues.contains(String(call.callee.dropLast(4))) else { return nil }
        return waitsForever(queueGet: call) && !checkedFirst(queueGet: call, in: caller) ? Entry(replacement: queueReplacement) : nil
    }

    /// `while not q.empty(): q.get()`: the caller looks at the queue before taking from
    /// it, the way a loop callback drains what a worker thread posted.
    private static func checkedFirst(queueGet call: CallFacts, in caller: FunctionFacts) -> Bool {
        !calls(on: call, in: caller, named: ["empty", "qsize"]).isEmpty
    }

    /// A wait on another thread that cannot wait: `event.wait(0)`, `lock.acquire(False)`,
    /// `lock.acquire(blocking=False)`, `future.result(timeout=0)`; one on something the
    /// caller saw finish first (`if future.done(): future.result()`, `is_set`, `is_alive`);
    /// or a coroutine's `future.result()` or `thread.join()` after it awaited, most often
    /// the very completion (`await done.wait()`, then `future.result()`).
    private static func isSettled(_ call: CallFacts, in caller: FunctionFacts) -> Bool {
        guard let method = threadWaitChecks.first(where: { call.callee.hasSuffix("." + $0.key) }) else { return false }
        let first = call.argument(keyword: "blocking") ?? call.argument(keyword: "timeout") ?? call.argument(at: 0)
        if let first, ["0", "0.0", "False"].contains(first.text) { return true }
        if method.key == "result" || method.key == "join", caller.awaits.contains(where: { $0.start < call.range.start }) { return true }
        return !calls(on: call, in: caller, named: method.value).isEmpty
    }

    /// Per waiting method, the calls that tell the wait is over.
    private static let threadWaitChecks: [String: Set<String>] = [
        "wait": ["is_set"], "wait_for": [], "join": ["is_alive"], "acquire": [], "result": ["done"],
    ]

    /// `getaddrinfo(ip, port, flags=socket.AI_NUMERICHOST)` only parses an address:
    /// it never asks a resolver. The flag may come through a module constant (`flags | _NUMERIC_ONLY`).
    private static func returnsAtOnce(_ call: CallFacts, in file: FileFacts) -> Bool {
        call.callee == "socket.getaddrinfo" && call.arguments.contains { argument in
            argument.text.contains("AI_NUMERICHOST") || argument.text.split { !($0.isLetter || $0.isNumber || $0 == "_") }
                .contains { file.constants[String($0)]?.contains("AI_NUMERICHOST") ?? false }
        }
    }

    /// `sock.setblocking(False)` (or `settimeout(0)`) in the caller before `sock.connect(...)`,
    /// or a handler for the `BlockingIOError` it raises instead of waiting: the call returns
    /// at once, with an error if it would have had to wait.
    private static func isNonBlockingSocket(_ call: CallFacts, in caller: FunctionFacts, of file: FileFacts) -> Bool {
        guard call.callee.hasPrefix("socket.socket.") else { return false }
        if file.exceptionsHandled(at: call.range.start, in: caller).contains("BlockingIOError") || awaitsReadiness(receiverOf: call, in: caller) { return true }
        if call.callee == "socket.socket.connect", connectsLocally(receiverOf: call, in: caller) { return true }
        return calls(on: call, in: caller, named: ["setblocking", "settimeout"]).contains { other in
            let off: Set<String> = other.calleeText.hasSuffix(".setblocking") ? ["False", "0"] : ["0", "0.0"]
            return other.range.start < call.range.start && off.contains(other.argument(at: 0)?.text ?? "")
        }
    }

    /// `await trio.lowlevel.wait_writable(sock)` (or AnyIO's `wait_socket_writable`) in the
    /// caller: the socket is used the loop's way, a call made once the loop says it is ready.
    private static func awaitsReadiness(receiverOf call: CallFacts, in caller: FunctionFacts) -> Bool {
        guard let dot = call.calleeText.lastIndex(of: ".") else { return false }
        let receiver = call.calleeText[..<dot]
        return caller.calls.contains { wait in
            guard wait.isAwaited, let method = wait.callee.split(separator: ".").last,
                  readinessWaits.contains(String(method)) else { return false }
            return wait.argument(at: 0).map { $0.text[...] == receiver } ?? false
        }
    }

    private static let readinessWaits: Set<String> = ["wait_readable", "wait_writable", "wait_socket_readable", "wait_socket_writable"]

    /// `sock = socket.socket(family, socket.SOCK_DGRAM)`: connecting a UDP socket only picks
    /// the peer and the local route, and `socket.socket(socket.AF_UNIX, ...)` connects to a
    /// path on this machine, accepted or refused at once; neither waits on the network.
    private static func connectsLocally(receiverOf call: CallFacts, in caller: FunctionFacts) -> Bool {
        guard let dot = call.calleeText.lastIndex(of: ".") else { return false }
        let receiver = call.calleeText[..<dot]
        return caller.calls.contains { made in
            guard made.callee == "socket.socket", made.boundName.map({ $0[...] == receiver }) ?? false else { return false }
            let family = made.argument(keyword: "family") ?? made.argument(at: 0)
            let type = made.argument(keyword: "type") ?? made.argument(at: 1)
            return family?.text.hasSuffix("AF_UNIX") ?? false || type?.text.hasSuffix("SOCK_DGRAM") ?? false
        }
    }

    /// A queue `get` made in a method `helper` that a method of the same instance calls
    /// only after it looked at the queue: `while self.q.empty(): await ...` and then
    /// `self._take()`, whose `self.q.get()` finds the queue filled.
    static func isQueueGetCheckedByCaller(_ call: CallFacts, helper: FunctionFacts, caller: FunctionFacts) -> Bool {
        guard call.callee.hasSuffix(".get"), blockingQueues.contains(String(call.callee.dropLast(4))),
              call.calleeText.hasPrefix("self."), let className = caller.className, helper.className == className
        else { return false }
        return checkedFirst(queueGet: call, in: caller)
    }

    /// The caller's calls of these methods on the receiver `call` is made on, as written:
    /// `q.empty()` beside `q.get()`.
    private static func calls(on call: CallFacts, in caller: FunctionFacts, named methods: Set<String>) -> [CallFacts] {
        guard let dot = call.calleeText.lastIndex(of: ".") else { return [] }
        let receiver = call.calleeText[..<dot]
        return caller.calls.filter { other in
            guard let otherDot = other.calleeText.lastIndex(of: "."), other.calleeText[..<otherDot] == receiver else { return false }
            return methods.contains(String(other.calleeText[other.calleeText.index(after: otherDot)...]))
        }
    }

    /// `q.get()` and `q.get(True)` wait forever; a timeout or `block=False` does not.
    private static func waitsForever(queueGet call: CallFacts) -> Bool {
        if call.argument(keyword: "timeout") != nil || call.argument(at: 1) != nil { return false }
        let block = call.argument(keyword: "block") ?? call.argument(at: 0)
        return block == nil || block?.text == "True"
    }
}
