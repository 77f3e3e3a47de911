import ConchKit

/// How a function runs on an event loop's own thread.
enum LoopRole {
    /// An `async def`: it runs on the loop between awaits.
    case coroutine
    /// A function handed to the loop as a callback (`uv_timer_start(t, cb, ...)`).
    case callback(EventFramework)
    /// A function a greenlet runs (`gevent.spawn(worker, n)`): on the hub's thread, it
    /// gives way only where gevent's own calls, or a patched standard library, wait.
    case greenlet(EventFramework)

    /// `the asyncio event loop`: the callback's framework, else the one the program starts.
    func loopName(run: EventLoopMarker?) -> String {
        switch self {
        case .coroutine: run.map { "the \(FrameworkSchedulers.displayName($0.framework)) event loop" } ?? "the event loop"
        case let .callback(registered): "the \(FrameworkSchedulers.displayName(registered)) event loop"
        case let .greenlet(hub): "the \(FrameworkSchedulers.displayName(hub)) hub"
        }
    }

    /// Who waits meanwhile: `no other task or callback`, `no other greenlet`.
    var others: String {
        if case .greenlet = self { return "no other greenlet" }
        return "no other task or callback"
    }

    /// `coroutine `score``, `callback `on_read`` (the message names the loop's framework).
    func describe(_ name: String) -> String {
        switch self {
        case .coroutine: "coroutine `\(name)`"
        case .callback: "callback `\(name)`"
        case .greenlet: "greenlet `\(name)`"
        }
    }
}

/// Which functions run on an event loop, and which event loops each file's program starts.
struct EventLoopIndex: Sendable {
    let model: ProjectModel
    /// Callback function -> the framework it was registered with.
    let callbacks: [FunctionID: EventFramework]
    /// Callbacks only ever registered to run when a descriptor is ready (`uv_poll_start`).
    private let readinessCallbacks: Set<FunctionID>
    private let imports: ImportGraph
    private let runFiles: [Int]
    /// For each file that starts a loop, the files its module imports.
    private let programs: [Int: Set<Int>]
    /// Every function that runs on an event loop, by file and function index, in file order.
    private let onTheLoop: [(file: Int, function: Int, role: LoopRole)]
    /// The functions scripts run: reached through resolved calls from a script's own code.
    private let scriptReach: FunctionSet
    /// Per script (by file index), the numbers of the functions its own code calls; the
    /// commands of command-line interfaces count as one more script, of no file.
    private let scripts: [(file: Int?, entries: [Int])]
    /// The C functions a `main` reaches through resolved calls.
    private let mainReach: FunctionSet

    init(_ model: ProjectModel) {
        self.model = model
        var callbacks: [FunctionID: EventFramework] = [:]
        var readinessCallbacks: Set<FunctionID> = []
        var otherCallbacks: Set<FunctionID> = []
        var runFiles: [Int] = []
        let graph = model.callGraph
        let scripts = Self.scripts(model).map { ($0.file, $0.entries.compactMap(graph.number)) }
        let scriptReach = graph.reach(from: scripts.flatMap(\.1))
        for (index, file) in model.files.enumerated() {
            if file.eventLoops.contains(where: { $0.kind == .run && Self.startsProgram($0, in: file, scriptReach) }) { runFiles.append(index) }
            for marker in file.eventLoops where marker.kind == .callback {
                guard let id = marker.callback else { continue }
                if callbacks[id] == nil { callbacks[id] = marker.framework }
                if marker.firesOnReadyDescriptor { readinessCallbacks.insert(id) } else { otherCallbacks.insert(id) }
            }
        }
        for (id, framework) in FrameworkHooks.callbacks(in: model) where callbacks[id] == nil {
            callbacks[id] = framework
            otherCallbacks.insert(id)
        }
        self.callbacks = callbacks
        self.readinessCallbacks = readinessCallbacks.subtracting(otherCallbacks)
        let imports = model.importGraph
        self.imports = imports
        self.runFiles = runFiles
        self.scriptReach = scriptReach
        self.scripts = scripts
        // From each `main`'s own calls too: the `main`s of a tree's programs share one id,
        // which names only the first.
        mainReach = model.reachable(from: model.files.filter { $0.language == .c }.flatMap { file in
            file.functions.filter { $0.name == "main" && $0.kind == .function }.flatMap { main in
                [main.id] + main.calls.compactMap { model.resolve($0.callee, from: file) }
            }
        })
        programs = Dictionary(uniqueKeysWithValues: runFiles.map { ($0, imports.closure(from: $0)) })
        onTheLoop = Self.functionsOnTheLoop(model, callbacks: callbacks)
    }

