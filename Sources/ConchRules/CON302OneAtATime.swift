import ConchKit

/// Work handed to threads, processes, a pool or an event loop that runs one item at a
/// time: started and waited for in each pass of a loop over items (an HTTP request
/// awaited per item), or called on the spot instead of handed over.
struct OneAtATime: Rule {
    let metadata = RuleCatalog.CON302

    func check(_ model: ProjectModel) -> [Finding] {
        eventLoopFindings(model) + waitedStartFindings(model) + calledTaskFindings(model) + awaitedRequestFindings(model)
    }

    /// `for url in urls: page = await session.get(url)` in a coroutine: an event loop that
    /// could run every request at once runs one at a time.
    private func awaitedRequestFindings(_ model: ProjectModel) -> [Finding] {
        var findings: [Finding] = []
        for file in model.files where file.language == .python && !file.isTestModule {
            // By index: most functions are not coroutines with loops, and binding one copies its facts.
            for index in file.functions.indices where file.functions[index].isAsync && !file.functions[index].loops.isEmpty {
                let function = file.functions[index]
                for loopIndex in function.loops.indices {
                    guard let loop = itemLoop(loopIndex, in: index, of: file),
                          let request = AwaitedRequests.first(inLoop: loopIndex, of: function, in: file, model: model) else { continue }
                    var related = [Finding.Evidence(path: file.path, range: loop.headerRange, message: "loop over the items")]
                    var what = "`\(request.call.calleeText)` is awaited on each pass of \(loop.named(in: file))"
                    if let (home, made) = request.through {
                        what += " and makes an HTTP request (`\(made.calleeText)` at \(model.place(home.path, made.range.start, from: file.path)))"
                        related.append(Finding.Evidence(path: home.path, range: made.range, message: "the request"))
                    }
                    findings.append(finding(
                        in: file, at: request.call.range,
                        what + ": each request starts only after the one before has answered, so they run one after "
                            + "another, never at once",
                        advice: "start one task per item and await them together, `await asyncio.gather(*(fetch(url) for url in "
                            + "urls))` (trio, anyio: a nursery or task group), with an `asyncio.Semaphore` to bound how many run at once",
                        model: .microthread, related: related))
                }
            }
        }
        return findings
    }

    /// `Thread(target=fetch(url))`: the work runs in the starting thread, before the start.
    /// A test that does it tests nothing it meant to, so tests are not left out.
    private func calledTaskFindings(_ model: ProjectModel) -> [Finding] {
        model.spawnSites.compactMap { file, site in
            guard file.language == .python, let called = CalledTasks.called(by: site, in: model) else { return nil }
            let api = site.creatingCall(in: file.functions[site.function])?.calleeText ?? site.api
            return finding(
                in: file, at: site.range,
                "`\(api)` is handed `\(called.written)`: \(CalledTasks.consequence(of: called, for: site))",
                advice: CalledTasks.advice(for: site, called), model: site.runsInThread ? .thread : .process,
                related: [Finding.Evidence(path: called.home.path, range: called.function.nameRange,
                                           message: called.function.isAsync ? "`\(called.function.name)` is a coroutine function"
                                                : "`\(called.function.name)` returns nothing")],
                severity: .error)
        }
    }

    /// `for url in urls: asyncio.run(fetch(url))`: an event loop run for one coroutine a pass;
    /// or a synchronous wrapper (`def fetch_sync(url): return asyncio.run(fetch(url))`)
    /// called on each pass.
    private func eventLoopFindings(_ model: ProjectModel) -> [Finding] {
        var findings: [Finding] = []
        model.forEachCall(toAnyOf: Array(LoopRunners.entries.keys)) { fileIndex, functionIndex, call in
            let file = model.files[fileIndex]
            guard call.isResolved, let entry = LoopRunners.entries[call.callee], waits(coroutineOf: call.facts, in: file, model: model)
            else { return }
            let coroutines = LoopRunners.coroutine(of: call.facts).map { "the `\($0.split(separator: ".").last ?? "")` coroutines" }
                ?? "the coroutines"
            guard let loopIndex = call.loop else {
                findings += wrapperFindings(call.facts, entry: entry, coroutines: coroutines, in: functionIndex, of: file, model: model)
                return
            }
            guard !call.isReturned, let loop = itemLoop(loopIndex, in: functionIndex, of: file) else { return }
            findings.append(finding(
                in: file, at: call.range,
                "`\(call.calleeText)` \(entry.verb) one coroutine on each pass of \(loop.named(in: file)): "
                    + "\(coroutines) run one after another, never at once",
                advice: entry.advice, model: .microthread,
                related: [Finding.Evidence(path: file.path, range: loop.headerRange, message: "loop over the items")]))
        }
        return findings
    }

