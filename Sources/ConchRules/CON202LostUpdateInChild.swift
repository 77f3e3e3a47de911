import ConchKit

/// Code running in a child process writes module-level state that the parent reads:
/// the write lands in the child's copy of the module and is lost.
struct LostUpdateInChild: Rule {
    let metadata = RuleCatalog.CON202

    func check(_ model: ProjectModel) -> [Finding] {
        let contexts = model.executionContexts
        guard !contexts.children.isEmpty else { return [] }
        let index = model.globalAccessIndex
        var ordering = StartOrdering(model: model, entries: contexts.children)
        var reported: Set<String> = []
        var findings: [Finding] = []
        for entry in contexts.children where !isDaemonizing(entry) {
            var functions: [(file: FileFacts, function: FunctionFacts)] = entry.reached.ids.compactMap { id in
                model.functionIndex[id].map { (model.files[$0.file], model.files[$0.file].functions[$0.function]) }
            }
            if let forking = entry.branchFunction { functions.append(forking) }
            for (file, function) in functions {
                for write in function.globalAccesses where write.isWrite && write.closureOwner.map(entry.sharesVariables) ?? true
                    && entry.runs(function.id, of: file, at: write.range.start, guardedBy: write.guards) {
                    let key = file.path + ":" + String(write.range.start)
                    guard !reported.contains(key), !isSharedOnPurpose(write.variable, index),
                          !setsUpEachProcess(write, in: file, function, contexts),
                          let read = parentRead(of: write, entry: entry, model, contexts, index, &ordering) else { continue }
                    reported.insert(key)
                    findings.append(finding(write, in: file, function, entry: entry, read: read, model))
                }
            }
        }
        findings += ReimportedObjects.uses(model, children: contexts.children).map { finding($0, model) }
        for found in ThreadOnlyObjects.uses(model, contexts: contexts, index: index)
        where reported.insert(found.site.file.path + ":" + String(found.site.access.range.start)).inserted {
            findings.append(finding(found, model))
        }
        for update in ChildArgumentUpdates.find(model) where reported.insert(update.home.path + ":" + String(update.range.start)).inserted {
            findings.append(finding(update, model))
        }
        for entry in contexts.children where entry.branch == nil && entry.starts.contains(where: \.site.startsPerRequest) {
            guard let (file, methods) = entry.ownClassMethods(model) else { continue }
            for method in methods {
                for update in file.sharedOwnerUpdates(of: method) where reported.insert(file.path + ":" + String(update.access.range.start)).inserted {
                    findings.append(serverFinding(update.access, in: file, method, entry: entry, model))
                }
            }
        }
        for update in StartedProcessUpdates.find(model, children: contexts.children)
        where reported.insert(update.home.path + ":" + String(update.range.start)).inserted {
            findings.append(finding(update, model))
        }
        return findings
    }

    /// `self.total += i` in a `Process` subclass's `run`, read as `c.total` by the parent that started `c`.
    private func finding(_ update: StartedProcessUpdates.Update, _ model: ProjectModel) -> Finding {
        let child = update.writer == update.entry.id
            ? "`\(model.displayName(update.writer))` runs in a child process and"
            : "`\(model.displayName(update.writer))`, called in the child process running `\(model.displayName(update.entry.id))`,"
        let read = update.read
        let place = model.place(update.start.file.path, read.range.start, from: update.home.path)
        return finding(
            in: update.home, at: update.range,
            "\(child) \(update.what) in its copy of the object; the parent reads `\(read.object).\(read.attribute)` at \(place) "
                + "from its own copy, which never sees the change",
            advice: "send the result back through a multiprocessing.Queue or Pipe that the parent reads before join(), "
                + "or keep it in a multiprocessing.Value or Array made in __init__; a Pool task can return it instead",
            related: [Finding.Evidence(path: update.start.file.path, range: read.range, message: "the parent reads `\(read.object).\(read.attribute)` here"),
                      update.start.evidence])
    }

