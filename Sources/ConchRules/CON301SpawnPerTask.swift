import ConchKit

/// A thread, process or fork started on every pass of an open-ended or input-driven
/// loop, an accept loop above all, with nothing bounding how many run at once.
struct SpawnPerTask: Rule {
    let metadata = RuleCatalog.CON301

    /// Why the loop runs once per task.
    private enum Driver {
        /// The accept call; nil when the accept loop is a server's own (`socketserver`).
        case accept(CallFacts?)
        case input
        case unbounded
        case conditional
    }

    func check(_ model: ProjectModel) -> [Finding] {
        let largest = model.settings.integerOption(metadata.code, "max-pool-workers") ?? WorkerCrowds.defaultLargest
        var findings: [Finding] = []
        var servers: Set<ByteRange> = []
        let registeredViews = WebRoutes.registeredViews(in: model)
        let starts = model.spawnSites + ChildProgramStarts.unwaited(in: model)
        for (file, site) in starts where !site.isBounded && !site.daemonizes(in: file) && isOSSpawn(site) {
            if site.startsPerRequest {
                // One server, one finding, however many handler methods it runs; a test's server is what it tests.
                if !file.isInTest(function: site.function), servers.insert(site.range).inserted {
                    findings.append(perRequestFinding(site, in: file, model: model))
                }
                continue
            }
            guard let loopIndex = site.loop else {
                if let framework = startsPerRoutedRequest(site, in: file, registeredViews: registeredViews) {
                    findings.append(routeFinding(site, framework: framework, in: file, model: model))
                } else {
                    findings += helperFindings(site, in: file, model: model)
                }
                continue
            }
            let function = file.functions[site.function]
            // A test's `with self.assertRaises(...)`: the start is meant to fail, and starts nothing.
            if file.expectsRaise(at: site.range.start, in: function) { continue }
            if case let .constant(passes) = function.loops[loopIndex].bound, passes > largest,
               !isThrottled(site, in: function.loops[loopIndex], function: function) {
                findings.append(crowdFinding(site, passes: passes, loop: function.loops[loopIndex], in: file, model: model))
                continue
            }
            guard let (loop, driver) = driver(of: loopIndex, in: function),
                  !isThrottled(site, in: loop, function: function),
                  !file.leavesTheLoop(at: site.range.start, loop, in: function) else { continue }
            findings.append(finding(site, loop: loop, driver: driver, in: file, model: model))
        }
        return findings + poolsPerRequest(model, registeredViews: registeredViews) + oversizedPools(model, largest: largest)
    }

    /// `for i in range(1000): Thread(target=fetch, args=(i,)).start()`: a counted loop, but
    /// one that starts more workers at once than a few hundred.
    private func crowdFinding(_ site: SpawnSite, passes: Int, loop: LoopFacts, in file: FileFacts, model: ProjectModel) -> Finding {
        let workers = site.runsInThread ? "threads" : "processes"
        let running = site.entryID.map { " running `\(model.displayName($0))`" } ?? ""
        let (recommended, advice) = WorkerCrowds.advice(for: workers, in: file.language)
        return finding(
            in: file, at: site.range,
            "`\(site.api)` starts \(site.runsInThread ? "a thread" : "a process")\(running) on each of the \(ProjectModel.count(passes)) passes "
                + "of the loop at line \(file.line(of: loop.headerRange.start)), with none waited for in between; \(WorkerCrowds.limit(workers))",
            advice: advice, model: recommended,
            related: [Finding.Evidence(path: file.path, range: loop.headerRange, message: "loop that starts them")])
    }

    var optionNames: [String] { ["max-pool-workers"] }

    func problem(withOption key: String, value: OptionValue) -> String? {
        if case let .integer(count) = value, count >= 1 { return nil }
        return "must be a whole number of 1 or more"
    }

    /// `ThreadPoolExecutor(max_workers=1000)`, reported where it is made.
    private func oversizedPools(_ model: ProjectModel, largest: Int) -> [Finding] {
        WorkerCrowds.oversizedPools(model, largest: largest).map { pool in
            let (recommended, advice) = WorkerCrowds.advice(for: pool.workers, in: pool.file.language)
            return finding(in: pool.file, at: pool.call.range,
                           "`\(pool.call.calleeText)` may run \(ProjectModel.count(pool.size)) \(pool.workers) at once; "
                               + WorkerCrowds.limit(pool.workers),
                           advice: advice, model: recommended)
        }
    }

