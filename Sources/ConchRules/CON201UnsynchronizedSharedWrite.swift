import ConchKit

/// A thread's read-modify-write or check-then-act on global state, outside any lock,
/// while another thread or the main thread touches the same variable.
struct UnsynchronizedSharedWrite: Rule {
    let metadata = RuleCatalog.CON201

    /// Who else touches the variable: the party the message leads with, and the
    /// other access shown as evidence.
    private struct Conflict {
        enum Party { case otherAccess, writerInMain, sameEntry }
        var party: Party
        /// Another access, with the thread running it (nil: the main thread).
        var other: (located: GlobalAccessIndex.Located, thread: ExecutionContexts.Entry?)?
        /// The write holds a lock, which keeps threads out but not the signal handler that is the other party.
        var underLock = false
    }

    func check(_ model: ProjectModel) -> [Finding] {
        let contexts = model.executionContexts
        var findings = SharedObjectUpdates.races(model, children: contexts.children).map { sharedObjectFinding($0, model) }
        findings += AwaitSpanningUpdates.races(model).map { awaitFinding($0, model) }
        let views = WebRoutes.threadedViews(in: model)
        guard !contexts.threads.isEmpty || !views.isEmpty else { return findings }
        let locks = LockContext(model, threads: contexts.threads, callbacks: Set(model.eventLoopIndex.callbacks.keys))
        var reported: Set<String> = []
        if !contexts.threads.isEmpty { findings += threadFindings(model, contexts, locks, &reported) }
        for race in ViewGlobalUpdates.races(model, views: views, locks: locks, skipping: reported) {
            findings.append(viewFinding(race, model))
        }
        return findings
    }

    private func threadFindings(_ model: ProjectModel, _ contexts: ExecutionContexts, _ locks: LockContext,
                                _ reported: inout Set<String>) -> [Finding] {
        var findings: [Finding] = []
        let index = model.globalAccessIndex
        var ordering = StartOrdering(model: model, entries: contexts.threads)
        // A lazy set-up (`if _CONFIG_VARS is None: _CONFIG_VARS = {}`, then a store per key) is one
        // race: the check-then-act writes of one variable in one function make one finding.
        var firstCheckedWrite: [String: Int] = [:]
        var laterCheckedWrites: [Int: (language: SourceLanguage, writes: [ByteRange])] = [:]
        let handlerWrites = model.variablesWrittenBySignalHandlers
        for (entry, file, function) in contexts.threadReach(model) {
            for access in function.globalAccesses
            where (access.isRacyWrite(in: file.language) || handlerWrites.contains(access.variable) && access.isLockedRacyWrite)
                && access.closureOwner.map(entry.sharesVariables) ?? true
                && entry.runs(function.id, of: file, at: access.range.start, guardedBy: access.guards) {
                // A lock keeps other threads out, not a signal handler: a guarded write races with the handler's alone.
                let guarded = locks.isGuarded(access, in: function, file: file) || locks.reachesOnlyUnderLocks(function.id, from: entry.id)
                let key = file.path + ":" + String(access.range.start)
                guard !guarded || handlerWrites.contains(access.variable), !index.isSelfProtected(access.variable), !reported.contains(key),
                      let conflict = conflict(for: access, in: function, of: file, entry: entry, model, contexts, index, &ordering,
                                              handlersOnly: guarded)
                else { continue }
                reported.insert(key)
                if access.kind == .checkThenAct {
                    let group = file.path + ":" + function.id + ":" + access.variable
                    if let first = firstCheckedWrite[group] {
                        laterCheckedWrites[first, default: (file.language, [])].writes.append(access.range)
                        continue
                    }
                    firstCheckedWrite[group] = findings.count
                }
                let path = model.callPathEvidence(locks.callPath(from: entry, to: function.id), to: function.id)
                    + (conflict.party == .writerInMain ? model.mainThreadCall(of: function.id, in: contexts, besides: entry) : [])
                findings.append(finding(access, in: file, function, entry: entry, conflict: conflict, path: path, model))
            }
        }
        for (first, later) in laterCheckedWrites { Self.fold(later.writes, into: &findings[first], language: later.language) }
        for race in SharedInstanceUpdates.races(model, threads: contexts.threads, locks: locks) {
            reported.insert(race.file.path + ":" + String(race.update.range.start))
            findings.append(instanceFinding(race, model))
        }
        for race in GlobalObjectCalls.races(model, contexts: contexts, locks: locks)
        where reported.insert(race.file.path + ":" + String(race.update.range.start)).inserted {
            findings.append(globalObjectFinding(race, model))
        }
        return findings
    }

