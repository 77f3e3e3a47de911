import ConchKit

/// `Process(target=worker, args=(results,))` where `worker` does `results.append(x)` or
/// `stats.done += 1` (or a process pool's `submit(worker, results)`, `apply_async(worker,
/// (results,))`): the child changes its own copy of what the parent handed it (pickled
/// under spawn, copied on write under fork), and the parent's object never changes.
/// A `Process` throws its target's return value away, so the change is all there is.
enum ChildArgumentUpdates {
    struct Update {
        var file: FileFacts
        var site: SpawnSite
        var entry: FunctionID
        /// Where the child changes the object, in the entry's file.
        var home: FileFacts
        var range: ByteRange
        /// What the child does: `calls `.append()` on `results``, `updates `stats.done``.
        var what: String
        var passed: String
    }

    static func find(_ model: ProjectModel) -> [Update] {
        model.spawnSites.flatMap { file, site -> [Update] in
            guard site.kind == .process || (site.kind == .processPool && !TaskArguments.mapsOverItems(site)), !site.startsPerRequest,
                  let entry = site.entryID,
                  let (home, function) = model.function(entry),
                  let creating = site.creatingCall(in: file.functions[site.function]) else { return [] }
            let parameters = function.parameters
            var changes: [(range: ByteRange, what: String, position: Int, storesItem: Bool)] = function.calls.compactMap { call in
                guard let (object, method) = call.containerMutation, let position = parameters.firstIndex(of: object) else { return nil }
                return (call.range, "calls `.\(method)()` on `\(object)`", position, false)
            }
            changes += home.parameterUpdates(of: function).compactMap { update in
                let storesItem = update.access.kind == .subscriptStore
                return update.parameter.map { (update.access.range, "\(storesItem ? "stores into" : "updates") `\(update.access.variable)`", $0, storesItem) }
            }
            return changes.compactMap { change in
                guard let passed = TaskArguments.name(at: change.position, of: creating), !passed.contains("."),
                      isPlainCopy(passed, at: site, in: file, storedInto: change.storesItem) else { return nil }
                return Update(file: file, site: site, entry: entry, home: home, range: change.range, what: change.what, passed: passed)
            }
        }
    }

    /// The starter made `name` itself, as something a child cannot share: a display
    /// (`[]`, `{}`) or an object of a known class, not one of `multiprocessing`'s shared
    /// objects or a manager's proxy (`manager.list()`), nor a value it was handed. An
    /// object whose items the child stores into must be a container the starter wrote
    /// out to collect into (`results = {}`, `slots = [None] * n`): one a call made
    /// (`vm_ = self.vm_config(name)`) is more often the task's input, which it fills in
    /// for its own use (salt's cloud `create`).
    private static func isPlainCopy(_ name: String, at site: SpawnSite, in file: FileFacts, storedInto: Bool) -> Bool {
        let starter = file.functions[site.function]
        guard !starter.parameters.contains(name) else { return false }
        guard let maker = TaskArguments.maker(of: name, before: site.range.start, in: starter, of: file, resolvedOnly: false) else { return true }
        return !storedInto && maker.isResolved && !maker.callee.hasPrefix("multiprocessing.")
    }
}
