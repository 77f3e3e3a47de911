import ConchKit

/// `Process(target=work, args=(counter,))` started several at once, where `work` does
/// `counter.value += 1` on a `multiprocessing.Value`, or `totals[key] += 1` on a
/// manager's `dict`: the object is shared, but it guards each read and each write
/// alone, so two processes read the same value and one update is lost. The Python
/// documentation's own warning; `with counter.get_lock():` (or a lock handed along)
/// makes the update whole.
enum SharedObjectUpdates {
    struct Race {
        var entry: ExecutionContexts.Entry
        var start: ExecutionContexts.Start
        /// The file of the entry, where the update stands.
        var home: FileFacts
        var update: GlobalAccess
        /// The object as the start hands it, and the call that made it.
        var passed: String
        var maker: CallFacts
    }

    static func races(_ model: ProjectModel, children: [ExecutionContexts.Entry]) -> [Race] {
        var found: [Race] = []
        for entry in children where entry.branch == nil && !entry.runsInInterpreters && entry.runsBesideItself {
            guard let (home, function) = model.function(entry.id) else { continue }
            let updates = home.parameterUpdates(of: function).filter { update in
                update.access.locksHeld.isEmpty && Self.readsAndWrites.contains(update.access.kind)
            }
            guard !updates.isEmpty else { continue }
            for update in updates {
                guard let position = update.parameter,
                      let race = entry.origins.lazy.compactMap({ start in
                          sharedObject(at: position, handedBy: start).map { passed, maker in
                              Race(entry: entry, start: start, home: home, update: update.access, passed: passed, maker: maker)
                          }
                      }).first else { continue }
                found.append(race)
            }
        }
        return found
    }

    /// What the start hands at `position`, when the starting function made it with one
    /// of `multiprocessing`'s shared objects.
    private static func sharedObject(at position: Int, handedBy start: ExecutionContexts.Start) -> (String, CallFacts)? {
        let starter = start.file.functions[start.site.function]
        guard let creating = start.site.creatingCall(in: starter), let passed = TaskArguments.name(at: position, of: creating),
              !passed.contains("."),
              let maker = TaskArguments.maker(of: passed, before: start.site.range.start, in: starter, of: start.file),
              ProcessAPIs.sharedObjects.contains(maker.callee) else { return nil }
        return (passed, maker)
    }

    /// `+=`, `x.value = x.value + 1`, `d[k] += 1`: a read and a write the object guards apart.
    private static let readsAndWrites: Set<GlobalAccess.Kind> = [.augmented, .readModifyWrite, .subscriptAugmented]
}