    /// The first few later writes become notes; the message counts them all.
    private static func fold(_ writes: [ByteRange], into finding: inout Finding, language: SourceLanguage) {
        let shown = 3
        let count = writes.count == 1 ? "1 more write" : "\(writes.count) more writes"
        finding.message = finding.message.replacing(" without a lock;", with: " without a lock (\(count) after the same check);",
                                                    maxReplacements: 1)
        finding.related += writes.prefix(shown).map {
            Finding.Evidence(path: finding.path, range: $0, message: "written again after the same check")
        }
        finding.recommendation.advice = language == .c
            ? "set it up once with pthread_once, or before the threads start"
            : "build it in a local variable and publish it with one assignment, holding one threading.Lock around the check "
                + "and the build (or build it at import time)"
    }

    /// `current = balance`, `await ...`, `balance = current - amount` in tasks that run at once;
    /// in greenlets, a call that waits (`gevent.sleep(0)`) for the `await`.
    private func awaitFinding(_ race: AwaitSpanningUpdates.Race, _ model: ProjectModel) -> Finding {
        let variable = race.object == nil ? GlobalAccessIndex.shortName(of: race.update, in: .python) : race.update.variable
        let named = race.object == nil ? "global `\(variable)`" : "`\(variable)`"
        let path = race.file.path
        let entry = model.displayName(race.entry.id)
        let sharing = race.object.map { " on one object, `\($0)`" } ?? ""
        let (role, runner, runners) = race.waitingCall == nil ? ("coroutine", "task", "tasks") : ("greenlet", "greenlet", "greenlets")
        let subject = race.writer.id == race.entry.id ? "\(role) `\(entry)`"
            : "`\(model.displayName(race.writer.id))`, called in the \(runners) running `\(entry)`,"
        let waiting = "\(race.waitingCall ?? "the `await`") at \(model.place(path, race.await.start, from: path))"
        let what: String
        let outcome: String
        switch race.update.kind {
        case _ where race.actsOnATest:
            what = "tests \(named) at \(model.place(path, race.read.start, from: path)) and acts on the test after \(waiting)"
            outcome = "two \(runners) can both pass the test before either acts"
        case _ where race.read == race.update.range:
            what = "updates \(named) around \(waiting), reading it before it waits"
            outcome = "an update another \(runner) makes while this one waits is lost"
        default:
            what = "reads \(named) at \(model.place(path, race.read.start, from: path)) and writes back what it computed after \(waiting)"
            outcome = "an update another \(runner) makes while this one waits is lost"
        }
        let switching = race.waitingCall == nil ? "at an `await` the loop runs the others" : "where a greenlet waits, the hub runs the others"
        let message = "\(subject) \(what); several \(runners) run `\(entry)` at once\(sharing) (\(race.entry.how)), and \(switching), so " + outcome
        var related = [Finding.Evidence(path: path, range: race.await, message: "other \(runners) run while this waits")]
        if race.read != race.update.range {
            let read = race.actsOnATest ? "tested" : "read"
            related.insert(Finding.Evidence(path: path, range: race.read, message: "`\(variable)` \(read) here"), at: 0)
        }
        let advice = race.waitingCall == nil
            ? "hold one `asyncio.Lock` around the read, the `await` and the write (`async with lock:`), or read the "
                + "value after the `await`: between two `await`s a task runs alone"
            : "hold one `gevent.lock.Semaphore()` (eventlet's `semaphore.Semaphore()`) around the read, the wait and the write, "
                + "or read the value after the wait: between two waits a greenlet runs alone"
        return finding(in: race.file, at: race.update.range, message, advice: advice, related: related + [race.entry.evidence])
    }