    /// `with lock:` in a `Process`'s target, on the module's `multiprocessing.Lock`.
    private func finding(_ use: ReimportedObjects.Use, _ model: ProjectModel) -> Finding {
        let global = use.global
        let kind = global.typeName?.split(separator: ".").last.map(String.init) ?? ""
        let made = model.place(use.file.path, global.range.start, from: use.file.path)
        let what = global.typeName.flatMap { $0.hasPrefix("multiprocessing") ? "the `\($0)` made at \(made)" : nil }
            ?? "set in the `__main__` block at \(made)"
        // The global is the child's file's own: the access names it bare.
        let inMainBlock = use.file.mainGuards.contains { $0.contains(global.range.start) }
        let consequence: String = switch kind {
        case "Lock", "RLock", "Semaphore", "BoundedSemaphore", "Condition":
            "the processes never wait for one another"
        case "Event", "Barrier":
            "what one process does with it wakes no other"
        case "Queue", "JoinableQueue", "SimpleQueue":
            "what a child puts there never reaches the parent, nor the parent's items the child"
        default:
            "the parent never sees what a child writes there, and a child reads only its own new copy"
        }
        let why = "a child started by spawn or forkserver (the default on macOS and Windows, and on Linux from Python 3.14) " + (inMainBlock
            ? "imports the module without running its `__main__` block, so `\(global.name)` does not exist there (NameError)"
            : "runs the module again and makes a new `\(global.name)` of its own, so \(consequence)")
        let child = use.function.id == use.entry.id
            ? "`\(model.displayName(use.entry.id))` runs in a child process and"
            : "`\(model.displayName(use.function.id))`, called in the child process running `\(model.displayName(use.entry.id))`,"
        return finding(
            in: use.file, at: use.access.range,
            "\(child) uses global `\(global.name)`, \(what); \(why)",
            advice: (inMainBlock ? "hand it to the child: " : "make it under `if __name__ == \"__main__\":` and hand it to the child: ")
                + "`Process(target=f, args=(\(global.name),))`, or a pool's `initializer=` and `initargs=(\(global.name),)`",
            related: [Finding.Evidence(path: use.file.path, range: global.range, message: what.hasPrefix("set") ? "set here" : "made here")]
                + use.entry.starts.prefix(1).map(\.evidence))
    }

    /// `self.server.count += 1` in the handler of a forking server: each request's child
    /// updates its own copy of the server, and the next child starts again from the parent's.
    private func serverFinding(_ update: GlobalAccess, in file: FileFacts, _ writer: FunctionFacts, entry: ExecutionContexts.Entry,
                               _ model: ProjectModel) -> Finding {
        let subject = writer.id == entry.id ? "`\(model.displayName(entry.id))` runs"
            : "`\(model.displayName(writer.id))`, called from `\(model.displayName(entry.id))`, runs"
        return finding(
            in: file, at: update.range,
            "\(subject) in the child the forking server starts for each request, and updates `\(update.variable)` in that "
                + "child's copy of the server; the next request's child starts again from the server process's copy, which never changes",
            advice: "keep the state in one process: serve with the threading variant (`ThreadingTCPServer`) and a lock, "
                + "or hold it in a `multiprocessing.Value` made before `serve_forever()`",
            related: entry.starts.prefix(1).map(\.evidence))
    }

