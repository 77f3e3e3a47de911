/// What a call says about the work around it. Names are resolved dotted
/// callees; an entry ending in `.` is a prefix for a whole module.
public enum WorkloadCatalog {
    /// Calls that wait on the outside world: files, sockets, HTTP, processes, sleeps,
    /// and the synchronisation primitives a thread blocks on.
    public static let io = NameCatalog([
        "open", "print", "input", "io.open", "os.read", "os.write", "os.listdir", "os.scandir", "os.walk", "os.stat",
        "shutil.", "pathlib.Path.read_text", "pathlib.Path.read_bytes", "pathlib.Path.write_text", "pathlib.Path.write_bytes",
        "socket.", "ssl.", "select.", "selectors.", "http.client.", "urllib.request.", "urllib3.", "requests.", "httpx.",
        "aiohttp.", "ftplib.", "smtplib.", "poplib.", "imaplib.", "telnetlib.", "sqlite3.", "psycopg2.", "pymysql.",
        "xmlrpc.client.ServerProxy.", "dns.resolver.",
        "redis.", "pymongo.", "boto3.", "botocore.", "paramiko.", "serial.", "subprocess.", "time.sleep", "json.load", "json.dump",
        "pickle.load", "pickle.dump", "csv.reader", "csv.writer", "queue.Queue.get",
        "asyncio.sleep", "asyncio.open_connection", "asyncio.start_server",
        "os.wait", "os.waitpid", "os.wait3", "os.wait4", "os.waitid", "signal.pause", "signal.sigwait",
        "threading.Event.wait", "threading.Condition.wait", "threading.Condition.wait_for", "threading.Barrier.wait",
        "threading.Lock.acquire", "threading.RLock.acquire", "threading.Semaphore.acquire",
        "threading.BoundedSemaphore.acquire", "threading.Thread.join", "_thread.allocate_lock.acquire",
        "multiprocessing.Queue.get", "multiprocessing.SimpleQueue.get", "multiprocessing.JoinableQueue.get",
        "multiprocessing.connection.wait", "multiprocessing.Process.join",
        "_winapi.WaitForSingleObject", "_winapi.WaitForMultipleObjects", "_winapi.ReadFile", "_winapi.WriteFile",
        "_winapi.ConnectNamedPipe",
        // C: the POSIX calls that block on descriptors or the network.
        "read", "write", "recv", "recvfrom", "recvmsg", "send", "sendto", "sendmsg", "accept", "accept4", "connect",
        "poll", "select", "epoll_wait", "fread", "fwrite", "fgets", "fputs", "fprintf", "printf", "puts", "fopen",
        "getaddrinfo", "gethostbyname", "sleep", "usleep", "nanosleep",
    ] + fileSystem)

    /// Python's calls on files and folders by name: each a system call that waits on the disk.
    private static let fileSystem: [String] = [
        "os.lstat", "os.fstat", "os.remove", "os.unlink", "os.rename", "os.replace", "os.rmdir", "os.removedirs",
        "os.mkdir", "os.makedirs", "os.utime", "os.chmod", "os.chown", "os.truncate", "os.fsync", "os.path.exists",
        "os.path.lexists", "os.path.isfile", "os.path.isdir", "os.path.islink", "os.path.getsize", "os.path.getmtime",
        "os.path.getatime", "os.path.getctime", "glob.glob", "glob.iglob", "pathlib.Path.stat", "pathlib.Path.lstat",
        "pathlib.Path.exists", "pathlib.Path.is_file", "pathlib.Path.is_dir", "pathlib.Path.iterdir", "pathlib.Path.glob",
        "pathlib.Path.rglob", "pathlib.Path.open", "pathlib.Path.unlink", "pathlib.Path.rename", "pathlib.Path.replace",
        "pathlib.Path.mkdir", "pathlib.Path.rmdir", "pathlib.Path.touch",
    ]

