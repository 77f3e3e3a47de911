import ConchKit

/// A process pool sent one small task per item: each item pickled, sent to a worker, run
/// in a few operations, and its result pickled and sent back.
struct TinyProcessTasks: Rule {
    let metadata = RuleCatalog.CON303

    func check(_ model: ProjectModel) -> [Finding] {
        model.spawnSites.compactMap { file, site in
            guard file.language == .python, site.kind == .processPool, !file.isTestModule, !file.isInTest(function: site.function),
                  let start = site.creatingCall(in: file.functions[site.function]), let sending = sending(site, start, in: file),
                  let id = site.entryID, let (home, task) = model.function(id), SmallTasks.isSmall(task) else { return nil }
            return finding(
                in: file, at: site.range,
                "`\(start.calleeText)` sends `\(task.name)` to a worker process \(sending), and `\(task.name)` does a few operations "
                    + "per item: pickling each item and its result, and the round trip between processes, cost far more than the work",
                advice: SmallTasks.advice(for: start, task: task.name),
                related: [Finding.Evidence(path: home.path, range: task.nameRange,
                                           message: "`\(task.name)` has no loop and calls no code but builtins and `math`")])
        }
    }

    /// How the pool gets its items one at a time: `map` or `imap` with the default
    /// chunksize of one, or a `submit` / `apply_async` on each pass of a loop over items.
    private func sending(_ site: SpawnSite, _ start: CallFacts, in file: FileFacts) -> String? {
        let method = start.callee.split(separator: ".").last.map(String.init) ?? ""
        switch method {
        case "imap", "imap_unordered", "map" where start.callee.hasSuffix("ProcessPoolExecutor.map"):
            // A chunksize computed at run time (`len(items) // 8`) is taken to batch.
            let chunk = start.argument(keyword: "chunksize") ?? (method == "map" ? nil : start.argument(at: 2))
            return chunk.map { ($0.integerValue ?? 2) <= 1 } ?? true ? "one item at a time (a chunksize of 1)" : nil
        case "submit", "apply_async":
            guard let loopIndex = site.loop, case let loop = file.functions[site.function].loops[loopIndex], loop.runsOverItems
            else { return nil }
            return "once per pass of \(loop.named(in: file))"
        default:
            // `Pool.map` and `starmap` cut the items into chunks themselves.
            return nil
        }
    }
}