    /// `hits += 1` in a Flask view, each request in a server thread.
    private func viewFinding(_ race: ViewGlobalUpdates.Race, _ model: ProjectModel) -> Finding {
        let view = race.view
        let write = race.write
        let viewName = "the \(view.framework) view `\(model.displayName(view.function.id))`"
        var subject = write.writer.id == view.function.id ? viewName : "`\(model.displayName(write.writer.id))`, called by \(viewName),"
        var variable = GlobalAccessIndex.shortName(of: write.update, in: .python)
        var named = "global `\(variable)`"
        var objectEvidence: [Finding.Evidence] = []
        if let (home, call, object) = write.objectCall {
            variable = write.update.variable
            named = "`\(variable)`"
            subject = "`\(model.displayName(write.writer.id))`, called on the global `\(object)` at "
                + "\(model.place(home.path, call.range.start, from: write.file.path)) in a request of \(viewName),"
            objectEvidence = [Finding.Evidence(path: home.path, range: call.range, message: "called on the global `\(object)` here")]
        }
        let outcome = write.update.kind == .checkThenAct
            ? "two requests at once can both find it unset and both set it" : "two requests at once can read the same value and one update is lost"
        let (copied, copiedEvidence) = Self.copiedClause(write.update, variable: variable, in: write.file, model)
        var message = "\(subject) \(verb(write.update.kind)) \(named)\(copied) without a lock; "
            + ViewGlobalUpdates.serving(view.framework) + ", so " + outcome
        if model.settings.isFreeThreaded { message += "; free threading makes the race real on every core" }
        let registered = Finding.Evidence(path: view.file.path, range: view.function.nameRange,
                                          message: "\(view.framework) view: each request runs it in a server thread")
        return finding(in: write.file, at: write.update.range, message,
                       advice: "hold one threading.Lock around every access (`with lock:`); to count or cache across the worker "
                           + "processes of a production server, each of which has its own globals, keep the value in a database or Redis",
                       related: copiedEvidence + objectEvidence + [registered])
    }

    /// `counter.value += 1` in processes that share a `multiprocessing.Value` or a manager's proxy.
    private func sharedObjectFinding(_ race: SharedObjectUpdates.Race, _ model: ProjectModel) -> Finding {
        let made = model.place(race.start.file.path, race.maker.range.start, from: race.home.path)
        let isProxy = race.maker.callee.hasPrefix("multiprocessing.managers.")
        let kind = isProxy ? "a manager's `\(race.maker.callee.split(separator: ".").last ?? "")` proxy" : "a `\(race.maker.callee)`"
        let isRaw = race.maker.callee.hasSuffix(".RawValue") || race.maker.callee.hasSuffix(".RawArray")
        let isBlock = race.maker.callee.hasPrefix("multiprocessing.shared_memory.") || race.maker.callee.contains("SharedMemoryManager")
        let guardedApart = isProxy ? "sends each read and each write to the manager process alone"
            : isRaw || isBlock ? "has no lock at all" : "locks each read and each write alone"
        let target = race.update.kind == .subscriptAugmented ? "an item of `\(race.update.variable)`" : "`\(race.update.variable)`"
        let message = "`\(model.displayName(race.entry.id))` \(verb(race.update.kind)) \(target) without a lock, in several "
            + "child processes at once (\(howMany(race.entry, from: race.home.path, model))); `\(race.passed)` is \(kind) (made at \(made)) "
            + "that \(guardedApart), so two processes can read the same value and one update is lost"
        let advice = isProxy
            ? "hand the processes a `manager.Lock()` and hold it around the update, or have each process return its part and combine them in the parent"
            : isBlock ? "hand the processes a `multiprocessing.Lock()` and hold it around the update, or give each process a part of the block of its own"
            : isRaw ? "make it a `multiprocessing.Value` (or `Array`), which has a lock, and hold `with \(race.passed).get_lock():` around the update"
            : "hold the object's own lock around the update: `with \(race.passed).get_lock():`"
        return finding(in: race.home, at: race.update.range, message, advice: advice,
                       related: [Finding.Evidence(path: race.start.file.path, range: race.maker.range, message: "shared object made here"),
                                 race.start.evidence])
    }

    private static let serverAdvice = "give the server a lock (`self.lock = threading.Lock()` in its `__init__`) and hold it "
        + "around the update (`with self.server.lock:`)"
    private static let objectAdvice = "hold a lock the object owns around the update (`with self.lock:`), or give each thread an object of its own"

