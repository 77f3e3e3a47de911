import ConchKit

/// A process (or a pool's isolated interpreter) runs I/O-bound work: it pays for
/// marshaling and gains nothing from cores.
struct IOBoundProcess: Rule {
    let metadata = RuleCatalog.CON102

    func check(_ model: ProjectModel) -> [Finding] {
        model.classifiedSpawnSites(where: { $0.kind == .process || $0.picklesTasksToPool }).compactMap { file, site, entry, workload in
            // Local waits alone (the disk, the console, the program's own queues and locks) do
            // not show the time goes to waiting: the task may be busy in calls the classifier
            // cannot see into (`compile`, a parser library), or be a worker taking its next job.
            guard workload.kind == .io, let wait = workload.io, !wait.isLocalWait, !isStartupDelay(wait, model),
                  !model.isTestHarness(site, in: file, entry: entry), !needsAProcessOfItsOwn(entry, model)
            else { return nil }
            let runner = SpawnRunner(site, in: file)
            // A library function handed over as it is (`urllib.request.urlopen`) is the wait itself.
            let isLibrary = model.function(entry) == nil
            let name = isLibrary ? entry : model.displayName(entry)
            let waits = isLibrary ? "a library function that waits on I/O" : "which waits on I/O (\(model.describe(wait, from: file.path)))"
            return finding(
                in: file, at: site.range,
                "\(runner.subject) runs `\(name)`, \(waits) and has no CPU-heavy loop; extra cores do not speed up waiting",
                advice: runner.threadAdvice(for: name),
                related: isLibrary ? [] : [model.related(wait)])
        }
    }

    /// The task does what a thread must not (CON206): installs signal handlers, changes the
    /// working directory or the environment. Its process is there to keep that apart.
    private func needsAProcessOfItsOwn(_ entry: FunctionID, _ model: ProjectModel) -> Bool {
        guard let start = model.callGraph.number(of: entry) else { return false }
        return model.callGraph.reach(from: [start]).ids.contains { id in
            guard let (file, function) = model.function(id) else { return false }
            return function.calls.contains { model.threadUnsafeEntry(for: $0, in: file) != nil }
        }
    }

    /// `time.sleep(delay)` once, in no loop: a pause before the work (rq's worker
    /// start-up), which says nothing about what the work waits on.
    private func isStartupDelay(_ wait: WorkloadEvidence, _ model: ProjectModel) -> Bool {
        guard case let .ioCall(callee) = wait.kind, SleepCalls.python.contains(callee),
              let (_, function) = model.function(wait.function) else { return false }
        return function.calls.first { $0.range == wait.range }?.loop == nil
    }
}
