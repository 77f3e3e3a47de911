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
                let parts = call.calleeText.split(separator: ".")
                guard !call.isResolved, parts.count == 2, ContainerMethods.mutating.contains(String(parts[1])),
                      let position = parameters.firstIndex(of: String(parts[0])) else { return nil }
                return (call.range, "calls `.\(parts[1])()` on `\(parts[0])`", position, false)
            }
            changes += home.parameterUpdates(of: function).compactMap { update in
                let storesItem = update.access.kind == .subscriptStore
                return update.parameter.map { (update.access.range, "\(storesItem ? "stores into" : "updates") `\(update.access.variable)`", $0, storesItem) }
            }
            return changes.compactMap { change in
                guard let passed = TaskArguments.name(at: change.position, of: creating), !passed.contains("."),
                      isPlainCopy(passed, at: site, in: file),
                      !change.storesItem || isWrittenContainer(passed, at: site, in: file) else { return nil }
                return Update(file: file, site: site, entry: entry, home: home, range: change.range, what: change.what, passed: passed)
            }
        }
    }

    /// `results = {}`, `slots = [None] * n`: a container the starter wrote out, to collect
    /// into. One a call made (`vm_ = self.vm_config(name)`) is more often the task's
    /// input, which it fills in for its own use (salt's cloud `create`).
    private static func isWrittenContainer(_ name: String, at site: SpawnSite, in file: FileFacts) -> Bool {
        TaskArguments.maker(of: name, before: site.range.start, in: file.functions[site.function], of: file, resolvedOnly: false) == nil
    }

    /// The starter made `name` itself, as something a child cannot share: a display
    /// (`[]`, `{}`) or an object of a known class, not one of `multiprocessing`'s shared
    /// objects or a manager's proxy (`manager.list()`), nor a value it was handed.
    private static func isPlainCopy(_ name: String, at site: SpawnSite, in file: FileFacts) -> Bool {
        let starter = file.functions[site.function]
        guard !starter.parameters.contains(name) else { return false }
        guard let maker = TaskArguments.maker(of: name, before: site.range.start, in: starter, of: file, resolvedOnly: false) else { return true }
        return maker.isResolved && !maker.callee.hasPrefix("multiprocessing.")
    }
}
