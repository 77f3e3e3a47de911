import ConchKit

/// The library knowledge the scanner uses, as data.
enum ScannerCatalog {
    /// Public names for classes the standard library defines in private modules.
    static let canonicalNames: [String: String] = billiardNames.merging([
        "concurrent.futures.thread.ThreadPoolExecutor": "concurrent.futures.ThreadPoolExecutor",
        "concurrent.futures.process.ProcessPoolExecutor": "concurrent.futures.ProcessPoolExecutor",
        "concurrent.futures.interpreter.InterpreterPoolExecutor": "concurrent.futures.InterpreterPoolExecutor",
        "multiprocessing.pool.Pool": "multiprocessing.Pool",
        "multiprocessing.context.Process": "multiprocessing.Process",
        "asyncio.events.get_event_loop": "asyncio.get_event_loop",
        "asyncio.runners.run": "asyncio.run",
        "Tkinter.Tk": "tkinter.Tk",
        "Tkinter.mainloop": "tkinter.mainloop",
        "PyQt5.QtWidgets.qApp": "PyQt5.QtWidgets.QApplication",
    ]) { first, _ in first }

    /// `billiard`, Celery's fork of multiprocessing, keeps its API and its pickling: its
    /// pools and processes are multiprocessing's. pathos's `multiprocess` is left out:
    /// it pickles with dill, which sends lambdas and closures (CON204 would be wrong there).
    private static let billiardNames: [String: String] = {
        let names = ["Pool", "Process", "Queue", "JoinableQueue", "SimpleQueue", "Manager", "Value", "Array", "Lock", "RLock",
                     "Event", "Semaphore", "Condition", "Barrier", "get_context", "set_start_method", "cpu_count",
                     "pool.ThreadPool", "shared_memory.SharedMemory", "dummy.Pool"]
        var table = ["billiard": "multiprocessing", "billiard.pool.Pool": "multiprocessing.Pool",
                     "billiard.context.Process": "multiprocessing.Process"]
        for name in names { table["billiard." + name] = "multiprocessing." + name }
        return table
    }()

    /// Most names are ruled out as keys of `canonicalNames` by their length.
    static let canonicalNameLengths = LengthFilter(canonicalNames.keys)

    /// Calls whose result is not an instance of the callee, and the pools' shared instances.
    static let returnTypes: [String: String] = ClassNames.returnTypes
        .merging(SpawnCatalog.runnablePools.map { ($0 + ".globalInstance", $0) }) { listed, _ in listed }

    /// Most callees are ruled out as keys of `returnTypes`, or as `lowercaseClasses`, by their length.
    static let returnTypeLengths = LengthFilter(returnTypes.keys)
    static let lowercaseClassLengths = LengthFilter(lowercaseClasses)

    /// Classes whose names do not start with a capital, so calling them builds an instance.
    static let lowercaseClasses: Set<String> = [
        "list", "dict", "set", "frozenset", "tuple", "bytearray", "bytes", "str", "int", "float", "object",
        "threading.local", "_threading_local.local", "socket.socket", "collections.deque", "collections.defaultdict",
        "_thread.allocate_lock", "thread.allocate_lock", "multiprocessing", "array.array",
        "sqlalchemy.orm.sessionmaker", "sqlalchemy.orm.session.sessionmaker",
        "sqlalchemy.orm.scoped_session", "sqlalchemy.orm.scoping.scoped_session",
    ]

    /// Every name the `builtins` module binds: functions, types and exceptions.
    static let builtins: Set<String> = StarExports.names(of: "builtins") ?? []

    /// Types that synchronise themselves: a global of one of these is not shared-state trouble.
    static let synchronizedTypes: Set<String> = [
        "threading.Lock", "threading.RLock", "threading.Event", "threading.Semaphore",
        "threading.BoundedSemaphore", "threading.Condition", "threading.Barrier",
        "queue.Queue", "queue.LifoQueue", "queue.PriorityQueue", "queue.SimpleQueue",
        "multiprocessing.Queue", "multiprocessing.JoinableQueue", "multiprocessing.SimpleQueue",
        "multiprocessing.Lock", "multiprocessing.RLock", "multiprocessing.Event", "multiprocessing.Semaphore",
        "multiprocessing.Condition", "multiprocessing.Value", "multiprocessing.Array",
        "asyncio.Lock", "asyncio.Event", "asyncio.Queue", "asyncio.Semaphore", "asyncio.Condition",
    ]

    /// Libraries whose objects change through their properties, so that storing an attribute
    /// of one (`label.text = "done"`) is a call of it.
    static let propertyObjects = ["kivy."]

