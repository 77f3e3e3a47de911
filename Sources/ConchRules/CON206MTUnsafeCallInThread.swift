import ConchKit

/// Code reachable from a thread calls a function that is not thread-safe, or that
/// changes state of the whole process, or that only works in the main thread.
struct MTUnsafeCallInThread: Rule {
    let metadata = RuleCatalog.CON206

    /// `libc = "glibc"`: the C library the program runs on, whose own guarantees count.
    var optionNames: [String] { ["libc"] }

    private static let libraries = ["posix", "glibc"]

    func problem(withOption key: String, value: OptionValue) -> String? {
        if case let .string(name) = value, Self.libraries.contains(name) { return nil }
        return "must be one of " + Self.libraries.map { "\"\($0)\"" }.joined(separator: ", ")
    }

    func check(_ model: ProjectModel) -> [Finding] {
        let contexts = model.executionContexts
        let onGlibc = model.settings.stringOption(metadata.code, "libc") == "glibc"
        var threadCalls: [FunctionID: Set<String>] = [:]
        var candidates: [Candidate] = []
        // A test that runs `signal.signal` in a thread to see it raise expects just that.
        for (entry, file, function) in contexts.threadReach(model) where !entry.isExpectedToFail {
            // A call on the way to ending the process (`fprintf(stderr, "%s", strerror(errno)); _exit(1);`) races with nothing that matters.
            for call in function.calls where !call.leadsToExit && entry.runs(function.id, of: file, at: call.range.start, guardedBy: call.guards)
                && !file.runsOnlyInMainThread(at: call.range.start) {
                guard let (call, unsafe) = threadUnsafe(call, entry: entry, function: function, file: file, model),
                      !(onGlibc && unsafe.safeInGlibc),
                      !handles(unsafe.raises, around: call, in: function, of: file),
                      unsafe.safeInThreadsCalling.isEmpty || !unsafe.safeInThreadsCalling.contains(where: { made in
                          callees(of: entry, model, cache: &threadCalls).contains(made)
                      }),
                      unsafe.sharedArgument.map({ isShared(call.argument(at: $0), in: function) }) ?? true else { continue }
                candidates.append(Candidate(call: call, unsafe: unsafe, file: file, function: function, entry: entry))
            }
        }
        var reported: Set<String> = []
        var findings: [Finding] = []
        let programs = Dictionary(candidates.map { ($0.entry.id, contexts.startingPrograms($0.entry)) }, uniquingKeysWith: { first, _ in first })
        for candidate in candidates where !isSerializedByOneLock(candidate, among: candidates, programs: programs) {
            guard reported.insert(candidate.file.path + ":" + String(candidate.call.range.start)).inserted else { continue }
            findings.append(finding(candidate, model))
        }
        for use in ViewUnsafeCalls.uses(model, handled: handles)
        where reported.insert(use.site.file.path + ":" + String(use.site.call.range.start)).inserted {
            findings.append(finding(use, model))
        }
        return findings
    }

    /// The call's entry in the catalogs, or that of the same call made on the class of
    /// the object every start of the thread hands the receiver (`label.config` in
    /// `def refresh(label)`, started with a `tk.Label`), with the call as judged.
    private func threadUnsafe(_ call: CallFacts, entry: ExecutionContexts.Entry, function: FunctionFacts, file: FileFacts,
                              _ model: ProjectModel) -> (CallFacts, MTUnsafeCalls.Entry)? {
        if let unsafe = model.threadUnsafeEntry(for: call, in: file) { return (call, unsafe) }
        if SQLiteThreads.usesTheModulesConnection(call, in: function, of: file) { return (call, SQLiteThreads.entry) }
        guard let typed = entry.callOnStartedArgument(call, in: function),
              let unsafe = model.threadUnsafeEntry(for: typed, in: file) else { return nil }
        return (typed, unsafe)
    }

    private struct Candidate {
        let call: CallFacts
        let unsafe: MTUnsafeCalls.Entry
        let file: FileFacts
        let function: FunctionFacts
        let entry: ExecutionContexts.Entry
    }