    /// `results.put(x)` in a `Process`'s target, on the module's `queue.Queue`.
    private func finding(_ found: ThreadOnlyObjects.Use, _ model: ProjectModel) -> Finding {
        let use = found.site
        let name = use.global.name
        let type = use.global.typeName ?? ""
        let made = model.place(use.file.path, use.global.range.start, from: use.file.path)
        let counterpart = found.counterpart.map { located -> (what: String, place: String, range: ByteRange, path: String) in
            let file = model.files[located.file]
            let function = file.functions[located.function]
            let who = function.kind == .module ? "module-level code" : "`\(model.displayName(function.id))`"
            let text = ThreadOnlyObjects.method(at: located.access, in: function).map { "\(name).\($0)()" } ?? name
            return ("\(who)'s `\(text)`", model.place(file.path, located.access.range.start, from: use.file.path), located.access.range, file.path)
        }
        let side = ChildSide(use.entry)
        let child = use.function.id == use.entry.id
            ? "`\(model.displayName(use.entry.id))` runs in \(found.role == .locks && found.counterpart == nil ? side.several : use.entry.process) and"
            : "`\(model.displayName(use.function.id))`, called in the \(use.entry.processName) running `\(model.displayName(use.entry.id))`,"
        let verb: String
        let consequence: String
        switch (found.role, ThreadOnlyObjects.kind(of: use.global)) {
        case (.sends, .queue?):
            verb = "puts into"
            consequence = "\(side.doer) puts into its own copy, so \(counterpart.map { "\($0.what) at \($0.place)" } ?? side.parent) never sees it"
        case (.sends, _):
            verb = "sets"
            consequence = "\(side.doer) sets its own copy, so \(counterpart.map { "\($0.what) at \($0.place)" } ?? side.parent) never sees it set"
        case (.waits, _):
            verb = "waits on"
            let setter = counterpart.map { "\($0.what) at \($0.place)" } ?? side.parent + "'s `set()`"
            consequence = "\(side.doer) waits on its own copy, so \(setter) never reaches it"
        case (.locks, .barrier?):
            verb = "waits at"
            consequence = "\(side.each) waits at its own copy, so the parties never meet"
        case (.locks, _):
            verb = "takes"
            consequence = counterpart.map { "\(side.doer) takes its own copy, so it never waits for \($0.what) at \($0.place)" }
                ?? "\(side.each) takes its own copy, so \(side.all) never wait for one another"
        }
        let replacement = ThreadOnlyObjects.processEquivalent(of: type)
        return finding(
            in: use.file, at: use.access.range,
            "\(child) \(verb) global `\(name)`, a `\(type)` made at \(made), \(side.belongs): \(consequence)",
            advice: use.entry.runsInInterpreters
                ? "interpreters share no locks, events or queues: let the task return what it computes and combine the results "
                    + "where it was submitted, or keep a ThreadPoolExecutor if the tasks must share `\(name)`"
                : "make a `\(replacement)()` under `if __name__ == \"__main__\":` and hand it to the child: "
                    + "`Process(target=f, args=(\(name),))`, or a pool's `initializer=` and `initargs=(\(name),)`"
                    + (found.role == .sends && type.hasPrefix("queue.") ? "; a pool task can return its result instead" : ""),
            related: [Finding.Evidence(path: use.file.path, range: use.global.range, message: "made here")]
                + (counterpart.map { [Finding.Evidence(path: $0.path, range: $0.range, message: "\(side.parent) uses its own copy here")] } ?? [])
                + use.entry.starts.prefix(1).map(\.evidence))
    }

    /// How a message names the side that works on its own copy: child processes, or the
    /// worker interpreters of an `InterpreterPoolExecutor`.
    private struct ChildSide {
        let several, doer, each, all, parent, belongs: String

        init(_ entry: ExecutionContexts.Entry) {
            if entry.runsInInterpreters {
                (several, doer) = ("several worker interpreters at once", "the task")
                (each, all, parent) = ("each interpreter", "the workers", "the submitting code")
                belongs = "which belongs to one interpreter (each worker interpreter imports the module and makes its own)"
            } else {
                (several, doer) = ("several child processes at once", "the child")
                (each, all, parent) = ("each process", "the processes", "the parent")
                belongs = "which belongs to one process (fork copies it, spawn makes a new one)"
            }
        }
    }

    /// `results.append(x)` in a `Process`'s target, on the copy of the parent's `results` it was handed.
    private func finding(_ update: ChildArgumentUpdates.Update, _ model: ProjectModel) -> Finding {
        let start = model.place(update.file.path, update.site.range.start, from: update.home.path)
        return finding(
            in: update.home, at: update.range,
            "`\(model.displayName(update.entry))` runs in a child process and \(update.what), a copy of the `\(update.passed)` "
                + "the parent passes at \(start); the parent's `\(update.passed)` never sees the change",
            advice: "send the result back through a multiprocessing.Queue, or return it from a pool task "
                + "(Pool.map, ProcessPoolExecutor.map); a `multiprocessing.Manager()`'s list or dict is shared if the object must be",
            related: [Finding.Evidence(path: update.file.path, range: update.site.range,
                                       message: "\(update.site.kind == .processPool ? "task submitted" : "process started") here, with `\(update.passed)`")])
    }

