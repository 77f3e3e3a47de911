/// Where the code starts concurrent work: the choice a diagnostic is about.
public struct SpawnSite: Hashable, Sendable {
    public enum Kind: String, Sendable {
        case thread
        /// `threading.Timer`: a thread that sleeps first.
        case timer
        /// `ThreadPoolExecutor`, `multiprocessing.pool.ThreadPool`, `asyncio.to_thread`.
        case threadPool
        case process
        /// `multiprocessing.Pool`, `ProcessPoolExecutor`.
        case processPool
        /// `InterpreterPoolExecutor` (Python 3.14): worker threads that each run tasks in an
        /// isolated interpreter with a GIL of its own. Parallel on cores as processes are,
        /// with the same pickling of tasks and results, and module state per interpreter.
        case interpreterPool
        /// `fork()`: the child branch runs the entry's code.
        case forkChild
        /// `asyncio.create_task`, `gevent.spawn`.
        case coroutine
        /// A task queue's worker (Celery's `@app.task`, Dramatiq's `@dramatiq.actor`): a
        /// process of its own, often on another machine, that runs what the application sends.
        case taskWorker
    }

    public enum Entry: Hashable, Sendable {
        case function(FunctionID)
        /// The callable could not be resolved; the text as written.
        case unresolved(String)
        /// The starting function's own parameter at this position, in a wrapper: C's
        /// `setup_threads(void *(*handler)(void *))` calling `pthread_create` that no call in
        /// its own file uses, Python's `def spawn(func, *args): Thread(target=func, args=args).start()`.
        /// The project model takes the entries from the wrapper's callers. A Python position
        /// counts as its callers pass arguments: a method's `self` is not one of them.
        case parameter(Int)
        case none
    }

    public var kind: Kind
    /// The creating API as resolved: `threading.Thread`, `pthread_create`.
    public var api: String
    public var entry: Entry
    /// The call that creates the thread, process or task.
    public var range: ByteRange
    /// Index of the function holding the call (0: module level).
    public var function: Int
    /// Innermost enclosing loop in that function that repeats the start: C's loops that
    /// go round again only while the start fails (`while ((pid = fork()) == -1 && errno == EAGAIN)`)
    /// start one, and are skipped.
    public var loop: Int?
    /// A pool, executor or semaphore bounds how many run at once.
    public var isBounded: Bool
    /// C: the parent ends the process right after the fork (`if (pid > 0) _exit(0);`): the
    /// child goes on alone, as a daemon detaching does, so one process runs however often.
    public var detaches = false
    /// C: the arm of the test of the fork's result that the parent takes (`else if (pid) { ... }`).
    public var parentArm: ByteRange?
    /// C: the arm of the test of the start's result taken when it returns nonzero, an error
    /// (`if (pthread_create(&t, NULL, work, NULL) != 0) { running = 0; }`): no thread runs there.
    public var failedArm: ByteRange?
    /// A server starts one for every request it accepts (`socketserver.ThreadingTCPServer`):
    /// the open-ended accept loop is inside the library, not in `loop`.
    public var startsPerRequest = false
    /// Python, with a `.parameter` entry: the parameter's name, which a caller may pass by keyword.
    public var parameterName: String?
    /// Python: the function whose call makes the task, when the task is what it returns
    /// (`pool.map(make_worker(2), xs)`).
    public var taskMaker: FunctionID?
    /// Python: the integer constants the start hands its task, by the position of
    /// the parameter that receives each (`args=(10**7,)`, `submit(work, 5000)`).
    public var integerArguments: [Int: Int] = [:]
    /// Python: task arguments the start takes from its own function's parameters
    /// (`asyncio.to_thread(crunch, n)` in `async def handler(n)`, `executor.map(cpu_bound,
    /// numbers)` in `def find_sums(numbers)`); the project model adds to `integerArguments`
    /// what every caller of the function hands it (`ForwardedTaskCounts`).
    public var forwardedCounts: [ForwardedCount] = []
    /// The function whose callers wrote out every count in `integerArguments`, when none
    /// was written at the start itself: what messages say the count comes from.
    public var countsHandedBy: FunctionID?
    /// The arms of `if`/`else` chains (and Python's `match`) around the start, outermost first.
    public var arms: [BranchArm] = []
    /// The innermost `if` branch around the start that ends by leaving the function
    /// (`return`, `raise`, C's `exit`; not a `goto` or `break`, after which the function
    /// goes on): nothing after it in the function runs in a pass that starts.
    public var returningBranch: ByteRange?

