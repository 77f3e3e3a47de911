import ConchKit

/// An OS thread runs CPU-bound Python code, which the GIL keeps to one core.
struct CPUBoundThread: Rule {
    let metadata = RuleCatalog.CON101

    func check(_ model: ProjectModel) -> [Finding] {
        // A free-threaded build runs Python threads in parallel: threads are the right tool there.
        guard !model.settings.isFreeThreaded else { return [] }
        return viewFindings(model) + model.classifiedSpawnSites(where: \.runsInThread).compactMap { file, site, entry, workload in
            guard workload.kind == .cpu, let loop = workload.cpu, !model.isTestHarness(site, in: file, entry: entry) else { return nil }
            let runner = SpawnRunner(site, in: file)
            let name = model.displayName(entry)
            return finding(
                in: file, at: site.range,
                "\(runner.subject) runs `\(name)`, which is CPU-bound (\(model.describe(loop, from: file.path, countsHandedBy: site.countsHandedBy))); "
                    + "the GIL lets one thread run Python code at a time",
                advice: runner.processAdvice(for: name) + (model.settings.hasInterpreterPools ? Self.interpreterAlternative : ""),
                related: [model.related(loop)])
        }
    }

    /// On Python 3.14 the pool of interpreters is the other way onto every core.
    static let interpreterAlternative = "; for pure-Python work, `concurrent.futures.InterpreterPoolExecutor` also runs it on every core, "
        + "each worker with an interpreter and a GIL of its own, and starts no processes"

    /// A Flask route computing in its request's server thread: no thread start, but the
    /// server runs each request in one, and while it holds the GIL the others wait. Only
    /// work as sure as a written-out count: a long loop in the view, or a call handing a
    /// helper a long count (`count_primes(2_000_000)`, `fib(32)`); a loop over the rows a
    /// request brings is no evidence.
    private func viewFindings(_ model: ProjectModel) -> [Finding] {
        WebRoutes.threadedViews(in: model).compactMap { view in
            let id = view.function.id
            let viewName = "the \(view.framework) view `\(model.displayName(id))`"
            let (at, subject, loop): (ByteRange, String, WorkloadEvidence)
            if let own = model.longWrittenLoop(in: id) {
                (at, subject, loop) = (own.range, viewName, own)
            } else if let (call, work) = view.function.calls.lazy.compactMap({ call in
                model.countedWork(of: call, from: view.file, in: id).map { (call, $0) }
            }).first {
                (at, subject, loop) = (call.range, "`\(model.displayName(work.callee))`, called in \(viewName),", work.loop)
            } else {
                return nil
            }
            return finding(
                in: view.file, at: at,
                "\(subject) runs \(model.describe(loop, from: view.file.path)); \(ViewGlobalUpdates.serving(view.framework)), "
                    + "and the GIL lets one thread run Python code at a time, so the other requests wait while it computes",
                advice: "hand the computation to a `concurrent.futures.ProcessPoolExecutor` made once at start-up "
                    + "(`pool.submit(compute, ...).result()` in the view), or to a task queue (Celery, RQ) for long jobs",
                related: [model.related(loop)])
        }
    }
}