    /// A C fork whose parent ends the process in its branch (`if (pid > 0) exit(status);`):
    /// the child goes on as the daemon, and the parent never uses what the child sets.
    private func isDaemonizing(_ entry: ExecutionContexts.Entry) -> Bool {
        !entry.starts.isEmpty && entry.starts.allSatisfy(\.site.detaches)
    }

    /// A global the parent sets by the same code (`_provider = build()`, `if _cache is None:
    /// _cache = load()`, sendmail's `ExitStat = EX_TEMPFAIL` in `deliver()`): each process
    /// sets up its own, and the parent reads what it set. Filling the object the function
    /// has just bound (`_opts = dict(opts)` then `_opts.setdefault(...)`) is part of that set-up.
    /// An update (`+=`, `append`) of what was there is still lost, and so is a write in a
    /// fork's child branch, which the parent never runs.
    private func setsUpEachProcess(_ write: GlobalAccess, in file: FileFacts, _ function: FunctionFacts,
                                   _ contexts: ExecutionContexts) -> Bool {
        guard function.kind != .module else { return false }
        switch write.kind {
        case .rebind, .checkThenAct:
            return contexts.runsInMain(file, function, at: write.range.start)
        case .mutatingMethod, .subscriptStore:
            let fillsWhatItBound = function.globalAccesses.contains { earlier in
                earlier.kind == .rebind && earlier.variable == write.variable && earlier.field == nil
                    && earlier.range.end <= write.range.start
            }
            return fillsWhatItBound && contexts.runsInMain(file, function, at: write.range.start)
        default:
            return false
        }
    }

    /// `multiprocessing.Value`, `Array`, queues, `Manager()` proxies and `shared_memory`
    /// objects cross the process boundary by design.
    private func isSharedOnPurpose(_ variable: String, _ index: GlobalAccessIndex) -> Bool {
        guard let declaration = index.declarations[variable] else { return false }
        if declaration.storage == .synchronized || declaration.storage == .atomic || declaration.storage == .threadLocal { return true }
        return declaration.typeName?.hasPrefix("multiprocessing.") ?? false
    }

    /// A read of the same variable by the parent, after the child has started.
    private func parentRead(of write: GlobalAccess, entry: ExecutionContexts.Entry, _ model: ProjectModel,
                            _ contexts: ExecutionContexts, _ index: GlobalAccessIndex,
                            _ ordering: inout StartOrdering) -> GlobalAccessIndex.Located? {
        (index.accesses[write.variable] ?? []).first { other in
            let file = model.files[other.file]
            let function = file.functions[other.function]
            let offset = other.access.range.start
            // After fork(), a child often sets up state of its own (a connection, a flag);
            // a lost result shows when the forking function reads it back, as it collects:
            // after the fork, and only reading (the parent's own `num_child++`, or a read at
            // the top of its accept loop, uses its own copy).
            let collects = entry.branch.map { _ in
                entry.forks(in: function.id, of: file) && other.access.kind == .read
                    && entry.starts.contains { start in
                        start.file.path == file.path && start.site.range.end <= offset
                            && !goesOnWithoutWaiting(start.site, reading: offset, in: function)
                    }
            } ?? true
            let sameStorage = write.sharesStorage(with: other.access)
            return other.access.kind.reads && other.access.range != write.range && collects && sameStorage
                && !Self.picklingHooks.contains(function.name)
                && contexts.runsInMain(file, function, at: offset) && !entry.runs(function.id, of: file, at: offset, guardedBy: other.access.guards)
                && !ordering.precedes(other, startsOf: entry)
        }
    }

    /// Methods pickle calls to send an object to a child (salt's `SMaster.__getstate__`
    /// packing the keys for a spawned process): they read what the child will get,
    /// never what a child set.
    private static let picklingHooks: Set<String> = ["__getstate__", "__reduce__", "__reduce_ex__"]

