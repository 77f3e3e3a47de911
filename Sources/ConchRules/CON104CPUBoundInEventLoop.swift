import ConchKit

/// A CPU-heavy loop directly in a coroutine or an event-loop callback.
struct CPUBoundInEventLoop: Rule {
    let metadata = RuleCatalog.CON104

    func check(_ model: ProjectModel) -> [Finding] {
        let loops = model.eventLoopIndex
        var findings: [Finding] = []
        // From Python 3.14 a pool of interpreters takes the computing off the loop too.
        func offload(_ advice: String, _ language: SourceLanguage) -> String {
            language == .python && model.settings.hasInterpreterPools ? advice + CPUBoundThread.interpreterAlternative : advice
        }
        for (file, function, role) in loops.functionsOnTheLoop {
            let computing = computingLoops(in: function, of: file, model: model).filter { !drivesTheLoop($0, in: function, file.language) }
            let counted = countedHelperLoops(in: function, of: file, model: model)
            let started = countedStarts(of: function, as: role, besides: computing, model: model)
            guard !computing.isEmpty || !counted.isEmpty || !started.isEmpty else { continue }
            let run = loops.runs(reaching: file).first
            for (startFile, site, loop) in started {
                findings.append(finding(
                    in: startFile, at: site.range,
                    "\(role.describe(model.displayName(function.id))) started here runs "
                        + "\(model.describe(loop, from: startFile.path, countsHandedBy: site.countsHandedBy)), "
                        + "holding \(role.loopName(run: run?.marker)); \(role.others) runs until it returns",
                    advice: offload(helperAdvice(role, helper: model.displayName(function.id)), startFile.language),
                    related: [model.related(loop)] + (run.map { [model.loopStart($0)] } ?? [])))
            }
            for (call, callee, loop) in counted {
                let name = model.displayName(function.id)
                findings.append(finding(
                    in: file, at: call.range,
                    "`\(model.displayName(callee))` called in \(role.describe(name)) runs \(model.describe(loop, from: file.path)), "
                        + "holding \(role.loopName(run: run?.marker)); \(role.others) runs until it returns",
                    advice: offload(helperAdvice(role, helper: model.displayName(callee)), file.language),
                    related: [model.related(loop)] + (run.map { [model.loopStart($0)] } ?? [])))
            }
            for loop in computing {
                let name = model.displayName(function.id)
                findings.append(finding(
                    in: file, at: loop.headerRange,
                    "CPU-bound \(kindName(loop.kind)) in \(role.describe(name)) holds \(role.loopName(run: run?.marker)); "
                        + "\(role.others) runs until it finishes",
                    advice: offload(advice(role, name: name, language: file.language), file.language),
                    related: run.map { [model.loopStart($0)] } ?? []))
            }
        }
        return findings
    }

    /// Hot loops that never give way to the loop (no `await` and no `async for`
    /// inside), outermost only.
    private func computingLoops(in function: FunctionFacts, of file: FileFacts, model: ProjectModel) -> [LoopFacts] {
        var reported: [LoopFacts] = []
        for loop in model.hotLoops(in: function, of: file) where isSurelyComputing(loop, in: function) {
            let inside = reported.contains { $0.range.contains(loop.range.start) }
            if !givesWay(function, in: loop.range), !inside { reported.append(loop) }
        }
        return reported
    }

    /// Calls of a function of the project that hand it a count its loop runs by
    /// (`crunch(10_000_000)` for `def crunch(n): for i in range(n): ...`, or a coroutine
    /// whose loop never awaits) or its recursion counts down from (`fib(30)`), or whose loop writes a long count itself
    /// (`sum(i * i for i in range(10 ** 7))`): the work is as sure as a loop in the
    /// coroutine's own body.
    private func countedHelperLoops(in function: FunctionFacts, of file: FileFacts, model: ProjectModel)
        -> [(call: CallFacts, callee: FunctionID, loop: WorkloadEvidence)] {
        function.calls.compactMap { call in
            guard let (callee, helper, loop) = model.countedWork(of: call, from: file, in: function.id),
                  !givesWay(helper, in: helper.loops.first { $0.headerRange == loop.range }?.range ?? loop.range)
            else { return nil }
            return (call, callee, loop)
        }
    }