    /// `self.value += 1` in a method the threads call on a module's one object.
    private func globalObjectFinding(_ race: GlobalObjectCalls.Race, _ model: ProjectModel) -> Finding {
        let first = race.first
        let subject = model.threadSubject(race.writer, entry: first.entry.id)
        let (copied, copiedEvidence) = Self.copiedClause(race.update, variable: race.update.variable, in: race.file, model)
        func at(_ call: GlobalObjectCalls.Call) -> String {
            "`\(call.call.calleeText)()` at \(model.place(call.file.path, call.call.range.start, from: race.file.path))"
        }
        var message = "\(subject) \(verb(race.update.kind)) `\(race.update.variable)`\(copied) without a lock; "
        if let second = race.second {
            message += "the thread running `\(model.displayName(second.entry.id))` updates it too, through \(at(second)), "
                + "on the same object, the global `\(first.object)`"
        } else {
            message += "several threads run `\(model.displayName(first.entry.id))` at once (\(howMany(first.entry, from: race.file.path, model))), "
                + "each reaching it through \(at(first)) on one object, the global `\(first.object)`"
        }
        if model.settings.isFreeThreaded { message += "; free threading makes the race real on every core" }
        let calls = [first] + (race.second.map { [$0] } ?? [])
        let related = copiedEvidence
            + calls.map { Finding.Evidence(path: $0.file.path, range: $0.call.range, message: "called on the global `\($0.object)` here") }
            + calls.flatMap { $0.entry.starts.map(\.evidence) }
        return finding(in: race.file, at: race.update.range, message, advice: Self.objectAdvice, related: related)
    }

    /// `self.count += 1` in a method several threads run on one object.
    private func instanceFinding(_ race: SharedInstanceUpdates.Race, _ model: ProjectModel) -> Finding {
        let subject = model.threadSubject(race.writer, entry: race.entry.id)
        let method = race.writer == race.entry.id ? "it" : "`\(model.displayName(race.entry.id))`"
        let (copied, copiedEvidence) = Self.copiedClause(race.update, variable: race.update.variable, in: race.file, model)
        let how = howMany(race.entry, from: race.file.path, model)
        var message = "\(subject) \(verb(race.update.kind)) `\(race.update.variable)`\(copied) without a lock; several threads run \(method) "
            + (race.isHandlersServer ? "at once (\(how)), each on a handler of its own but all with one server, `\(race.receiver)`"
                : "at once on one object, `\(race.receiver)` (\(how))")
        if model.settings.isFreeThreaded { message += "; free threading makes the race real on every core" }
        return finding(in: race.file, at: race.update.range, message,
                       advice: race.isHandlersServer ? Self.serverAdvice : Self.objectAdvice,
                       related: copiedEvidence + race.entry.starts.map(\.evidence))
    }

    /// `, read at line 9 into a local,` for an update spread over statements, with the read as evidence.
    private static func copiedClause(_ write: GlobalAccess, variable: String, in file: FileFacts, _ model: ProjectModel)
        -> (clause: String, evidence: [Finding.Evidence]) {
        guard let copiedAt = write.copiedAt else { return ("", []) }
        return (", read at \(model.place(file.path, copiedAt.start, from: file.path)) into a local,",
                [Finding.Evidence(path: file.path, range: copiedAt, message: "`\(variable)` read here")])
    }