    /// keepalived's `else if (pid) { thread_add_child(master, ...); return 0; }`: the parent's
    /// arm of the fork's test reads its own copy and goes on beside the child; it would
    /// collect what the child set only after waiting for it to end (`waitpid`).
    private func goesOnWithoutWaiting(_ fork: SpawnSite, reading offset: Int, in function: FunctionFacts) -> Bool {
        guard let arm = fork.parentArm, arm.contains(offset) else { return false }
        return !function.calls.contains { call in
            ChildReaping.calls.contains(call.callee) && call.range.start >= arm.start && call.range.start < offset
        }
    }

    private func finding(_ write: GlobalAccess, in file: FileFacts, _ writer: FunctionFacts, entry: ExecutionContexts.Entry,
                         read: GlobalAccessIndex.Located, _ model: ProjectModel) -> Finding {
        let variable = GlobalAccessIndex.shortName(of: write, in: file.language)
        let child: String
        if let branch = entry.branch {
            let forked = "the child forked at " + (entry.starts.first.map { model.place($0.file.path, $0.site.range.start, from: file.path) } ?? "")
            child = writer.id == branch.function ? forked : "`\(model.displayName(writer.id))`, called in \(forked),"
        } else if writer.id == entry.id {
            child = "`\(model.displayName(entry.id))` runs in \(entry.process) and"
        } else {
            child = "`\(model.displayName(writer.id))`, called in the \(entry.processName) running `\(model.displayName(entry.id))`,"
        }
        let readFile = model.files[read.file]
        let readFunction = readFile.functions[read.function]
        let reader = readFunction.kind == .module ? "module-level code" : "`\(model.displayName(readFunction.id))`"
        let place = model.place(readFile.path, read.access.range.start, from: file.path)
        let parent = entry.worker != nil ? "the application" : entry.runsInInterpreters ? "the main interpreter" : "the parent"
        let message = "\(child) \(verb(write.kind)) global `\(variable)` in its own copy; \(reader) reads \(parent)'s copy at \(place), which never sees the change"
        var related = [Finding.Evidence(path: readFile.path, range: read.access.range, message: "\(parent) reads `\(variable)` here")]
        related.append(contentsOf: entry.starts.map(\.evidence))
        let advice = switch (file.language, entry.branch != nil) {
        case (.python, false) where entry.runsInInterpreters:
            "return the result from the task (`InterpreterPoolExecutor.map` hands it back); interpreters share no module state, "
                + "so use a thread if the state must be shared"
        case (.python, false) where entry.worker != nil:
            "keep what the application must see where both processes reach it: the task's return value "
                + "(`AsyncResult.get()`), a database or a cache such as Redis"
        case (.python, false) where entry.starts.contains(where: \.site.startsPerRequest):
            "keep the state in one process: serve with the threading variant (`ThreadingTCPServer`) and a lock, "
                + "or hold it in a `multiprocessing.Value` the children update"
        case (.c, _):
            "send the result to the parent through a pipe() it reads after waitpid(), or use a thread if the state must be shared"
        case (_, true):
            "send the result to the parent through os.pipe() and read it before os.waitpid(), or run the work in a "
                + "multiprocessing.Pool, whose map returns it; use a thread if the state must be shared"
        default:
            "return the result from the task (Pool.map, ProcessPoolExecutor.map) or send it through a multiprocessing.Queue; use a thread if the state must be shared"
        }
        return finding(in: file, at: write.range, message, advice: advice, related: related)
    }

    private func verb(_ kind: GlobalAccess.Kind) -> String {
        switch kind {
        case .rebind: "sets"
        case let .mutatingMethod(method): "calls `.\(method)()` on"
        case .subscriptStore: "stores into"
        case .checkThenAct: "checks and then sets"
        case let .writeThroughPointer(callee): "writes through `\(callee)` to"
        case .augmented, .readModifyWrite, .subscriptAugmented, .read: "updates"
        }
    }
}