    /// The calls, each in a pass of a loop over items, of the function that runs the loop.
    private func wrapperFindings(_ runner: CallFacts, entry: LoopRunners.Entry, coroutines: String, in functionIndex: Int,
                                 of file: FileFacts, model: ProjectModel) -> [Finding] {
        let wrapper = file.functions[functionIndex]
        // A decorator may hand the call to a pool (changedetection.io's `@threadpool`).
        let plain = wrapper.decorators.allSatisfy { ["staticmethod", "classmethod"].contains($0) }
        guard wrapper.kind == .function || wrapper.kind == .method, !wrapper.isAsync, plain,
              let number = model.callGraph.number(of: wrapper.id) else { return [] }
        return model.callSites.byCallee[number].compactMap { caller in
            let callerFile = model.files[caller.file]
            guard let call = callerFile.functions[caller.function].calls.first(where: { $0.range.start == caller.offset }),
                  !call.isReturned, let loopIndex = call.loop, let loop = itemLoop(loopIndex, in: caller.function, of: callerFile)
            else { return nil }
            return finding(
                in: callerFile, at: call.range,
                "`\(call.calleeText)` \(entry.verb) one coroutine (`\(runner.calleeText)` at line \(file.line(of: runner.range.start))) "
                    + "and is called on each pass of \(loop.named(in: callerFile)): \(coroutines) run one after another, never at once",
                advice: entry.advice, model: .microthread,
                related: [Finding.Evidence(path: callerFile.path, range: loop.headerRange, message: "loop over the items"),
                          Finding.Evidence(path: file.path, range: runner.range, message: "runs the event loop here")])
        }
    }

    /// `executor.submit(fetch, url).result()`, `pool.apply(fetch, (url,))`, `t.start(); t.join()`.
    private func waitedStartFindings(_ model: ProjectModel) -> [Finding] {
        model.spawnSites.compactMap { file, site in
            // The child's branch ends the child (`_exit(0)`), not the parent's loop.
            guard let loopIndex = site.loop,
                  let loop = itemLoop(loopIndex, in: site.function, of: file, apartFrom: ForkChild.branch(of: site, in: file)),
                  let waited = WaitedStarts.wait(for: site, in: file) else { return nil }
            let work = site.kind == .forkChild ? "" : site.entryID.map { "`\(model.displayName($0))`" } ?? "its work"
            let api = site.creatingCall(in: file.functions[site.function])?.calleeText ?? site.api
            let message = switch waited {
            case .byItsCall:
                "`\(api)` waits for \(work) to finish in the pool on each pass of "
                    + "\(loop.named(in: file)): the items run one at a time, however many workers the pool has"
            case let .by(_, written):
                "\(WaitedStarts.starts(site, written: api, work: work)) on each pass of \(loop.named(in: file)), and `\(written)` "
                    + "waits for it in the same pass: the items run one at a time"
                    + (site.isBounded ? ", however many workers the pool has" : "")
            }
            var related = [Finding.Evidence(path: file.path, range: loop.headerRange, message: "loop over the items")]
            if case let .by(wait, _) = waited { related.append(Finding.Evidence(path: file.path, range: wait.range, message: "waits here")) }
            return finding(in: file, at: site.range, message, advice: WaitedStarts.advice(for: site, in: file.language),
                           model: site.runsInThread ? .thread : .process, related: related)
        }
    }

    /// The loop at `index`, when it runs over items in non-test code and never stops early
    /// (`if page: break`: a loop that may stop at an item tries the items in order on purpose)
    /// but in a forked child's branch.
    private func itemLoop(_ index: Int, in functionIndex: Int, of file: FileFacts, apartFrom child: ByteRange? = nil) -> LoopFacts? {
        let function = file.functions[functionIndex]
        let loop = function.loops[index]
        guard loop.runsOverItems, !file.isTestModule, !file.isInTest(function: functionIndex),
              function.branchesLeaving(loop).allSatisfy({ child?.contains($0.start) ?? false }) else { return nil }
        return loop
    }

    /// A coroutine of the project that never awaits computes or blocks from start to end:
    /// running several at once would not overlap them either.
    private func waits(coroutineOf call: CallFacts, in file: FileFacts, model: ProjectModel) -> Bool {
        guard let name = LoopRunners.coroutine(of: call), let id = model.resolve(name, from: file),
              let reference = model.functionIndex[id] else { return true }
        let target = model.files[reference.file].functions[reference.function]
        return !target.isAsync || !target.awaits.isEmpty
    }
}