    /// Hidden state that the threads of the call's program reach only holding one same lock
    /// (collectd's `strerror` under `strerror_r_lock`): the calls take turns, and each copies
    /// the result out before the next one overwrites it. Another program of the tree, with
    /// its own copy of the state, does not count.
    private func isSerializedByOneLock(_ candidate: Candidate, among candidates: [Candidate], programs: [FunctionID: Set<Int>]) -> Bool {
        guard let state = candidate.unsafe.hiddenState else { return false }
        let own = programs[candidate.entry.id] ?? []
        var common = Set(candidate.call.locksHeld)
        for other in candidates where !common.isEmpty && other.unsafe.hiddenState == state {
            let theirs = programs[other.entry.id] ?? []
            // Unattributed starts, or a tree of one program, share the state with every thread.
            if own.isEmpty || theirs.isEmpty || !own.isDisjoint(with: theirs) { common.formIntersection(other.call.locksHeld) }
        }
        return !common.isEmpty
    }

    /// Every resolved callee of the functions the thread runs, gathered once per thread.
    private func callees(of entry: ExecutionContexts.Entry, _ model: ProjectModel, cache: inout [FunctionID: Set<String>]) -> Set<String> {
        if let known = cache[entry.id] { return known }
        var found: Set<String> = []
        for id in entry.reached.ids {
            guard let (_, function) = model.function(id) else { continue }
            for call in function.calls where call.isResolved { found.insert(call.callee) }
        }
        cache[entry.id] = found
        return found
    }

    /// `try: signal.signal(...) except ValueError:` probes for the main thread on purpose.
    private func handles(_ raised: String?, around call: CallFacts, in function: FunctionFacts, of file: FileFacts) -> Bool {
        guard let raised else { return false }
        return file.exceptionsHandled(at: call.range.start, in: function).contains(raised)
    }

    /// Whether the argument reaches the object through a global (`readdir(shared_dir)`,
    /// `readdir(pool.dir)`), not through a local or a parameter a thread has to itself.
    private func isShared(_ argument: Argument?, in function: FunctionFacts) -> Bool {
        guard let argument else { return false }
        return function.globalAccesses.contains { argument.range.contains($0.range.start) }
    }

    /// `conn.execute(...)` on the module's `sqlite3` connection, or `os.chdir(...)`, in a Flask view.
    private func finding(_ use: ViewUnsafeCalls.Use, _ model: ProjectModel) -> Finding {
        let site = use.site
        let view = "the \(use.view.framework) view `\(model.displayName(use.view.function.id))`"
        let subject = site.function.id == use.view.function.id ? view : "`\(model.displayName(site.function.id))`, called by \(view),"
        let verb = site.call.callee.hasSuffix(".__setitem__") ? "sets" : "calls"
        return finding(
            in: site.file, at: site.call.range,
            "\(subject) \(verb) \(site.call.quotedName), \(site.unsafe.hazard); the server runs each request in a thread of its own",
            advice: site.usesTheModulesConnection
                ? "open a connection per request (Flask's `g`, closed in a `teardown_appcontext` handler; Django's own database "
                    + "connections), or open it with `check_same_thread=False` and hold one lock around every use"
                : site.unsafe.advice)
    }

    private func finding(_ candidate: Candidate, _ model: ProjectModel) -> Finding {
        let subject = model.threadSubject(candidate.function.id, entry: candidate.entry.id)
        // A store (`self.label["text"] = ...`, `os.environ["TZ"] = ...`, a Kivy `label.text = ...`)
        // is a call of `__setitem__` or `__setattr__`, written as the store.
        let call = candidate.call
        let verb = call.callee.hasSuffix(".__setitem__") || call.callee.hasSuffix(".__setattr__") ? "sets" : "calls"
        let message = "\(subject) \(verb) \(call.quotedName), \(candidate.unsafe.hazard)"
        return finding(in: candidate.file, at: candidate.call.range, message, advice: candidate.unsafe.advice,
                       related: model.callPathEvidence(candidate.entry.callPath(to: candidate.function.id, model) ?? [], to: candidate.function.id)
                           + candidate.entry.starts.map(\.evidence))
    }
}