    /// `with Pool(8) as pool:` in a Flask view: every request starts, and stops, a pool's
    /// worker processes. A pool kept on an object or in a global (`self.pool`, made once
    /// under a test) is left alone.
    private func poolsPerRequest(_ model: ProjectModel, registeredViews: [FunctionID: String]) -> [Finding] {
        var findings: [Finding] = []
        model.forEachCall(toAnyOf: ProcessAPIs.startingConstructors.keys) { index, position, lent in
            let file = model.files[index]
            let view = file.functions[position]
            let call = lent.facts
            guard file.language == .python, call.isResolved, let what = ProcessAPIs.startingConstructors[call.callee],
                  let framework = Self.viewFramework(view, registeredViews: registeredViews),
                  isLocal(call.boundName, in: view, of: file) else { return }
            findings.append(finding(
                in: file, at: call.range,
                "`\(call.callee)` starts a \(what) on every request the \(framework) view `\(model.displayName(view.id))` "
                    + "serves; each request pays for starting its worker processes, and requests served at once multiply them",
                advice: "make the pool once at start-up (at module level under the main guard, or where the app is created) "
                    + "and hand each request's work to it",
                model: .process,
                related: [Self.viewEvidence(view, in: file)]))
        }
        return findings
    }

    /// A pool bound to a local of the view, or to nothing (`Pool(4).map(...)`): not one the view keeps.
    private func isLocal(_ boundName: String?, in view: FunctionFacts, of file: FileFacts) -> Bool {
        guard let boundName else { return true }
        guard !boundName.contains(".") else { return false }
        return !view.globalAccesses.contains { $0.isWrite && $0.variable == file.moduleName + "." + boundName }
    }

    /// `handle_accepted(conn)` in an accept loop, where `handle_accepted` starts a thread
    /// on a fixed function: each pass starts one, one call down. A helper that keeps the
    /// thread in an attribute (`self._worker = Thread(...)`) manages one long-lived worker.
    private func helperFindings(_ site: SpawnSite, in file: FileFacts, model: ProjectModel) -> [Finding] {
        let helper = file.functions[site.function]
        guard helper.kind == .function || helper.kind == .method, site.entryID != nil || site.kind == .forkChild,
              let creating = site.creatingCall(in: helper), !(creating.boundName?.contains(".") ?? false),
              startsAndLeaves(site, creating, in: helper), let number = model.callGraph.number(of: helper.id) else { return [] }
        return model.callSites.byCallee[number].compactMap { caller in
            let callerFile = model.files[caller.file]
            let function = callerFile.functions[caller.function]
            guard let call = function.calls.first(where: { $0.range.start == caller.offset }),
                  let loopIndex = loopRepeating(call, in: function),
                  let (loop, driver) = driver(of: loopIndex, in: function),
                  !callerFile.leavesTheLoop(at: call.range.start, loop, in: function) else { return nil }
            var start = site
            start.range = call.range
            start.function = caller.function
            start.loop = loopIndex
            guard !isThrottled(start, in: loop, function: function) else { return nil }
            var reported = finding(start, loop: loop, driver: driver, in: callerFile, model: model,
                                   through: model.displayName(helper.id))
            reported.related.append(Finding.Evidence(path: file.path, range: site.range, message: "starts it: `\(site.api)`"))
            return reported
        }
    }

    /// The innermost loop that calls a helper again on success: one whose condition is the
    /// call (`while ((stream = spawn_helper(...)) == NULL) sleep(10);`) goes round only
    /// while it fails, as a direct start's retry loop does.
    private func loopRepeating(_ call: CallFacts, in function: FunctionFacts) -> Int? {
        var current = call.loop
        while let index = current, function.loops[index].kind == .while || function.loops[index].kind == .doWhile,
              function.loops[index].headerRange.contains(call.range.start) {
            current = function.loops[index].parent
        }
        return current
    }

    private func isOSSpawn(_ site: SpawnSite) -> Bool {
        site.kind == .thread || site.kind == .timer || site.kind == .process || site.kind == .forkChild
    }

    /// The loop that makes the spawn run once per task: the innermost loop, or an
    /// accept loop around it. A counted inner loop (`for i in range(4)`) is a batch.
    private func driver(of innermost: Int, in function: FunctionFacts) -> (LoopFacts, Driver)? {
        let loop = function.loops[innermost]
        if case .constant = loop.bound { return nil }
        // `while (running < MAX_RUNNING) { ...; fork(); running++; }` counts what it starts.
        if loop.boundedByCounter { return nil }
        var current: Int? = innermost
        while let index = current {
            let candidate = function.loops[index]
            if let accept = function.calls.first(where: { candidate.range.contains($0.range.start) && TaskSources.isAccept($0) }) {
                return (candidate, .accept(accept))
            }
            current = candidate.parent
        }
        switch loop.bound {
        case .unbounded: return (loop, .unbounded)
        case .conditional where loop.kind != .for: return (loop, .conditional)
        default:
            let header = function.calls.filter { loop.headerRange.contains($0.range.start) }
            return loop.readsInput || header.contains(where: TaskSources.readsInput) ? (loop, .input) : nil
        }
    }