    /// Names under an `io` prefix that only build or configure a client, a request or a
    /// socket and wait on nothing: the wait comes later (`urlopen`, `recv`, `get`).
    public static let setUpOnly: Set<String> = [
        "urllib.request.Request", "urllib.request.build_opener", "urllib.request.HTTPHandler",
        "urllib.request.HTTPSHandler", "urllib.request.ProxyHandler", "http.client.HTTPConnection",
        "http.client.HTTPSConnection", "requests.Session", "requests.Request", "requests.adapters.HTTPAdapter",
        "httpx.Client", "httpx.AsyncClient", "httpx.Timeout", "httpx.Limits", "aiohttp.ClientSession",
        "aiohttp.ClientTimeout", "aiohttp.TCPConnector", "urllib3.PoolManager", "urllib3.Timeout", "urllib3.Retry",
        "socket.socket", "ssl.SSLContext", "redis.Redis", "redis.StrictRedis", "redis.ConnectionPool", "redis.from_url",
        "redis.Redis.from_url", "redis.ConnectionPool.from_url",
        // Socket calls that answer at once: names, conversions, options, a pair of local ends.
        "socket.gethostname", "socket.fromfd", "socket.socketpair", "socket.inet_aton", "socket.inet_ntoa",
        "socket.inet_pton", "socket.inet_ntop", "socket.htons", "socket.htonl", "socket.ntohs", "socket.ntohl",
        "socket.getdefaulttimeout", "socket.setdefaulttimeout", "socket.has_dualstack_ipv6",
        "socket.socket.setsockopt", "socket.socket.getsockopt", "socket.socket.setblocking", "socket.socket.settimeout",
        "socket.socket.gettimeout", "socket.socket.fileno", "socket.socket.bind", "socket.socket.listen",
        "socket.socket.close", "socket.socket.getsockname", "socket.socket.getpeername", "socket.socket.detach",
    ]

    /// Whether the call waits on the outside world: in `io`, and not one that only sets up.
    public static func waits(_ callee: String) -> Bool {
        io.matches(callee) && !setUpOnly.contains(callee)
    }

    /// The part of `io` that stays inside this machine and program: the disk, the
    /// console, and the program's own queues, locks, events and children. Real waits,
    /// but a task doing only these is often busy elsewhere (in `compile()`, a parser
    /// library), or is a worker waiting for its next job rather than on the world.
    public static let localWaits = NameCatalog([
        "open", "print", "io.open", "os.listdir", "os.scandir", "os.walk", "os.stat",
        "shutil.", "pathlib.Path.read_text", "pathlib.Path.read_bytes", "pathlib.Path.write_text",
        "pathlib.Path.write_bytes", "json.load", "json.dump", "pickle.load", "pickle.dump", "csv.reader", "csv.writer",
        "queue.Queue.get", "os.wait", "os.waitpid", "os.wait3", "os.wait4", "os.waitid",
        "threading.Event.wait", "threading.Condition.wait", "threading.Condition.wait_for", "threading.Barrier.wait",
        "threading.Lock.acquire", "threading.RLock.acquire", "threading.Semaphore.acquire",
        "threading.BoundedSemaphore.acquire", "threading.Thread.join", "_thread.allocate_lock.acquire",
        "multiprocessing.Queue.get", "multiprocessing.SimpleQueue.get", "multiprocessing.JoinableQueue.get",
        "multiprocessing.connection.wait", "multiprocessing.Process.join",
        "_winapi.WaitForSingleObject", "_winapi.WaitForMultipleObjects",
    ] + fileSystem)

    /// The blocking methods that wait on the program's own threads and processes.
    public static let localBlockingMethods: Set<String> = ["wait", "wait_for", "acquire"]

    /// Method names that block whatever the receiver turns out to be (an event, a
    /// lock, a socket, a connection, a child process), for receivers the scanner
    /// could not type. `get`, `join`, `read` and `connect` are left out: dicts,
    /// strings, buffers and signals use them without waiting.
    public static let blockingMethods: Set<String> = [
        "wait", "wait_for", "acquire", "sleep", "recv", "recv_into", "recvfrom", "recvfrom_into", "recvmsg",
        "recv_bytes", "recv_bytes_into", "sendall", "accept", "communicate",
    ]

