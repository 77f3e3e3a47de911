import ConchKit

/// Code reachable from a thread calls a function that is not thread-safe, or that
/// changes state of the whole process, or that only works in the main thread.
struct MTUnsafeCallInThread: Rule {
    let metadata = RuleCatalog.CON206

    func check(_ model: ProjectModel) -> [Finding] {
        let contexts = model.executionContexts
        var reported: Set<String> = []
        var findings: [Finding] = []
        var threadCalls: [FunctionID: Set<String>] = [:]
        let serialized = statesSerializedByOneLock(model)
        for (entry, file, function) in contexts.threadReach(model) {
            // A call on the way to ending the process (`fprintf(stderr, "%s", strerror(errno)); _exit(1);`) races with nothing that matters.
            for call in function.calls where !call.leadsToExit && entry.runs(function.id, at: call.range.start, guardedBy: call.guards)
                && !file.runsOnlyInMainThread(at: call.range.start) {
                guard let unsafe = model.threadUnsafeEntry(for: call, in: file),
                      !serialized.contains(unsafe.hiddenState ?? ""),
                      !handles(unsafe.raises, around: call, in: function, of: file),
                      unsafe.safeInThreadsCalling.isEmpty || !unsafe.safeInThreadsCalling.contains(where: { made in
                          callees(of: entry, model, cache: &threadCalls).contains(made)
                      }),
                      unsafe.sharedArgument.map({ isShared(call.argument(at: $0), in: function) }) ?? true else { continue }
                let key = file.path + ":" + String(call.range.start)
                guard reported.insert(key).inserted else { continue }
                findings.append(finding(call, unsafe, in: file, function, entry: entry, model))
            }
        }
        return findings
    }

    /// Hidden states that every call of their family reaches holding one same lock
    /// (collectd's `strerror` under `strerror_r_lock`): the calls take turns, and each
    /// copies the result out before the next one overwrites it.
    private func statesSerializedByOneLock(_ model: ProjectModel) -> Set<String> {
        var commonLocks: [String: Set<String>] = [:]
        for file in model.files where file.language == .c {
            for function in file.functions {
                for call in function.calls {
                    guard let state = model.threadUnsafeEntry(for: call, in: file)?.hiddenState else { continue }
                    commonLocks[state, default: Set(call.locksHeld)].formIntersection(call.locksHeld)
                }
            }
        }
        return Set(commonLocks.filter { !$0.value.isEmpty }.keys)
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

    private func finding(_ call: CallFacts, _ unsafe: MTUnsafeCalls.Entry, in file: FileFacts, _ caller: FunctionFacts,
                         entry: ExecutionContexts.Entry, _ model: ProjectModel) -> Finding {
        let subject = model.threadSubject(caller.id, entry: entry.id)
        let message = "\(subject) calls \(call.quotedName), \(unsafe.hazard)"
        return finding(in: file, at: call.range, message, advice: unsafe.advice, related: entry.starts.map(\.evidence))
    }
}
