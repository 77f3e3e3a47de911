import ConchKit

/// A blocking call made directly in a coroutine or an event-loop callback.
struct BlockingCallInEventLoop: Rule {
    let metadata = RuleCatalog.CON402

    func check(_ model: ProjectModel) -> [Finding] {
        let loops = model.eventLoopIndex
        var findings: [Finding] = []
        for (file, function, role) in loops.functionsOnTheLoop {
            // An awaited call hands control back to the loop, whatever its name.
            for call in function.calls where !call.isAwaited {
                guard let entry = BlockingCalls.entry(for: call, in: file.language) else { continue }
                if case let .callback(framework) = role, entry.readsDescriptor,
                   BlockingCalls.readyDescriptorLoops.contains(framework) || loops.firesOnReadyDescriptor(function.id) { continue }
                let run = loops.runs(reaching: file).first
                let (recommended, advice) = recommendation(for: call, entry: entry, role: role, file: file, run: run?.marker)
                findings.append(finding(
                    in: file, at: call.range,
                    "\(call.quotedName) blocks \(role.loopName(run: run?.marker)) in \(role.describe(model.displayName(function.id))); "
                        + "no other task or callback runs until it returns",
                    advice: advice, model: recommended,
                    related: run.map { [model.loopStart($0)] } ?? []))
            }
        }
        return findings
    }

    /// The table's replacement speaks asyncio (or C loops); Trio and AnyIO coroutines
    /// have their own sleep and thread hand-off, and a GUI or reactor callback waits
    /// with its framework's timer or hands the blocking work to a thread.
    private func recommendation(for call: CallFacts, entry: BlockingCalls.Entry, role: LoopRole, file: FileFacts,
                                run: EventLoopMarker?) -> (ConcurrencyModel?, String) {
        guard file.language == .python else { return (nil, entry.replacement) }
        let isSleep = SleepCalls.python.contains(call.callee)
        switch role {
        case .coroutine:
            for library in ["trio", "anyio"] where run?.framework.rawValue == library || imports(library, file) {
                return (nil, isSleep ? "use `await \(library).sleep(...)`"
                    : "move it off the loop with `await \(library).to_thread.run_sync(func, *args)`")
            }
            return (nil, entry.replacement)
        case .callback(.asyncio):
            return (nil, entry.replacement)
        case let .callback(framework):
            if isSleep { return (.frameworkScheduler, FrameworkSchedulers.scheduler(for: framework, in: file.language)) }
            return (.thread, "run it on a worker thread (`concurrent.futures.ThreadPoolExecutor`) and hand the result back to the "
                + "\(FrameworkSchedulers.displayName(framework)) loop")
        }
    }

    private func imports(_ module: String, _ file: FileFacts) -> Bool {
        file.imports.contains { $0.target == module || $0.target.hasPrefix(module + ".") }
    }
}