    /// Stream method names: on a receiver of unknown type (a serial port, a file, a
    /// socket wrapper) each may wait, so a loop calling one is not taken for pure
    /// computation. Not evidence of I/O either: `StringIO` and buffers have them too.
    public static let streamMethods: Set<String> = [
        "read", "read_all", "readline", "readlines", "readinto", "write", "writelines", "flush", "send", "connect",
        "poll", "select",
    ]

    /// `self._results.get(block=True, timeout=t)`, `worker.join(timeout=5)`: on a receiver of
    /// unknown type, a `get`, `put` or `join` given `block=` or `timeout=` is a queue's,
    /// a thread's or a process's, which waits (a dict's `get` takes no keywords).
    public static func waitsByItsKeywords(_ call: CallFacts) -> Bool {
        guard !call.isResolved, let method = methodName(call.callee), waitingByKeyword.contains(method) else { return false }
        return call.arguments.contains { $0.keyword == "block" || $0.keyword == "timeout" }
    }

    private static let waitingByKeyword: Set<String> = ["get", "put", "join"]

    /// `self._serial.read(1)`: an unresolved call to a stream method.
    public static func mayWait(_ call: CallFacts) -> Bool {
        !call.isResolved && (methodName(call.callee).map(streamMethods.contains) ?? false)
    }

    /// Decorators that remember results: recursion under them (a memoized `fib`) makes
    /// each call once, not twice per call.
    public static let memoizing: Set<String> = ["functools.cache", "functools.lru_cache", "functools.cached_property", "cachetools.cached"]

    /// Clock reads, by the last part of the callee (`time.monotonic`, a project's own
    /// `metrics.time`): a `while` that tests one runs until a deadline, however fast it goes.
    public static let clockReads: Set<String> = [
        "time", "time_ns", "monotonic", "monotonic_ns", "perf_counter", "perf_counter_ns", "default_timer", "now", "utcnow",
    ]

    /// Libraries whose heavy work runs in C with the GIL released; ctypes releases it
    /// around every foreign call (`ctypes.windll.kernel32.WaitForMultipleObjects`).
    public static let native = NameCatalog([
        "numpy.", "scipy.", "hashlib.", "zlib.", "bz2.", "lzma.", "gzip.compress", "gzip.decompress", "ctypes.",
        "cv2.", "torch.", "tensorflow.", "numexpr.", "numba.", "pandas.", "PIL.Image.", "cryptography.", "blake3.",
    ])

    /// Modules whose code says nothing about the caller's workload, so the classifier
    /// does not follow calls into them even when their source is part of the project:
    /// error and diagnostic reporting (tracebacks, warnings, logging) runs off the work's
    /// path, and a regular expression's Python-level compiler runs once per pattern
    /// (the result is cached and matching happens in C).
    public static let incidental = NameCatalog([
        "traceback.", "warnings.", "logging.", "linecache.", "re.", "sre_compile.", "sre_parse.",
    ])

    /// `stop.wait(...)`, `self.conn.recv()`: a method call whose name alone says it blocks.
    public static func isBlockingMethod(_ callee: String) -> Bool {
        methodName(callee).map(blockingMethods.contains) ?? false
    }

    /// A wait that stays inside this machine and program (`localWaits`, or a blocking
    /// method such as `stop.wait`), as opposed to the network, a child program or a sleep.
    public static func isLocalWait(_ callee: String) -> Bool {
        if localWaits.matches(callee) { return true }
        if waits(callee) { return false }
        return methodName(callee).map { localBlockingMethods.contains($0) || waitingByKeyword.contains($0) } ?? false
    }

    private static func methodName(_ callee: String) -> String? {
        guard let dot = callee.lastIndex(of: ".") else { return nil }
        return String(callee[callee.index(after: dot)...])
    }
}
