import ConchKit

/// Calls of the blocking table that return at once where they are made: on a
/// non-blocking socket, on a queue or a thread the caller saw finish, with flags that
/// ask no resolver.
extension BlockingCalls {
    /// `while not q.empty(): q.get()`: the caller looks at the queue before taking from
    /// it, the way a loop callback drains what a worker thread posted.
    static func checkedFirst(queueGet call: CallFacts, in caller: FunctionFacts) -> Bool {
        !calls(on: call, in: caller, named: ["empty", "qsize"]).isEmpty
    }

    /// A wait on another thread that cannot wait: `event.wait(0)`, `lock.acquire(False)`,
    /// `lock.acquire(blocking=False)`, `future.result(timeout=0)`; one on something the
    /// caller saw finish first (`if future.done(): future.result()`, `is_set`, `is_alive`);
    /// a coroutine's `future.result()` or `thread.join()` after it awaited, most often
    /// the very completion (`await done.wait()`, then `future.result()`); or the first
    /// `acquire()` of a lock the caller has just made.
    static func isSettled(_ call: CallFacts, in caller: FunctionFacts) -> Bool {
        guard let method = threadWaitChecks.first(where: { call.callee.hasSuffix("." + $0.key) }) else { return false }
        let first = call.argument(keyword: "blocking") ?? call.argument(passedTo: "timeout", at: 0)
        if let first, ["0", "0.0", "False"].contains(first.text) { return true }
        if method.key == "result" || method.key == "join", caller.awaits.contains(where: { $0.start < call.range.start }) { return true }
        if method.key == "acquire", acquiresAFreshLock(call, in: caller) { return true }
        return !calls(on: call, in: caller, named: method.value).isEmpty
    }

    /// `lock = threading.Lock()`, then `lock.acquire()` with no `await` between (prefect's
    /// `MemoryLockManager`, which hands out locks already held): no other thread or task
    /// can hold a lock no one else has seen yet.
    private static func acquiresAFreshLock(_ call: CallFacts, in caller: FunctionFacts) -> Bool {
        guard let receiver = receiver(of: call), !receiver.contains("."),
              let made = caller.calls.last(where: { $0.range.end <= call.range.start && $0.boundName.map { $0 == receiver } ?? false })
        else { return false }
        return freshLocks.contains(made.callee)
            && !caller.awaits.contains { $0.start > made.range.end && $0.start < call.range.start }
    }

    /// Locks that start unlocked (a `Semaphore(0)` starts taken).
    private static let freshLocks: Set<String> = ["threading.Lock", "threading.RLock", "_thread.allocate_lock"]

    /// Per waiting method, the calls that tell the wait is over.
    private static let threadWaitChecks: [String: Set<String>] = [
        "wait": ["is_set"], "wait_for": [], "join": ["is_alive"], "acquire": [], "result": ["done"],
    ]

    /// `getaddrinfo(ip, port, flags=socket.AI_NUMERICHOST)` only parses an address:
    /// it never asks a resolver. The flag may come through a module constant (`flags | _NUMERIC_ONLY`).
    /// Nor does a lookup of an address written out (`getaddrinfo("127.0.0.1", port)`).
    /// `time.sleep(0)` only lets other threads run, and returns; so does
    /// `os.waitpid(pid, os.WNOHANG)`, which only collects a child that already ended,
    /// and `urlopen` of a data URI, and `os.spawn*` with any mode but `os.P_WAIT` written out.
    static func returnsAtOnce(_ call: CallFacts, in file: FileFacts) -> Bool {
        if call.callee.hasPrefix("os.spawn") { return !(call.argument(at: 0)?.text.hasSuffix("P_WAIT") ?? false) }
        if call.callee == "time.sleep" { return ["0", "0.0"].contains(call.argument(at: 0)?.text ?? "") }
        if call.callee == "urllib.request.urlopen" { return opensDataURI(call, in: file) }
        if call.callee.hasPrefix("os.wait") { return call.arguments.contains { $0.text.contains("WNOHANG") } }
        guard call.callee == "socket.getaddrinfo" || call.callee == "socket.gethostbyname" else { return false }
        if let host = call.argument(passedTo: "host", at: 0), isAddressLiteral(host) || namesThisMachine(host, at: call, in: file) {
            return true
        }
        return call.arguments.contains { argument in
            argument.text.contains("AI_NUMERICHOST") || argument.text.split { !($0.isLetter || $0.isNumber || $0 == "_") }
                .contains { file.constants[String($0)]?.contains("AI_NUMERICHOST") ?? false }
        }
    }

    /// `os.kill(os.getpid(), signal.SIGKILL)`, then `time.sleep(10)`: the sleep waits for
    /// the process's own end (dagster's `check_for_debug_crash`), not on the loop's behalf.
    static func awaitsItsOwnEnd(_ call: CallFacts, in caller: FunctionFacts) -> Bool {
        call.callee == "time.sleep" && caller.calls.contains { kill in
            kill.callee == "os.kill" && kill.range.end <= call.range.start && kill.argument(at: 0)?.shape == .call("os.getpid")
        }
    }

