import ConchKit

/// Where a project starts concurrent work, what that work is, and the model the
/// answer picks for it: `conch advise`.
public struct ProjectProfile: Sendable {
    public struct Site: Sendable {
        public var path: String
        public var line: Int
        /// `thread`, `process pool task`...
        public var starts: String
        /// What it runs, as written when unresolved; nil when the call names nothing conch can follow.
        public var entry: String?
        /// For a fork: the line where the child's branch of `entry` starts, the only code judged.
        public var branchLine: Int?
        public var workload: WorkloadKind
        /// Why the workload is what it is: `a loop doing arithmetic at line 7`.
        public var evidence: String?
        /// Started once per iteration of an open-ended loop (an accept loop, say), or per request by a server.
        public var perTask: Bool
        /// Started by a server for every request it accepts (`socketserver.ThreadingTCPServer`).
        public var perRequest: Bool
        /// What makes its work run one item at a time, as CON302 says it (`.result()` waits
        /// in the same pass); nil when nothing does.
        public var oneAtATime: String?
        public var choice: ModelChoice
    }

    public struct ModelChoice: Sendable, Equatable {
        public var model: ConcurrencyModel
        public var advice: String
        /// The answer's words behind the choice.
        public var because: String
    }

    /// A web view: its server runs it per request, in a thread of its own (`threaded`) or as
    /// a task on its event loop.
    public struct View: Sendable {
        public var path: String
        public var line: Int
        public var name: String
        public var framework: String
        public var threaded: Bool
    }

    public var files: Int
    public var eventLoops: [(framework: String, path: String, line: Int)]
    public var sites: [Site]
    public var views: [View]
    /// Forks whose parent ends at once (a daemon detaching): one process goes on, so they
    /// start no concurrent work and have no model to choose.
    public var daemonizingForks: Int
}

public enum ProjectAdvisor {
    public static func profile(_ model: ProjectModel) -> ProjectProfile {
        let starts = (model.spawnSites + TaskQueueWorkers.sites(in: model)).filter { file, site in !site.daemonizes(in: file) }
        let workloads = model.workloads(of: starts.compactMap(\.site.entryID))
        let usesLibuv = model.files.contains { file in file.eventLoops.contains { $0.framework == .libuv } }
        // What CON401 finds: periodic work in a thread of a program that runs an event loop,
        // with the advice naming that loop's scheduler.
        let periodic = Dictionary(SleepingTimerThread().check(model).map { ("\($0.path):\($0.range.start)", $0.recommendation.advice) },
                                  uniquingKeysWith: { first, _ in first })
        // What CON302 finds at a start: a wait in the same pass, or a task called on the spot.
        let serialized = Dictionary(OneAtATime().check(model).map { ("\($0.path):\($0.range.start)", $0.message) },
                                    uniquingKeysWith: { first, _ in first })
        let sites = starts.map { file, site -> ProjectProfile.Site in
            // A forked child runs on in the forking function: only its branch is its work.
            let branch = ForkChild.branch(of: site, in: file)
            let workload = site.entryID.map { id in
                branch.map { model.workload(of: id, within: $0) }
                    ?? model.workload(ofLibraryTask: id, handedAt: site.range, in: file, by: file.functions[site.function].id)
                    ?? workloads[id].map { model.workload(of: id, known: $0, handed: model.handedCounts(of: site, in: file)) }
                    ?? .unknown
            } ?? .unknown
            let perTask = site.startsPerRequest || site.loop.map { isOpenEnded(file.functions[site.function].loops[$0]) } ?? false
            let evidence = (workload.cpu ?? workload.io ?? workload.native).map { model.describe($0, from: file.path, countsHandedBy: site.countsHandedBy) }
            return ProjectProfile.Site(
                path: file.path, line: file.line(of: site.range.start),
                starts: site.kind == .taskWorker ? "\(TaskQueueWorkers.framework(of: site)) worker" : noun(site.kind),
                // A library function handed over as it is goes by its full name (`urllib.request.urlopen`).
                entry: site.entryID.map { model.function($0) == nil ? $0 : model.displayName($0) } ?? unresolvedName(site.entry),
                branchLine: branch.map { file.line(of: $0.start) },
                workload: workload.kind, evidence: evidence, perTask: perTask, perRequest: site.startsPerRequest,
                oneAtATime: serialized["\(file.path):\(site.range.start)"],
                choice: periodic["\(file.path):\(site.range.start)"].map(scheduledChoice)
                    ?? (file.language == .c ? cChoice(for: workload.kind, perTask: perTask, usesLibuv: usesLibuv)
                    : site.kind == .coroutine ? taskChoice(for: workload.kind, api: site.api)
                    : site.kind == .taskWorker ? workerChoice(for: workload.kind, queue: TaskQueueWorkers.framework(of: site))
                    : choice(for: workload.kind, perTask: perTask, settings: model.settings, onInterpreters: site.kind == .interpreterPool)))
        }
        let loops = model.eventLoopRuns.map { file, marker in
            (framework: marker.framework.rawValue, path: file.path, line: file.line(of: marker.range.start))
        }
        return ProjectProfile(files: model.files.count, eventLoops: loops, sites: sites, views: views(model),
                              daemonizingForks: model.spawnSites.count - starts.filter { $0.site.kind != .taskWorker }.count)
    }

