import ConchKit

/// The APIs that start threads, processes, pool tasks and coroutines.
enum SpawnCatalog {
    enum EntrySource {
        /// The callable is an argument: by keyword, else by position.
        case argument(keyword: String?, position: Int?)
        /// `run_in_executor(executor, f)`.
        case executorArgument
        /// `os.fork()`: the child goes on running the calling function.
        case enclosingFunction
        /// A `Thread`/`Process` subclass: its `run`, or a `target=` when it has none.
        case classRun(String, keyword: String)
        /// A threading server: the request handler class's `handle` (or `do_GET`...), once per request.
        case requestHandler
        /// `QThreadPool.start(task)`: a `QRunnable`'s `run`, or a callable.
        case runnable
    }

    struct Match {
        var kind: SpawnSite.Kind
        var api: String
        var entry: EntrySource
    }

    /// Functions and constructors that spawn, by resolved name.
    static let functions: [String: Match] = [
        "threading.Thread": Match(kind: .thread, api: "threading.Thread", entry: .argument(keyword: "target", position: 1)),
        "threading.Timer": Match(kind: .timer, api: "threading.Timer", entry: .argument(keyword: "function", position: 1)),
        "_thread.start_new_thread": Match(kind: .thread, api: "_thread.start_new_thread", entry: .argument(keyword: nil, position: 0)),
        "_thread.start_new": Match(kind: .thread, api: "_thread.start_new", entry: .argument(keyword: nil, position: 0)),
        "thread.start_new_thread": Match(kind: .thread, api: "thread.start_new_thread", entry: .argument(keyword: nil, position: 0)),
        "multiprocessing.Process": Match(kind: .process, api: "multiprocessing.Process", entry: .argument(keyword: "target", position: 1)),
        "os.fork": Match(kind: .forkChild, api: "os.fork", entry: .enclosingFunction),
        "os.forkpty": Match(kind: .forkChild, api: "os.forkpty", entry: .enclosingFunction),
        "asyncio.to_thread": Match(kind: .threadPool, api: "asyncio.to_thread", entry: .argument(keyword: nil, position: 0)),
        "trio.to_thread.run_sync": Match(kind: .threadPool, api: "trio.to_thread.run_sync", entry: .argument(keyword: nil, position: 0)),
        "anyio.to_thread.run_sync": Match(kind: .threadPool, api: "anyio.to_thread.run_sync", entry: .argument(keyword: nil, position: 0)),
        "anyio.to_process.run_sync": Match(kind: .processPool, api: "anyio.to_process.run_sync", entry: .argument(keyword: nil, position: 0)),
        "asyncio.create_task": Match(kind: .coroutine, api: "asyncio.create_task", entry: .argument(keyword: nil, position: 0)),
        "asyncio.ensure_future": Match(kind: .coroutine, api: "asyncio.ensure_future", entry: .argument(keyword: nil, position: 0)),
        "gevent.spawn": Match(kind: .coroutine, api: "gevent.spawn", entry: .argument(keyword: nil, position: 0)),
        "gevent.spawn_later": Match(kind: .coroutine, api: "gevent.spawn_later", entry: .argument(keyword: nil, position: 1)),
        "gevent.Greenlet.spawn": Match(kind: .coroutine, api: "gevent.Greenlet.spawn", entry: .argument(keyword: nil, position: 0)),
        "eventlet.spawn": Match(kind: .coroutine, api: "eventlet.spawn", entry: .argument(keyword: nil, position: 0)),
        "twisted.internet.threads.deferToThread": Match(kind: .threadPool, api: "twisted.internet.threads.deferToThread",
                                                        entry: .argument(keyword: nil, position: 0)),
        "twisted.internet.reactor.callInThread": Match(kind: .threadPool, api: "twisted.internet.reactor.callInThread",
                                                       entry: .argument(keyword: nil, position: 0)),
        "PySide6.QtConcurrent.QtConcurrent.run": Match(kind: .threadPool, api: "PySide6.QtConcurrent.QtConcurrent.run",
                                                      entry: .argument(keyword: nil, position: 0)),
        "PySide2.QtConcurrent.QtConcurrent.run": Match(kind: .threadPool, api: "PySide2.QtConcurrent.QtConcurrent.run",
                                                      entry: .argument(keyword: nil, position: 0)),
    ]

    static let qtPackages = QtBindings.packages

    /// Classes whose subclasses' `run` is a thread: Python's and Qt's.
    static let threadClasses: Set<String> = Set(qtPackages.map { $0 + ".QtCore.QThread" }).union(["threading.Thread"])