    /// Coroutines, and callbacks found by number rather than by hashing every function's id.
    private static func functionsOnTheLoop(_ model: ProjectModel, callbacks: [FunctionID: EventFramework])
        -> [(file: Int, function: Int, role: LoopRole)] {
        var frameworks = [EventFramework?](repeating: nil, count: model.indexedFunctions.count)
        for (id, framework) in callbacks {
            if let number = model.functionIndex[id]?.number { frameworks[number] = framework }
        }
        var found: [(file: Int, function: Int, role: LoopRole)] = []
        let greenlets = greenletEntries(model)
        for (fileIndex, file) in model.files.enumerated() {
            for index in file.functions.indices {
                if file.functions[index].isAsync {
                    found.append((fileIndex, index, .coroutine))
                } else if !callbacks.isEmpty, let number = model.number(file: fileIndex, function: index),
                          let framework = frameworks[number] {
                    // A gevent or eventlet server runs its handler in a greenlet of its own.
                    let isHub = framework == .gevent || framework == .eventlet
                    found.append((fileIndex, index, isHub ? .greenlet(framework) : .callback(framework)))
                } else if !greenlets.isEmpty, let number = model.number(file: fileIndex, function: index),
                          let hub = greenlets[number] {
                    found.append((fileIndex, index, .greenlet(hub)))
                }
            }
        }
        return found
    }

    /// The functions of the project that greenlets run (`gevent.spawn(worker, n)`,
    /// `eventlet.spawn`), by number, with their hub's framework.
    private static func greenletEntries(_ model: ProjectModel) -> [Int: EventFramework] {
        var entries: [Int: EventFramework] = [:]
        for (file, site) in model.spawnSites where site.kind == .coroutine {
            let hub: EventFramework? = site.api.hasPrefix("gevent.") ? .gevent : site.api.hasPrefix("eventlet.") ? .eventlet : nil
            guard let hub, file.language == .python, let entry = site.entryID,
                  let number = model.functionIndex[entry]?.number else { continue }
            entries[number] = hub
        }
        return entries
    }

    /// Every function that runs on an event loop, with its file and its role there.
    var functionsOnTheLoop: [(file: FileFacts, function: FunctionFacts, role: LoopRole)] {
        onTheLoop.map { (model.files[$0.file], model.files[$0.file].functions[$0.function], $0.role) }
    }

    /// Whether every registration of the callback is one the loop runs once a descriptor is ready.
    func firesOnReadyDescriptor(_ id: FunctionID) -> Bool {
        readinessCallbacks.contains(id)
    }

    /// The loops started by the program `file` is part of: in the file itself, in a
    /// module that imports it directly or through other modules, or (C, where all
    /// units link into one program) in any C unit. The file's own loops come first.
    /// Only loops a program starts count (see `startsProgram`).
    func runs(reaching file: FileFacts) -> [(file: FileFacts, marker: EventLoopMarker)] {
        var result: [(file: FileFacts, marker: EventLoopMarker)] = []
        var others: [(file: FileFacts, marker: EventLoopMarker)] = []
        for index in runFiles {
            let runFile = model.files[index]
            let markers = runFile.eventLoops.filter { $0.kind == .run && Self.startsProgram($0, in: runFile, scriptReach) }
            if runFile.path == file.path {
                result += markers.map { (runFile, $0) }
            } else if file.language == .c ? runFile.language == .c : inProgram(of: index, file.path) {
                others += markers.filter { file.language != .c || runsForMain($0, in: runFile) }.map { (runFile, $0) }
            }
        }
        return result + others
    }