    /// The helper starts what it creates (`Thread(...).start()`, `t.start()`, a fork) and
    /// returns without waiting for it: no `join`, `wait` or result read after the start.
    private func startsAndLeaves(_ site: SpawnSite, _ creating: CallFacts, in helper: FunctionFacts) -> Bool {
        let after = helper.calls.filter { $0.range.start >= creating.range.start && $0.range != creating.range }
        if site.kind == .forkChild { return !after.contains { ChildReaping.calls.contains($0.callee) } }
        let started = after.contains { call in
            call.callee.hasSuffix(".start") && (call.range.start == creating.range.start
                || creating.boundName.map { call.calleeText == $0 + ".start" } ?? false)
        }
        let waits = after.contains { call in
            guard let dot = call.callee.lastIndex(of: ".") else { return false }
            return Self.waitingMethods.contains(String(call.callee[call.callee.index(after: dot)...]))
        }
        return started && !waits
    }

    private static let waitingMethods: Set<String> = TaskSources.joinMethods.union(["get", "result"])

    /// A semaphore taken in the loop, or the worker waited for in the same pass.
    private func isThrottled(_ site: SpawnSite, in loop: LoopFacts, function: FunctionFacts) -> Bool {
        let inLoop = function.calls.filter { loop.range.contains($0.range.start) }
        if inLoop.contains(where: { TaskSources.semaphoreAcquires.contains($0.callee) }) { return true }
        let spawn = site.creatingCall(in: function)
        if spawn?.locksHeld.contains(where: { $0.lowercased().contains("sem") }) ?? false { return true }
        let after = inLoop.filter { $0.range.start > site.range.end }
        if site.kind == .forkChild {
            // A loop is a cycle: a wait at the top of the next pass bounds it as one at the end
            // of this one does, unless it only reaps children already gone (`WNOHANG`).
            return inLoop.contains { call in
                ChildReaping.calls.contains(call.callee)
                    && (call.range.start > site.range.end || !call.arguments.contains { $0.text.contains("WNOHANG") })
            }
        }
        // C: `pthread_create(&thread, ...)`, then `pthread_join(thread, NULL)` (libuv's
        // `uv_thread_join(&tid)`) in the same pass.
        if let handle = spawn?.argument(at: 0)?.text, after.contains(where: { TaskSources.joinsThread($0, createdAt: handle) }) {
            return true
        }
        guard let name = spawn?.boundName else { return false }
        return after.contains { call in
            TaskSources.joinMethods.contains { call.calleeText == name + "." + $0 }
        }
    }

    private func finding(_ site: SpawnSite, loop: LoopFacts, driver: Driver, in file: FileFacts, model: ProjectModel,
                         through helper: String? = nil) -> Finding {
        let line = file.line(of: loop.headerRange.start)
        let what: String = switch site.kind {
        case .process: "a process"
        case .forkChild: "a child process"
        default: "a thread"
        }
        let running = site.kind == .forkChild ? "" : site.entryID.map { " running `\(model.displayName($0))`" } ?? ""
        let pass: String
        var related: [Finding.Evidence] = []
        switch driver {
        case let .accept(call):
            pass = "for every connection the accept loop at line \(line) takes"
            if let call { related.append(Finding.Evidence(path: file.path, range: call.range, message: "accepts a connection")) }
        case .input: pass = "for every input the loop at line \(line) reads"
        case .unbounded: pass = "on every pass of the endless loop at line \(line)"
        case .conditional: pass = "on every pass of the `while` loop at line \(line)"
        }
        related.insert(Finding.Evidence(path: file.path, range: loop.headerRange, message: "loop that spawns once per task"), at: 0)
        let (recommended, advice) = recommendation(site, driver: driver, in: file, model: model)
        let starter = helper.map { "`\($0)` starts \(what)\(running) through `\(site.api)`" } ?? "`\(site.api)` starts \(what)\(running)"
        return finding(
            in: file, at: site.range, "\(starter) \(pass); nothing bounds how many run at once",
            advice: advice, model: recommended, related: related)
    }