    /// Module-level objects (not instances the file makes) whose item stores are calls worth
    /// seeing: `os.environ[key] = value` calls `putenv`.
    static let itemStoreObjects: Set<String> = ["os.environ"]

    /// Decorators that make every call of the function run in the main thread, whoever calls
    /// it: Kivy's `@mainthread` schedules the call on its clock.
    static let mainThreadDecorators: Set<String> = ["kivy.clock.mainthread"]

    /// Decorators that make a generator a coroutine the loop runs, as `async def` does.
    static let generatorCoroutineDecorators: Set<String> = [
        "tornado.gen.coroutine", "tornado.gen.engine", "asyncio.coroutine", "twisted.internet.defer.inlineCallbacks",
    ]

    /// Types whose `with x:` holds a lock.
    static let lockTypes: Set<String> = [
        "threading.Lock", "threading.RLock", "threading.Semaphore", "threading.BoundedSemaphore",
        "threading.Condition", "multiprocessing.Lock", "multiprocessing.RLock", "multiprocessing.Semaphore",
        "multiprocessing.Condition", "asyncio.Lock", "asyncio.Semaphore", "asyncio.Condition",
        "_thread.allocate_lock", "thread.allocate_lock",
    ]

    /// Calls that end the process where they stand.
    static let processExits: Set<String> = ["os._exit", "sys.exit", "os.abort", "exit", "quit"]

    /// Objects each thread sees its own of: SQLAlchemy's `scoped_session` keeps a session per
    /// thread; werkzeug's `Local` and `LocalProxy` (Flask's `session`, `g`) stand for the
    /// running request's own.
    static let threadLocalTypes: Set<String> = [
        "threading.local", "_threading_local.local", "_thread._local",
        "sqlalchemy.orm.scoped_session", "sqlalchemy.orm.scoping.scoped_session",
        "werkzeug.local.Local", "werkzeug.local.LocalProxy", "werkzeug.local.LocalStack",
        // Django's per-thread and per-task storage.
        "asgiref.local.Local",
    ]

    /// Request handlers whose `self.request` is the client's stream socket.
    static let streamHandlerClasses: Set<String> = [
        "socketserver.StreamRequestHandler", "http.server.BaseHTTPRequestHandler", "http.server.SimpleHTTPRequestHandler",
        "http.server.CGIHTTPRequestHandler",
    ]
    /// Attributes of `self` that hold an object every instance of the class shares: a
    /// `socketserver` request handler's `server`, one per server, whose handlers run a
    /// thread each under a threading server.
    static let sharedOwnerAttributes: Set<String> = ["server"]
    static let streamHandlerAttributes = [
        ("request", "socket.socket"), ("connection", "socket.socket"), ("rfile", "socket.SocketIO"), ("wfile", "socket.SocketIO"),
    ]

    /// The types a parameter's annotation (`pool: ProcessPoolExecutor`) or a copied name
    /// (`self.pool = pool`) may give: those the scanner's detectors ask about.
    static let trackedTypes: Set<String> = synchronizedTypes.union(lockTypes).union(threadLocalTypes)
        .union(SpawnCatalog.poolTypes.keys).union(SpawnCatalog.taskGroupTypes).union(SpawnCatalog.runnablePools).union([
            "threading.Thread", "threading.Timer", "multiprocessing.Process", "socket.socket", "ssl.SSLSocket",
            "asyncio.AbstractEventLoop", "asyncio.TaskGroup", "tornado.ioloop.IOLoop", "multiprocessing.managers.SyncManager",
            // The synchronous HTTP clients, whose every request waits on the network.
            "requests.Session", "requests.sessions.Session", "httpx.Client", "urllib3.PoolManager",
            "http.client.HTTPConnection", "http.client.HTTPSConnection",
            // SQLAlchemy's synchronous sessions and connections (`db: Session = Depends(get_db)`).
            "sqlalchemy.orm.Session", "sqlalchemy.orm.session.Session", "sqlalchemy.engine.Engine", "sqlalchemy.engine.Connection",
            // SQL drivers' connections and cursors (`conn: sqlite3.Connection`).
            "sqlite3.Connection", "sqlite3.Cursor", "psycopg.Connection", "psycopg.Cursor",
        ])

    /// Constructors of built-in containers and the collections types: name -> type name.
    static let containerConstructors: Set<String> = [
        "list", "dict", "set", "bytearray", "collections.defaultdict", "collections.OrderedDict",
        "collections.Counter", "collections.deque", "collections.ChainMap",
    ]
}

extension StarExports {
    private static let sets: [String: Set<String>] = listed.mapValues { names in
        Set(names.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))
    }

    /// The names `from module import *` binds; nil for a module the table does not list.
    static func names(of module: String) -> Set<String>? { sets[module] }
}
