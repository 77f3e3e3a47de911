import ConchKit

/// An OS thread runs CPU-bound Python code, which the GIL keeps to one core.
struct CPUBoundThread: Rule {
    let metadata = RuleCatalog.CON101

    func check(_ model: ProjectModel) -> [Finding] {
        // A free-threaded build runs Python threads in parallel: threads are the right tool there.
        guard !model.settings.isFreeThreaded else { return [] }
        return model.classifiedSpawnSites(where: \.runsInThread).compactMap { file, site, entry, workload in
            guard workload.kind == .cpu, let loop = workload.cpu, !model.isTestHarness(site, in: file, entry: entry) else { return nil }
            let runner = SpawnRunner(site, in: file)
            let name = model.displayName(entry)
            return finding(
                in: file, at: site.range,
                "\(runner.subject) runs `\(name)`, which is CPU-bound (\(model.describe(loop, from: file.path, countsHandedBy: site.countsHandedBy))); "
                    + "the GIL lets one thread run Python code at a time",
                advice: runner.processAdvice(for: name),
                related: [model.related(loop)])
        }
    }
}