    public init(kind: Kind, api: String, entry: Entry, range: ByteRange, function: Int, loop: Int?, isBounded: Bool) {
        self.kind = kind
        self.api = api
        self.entry = entry
        self.range = range
        self.function = function
        self.loop = loop
        self.isBounded = isBounded
    }

    public var runsInThread: Bool { kind == .thread || kind == .timer || kind == .threadPool }
    public var runsInProcess: Bool { kind == .process || kind == .processPool || kind == .forkChild || kind == .taskWorker }
    /// The task is pickled to a worker of a pool: a process's or an isolated interpreter's.
    public var picklesTasksToPool: Bool { kind == .processPool || kind == .interpreterPool }

    /// Whether this start and `other`, both in one function of one file, sit in different
    /// arms of one chain, outside any loop: one pass through the function makes only one of them.
    public func excludes(_ other: SpawnSite) -> Bool {
        guard function == other.function, loop == nil, other.loop == nil else { return false }
        return arms.contains { mine in other.arms.contains { $0.chain == mine.chain && $0.arm != mine.arm } }
    }
}

/// One arm of an `if`/`elif`/`else` chain or a `match`: C's `else if` is a chain inside the `else` arm.
public struct BranchArm: Hashable, Sendable {
    /// Where the chain's `if` (or `match`) starts in the file.
    public var chain: Int
    /// 0 for the `if`'s own block, then each `elif`, `else` or `case` in order.
    public var arm: Int
    /// The chain's other `if`/`elif`/`else` blocks: a pass through this arm runs none of them.
    public var otherArms: [ByteRange]

    public init(chain: Int, arm: Int, otherArms: [ByteRange] = []) {
        self.chain = chain
        self.arm = arm
        self.otherArms = otherArms
    }
}

public enum EventFramework: String, Sendable, CaseIterable {
    case asyncio, qt, wx, tkinter, twisted, gevent, eventlet, tornado, glib, kivy, aiohttp, trio, anyio, urwid
    case libuv, libevent, libev, epoll
    /// Loops C programs write for themselves: hostap's, chrony's, keepalived's and FRR's.
    case eloop, chronyScheduler, threadMaster
}

public struct EventLoopMarker: Hashable, Sendable {
    public enum Kind: String, Sendable {
        /// The loop is started here: `asyncio.run`, `app.exec()`, `uv_run`.
        case run
        /// A function is handed to the loop as a callback: `uv_timer_start(t, cb, ...)`.
        case callback
        /// An application that a server runs on the loop however the module is started
        /// (`app = FastAPI()`, served by `uvicorn main:app`): a run for the code of its own
        /// module only, since a library may make one without serving it.
        case served
    }

    public var framework: EventFramework
    public var kind: Kind
    public var range: ByteRange
    /// For `.callback`, the function registered.
    public var callback: FunctionID?
    /// For `.callback`: the loop runs it when a descriptor it watches is ready
    /// (`uv_poll_start`), so reading the descriptor there returns at once.
    public var firesOnReadyDescriptor = false

    public init(framework: EventFramework, kind: Kind, range: ByteRange, callback: FunctionID? = nil) {
        self.framework = framework
        self.kind = kind
        self.range = range
        self.callback = callback
    }
}

/// A task argument that is a parameter of the function making the start.
public struct ForwardedCount: Hashable, Sendable {
    /// The position of the task's parameter that receives the value.
    public var taskPosition: Int
    /// Where a call of the start's function passes the parameter: by position, or by name.
    public var callPosition: Int
    public var parameterName: String
    /// The start hands each task one item of the parameter (`pool.map(work, numbers)`):
    /// the least item sets the least work.
    public var mapsOverItems: Bool

    public init(taskPosition: Int, callPosition: Int, parameterName: String, mapsOverItems: Bool) {
        self.taskPosition = taskPosition
        self.callPosition = callPosition
        self.parameterName = parameterName
        self.mapsOverItems = mapsOverItems
    }
}