    /// The most telling other party: a second writer before a reader, since a second
    /// writer is what loses updates; the main thread before another thread.
    private func conflict(for write: GlobalAccess, in writer: FunctionFacts, of writerFile: FileFacts, entry: ExecutionContexts.Entry,
                          _ model: ProjectModel, _ contexts: ExecutionContexts, _ index: GlobalAccessIndex,
                          _ ordering: inout StartOrdering, handlersOnly: Bool = false) -> Conflict? {
        let mainEnded = ordering.mainThreadJoins.followsTheMainThreadsEnd(write.range.start, in: writer.id, entry: entry)
        var other: (rank: Int, located: GlobalAccessIndex.Located, thread: ExecutionContexts.Entry?)?
        for located in index.accesses[write.variable] ?? [] {
            let file = model.files[located.file]
            let function = file.functions[located.function]
            if handlersOnly, !model.signalHandlers.contains(function.id) { continue }
            let offset = located.access.range.start
            if function.id == writer.id, located.access.range == write.range { continue }
            if located.access.isPerThread { continue }
            // Two members of one struct are two variables to the hardware: no race between them.
            guard located.access.sharesStorage(with: write) else { continue }
            let (mainRank, threadRank) = located.access.isWrite ? (0, 1) : (4, 5)
            if !mainEnded, mainRank < other?.rank ?? Int.max, contexts.runsInMain(file, function, at: offset),
               contexts.sharesAProgram(located.function, of: file, with: entry), !inAnotherProcess(function, than: entry, contexts),
               !ordering.precedes(located, startsOf: entry), !JoinOrdering.follows(located, joinsOf: entry, model) {
                other = (mainRank, located, nil)
            } else if threadRank < other?.rank ?? Int.max,
                      let thread = contexts.threads.first(where: {
                          $0.id != entry.id && !$0.neverRunsBeside(entry) && $0.runs(function.id, of: file, at: offset, guardedBy: located.access.guards)
                              && !Self.isStarted(after: write, by: writer, of: writerFile, $0)
                      }) {
                other = (threadRank, located, thread)
            }
        }
        let found = other.map { (located: $0.located, thread: $0.thread) }
        if handlersOnly { return found.map { Conflict(party: .otherAccess, other: $0, underLock: true) } }
        // The main thread's access is the writer's own code (rpyc's `load`, run by both):
        // the message names the function, not one of its lines.
        if let found, found.thread == nil, model.files[found.located.file].functions[found.located.function].id == writer.id,
           !model.signalHandlers.contains(writer.id) {
            return Conflict(party: .writerInMain, other: nil)
        }
        let otherRank = other?.rank ?? Int.max
        if !mainEnded, otherRank > 2, contexts.mainSide?.contains(writer.id) ?? false, contexts.sharesAProgram(writer.id, with: entry),
           !inAnotherProcess(writer, than: entry, contexts), !rearmsAfterWriting(write, in: writer, of: entry),
           !mainRunsOnlyApart(write, in: writer, from: entry, model, &ordering) {
            return Conflict(party: .writerInMain, other: found)
        }
        if otherRank > 3, entry.runsBesideItself { return Conflict(party: .sameEntry, other: found) }
        return found.map { Conflict(party: .otherAccess, other: $0) }
    }

    /// Every call the main thread makes of the writer comes before the start, or in an arm
    /// the start's `if`/`else` excludes: `if background: Thread(target=serve).start()` /
    /// `else: serve()`.
    private func mainRunsOnlyApart(_ write: GlobalAccess, in writer: FunctionFacts, from entry: ExecutionContexts.Entry,
                                   _ model: ProjectModel, _ ordering: inout StartOrdering) -> Bool {
        guard let reference = model.functionIndex[writer.id] else { return false }
        let located = GlobalAccessIndex.Located(file: reference.file, function: reference.function, access: write)
        return ordering.precedes(located, startsOf: entry)
    }

    /// The writer starts the other thread itself, later in the same pass: collectd's email
    /// listener sets up `conns` and only then starts the collector threads that use it.
    private static func isStarted(after write: GlobalAccess, by writer: FunctionFacts, of file: FileFacts,
                                  _ thread: ExecutionContexts.Entry) -> Bool {
        guard let function = thread.starts.first?.site.function,
              thread.starts.allSatisfy({ $0.file.path == file.path && $0.site.function == function }),
              file.functions[function].id == writer.id else { return false }
        return ExecutionContexts.precedesStart(of: thread, file, function, at: write.range.start)
    }

    /// `def tick(): count += 1; threading.Timer(1.0, tick).start()`, run once by the main
    /// thread: every run makes the update before it starts the next, so no two runs are
    /// ever at the update together, the main thread's included.
    private func rearmsAfterWriting(_ write: GlobalAccess, in writer: FunctionFacts, of entry: ExecutionContexts.Entry) -> Bool {
        guard writer.id == entry.id, !entry.starts.isEmpty,
              !writer.loops.contains(where: { $0.range.contains(write.range.start) }) else { return false }
        return entry.starts.allSatisfy { start in
            start.site.loop == nil && start.file.functions[start.site.function].id == writer.id
                && write.range.end <= start.site.range.start
        }
    }

    /// Main-thread code that only forked children run (uwsgi's `emperor_loop`) shares no
    /// memory with a thread the parent started.
    private func inAnotherProcess(_ function: FunctionFacts, than entry: ExecutionContexts.Entry, _ contexts: ExecutionContexts) -> Bool {
        contexts.runsOnlyInForkChildren(function) && contexts.startsInParent(entry)
    }

    /// `global`, or for a local its closures share through `nonlocal` (`pkg.mod.main.<locals>.count`),
    /// `` `main`'s variable ``.
    private static func kindOfVariable(_ write: GlobalAccess, _ model: ProjectModel) -> String {
        write.closureOwner.map { "`\(model.displayName($0))`'s variable" } ?? "global"
    }

