import ConchKit

/// A thread that loops around a sleep, or a `threading.Timer` that re-arms itself,
/// in a program that already runs an event loop.
struct SleepingTimerThread: Rule {
    let metadata = RuleCatalog.CON401

    /// How the thread repeats its work.
    private enum Repetition {
        case sleepingLoop(loop: LoopFacts, sleep: CallFacts)
        case rearmingTimer(CallFacts)
    }

    func check(_ model: ProjectModel) -> [Finding] {
        let loops = model.eventLoopIndex
        var findings: [Finding] = []
        for (file, site) in model.spawnSites where site.kind == .thread || site.kind == .timer {
            guard let entry = site.entryID, let (entryFile, function) = model.function(entry),
                  let repetition = repetition(of: site, in: file, entry: function, entryFile: entryFile, model: model) else { continue }
            let runs = (loops.runs(reaching: file) + loops.runs(reaching: entryFile)).filter { run in
                run.file.language == .c ? sharesAProgram(run, entry, model) : startedWhereRuns(run, site, in: file, entryFile: entryFile, model)
            }
            guard let run = runs.first ?? served(in: file) ?? served(in: entryFile) else { continue }
            findings.append(finding(site, in: file, entry: function, entryFile: entryFile, repetition: repetition, run: run, model: model))
        }
        return findings
    }

    /// `app = FastAPI()` in the module that starts the thread, or runs it: a server runs the app on its loop.
    private func served(in file: FileFacts) -> (file: FileFacts, marker: EventLoopMarker)? {
        file.eventLoops.first { $0.kind == .served }.map { (file, $0) }
    }

    /// A C tree may build several programs (libmicrohttpd's tests beside its examples):
    /// the loop must run in one whose `main` starts the thread. A thread no `main` is
    /// seen to start (bluez's haltest starts its threads from a table of commands) is
    /// not paired with another program's loop.
    private func sharesAProgram(_ run: (file: FileFacts, marker: EventLoopMarker), _ entry: FunctionID, _ model: ProjectModel) -> Bool {
        guard let thread = model.executionContexts.threads.first(where: { $0.id == entry }),
              let holder = run.file.functions.lastIndex(where: { $0.kind != .module && $0.range.contains(run.marker.range.start) })
        else { return true }
        return model.executionContexts.sharesAProgram(holder, of: run.file, with: thread, unattributed: false)
    }

    /// Python: a loop another module runs belongs to the thread's program when one script
    /// leads to both the function starting the thread and the code running the loop;
    /// importing the thread's module is not enough (a benchmark script of ray's imports all
    /// of ray). A thread started at module level starts on import, so there it is enough.
    private func startedWhereRuns(_ run: (file: FileFacts, marker: EventLoopMarker), _ site: SpawnSite, in file: FileFacts,
                                  entryFile: FileFacts, _ model: ProjectModel) -> Bool {
        let starter = file.functions[site.function]
        guard run.file.path != file.path, run.file.path != entryFile.path, starter.kind != .module,
              let runFile = model.files.firstIndex(where: { $0.path == run.file.path }) else { return true }
        let holder = EventLoopIndex.holder(of: run.marker, in: run.file)
        return model.eventLoopIndex.oneScriptLeads(to: starter.id, andTo: holder?.id, of: runFile)
    }

    private func repetition(of site: SpawnSite, in file: FileFacts, entry: FunctionFacts, entryFile: FileFacts,
                            model: ProjectModel) -> Repetition? {
        if site.kind == .timer, let rearm = rearmingTimer(entry, in: entryFile) {
            // The first arming reports; the re-arm inside the function reports only when nothing else arms it.
            let isTheRearm = file.path == entryFile.path && file.functions[site.function].id == entry.id
            if isTheRearm, firstArmingExists(entry.id, in: entryFile) { return nil }
            return .rearmingTimer(rearm)
        }
        for (index, loop) in entry.loops.enumerated() where runsUntilStopped(loop) && !isDrivenByEvents(loop, in: entry, entryFile.language, model) {
            let inLoop = entry.calls.filter { loop.range.contains($0.range.start) }
            // fio's `do { if (!fio_sem_down_trylock(sem)) break; usleep(1000); } while (1)` waits for a lock.
            if inLoop.contains(where: { SleepCalls.triesALock($0, in: entryFile.language) }) { continue }
            guard let sleep = inLoop.first(where: { SleepCalls.isSleep($0, in: entryFile.language) && !pollsInside(index, $0, entry) }),
                  // The work the loop repeats stands in its body: a call in its condition only
                  // tests whether to go on (`while not os.path.exists(path): time.sleep(0.05)`).
                  inLoop.contains(where: { !SleepCalls.isSleep($0, in: entryFile.language) && !buildsException($0, in: entryFile.language)
                      && !loop.headerRange.contains($0.range.start) })
            else { continue }
            return .sleepingLoop(loop: loop, sleep: sleep)
        }
        return nil
    }