    /// `threading.Thread(target=send_email, ...).start()` in a Flask view: the server
    /// calls the view once per request, so the view starts one per request. A start
    /// under a test (`if worker is None:`) may run once, and is left alone.
    private func startsPerRoutedRequest(_ site: SpawnSite, in file: FileFacts, registeredViews: [FunctionID: String]) -> String? {
        guard site.kind == .thread || site.kind == .process, site.arms.isEmpty else { return nil }
        return Self.viewFramework(file.functions[site.function], registeredViews: registeredViews)
    }

    /// The framework whose server calls `view` once per request: a route decorator's, or
    /// the one whose registration call names it (a Django URL pattern, `add_url_rule`).
    private static func viewFramework(_ view: FunctionFacts, registeredViews: [FunctionID: String]) -> String? {
        WebRoutes.framework(of: view) ?? registeredViews[view.id]
    }

    private static func viewEvidence(_ view: FunctionFacts, in file: FileFacts) -> Finding.Evidence {
        Finding.Evidence(path: file.path, range: view.nameRange, message: "the view, run once per request")
    }

    private func routeFinding(_ site: SpawnSite, framework: String, in file: FileFacts, model: ProjectModel) -> Finding {
        let view = file.functions[site.function]
        let what = site.kind == .process ? "a process" : "a thread"
        let running = site.entryID.map { " running `\(model.displayName($0))`" } ?? ""
        let (recommended, advice) = site.entryID.map { model.workload(of: $0).kind } == .cpu
            ? (ConcurrencyModel.process, "submit the work to a `concurrent.futures.ProcessPoolExecutor(max_workers=N)` made once at start-up, "
                + "or to a task queue (Celery, RQ)")
            : (ConcurrencyModel.thread, "submit the work to a `concurrent.futures.ThreadPoolExecutor(max_workers=N)` made once at start-up, "
                + "or to a task queue (Celery, RQ)")
        return finding(
            in: file, at: site.range,
            "`\(site.api)` starts \(what)\(running) on every request the \(framework) view `\(model.displayName(view.id))` serves; "
                + "nothing bounds how many run at once",
            advice: advice, model: recommended,
            related: [Self.viewEvidence(view, in: file)])
    }

    /// `socketserver.ThreadingTCPServer(address, Handler)`: the accept loop is the library's.
    private func perRequestFinding(_ site: SpawnSite, in file: FileFacts, model: ProjectModel) -> Finding {
        let handler = site.entryID.flatMap { model.functionIndex[$0] != nil ? " running `\(model.displayName($0))`" : nil } ?? ""
        let (recommended, advice) = recommendation(site, driver: .accept(nil), in: file, model: model)
        return finding(
            in: file, at: site.range,
            "`\(site.api)` starts a thread\(handler) for every request it accepts; nothing bounds how many run at once",
            advice: advice, model: recommended, related: [])
    }

    private func recommendation(_ site: SpawnSite, driver: Driver, in file: FileFacts, model: ProjectModel) -> (ConcurrencyModel, String) {
        if file.language == .c {
            return (.microthread, "serve the tasks from one event loop (`epoll`, libuv `uv_listen`, libevent `evconnlistener_new_bind`), "
                + "or hand them to a fixed pool of pthreads through a queue")
        }
        if site.api == ChildProgramStarts.api {
            return (.thread, "keep at most N children running (wait for one before starting another past N), or run the commands "
                + "with `subprocess.run` from a `concurrent.futures.ThreadPoolExecutor(max_workers=N)`")
        }
        let workload = site.entryID.map { model.workload(of: $0).kind } ?? .unknown
        if workload == .cpu {
            return (.process, "submit the tasks to a bounded `concurrent.futures.ProcessPoolExecutor(max_workers=N)`")
        }
        if site.startsPerRequest, site.api.contains("HTTP") || site.api.contains("WSGI") {
            return (.microthread, "serve HTTP from an asyncio server (`aiohttp.web`, or an ASGI app under uvicorn); "
                + "for a few heavy requests, hand them to a `ThreadPoolExecutor(max_workers=N)`")
        }
        if case .accept = driver {
            return (.microthread, "serve each connection as a coroutine with `asyncio.start_server` (or gevent's `StreamServer`); "
                + "for a few heavy tasks, submit them to a `ThreadPoolExecutor(max_workers=N)`")
        }
        if workload == .io {
            return (.microthread, "run many small I/O tasks as coroutines (`asyncio`, gevent), "
                + "or submit them to a `ThreadPoolExecutor(max_workers=N)`")
        }
        return (.thread, "submit the tasks to a bounded `concurrent.futures.ThreadPoolExecutor(max_workers=N)`")
    }
}