    /// `gevent.spawn(crunch, 10**8)` for `def crunch(n): for i in range(n): ...`: the count the
    /// start hands the greenlet (or its callers hand the start) makes the loop as sure as one the
    /// greenlet writes out. A loop already reported in the greenlet's body is not reported again.
    private func countedStarts(of function: FunctionFacts, as role: LoopRole, besides computing: [LoopFacts], model: ProjectModel)
        -> [(file: FileFacts, site: SpawnSite, loop: WorkloadEvidence)] {
        guard case .greenlet = role else { return [] }
        return model.spawnSites.compactMap { file, site in
            guard site.kind == .coroutine, site.entryID == function.id,
                  let loop = model.countedLoop(in: function.id, handed: model.handedCounts(of: site, in: file)),
                  !computing.contains(where: { $0.range.contains(loop.range.start) }) else { return nil }
            return (file, site, loop)
        }
    }

    /// A coroutine's loop that awaits, or is an `async for`, gives way to the event loop on every pass.
    private func givesWay(_ function: FunctionFacts, in body: ByteRange) -> Bool {
        function.awaits.contains { body.contains($0.start) } || function.loops.contains { $0.isAsync && body.contains($0.range.start) }
    }

    private func helperAdvice(_ role: LoopRole, helper: String) -> String {
        switch role {
        case .coroutine:
            "run it with `await loop.run_in_executor(ProcessPoolExecutor(), \(helper), ...)`"
        case .callback, .greenlet:
            "run `\(helper)` in a `concurrent.futures.ProcessPoolExecutor` and hand the result back to the loop"
        }
    }

    /// A loop that works on the event loop's own handles (`uv_close` on each of a
    /// million handles) must stay on the loop's thread, so moving it is no advice.
    private func drivesTheLoop(_ loop: LoopFacts, in function: FunctionFacts, _ language: SourceLanguage) -> Bool {
        function.calls.contains { loop.range.contains($0.range.start) && LoopThreadAPIs.mustRunOnTheLoop($0.callee, in: language) }
    }

    /// Pure arithmetic builtins: a `while` loop calling only these only computes.
    private static let arithmeticBuiltins: Set<String> = ["abs", "min", "max", "divmod", "pow", "int", "float", "round"]

    /// A short `while` that scans a string until a `break` looks like a hot loop too;
    /// on the loop's thread only a nested loop, a long counted one, or a `while` that
    /// calls nothing but arithmetic is taken as computing.
    private func isSurelyComputing(_ loop: LoopFacts, in function: FunctionFacts) -> Bool {
        // A nest whose inner loops only compare and look up (matching each face's
        // candidate to a name by id), or tally (`wildcards += 1`), does bookkeeping over
        // its data, not arithmetic.
        let inner = function.loops.filter { $0.depth > loop.depth && loop.range.contains($0.range.start) }
        if !inner.isEmpty, inner.allSatisfy({ $0.arithmeticOperations == 0 || $0.onlyCounts }) { return false }
        guard loop.kind == .while || loop.kind == .doWhile else { return true }
        if !inner.isEmpty { return true }
        return !function.calls.contains { loop.range.contains($0.range.start) && !Self.arithmeticBuiltins.contains($0.callee) }
    }

    private func kindName(_ kind: LoopFacts.Kind) -> String {
        switch kind {
        case .for: "`for` loop"
        case .while: "`while` loop"
        case .doWhile: "`do`-`while` loop"
        case .comprehension: "comprehension"
        }
    }

    private func advice(_ role: LoopRole, name: String, language: SourceLanguage) -> String {
        switch role {
        case .coroutine:
            return "move the loop into a plain function and run it with "
                + "`await loop.run_in_executor(ProcessPoolExecutor(), func, *args)`"
        case .callback(.glib):
            return language == .c
                ? "run the loop on a worker thread with `g_task_run_in_thread` and finish in its callback"
                : "run the loop in a `concurrent.futures.ProcessPoolExecutor` and hand the result back with `GLib.idle_add`"
        case .callback:
            return language == .c
                ? "run the loop with `uv_queue_work` (its after-work callback runs back on the loop), or on a worker thread"
                : "run the loop in a `concurrent.futures.ProcessPoolExecutor` and hand the result back to the loop"
        case .greenlet:
            return "run the loop in a `concurrent.futures.ProcessPoolExecutor`: a greenlet that computes holds every other "
                + "until it finishes, patched or not"
        }
    }
}
