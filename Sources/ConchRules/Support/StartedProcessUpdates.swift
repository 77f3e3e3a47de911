import ConchKit

/// `class Counter(Process)` whose `run` does `self.total += i` or `self.seen.append(i)`,
/// started as `c = Counter(); c.start(); c.join(); print(c.total)`: the child runs on its
/// own copy of the object (pickled under spawn, copied on write under fork), so the
/// parent's `c.total` never changes. Kept to attributes the starter reads after the
/// start: a worker's own bookkeeping (`self.processed += 1` for its log) is its business.
enum StartedProcessUpdates {
    struct Update {
        var home: FileFacts
        var writer: FunctionID
        var range: ByteRange
        /// What the child does: `updates `self.total``, `calls `.append()` on `self.seen``.
        var what: String
        var entry: ExecutionContexts.Entry
        var start: ExecutionContexts.Start
        var read: StartedObjectRead
    }

    static func find(_ model: ProjectModel, children: [ExecutionContexts.Entry]) -> [Update] {
        children.flatMap { entry -> [Update] in
            guard let (home, run) = model.function(entry.id), let owner = run.className else { return [] }
            let methods = [run] + entry.reached.ids.compactMap { id -> FunctionFacts? in
                guard id != run.id, let (file, method) = model.function(id), file.path == home.path, method.className == owner else { return nil }
                return method
            }
            let shared = sharedAttributes(of: owner, in: home)
            let changes = methods.flatMap { selfChanges(of: $0, in: home) }.filter { !shared.contains($0.attribute) }
            guard !changes.isEmpty else { return [] }
            return entry.starts.flatMap { start -> [Update] in
                let reads = reads(after: start)
                return changes.compactMap { change in
                    reads.first { $0.attribute == change.attribute }.map { read in
                        Update(home: home, writer: change.writer, range: change.range, what: change.what, entry: entry, start: start, read: read)
                    }
                }
            }
        }
    }

    private static func selfChanges(of method: FunctionFacts, in file: FileFacts) -> [(attribute: String, writer: FunctionID, range: ByteRange, what: String)] {
        var found = file.attributeChanges(of: method).compactMap { change -> (String, FunctionID, ByteRange, String)? in
            guard let dot = change.variable.firstIndex(of: ".") else { return nil }
            let verb = change.kind == .rebind ? "sets" : "updates"
            return (String(change.variable[change.variable.index(after: dot)...]), method.id, change.range, "\(verb) `\(change.variable)`")
        }
        // Facts leave a method's own parameter out of its list; PEP 8 names it `self`.
        found += method.calls.compactMap { call in
            guard let (object, changing) = call.containerMutation, object.hasPrefix("self.") else { return nil }
            let attribute = String(object.dropFirst("self.".count))
            guard !attribute.contains(".") else { return nil }
            return (attribute, method.id, call.range, "calls `.\(changing)()` on `\(object)`")
        }
        return found
    }

    /// `self.results = multiprocessing.Manager().list()`, `self.total = multiprocessing.Value("i", 0)`
    /// in a method of the class: objects that reach the parent by design.
    private static func sharedAttributes(of owner: String, in file: FileFacts) -> Set<String> {
        Set(file.attributeMakers(of: owner).filter { $0.call.callee.hasPrefix("multiprocessing.") }.map(\.attribute))
    }

    /// What the starter reads from the object its start made (`c = Counter()`), after starting it.
    private static func reads(after start: ExecutionContexts.Start) -> [StartedObjectRead] {
        let starter = start.file.functions[start.site.function]
        guard start.site.kind == .process, !start.site.startsPerRequest,
              let object = start.site.creatingCall(in: starter)?.boundName else { return [] }
        return start.file.startedObjectReads(in: starter).filter { $0.object == object && $0.range.start > start.site.range.end }
    }
}