    /// The views of the project's web frameworks, threaded ones first, in file order; a
    /// class-based view once, by its class, however many of its methods serve requests.
    private static func views(_ model: ProjectModel) -> [ProjectProfile.View] {
        let registered = WebRoutes.registeredViews(in: model)
        var classes: Set<String> = []
        func profile(_ view: WebRoutes.View, threaded: Bool) -> ProjectProfile.View? {
            let function = view.function
            var name = model.displayName(function.id)
            if WebRoutes.framework(of: function) == nil, registered[function.id] != nil, let owner = function.className {
                guard classes.insert(owner).inserted else { return nil }
                name = String(name.dropLast(function.name.count + 1))
            }
            return .init(path: view.file.path, line: view.file.line(of: function.nameRange.start), name: name,
                         framework: view.framework, threaded: threaded)
        }
        let threaded = WebRoutes.threadedViews(in: model)
        let threadedIDs = Set(threaded.map(\.function.id))
        let tasks = WebRoutes.views(in: model).filter { $0.function.isAsync && !threadedIDs.contains($0.function.id) }
        return threaded.compactMap { profile($0, threaded: true) } + tasks.compactMap { profile($0, threaded: false) }
    }

    /// What the answer says of a server's views: their requests already run concurrently,
    /// in threads or as tasks; only computing needs moving.
    public static func viewChoice(threaded: Bool) -> ProjectProfile.ModelChoice {
        threaded
            ? .init(model: .thread, advice: "keep the server's threads for waiting on the database and the network; hand "
                        + "CPU-heavy work to a ProcessPoolExecutor made at start-up, and guard module state views change with a lock",
                    because: "if your code is I/O-bound, core-parallelism doesn't help, so threads are just as good as processes")
            : .init(model: .microthread, advice: "keep them tasks on the server's loop, awaiting what they wait for; hand "
                        + "computing to `loop.run_in_executor(ProcessPoolExecutor(), ...)`",
                    because: "once you've picked the framework, see how much you can take advantage of its event loop where you thought you needed real concurrency")
    }

    /// The answer's decision, point by point.
    /// `onInterpreters`: the start already hands the work to an `InterpreterPoolExecutor`.
    static func choice(for workload: WorkloadKind, perTask: Bool, settings: AnalysisSettings,
                       onInterpreters: Bool = false) -> ProjectProfile.ModelChoice {
        if perTask, workload != .cpu {
            return .init(model: .microthread, advice: "asyncio (asyncio.start_server, tasks) or gevent, or a bounded pool",
                         because: "if you have huge numbers of small, independent tasks ... microthreads win hands down")
        }
        switch workload {
        case .cpu where settings.isFreeThreaded:
            return .init(model: .thread, advice: "concurrent.futures.ThreadPoolExecutor on the free-threaded build",
                         because: "processes get as much parallelism as the OS can handle; a free-threaded build lets threads do the same")
        case .cpu where onInterpreters:
            return .init(model: .process, advice: "keep the InterpreterPoolExecutor: its workers compute on every core, each with a GIL "
                             + "of its own (ProcessPoolExecutor where an extension module it imports does not support subinterpreters)",
                         because: "processes get as much parallelism as the OS can handle; interpreters with a GIL each do the same")
        case .cpu:
            return .init(model: .process, advice: "concurrent.futures.ProcessPoolExecutor or multiprocessing.Pool"
                             + (settings.hasInterpreterPools ? "; InterpreterPoolExecutor for pure-Python work" : ""),
                         because: "if your code is CPU-bound, you need processes")
        case .io:
            return .init(model: .thread, advice: "concurrent.futures.ThreadPoolExecutor",
                         because: "if your code is I/O-bound, core-parallelism doesn't help, so threads are just as good as processes")
        case .native:
            return .init(model: .thread, advice: "concurrent.futures.ThreadPoolExecutor: the library releases the GIL",
                         because: "If you have lots of independent data or shared immutable data, threads clearly win")
        case .mixed, .unknown:
            return .init(model: .executorSwitch, advice: "write against concurrent.futures.Executor and choose the pool in one place",
                         because: "organize things around ... ThreadPoolExecutor, and trivially switch to ... ProcessPoolExecutor later")
        }
    }

