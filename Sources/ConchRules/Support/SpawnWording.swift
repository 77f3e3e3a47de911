import ConchKit

/// How messages and advice name the API that starts a thread, process or task.
enum SpawnRunner {
    case thread, timer, threadPoolExecutor, threadPool, toThread, defaultExecutor
    /// `loop.run_in_executor(pool, f)` with a thread pool of the program's own.
    case threadExecutorInLoop
    /// `trio.to_thread.run_sync`, `anyio.to_thread.run_sync`, Twisted's `deferToThread`: an async library's worker threads.
    case asyncLibraryThread(String)
    /// Qt's `QThread` (a subclass's `run`, a slot on `started`), `QThreadPool.start(task)`
    /// and `QtConcurrent.run(f)`, which runs on the global QThreadPool.
    case qtThread, qtThreadPool, qtConcurrent
    case process, processPoolExecutor, processPool, processExecutorInLoop
    /// `anyio.to_process.run_sync`.
    case asyncLibraryProcess(String)
    /// `InterpreterPoolExecutor` (Python 3.14), directly or through `run_in_executor`.
    case interpreterPoolExecutor, interpreterExecutorInLoop
    /// `socketserver.ForkingTCPServer` and other `ForkingMixIn` servers: a child per request.
    case forkingServer
    case other

    /// The runner of `site`, a spawn site of `file`.
    init(_ site: SpawnSite, in file: FileFacts) {
        let api = site.api
        switch site.kind {
        case .thread: self = api.contains(".QtCore.QThread") ? .qtThread : .thread
        case .timer: self = .timer
        case .process: self = site.startsPerRequest ? .forkingServer : .process
        case .threadPool:
            if api == "asyncio.to_thread" {
                self = .toThread
            } else if api == "trio.to_thread.run_sync" || api == "anyio.to_thread.run_sync" || api.hasPrefix("twisted.") {
                self = .asyncLibraryThread(api)
            } else if api.hasSuffix("run_in_executor") {
                self = Self.passesDefaultExecutor(site, in: file) ? .defaultExecutor : .threadExecutorInLoop
            } else if api.contains(".QtCore.QThreadPool.") {
                self = .qtThreadPool
            } else if api.contains(".QtConcurrent.") {
                self = .qtConcurrent
            } else if api.hasPrefix("concurrent.futures.ThreadPoolExecutor.") {
                self = .threadPoolExecutor
            } else {
                self = .threadPool
            }
        case .processPool:
            if api.hasSuffix("run_in_executor") {
                self = .processExecutorInLoop
            } else if api == "anyio.to_process.run_sync" {
                self = .asyncLibraryProcess(api)
            } else if api.hasPrefix("concurrent.futures.ProcessPoolExecutor.") {
                self = .processPoolExecutor
            } else {
                self = .processPool
            }
        case .interpreterPool: self = api.hasSuffix("run_in_executor") ? .interpreterExecutorInLoop : .interpreterPoolExecutor
        case .forkChild, .coroutine, .taskWorker: self = .other
        }
    }

    /// `run_in_executor(None, f)`: the loop's default thread pool runs `f`.
    private static func passesDefaultExecutor(_ site: SpawnSite, in file: FileFacts) -> Bool {
        guard let call = site.creatingCall(in: file.functions[site.function]) else { return true }
        guard let executor = call.argument(at: 0) ?? call.argument(keyword: "executor") else { return true }
        return executor.text == "None"
    }

    /// The subject of a message: "thread runs `crunch`".
    var subject: String {
        switch self {
        case .thread: "thread"
        case .timer: "timer thread"
        case .threadPoolExecutor: "ThreadPoolExecutor"
        case .threadPool: "thread pool"
        case .qtThread: "QThread"
        case .qtThreadPool: "QThreadPool"
        case .qtConcurrent: "`QtConcurrent.run`"
        case .toThread: "`asyncio.to_thread`"
        case let .asyncLibraryThread(api), let .asyncLibraryProcess(api): "`\(api)`"
        case .forkingServer: "forking server"
        case .defaultExecutor: "`run_in_executor`'s default thread pool"
        case .threadExecutorInLoop: "`run_in_executor`'s thread pool"
        case .process: "process"
        case .processPoolExecutor: "ProcessPoolExecutor"
        case .processPool: "process pool"
        case .processExecutorInLoop: "`run_in_executor`'s process pool"
        case .interpreterPoolExecutor: "InterpreterPoolExecutor"
        case .interpreterExecutorInLoop: "`run_in_executor`'s interpreter pool"
        case .other: "task"
        }
    }