    /// Another C unit's loop is the program's when it is a library's loop run
    /// (`uv_run`, `event_base_dispatch`), or a `poll`/`select`/`epoll_wait` loop that a
    /// `main` reaches. Such a loop elsewhere may be one exchange with a deadline, or
    /// belong to another plugin of a tree that builds many programs.
    private func runsForMain(_ marker: EventLoopMarker, in file: FileFacts) -> Bool {
        guard marker.framework == .epoll else { return true }
        guard let holder = Self.holder(of: marker, in: file) else { return false }
        return mainReach.contains(holder.id)
    }

    /// A loop started by a program rather than by a library helper that some caller
    /// may or may not use: at module level, or by a function a script (a module with a
    /// main guard, or a `__main__` module) reaches through resolved calls, in its own
    /// module or another (`app/__main__.py` calling `server.run()`). bottle's
    /// `TornadoServer.run`, one adapter among many picked at run time, is not one.
    /// C units all link into the program.
    private static func startsProgram(_ marker: EventLoopMarker, in file: FileFacts, _ scriptReach: FunctionSet) -> Bool {
        if file.language == .c { return true }
        guard let holder = holder(of: marker, in: file) else { return true }
        return scriptReach.contains(holder.id)
    }

    /// The innermost function that makes the marker's call; nil for module-level code.
    static func holder(of marker: EventLoopMarker, in file: FileFacts) -> FunctionFacts? {
        file.functions.last { $0.kind != .module && $0.range.contains(marker.range.start) }
    }

    /// Per script (a module with a main guard, or a `__main__` module), the functions its
    /// own code calls. A module without a guard that no other file imports, whose own
    /// code calls a function it defines (`main()` at the bottom of a tool run as
    /// `python tool.py`), is one too, for those calls; a package's `__init__` never is.
    private static func scripts(_ model: ProjectModel) -> [(file: Int?, entries: [FunctionID])] {
        var scripts: [(file: Int?, entries: [FunctionID])] = []
        let imported = model.importGraph.importedFiles
        for (index, file) in model.files.enumerated() where file.language == .python {
            guard let body = file.functions.first else { continue }
            if !file.mainGuards.isEmpty || file.isMainModule {
                scripts.append((index, body.calls.compactMap { model.resolve($0.callee, from: file) }))
            } else if !imported.contains(index), !file.path.hasSuffix("__init__.py") {
                let own = body.calls.compactMap { call -> FunctionID? in
                    guard call.isResolved, call.callee.hasPrefix(file.moduleName + "."), let entry = model.resolve(call.callee, from: file),
                          model.function(entry)?.file.path == file.path else { return nil }
                    return entry
                }
                if !own.isEmpty { scripts.append((index, own)) }
            }
        }
        // A script's command-line interface calls its commands by name, through no call
        // the facts show (OctoPrint's `serve` command starts the Tornado loop).
        if scripts.contains(where: { !$0.entries.isEmpty }) { scripts.append((nil, CLICommands.functions(in: model))) }
        return scripts
    }

    /// Whether one script leads through resolved calls both to `starter` and to the
    /// function running the loop (`holder`), or, for a loop a script runs in its own
    /// code, whether that script leads to `starter`. ray's benchmark script runs an
    /// asyncio loop and imports the whole library, yet starts none of the threads its
    /// data library's pollers run. A loop run on import of a module no script is counts.
    func oneScriptLeads(to starter: FunctionID, andTo holder: FunctionID?, of runFile: Int) -> Bool {
        let graph = model.callGraph
        guard let starterNumber = graph.number(of: starter) else { return false }
        let reachingStarter = graph.reaching([starterNumber])
        guard let holder else {
            let own = scripts.filter { $0.file == runFile }
            return own.isEmpty || own.contains { $0.entries.contains { reachingStarter.contains($0) } }
        }
        guard let holderNumber = graph.number(of: holder) else { return false }
        let reachingHolder = graph.reaching([holderNumber])
        return scripts.contains { script in
            script.entries.contains { reachingStarter.contains($0) } && script.entries.contains { reachingHolder.contains($0) }
        }
    }

    private func inProgram(of runFile: Int, _ path: String) -> Bool {
        guard let target = imports.index(of: path) else { return false }
        return programs[runFile]?.contains(target) ?? false
    }
}

extension ProjectModel {
    /// The event-loop index, built by the first rule that asks.
    var eventLoopIndex: EventLoopIndex {
        shared(EventLoopIndex.self) { EventLoopIndex(self) }
    }
}