    /// Periodic work in a program that runs an event loop: the loop's own timer.
    static func scheduledChoice(advice: String) -> ProjectProfile.ModelChoice {
        .init(model: .frameworkScheduler, advice: advice,
              because: "if you need some code to run every 30 seconds, don't start a thread (micro- or OS) for that, "
                  + "ask the framework to schedule it however it wants")
    }

    /// A coroutine task or a greenlet already is a microthread: waiting is what it does well,
    /// and only computing (or a library call that releases the GIL) belongs elsewhere.
    static func taskChoice(for workload: WorkloadKind, api: String) -> ProjectProfile.ModelChoice {
        let isGreenlet = api.hasPrefix("gevent.") || api.hasPrefix("eventlet.")
        let stay = isGreenlet ? "keep it a greenlet on the hub" : "keep it a task on the event loop, awaiting what it waits for"
        let offload = isGreenlet ? "a `concurrent.futures.ProcessPoolExecutor`" : "`loop.run_in_executor(ProcessPoolExecutor(), ...)`"
        switch workload {
        case .cpu:
            return .init(model: .process, advice: "run the computation in \(offload): a \(isGreenlet ? "greenlet" : "task") that computes holds every other",
                         because: "Microthreads are an inherently single-core solution ... if your code is CPU-bound, you need processes")
        case .native:
            return .init(model: .thread, advice: isGreenlet ? "run the library call in gevent's threadpool (`gevent.get_hub().threadpool.spawn`)"
                             : "run the library call with `await asyncio.to_thread(...)`: it releases the GIL",
                         because: "If you have lots of independent data or shared immutable data, threads clearly win")
        case .mixed:
            return .init(model: .microthread, advice: "\(stay), and move its computing part to \(offload)",
                         because: "once you've picked the framework, see how much you can take advantage of its event loop where you thought you needed real concurrency")
        case .io, .unknown:
            return .init(model: .microthread, advice: stay,
                         because: "once you've picked the framework, see how much you can take advantage of its event loop where you thought you needed real concurrency")
        }
    }

    /// C has no GIL: threads run on every core and share data without marshaling,
    /// so they are the pick wherever Python would need processes.
    static func cChoice(for workload: WorkloadKind, perTask: Bool, usesLibuv: Bool) -> ProjectProfile.ModelChoice {
        if perTask, workload != .cpu {
            return .init(model: .microthread, advice: "one event loop with callbacks (libuv, libevent or epoll), not a thread or process per task",
                         because: "either you use microthreads, or you give up on automatic concurrency and start writing explicit callbacks or coroutines")
        }
        switch workload {
        case .io:
            return .init(model: .thread, advice: usesLibuv ? "pthreads, or libuv's own pool (uv_queue_work)" : "pthreads",
                         because: "if your code is I/O-bound, core-parallelism doesn't help, so threads are just as good as processes")
        case .cpu, .native, .mixed, .unknown:
            return .init(model: .thread, advice: "a fixed pool of pthreads, one per core: without a GIL, C threads use every core",
                         because: "If you have lots of independent data or shared immutable data, threads clearly win")
        }
    }

    private static func isOpenEnded(_ loop: LoopFacts) -> Bool {
        switch loop.bound {
        case .unbounded, .conditional: true
        case .constant, .collection: false
        }
    }

    private static func noun(_ kind: SpawnSite.Kind) -> String {
        switch kind {
        case .thread: "thread"
        case .timer: "timer thread"
        case .threadPool: "thread pool task"
        case .process: "process"
        case .processPool: "process pool task"
        case .interpreterPool: "interpreter pool task"
        case .forkChild: "forked child"
        case .coroutine: "task"
        case .taskWorker: "task queue worker"
        }
    }

    private static func unresolvedName(_ entry: SpawnSite.Entry) -> String? {
        if case let .unresolved(text) = entry { return text }
        return nil
    }
}
