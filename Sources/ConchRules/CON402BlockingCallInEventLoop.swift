import ConchKit

/// A blocking call made in a coroutine or an event-loop callback, directly or in a
/// plain Python function it calls.
struct BlockingCallInEventLoop: Rule {
    let metadata = RuleCatalog.CON402

    func check(_ model: ProjectModel) -> [Finding] {
        let loops = model.eventLoopIndex
        let onTheLoop = loops.functionsOnTheLoop
        var helpers = BlockingHelpers(model: model, onTheLoop: Set(onTheLoop.map(\.function.id)))
        var findings: [Finding] = []
        let patched = GreenletPatching.patchedFiles(model)
        for (file, function, role) in onTheLoop {
            // A patched standard library waits the hub's way.
            if case .greenlet = role, patched.contains(file.path) { continue }
            if case .coroutine = role {
                findings += ThreadLocksAcrossAwaits.awaitsUnderThreadLocks(in: function, of: file).map { held in
                    lockFinding(held, in: file, function, model: model)
                }
            }
            // A test exercises the code it calls: what blocks in there is reported where
            // the project's own coroutines call it, once, not from every test.
            let isTest = file.isTestModule || model.functionIndex[function.id].map { file.isInTest(function: $0.function) } ?? false
            // An awaited call hands control back to the loop, whatever its name; a test's
            // call in `with pytest.raises(...)` is expected to raise at once.
            for call in function.calls where !call.isAwaited && !file.expectsRaise(at: call.range.start, in: function) {
                guard let (matched, entry) = helpers.entry(for: call, in: file, caller: function) else {
                    if !isTest, let found = helpers.blockingCall(through: call, in: file),
                       !returnsAtOnce(found.entry, in: function, role: role, loops: loops),
                       !checkedBeforeHand(found, by: function, model: model) {
                        findings.append(helperFinding(call, found, in: file, function, role: role, model: model))
                    }
                    continue
                }
                if returnsAtOnce(entry, in: function, role: role, loops: loops) { continue }
                let run = loops.runs(reaching: file).first
                let (recommended, advice) = recommendation(for: matched, entry: entry, role: role, in: function, of: file, run: run?.marker)
                findings.append(finding(
                    in: file, at: call.range,
                    "\(matched.quotedName) blocks \(role.loopName(run: run?.marker)) in \(role.describe(model.displayName(function.id))); "
                        + "\(role.others) runs until it returns",
                    advice: advice, model: recommended,
                    related: run.map { [model.loopStart($0)] } ?? []))
            }
        }
        return findings
    }

    private func lockFinding(_ held: ThreadLocksAcrossAwaits.Held, in file: FileFacts, _ coroutine: FunctionFacts,
                             model: ProjectModel) -> Finding {
        finding(
            in: file, at: held.call.range,
            "coroutine `\(model.displayName(coroutine.id))` awaits while it holds `\(held.lock)`, a `\(held.type)`: "
                + held.consequence,
            advice: "use an `asyncio.Lock` (`async with lock:`) to guard state that coroutines share; for state shared with "
                + "threads, take the thread lock only around code that does not await")
    }

    /// The coroutine looked at the queue its helper takes from (`while self.q.empty(): await ...`).
    private func checkedBeforeHand(_ found: BlockingHelpers.Found, by caller: FunctionFacts, model: ProjectModel) -> Bool {
        guard found.via.count == 1, let (_, helper) = model.function(found.via[0]) else { return false }
        return BlockingCalls.isQueueGetCheckedByCaller(found.call, helper: helper, caller: caller)
    }

    /// A read in a callback the loop runs once its descriptor is ready does not wait.
    private func returnsAtOnce(_ entry: BlockingCalls.Entry, in function: FunctionFacts, role: LoopRole, loops: EventLoopIndex) -> Bool {
        guard case let .callback(framework) = role, entry.readsDescriptor else { return false }
        return BlockingCalls.readyDescriptorLoops.contains(framework) || loops.firesOnReadyDescriptor(function.id)
    }