    /// CON101's advice: the process-based counterpart of this thread API.
    func processAdvice(for entry: String) -> String {
        switch self {
        case .threadPoolExecutor:
            "switch ThreadPoolExecutor to concurrent.futures.ProcessPoolExecutor; submit and map work the same"
        case .threadPool:
            "switch multiprocessing.pool.ThreadPool to multiprocessing.Pool, which has the same interface"
        case .toThread:
            "run `\(entry)` with loop.run_in_executor(ProcessPoolExecutor(), ...) instead of asyncio.to_thread"
        case .defaultExecutor:
            "pass a concurrent.futures.ProcessPoolExecutor to run_in_executor instead of None"
        case .threadExecutorInLoop:
            "pass a concurrent.futures.ProcessPoolExecutor to run_in_executor instead of the thread pool"
        case .asyncLibraryThread("anyio.to_thread.run_sync"):
            "run `\(entry)` with anyio.to_process.run_sync, which takes the same arguments, instead of anyio.to_thread.run_sync"
        case let .asyncLibraryThread(api) where api.hasPrefix("twisted."):
            "run `\(entry)` in a process: submit it to a concurrent.futures.ProcessPoolExecutor and wait for the future's result with deferToThread(future.result)"
        case .qtThread, .qtThreadPool, .qtConcurrent:
            "run `\(entry)` in a concurrent.futures.ProcessPoolExecutor and hand its result to the GUI thread with a signal emitted from future.add_done_callback"
        case .asyncLibraryThread:
            "run `\(entry)` in a process: submit it to a concurrent.futures.ProcessPoolExecutor and await the future's result with trio.to_thread.run_sync(future.result)"
        default:
            "run `\(entry)` in a concurrent.futures.ProcessPoolExecutor or multiprocessing.Pool"
        }
    }

    /// CON102's advice: the thread-based counterpart of this process API.
    func threadAdvice(for entry: String) -> String {
        switch self {
        case .processPoolExecutor:
            "switch ProcessPoolExecutor to concurrent.futures.ThreadPoolExecutor; submit and map work the same, without pickling"
        case .processPool:
            "switch multiprocessing.Pool to multiprocessing.pool.ThreadPool, which has the same interface"
        case .processExecutorInLoop, .interpreterExecutorInLoop:
            "pass a concurrent.futures.ThreadPoolExecutor (or None, the default one) to run_in_executor"
        case .interpreterPoolExecutor:
            "switch InterpreterPoolExecutor to concurrent.futures.ThreadPoolExecutor, its base class: submit and map work the same, "
                + "without pickling or an interpreter per worker"
        case .asyncLibraryProcess:
            "run `\(entry)` with anyio.to_thread.run_sync, which takes the same arguments, without pickling"
        case .forkingServer:
            "serve with the threading variant (`socketserver.ThreadingTCPServer`, `ThreadingMixIn`) or asyncio: a child process per request buys nothing for `\(entry)`"
        default:
            "run `\(entry)` in a threading.Thread or a concurrent.futures.ThreadPoolExecutor"
        }
    }
}

extension ProjectModel {
    /// Spawn sites that `include` accepts and whose entry is a function of the
    /// project, each with that function's workload, or a library function whose wait
    /// the catalog knows (`pool.map(urllib.request.urlopen, urls)`).
    func classifiedSpawnSites(where include: (SpawnSite) -> Bool)
        -> [(file: FileFacts, site: SpawnSite, entry: FunctionID, workload: Workload)] {
        let sites = spawnSites.filter { include($0.site) && $0.site.entryID != nil }
        let workloads = workloads(of: sites.compactMap(\.site.entryID))
        return sites.compactMap { file, site in
            guard let entry = site.entryID else { return nil }
            let library = workload(ofLibraryTask: entry, handedAt: site.range, in: file, by: file.functions[site.function].id)
            guard let known = library ?? workloads[entry] else { return nil }
            return (file, site, entry, workload(of: entry, known: known, handed: handedCounts(of: site, in: file)))
        }
    }
}