    /// Qt's thread pools, whose `start(task)` and `tryStart(task)` run the task on a pool thread.
    static let runnablePools: Set<String> = Set(qtPackages.map { $0 + ".QtCore.QThreadPool" })
    static let runnablePoolMethodNames: Set<String> = ["start", "tryStart"]

    /// `thread.started.connect(f)` on a `QThread`: `f` runs in that thread once it starts.
    static let threadStartedConnections: Set<String> = Set(qtPackages.map { $0 + ".QtCore.QThread.started.connect" })

    /// Servers that handle every request in a new thread or forked child, and the mix-ins that make them.
    static let perRequestServers: [String: SpawnSite.Kind] = [
        "socketserver.ThreadingTCPServer": .thread, "socketserver.ThreadingUDPServer": .thread,
        "socketserver.ThreadingUnixStreamServer": .thread, "socketserver.ThreadingUnixDatagramServer": .thread,
        "http.server.ThreadingHTTPServer": .thread, "socketserver.ThreadingMixIn": .thread,
        "socketserver.ForkingTCPServer": .process, "socketserver.ForkingUDPServer": .process,
        "socketserver.ForkingUnixStreamServer": .process, "socketserver.ForkingUnixDatagramServer": .process,
        "socketserver.ForkingMixIn": .process,
    ]

    /// The library's request handler classes, which a server's handler is built on.
    static let requestHandlerBases: Set<String> = ScannerCatalog.streamHandlerClasses.union([
        "socketserver.BaseRequestHandler", "socketserver.DatagramRequestHandler",
        "xmlrpc.server.SimpleXMLRPCRequestHandler", "wsgiref.simple_server.WSGIRequestHandler",
    ])

    /// What a class of the file may be built on to start threads or processes.
    static let spawningBases: Set<String> = threadClasses.union(perRequestServers.keys).union(["multiprocessing.Process"])

    /// The thread or process class a class of the file derives from, through the file's
    /// classes, or the server class that makes it start one per request.
    static func startingBase(of className: String, in model: ScanModel) -> StartingBase? {
        guard let base = model.firstAncestor(of: className, where: spawningBases.contains), base != className else { return nil }
        if let kind = perRequestServers[base] { return StartingBase(base: base, kind: kind, startsPerRequest: true) }
        return StartingBase(base: base, kind: threadClasses.contains(base) ? .thread : .process)
    }

    /// Pool and executor types, by the kind of worker they run tasks on.
    static let poolTypes: [String: SpawnSite.Kind] = [
        "concurrent.futures.ThreadPoolExecutor": .threadPool,
        "concurrent.futures.ProcessPoolExecutor": .processPool,
        "concurrent.futures.InterpreterPoolExecutor": .interpreterPool,
        "multiprocessing.Pool": .processPool,
        "multiprocessing.pool.ThreadPool": .threadPool,
        "multiprocessing.dummy.Pool": .threadPool,
        "multiprocessing.ThreadPool": .threadPool,
    ]

    /// What `run_in_executor` runs its function on, by the executor's type or the name it
    /// is bound to: a thread of the loop's pool unless the executor is a process or
    /// interpreter pool.
    static func executorKind(named type: String) -> SpawnSite.Kind {
        if type.hasSuffix("ProcessPoolExecutor") { return .processPool }
        if type.hasSuffix("InterpreterPoolExecutor") { return .interpreterPool }
        return .threadPool
    }

    /// The last component of every name in `functions`, to skip the lookup for most calls.
    static let spawningNames: Set<String> = Set(functions.keys.map { String($0.split(separator: ".").last ?? "") })
        .union(perRequestServers.keys.map { String($0.split(separator: ".").last ?? "") })

    /// Trio's nurseries and AnyIO's task groups, whose `start_soon(f)` and `start(f)` run `f` as a task.
    static let taskGroupTypes: Set<String> = ["trio.Nursery", "anyio.abc.TaskGroup"]
    static let taskGroupMethodNames: Set<String> = ["start_soon", "start"]

    static let poolMethodNames: Set<String> = [
        "map", "imap", "imap_unordered", "apply", "apply_async", "starmap", "starmap_async", "map_async", "submit",
    ]

    /// Every method name `SpawnDetector` matches on.
    static let methodNames: Set<String> = spawningNames.union(poolMethodNames).union(taskGroupMethodNames)
        .union(runnablePoolMethodNames).union(["run_in_executor", "create_task", "connect"])

    static let poolMethods: [SpawnSite.Kind: Set<String>] = [
        .threadPool: poolMethodNames,
        .processPool: poolMethodNames,
        .interpreterPool: poolMethodNames,
    ]
}