    /// `fetch` blocks the loop because of what it calls: move the helper off the loop.
    private func helperFinding(_ call: CallFacts, _ found: BlockingHelpers.Found, in file: FileFacts, _ function: FunctionFacts,
                               role: LoopRole, model: ProjectModel) -> Finding {
        let run = model.eventLoopIndex.runs(reaching: file).first
        // As written, `self.__stop` is bound to its object (and its private name stays
        // mangled right); `Receiver.__stop` would need `self` passed by hand.
        let written = call.calleeText
        let helper = written.isEmpty || written.contains("…") || written.contains("(") ? model.displayName(found.via[0]) : written
        let through = found.via.dropFirst().map { "`\(model.displayName($0))`" }
        let reach = through.isEmpty ? "" : " (through " + through.joined(separator: ", ") + ")"
        let place = model.place(found.file.path, found.call.range.start, from: file.path)
        let library = LoopLibraries.structured(run: run?.marker, file: file)
        // The table's replacements speak asyncio and C's loops: no advice for a Trio
        // coroutine or a GUI or reactor callback.
        var loopWay: String? = found.entry.replacement
        var recommended: ConcurrencyModel?
        let offload: String
        switch role {
        case .coroutine:
            if let generator = GeneratorCoroutine(function) {
                loopWay = nil
                offload = generator.offload(helper)
            } else {
                if library != nil { loopWay = nil }
                offload = library.map { "`await \($0).to_thread.run_sync(\(helper), ...)`" } ?? "`await asyncio.to_thread(\(helper), ...)`"
            }
        case .greenlet:
            loopWay = Self.greenletWay
            offload = "`gevent.get_hub().threadpool.spawn(\(helper), ...)`"
        case .callback(.asyncio):
            offload = "`loop.run_in_executor(None, \(helper), ...)`"
        case let .callback(framework):
            if file.language == .python {
                loopWay = FrameworkSchedulers.childProcess(for: framework, replacing: found.call.callee)
                recommended = .thread
            }
            offload = framework == .twisted
                ? "`twisted.internet.threads.deferToThread(\(helper), ...)`, whose Deferred fires back on the reactor"
                : "a worker thread (`concurrent.futures.ThreadPoolExecutor`) that hands the result back to the "
                    + "\(FrameworkSchedulers.displayName(framework)) loop"
        }
        var advice = "run `\(helper)` off the loop with \(offload)" + (loopWay.map { ", or make it wait the loop's way: \($0)" } ?? "")
        if case .coroutine = role, file.language == .python, SleepCalls.python.contains(found.call.callee) {
            advice = sleepingHelperAdvice(found.via.map(model.displayName), generator: GeneratorCoroutine(function),
                                          library: library, offload: offload)
        }
        return finding(
            in: file, at: call.range,
            "`\(call.calleeText)` blocks \(role.loopName(run: run?.marker)) in \(role.describe(model.displayName(function.id))): "
                + "it calls \(found.call.quotedName) at \(place)\(reach); \(role.others) runs until it returns",
            advice: advice,
            model: recommended,
            related: [Finding.Evidence(path: found.file.path, range: found.call.range, message: "blocks: \(found.call.quotedName)")]
                + (run.map { [model.loopStart($0)] } ?? []))
    }

    /// A helper that sleeps (circus's `reap_process` polling `waitpid`) most often works on
    /// state the loop owns, which a thread must not touch: it should wait the loop's way.
    private func sleepingHelperAdvice(_ chain: [String], generator: GeneratorCoroutine?, library: String?, offload: String) -> String {
        let wait = "`" + (generator?.sleepCall ?? "await \(library ?? "asyncio").sleep(...)") + "`"
        let hand = generator == nil ? "await" : "yield"
        let names = chain.map { "`\($0)`" }
        let change = names.count == 1
            ? "make \(names[0]) a coroutine that waits with \(wait), and \(hand) it here"
            : "make \(names.dropLast().joined(separator: ", ")) and \(names[names.count - 1]) coroutines (the last waiting with \(wait)), "
                + "and \(hand) \(names[0]) here"
        return change + "; run it off the loop with \(offload) only if it touches nothing the loop owns"
    }

    /// The table's replacement speaks asyncio (or C loops); Trio and AnyIO coroutines
    /// have their own sleep and thread hand-off, and a GUI or reactor callback waits
    /// with its framework's timer or hands the blocking work to a thread.
    private func recommendation(for call: CallFacts, entry: BlockingCalls.Entry, role: LoopRole, in function: FunctionFacts,
                                of file: FileFacts, run: EventLoopMarker?) -> (ConcurrencyModel?, String) {
        guard file.language == .python else { return (nil, entry.replacement) }
        let isSleep = SleepCalls.python.contains(call.callee)
        switch role {
        case .coroutine:
            if let generator = GeneratorCoroutine(function) {
                return (nil, isSleep ? generator.sleep : "move it off the loop with \(generator.offload("func"))")
            }
            if let library = LoopLibraries.structured(run: run, file: file) {
                return (nil, isSleep ? "use `await \(library).sleep(...)`"
                    : "move it off the loop with `await \(library).to_thread.run_sync(func, *args)`")
            }
            return (nil, entry.replacement)
        case .greenlet:
            return (.microthread, Self.greenletWay)
        case .callback(.asyncio):
            return (nil, entry.replacement)
        case let .callback(framework):
            if isSleep { return (.frameworkScheduler, FrameworkSchedulers.scheduler(for: framework, in: file.language)) }
            if let childProcess = FrameworkSchedulers.childProcess(for: framework, replacing: call.callee) {
                return (.frameworkScheduler, childProcess)
            }
            if framework == .twisted {
                return (.thread, "run it with `twisted.internet.threads.deferToThread(func, *args)`, whose Deferred fires back on the reactor")
            }
            return (.thread, "run it on a worker thread (`concurrent.futures.ThreadPoolExecutor`) and hand the result back to the "
                + "\(FrameworkSchedulers.displayName(framework)) loop")
        }
    }

    /// Greenlets give way where gevent waits: its own calls, or the standard library once patched.
    private static let greenletWay = "call `gevent.monkey.patch_all()` first thing in the program, so `time.sleep`, sockets "
        + "and the rest of the standard library give way to the other greenlets (or call gevent's own: `gevent.sleep`, `gevent.socket`)"
}