    private func finding(_ write: GlobalAccess, in file: FileFacts, _ writer: FunctionFacts, entry: ExecutionContexts.Entry,
                         conflict: Conflict, path: [Finding.Evidence], _ model: ProjectModel) -> Finding {
        let variable = GlobalAccessIndex.shortName(of: write, in: file.language)
        let subject = model.threadSubject(writer.id, entry: entry.id)
        let (copied, copiedEvidence) = Self.copiedClause(write, variable: variable, in: file, model)
        let lock = conflict.underLock ? " under a lock, which a signal handler does not wait for" : " without a lock"
        var message = "\(subject) \(verb(write.kind)) \(Self.kindOfVariable(write, model)) `\(variable)`\(copied)\(lock); "
        var related = copiedEvidence
        var otherClause: String?
        var inHandler = model.signalHandlers.contains(writer.id)
        if let (located, otherThread) = conflict.other {
            let otherFile = model.files[located.file]
            let otherFunction = otherFile.functions[located.function]
            let place = model.place(otherFile.path, located.access.range.start, from: file.path)
            let who = otherFunction.kind == .module ? "module-level code" : "`\(model.displayName(otherFunction.id))`"
            let (how, done) = located.access.isWrite ? ("writes", "written") : ("reads", "read")
            let otherInHandler = model.signalHandlers.contains(otherFunction.id)
            inHandler = inHandler || otherInHandler
            let runner = otherInHandler ? "a signal handler"
                : otherThread.map { "the thread running `\(model.displayName($0.id))`" } ?? "the main thread"
            otherClause = "\(who) also \(how) it at \(place), in \(runner)"
            related.append(Finding.Evidence(path: otherFile.path, range: located.access.range,
                                            message: "also \(done) in \(otherInHandler ? "a signal handler" : otherThread == nil ? "the main thread" : "another thread")"))
        }
        switch conflict.party {
        case .otherAccess:
            message += otherClause ?? ""
        case .writerInMain:
            message += "the main thread runs `\(model.displayName(writer.id))` too" + (otherClause.map { ", and " + $0 } ?? "")
        case .sameEntry:
            message += "several threads run `\(model.displayName(entry.id))` at once (\(howMany(entry, from: file.path, model)))"
                + (otherClause.map { ", and " + $0 } ?? "")
        }
        if model.settings.isFreeThreaded, file.language == .python { message += "; free threading makes the race real on every core" }
        related += path + entry.starts.map(\.evidence)
        // Only C facts name signal handlers.
        let advice = inHandler
            ? "make it a `volatile sig_atomic_t` (or a lock-free `_Atomic` type) that the handler only sets; a mutex taken "
                + "in a signal handler deadlocks when the signal interrupts the thread holding it"
            : file.language == .c
            ? "guard every access with one pthread_mutex_t, or declare it _Atomic and update it with atomic_fetch_add"
            : "hold one threading.Lock around every access (`with lock:`), or send the updates to one owner through a queue.Queue"
        return finding(in: file, at: write.range, message, advice: advice, related: related)
    }

    private func verb(_ kind: GlobalAccess.Kind) -> String {
        switch kind {
        case .checkThenAct: "checks and then sets"
        case .rebind: "writes"
        case let .writeThroughPointer(callee): "writes through `\(callee)` to"
        case .subscriptStore, .mutatingMethod, .read: "writes"
        case .augmented, .readModifyWrite, .subscriptAugmented: "updates"
        }
    }

    /// `started in a loop at line 18`, `started at line 18 and line 19`, `started 2 times at line 25`,
    /// `submitted to a pool at line 9`, `one per request, by the server created at line 30`.
    private func howMany(_ entry: ExecutionContexts.Entry, from origin: String, _ model: ProjectModel) -> String {
        let places = entry.starts.map { model.place($0.file.path, $0.site.range.start, from: origin) }
        let distinct = places.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        if entry.starts.count > 1 {
            return distinct.count == 1 ? "started \(places.count) times at \(distinct[0])" : "started at " + distinct.joined(separator: " and ")
        }
        guard let start = entry.starts.first else { return "" }
        if start.site.startsPerRequest { return "one per request, by the server created at \(places[0])" }
        if start.site.kind == .threadPool { return "submitted to a pool at \(places[0])" }
        return "started in a loop at \(places[0])"
    }
}