    /// A sleep in a `while` nested in the loop (`while not os.path.exists(path): time.sleep(0.05)`)
    /// waits for a condition on one path, and does not pace the loop's rounds; one in a
    /// nested `for` (a long sleep cut in slices) still does.
    private func pollsInside(_ loop: Int, _ sleep: CallFacts, _ entry: FunctionFacts) -> Bool {
        entry.loops.indices.contains { inner in
            let facts = entry.loops[inner]
            guard facts.kind == .while || facts.kind == .doWhile, inner != loop, facts.range.contains(sleep.range.start) else { return false }
            var parent = facts.parent
            while let current = parent, current != loop { parent = entry.loops[current].parent }
            return parent == loop
        }
    }

    /// `raise TimeoutError(...)` on the way out of a loop that polls for a state change
    /// builds the exception it gives up with: no work the loop repeats (sanic's wait for a worker's ack).
    private func buildsException(_ call: CallFacts, in language: SourceLanguage) -> Bool {
        guard language == .python, let name = call.callee.split(separator: ".").last else { return false }
        return name.hasSuffix("Error") || name.hasSuffix("Exception")
    }

    /// A loop that waits for work (`pthread_cond_wait`, `event.wait()`, `jobs.get()`), or
    /// runs inside one that does, is driven by that work: a sleep in it only paces the
    /// work (memcached's LRU crawler, textual's `Sleeper`).
    private func isDrivenByEvents(_ loop: LoopFacts, in function: FunctionFacts, _ language: SourceLanguage, _ model: ProjectModel) -> Bool {
        var current: LoopFacts? = loop
        while let enclosing = current {
            if function.calls.contains(where: { call in
                enclosing.range.contains(call.range.start)
                    && (SleepCalls.waitsForWork(call, in: language) || takesFromProjectQueue(call, model))
            }) {
                return true
            }
            current = enclosing.parent.map { function.loops[$0] }
        }
        return false
    }

    /// `self._send_queue.get()` on a queue class of the project built on `queue.Queue`
    /// (OctoPrint's `SendQueue`): it waits for the next job.
    private func takesFromProjectQueue(_ call: CallFacts, _ model: ProjectModel) -> Bool {
        guard call.isResolved, call.arguments.isEmpty, call.callee.hasSuffix(".get") else { return false }
        let hierarchy = model.classHierarchy
        return hierarchy.ancestors(of: String(call.callee.dropLast(".get".count))).contains { name in
            hierarchy[name]?.bases.contains(where: BlockingCalls.blockingQueues.contains) ?? false
        }
    }

    private func runsUntilStopped(_ loop: LoopFacts) -> Bool {
        loop.bound == .unbounded || (loop.bound == .conditional && loop.kind != .for)
    }

    /// The `threading.Timer(..., f)` inside `f` that schedules `f` again.
    private func rearmingTimer(_ function: FunctionFacts, in file: FileFacts) -> CallFacts? {
        let rearm = file.spawnSites.first { site in
            site.kind == .timer && site.entryID == function.id && file.functions[site.function].id == function.id
        }
        return rearm.flatMap { $0.creatingCall(in: function) }
    }

    private func firstArmingExists(_ id: FunctionID, in file: FileFacts) -> Bool {
        file.spawnSites.contains { $0.kind == .timer && $0.entryID == id && file.functions[$0.function].id != id }
    }

    private func finding(_ site: SpawnSite, in file: FileFacts, entry: FunctionFacts, entryFile: FileFacts, repetition: Repetition,
                         run: (file: FileFacts, marker: EventLoopMarker), model: ProjectModel) -> Finding {
        let name = model.displayName(entry.id)
        let framework = FrameworkSchedulers.displayName(run.marker.framework)
        let loopPlace = model.place(run.file.path, run.marker.range.start, from: file.path)
        var related: [Finding.Evidence] = []
        let what: String
        switch repetition {
        case let .sleepingLoop(loop, sleep):
            let sleepPlace = model.place(entryFile.path, sleep.range.start, from: file.path)
            what = "thread running `\(name)` loops around \(sleep.quotedName) at \(sleepPlace) to do periodic work"
            related.append(Finding.Evidence(path: entryFile.path, range: sleep.range, message: "sleeps between rounds"))
            related.append(Finding.Evidence(path: entryFile.path, range: loop.headerRange, message: "periodic loop"))
        case let .rearmingTimer(rearm):
            let rearmPlace = model.place(entryFile.path, rearm.range.start, from: file.path)
            what = "`threading.Timer` running `\(name)` re-arms itself at \(rearmPlace) to repeat"
            related.append(Finding.Evidence(path: entryFile.path, range: rearm.range, message: "re-arms the timer"))
        }
        related.append(model.loopStart(run))
        let loop = run.marker.kind == .served
            ? "its server runs the application made at \(loopPlace) on \(article(framework)) \(framework) event loop"
            : "the program runs \(article(framework)) \(framework) event loop (\(loopPlace))"
        return finding(
            in: file, at: site.range, "\(what), while \(loop) that can schedule it",
            advice: FrameworkSchedulers.scheduler(for: run.marker.framework, in: file.language),
            related: related)
    }

    private func article(_ word: String) -> String {
        word.lowercased().first.map { "aeiou".contains($0) } == true ? "an" : "a"
    }
}