    /// `urlopen("data:...")`, or `urlopen(data_uri)` past `if not data_uri.startswith("data:"): raise`
    /// (hikari's `Bytes.from_data_uri`): a data URI is decoded in memory, without a connection.
    private static func opensDataURI(_ call: CallFacts, in file: FileFacts) -> Bool {
        guard let url = call.argument(passedTo: "url", at: 0) else { return false }
        if url.shape == .stringLiteral { return url.text.dropFirst().lowercased().hasPrefix("data:") }
        return file.stringChecks.contains { $0.holds(scheme: "data", for: url.text, at: call.range.start) }
    }

    /// `"localhost"`, or a name in the block of `if host == "localhost":` (redis's
    /// `ClusterNode`): the hosts file answers, with no resolver to wait for.
    private static func namesThisMachine(_ host: Argument, at call: CallFacts, in file: FileFacts) -> Bool {
        if host.shape == .stringLiteral { return localNames.contains(host.text.dropFirst().dropLast().lowercased()) }
        return file.stringChecks.contains { $0.holds(oneOf: localNames, for: host.text, at: call.range.start) }
    }

    private static let localNames: Set<String> = ["localhost", "127.0.0.1", "::1"]

    /// `"127.0.0.1"`, `'::1'`: a string literal holding an IPv4 or IPv6 address, not a name.
    private static func isAddressLiteral(_ argument: Argument) -> Bool {
        guard argument.shape == .stringLiteral, let quote = argument.text.last, quote == "\"" || quote == "'" else { return false }
        let address = argument.text.drop { $0 != quote }.dropFirst().dropLast()
        guard !address.isEmpty else { return false }
        if address.contains(":") { return address.allSatisfy { $0.isHexDigit || $0 == ":" || $0 == "." } }
        let parts = address.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { !$0.isEmpty && $0.count <= 3 && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
    }

    /// `sock.setblocking(False)` (or `settimeout(0)`) in the caller before `sock.connect(...)`,
    /// or a handler for the `BlockingIOError` it raises instead of waiting: the call returns
    /// at once, with an error if it would have had to wait.
    static func isNonBlockingSocket(_ call: CallFacts, in caller: FunctionFacts, of file: FileFacts) -> Bool {
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
        guard let receiver = receiver(of: call) else { return false }
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
        guard let receiver = receiver(of: call) else { return false }
        return caller.calls.contains { made in
            guard made.callee == "socket.socket", made.boundName.map({ $0[...] == receiver }) ?? false else { return false }
            let family = made.argument(passedTo: "family", at: 0)
            let type = made.argument(passedTo: "type", at: 1)
            return family?.text.hasSuffix("AF_UNIX") ?? false || type?.text.hasSuffix("SOCK_DGRAM") ?? false
        }
    }

    /// A queue `get` made in a method `helper` that a method of the same instance calls
    /// only after it looked at the queue: `while self.q.empty(): await ...` and then
    /// `self._take()`, whose `self.q.get()` finds the queue filled.
    static func isQueueGetCheckedByCaller(_ call: CallFacts, helper: FunctionFacts, caller: FunctionFacts) -> Bool {
        guard isQueueGet(call), call.calleeText.hasPrefix("self."), let className = caller.className, helper.className == className
        else { return false }
        return checkedFirst(queueGet: call, in: caller)
    }

    /// The caller's calls of these methods on the receiver `call` is made on, as written:
    /// `q.empty()` beside `q.get()`.
    private static func calls(on call: CallFacts, in caller: FunctionFacts, named methods: Set<String>) -> [CallFacts] {
        guard let receiver = receiver(of: call) else { return [] }
        return caller.calls.filter { other in
            guard let otherReceiver = Self.receiver(of: other), otherReceiver == receiver else { return false }
            return methods.contains(String(other.calleeText[other.calleeText.index(after: otherReceiver.endIndex)...]))
        }
    }

    /// What the call is made on, as written: `self.q` for `self.q.get()`; nil for a plain function.
    private static func receiver(of call: CallFacts) -> Substring? {
        call.calleeText.lastIndex(of: ".").map { call.calleeText[..<$0] }
    }

    /// `q.get(...)` on one of `blockingQueues`.
    static func isQueueGet(_ call: CallFacts) -> Bool {
        call.callee.hasSuffix(".get") && blockingQueues.contains(String(call.callee.dropLast(4)))
    }

    /// `q.get()` and `q.get(True)` wait until an item comes, `q.get(timeout=1)` up to a second
    /// (the loop stands still meanwhile, as in `event.wait(1)`); `block=False` or a timeout of
    /// 0 returns at once.
    static func waits(queueGet call: CallFacts) -> Bool {
        if let timeout = call.argument(passedTo: "timeout", at: 1), ["0", "0.0"].contains(timeout.text) { return false }
        guard let block = call.argument(passedTo: "block", at: 0) else { return true }
        return block.text != "False" && block.text != "0"
    }
}
