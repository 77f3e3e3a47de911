import ConchKit

/// `current = balance`, `await asyncio.sleep(0)`, `balance = current - amount` in a
/// coroutine several tasks run at once: the loop runs the other tasks at the `await`, and
/// an update one of them makes meanwhile is overwritten. No thread is involved; the
/// `await` is the switch.
enum AwaitSpanningUpdates {
    struct Race {
        var entry: ConcurrentTasks.Entry
        var file: FileFacts
        var writer: FunctionFacts
        var update: GlobalAccess
        /// Where the value written was read (or tested), and the `await` in between.
        var read: ByteRange
        var await: ByteRange
        /// For an attribute of `self`, the one object the tasks share, as the start names it.
        var object: String?

        /// The write acts on a test (`if self.balance >= amount:`), not on a value it read.
        var actsOnATest: Bool { update.kind == .checkThenAct || (read != update.range && read != update.copiedAt) }
    }

    private struct Span {
        var update: GlobalAccess
        var read: ByteRange
        var await: ByteRange
    }

    static func races(_ model: ProjectModel) -> [Race] {
        let graph = model.callGraph
        var globals: [Int: [Span]] = [:]
        var attributes: [Int: [Span]] = [:]
        for (fileIndex, file) in model.files.enumerated() where file.language == .python {
            var updatesByFunction: [Int: [AttributeUpdate]] = [:]
            for update in file.attributeUpdates where update.parameter == nil { updatesByFunction[update.function, default: []].append(update) }
            for (index, function) in file.functions.enumerated() where function.isAsync && !function.awaits.isEmpty {
                guard let number = model.number(file: fileIndex, function: index) else { continue }
                // A global's test is the last read before a check-then-act (the scanner marks one kind);
                // an attribute's, the header the front end saw test it.
                let tests = { (position: Int, update: GlobalAccess) -> ByteRange? in
                    guard update.kind == .checkThenAct else { return nil }
                    return function.globalAccesses[..<position].last { $0.variable == update.variable && $0.kind == .read }?.range
                }
                let globalSpans = spanning(function.globalAccesses.enumerated().map { ($0.element, tests($0.offset, $0.element)) }, in: function)
                if !globalSpans.isEmpty { globals[number] = globalSpans }
                let attributeSpans = spanning((updatesByFunction[index] ?? []).map { ($0.access, $0.testedAt) }, in: function)
                if !attributeSpans.isEmpty { attributes[number] = attributeSpans }
            }
        }
        guard !globals.isEmpty || !attributes.isEmpty else { return [] }
        var races: [Race] = []
        for entry in ConcurrentTasks.entries(model) where !globals.isEmpty || !attributes.isEmpty {
            guard let start = graph.number(of: entry.id) else { continue }
            let owner = entry.object == nil ? nil : model.function(entry.id)?.function.className
            for reached in graph.reach(from: [start]).numbers {
                let reference = graph.references[reached]
                let file = model.files[reference.file]
                let writer = file.functions[reference.function]
                func add(_ spans: [Span], object: String?) {
                    races += spans.map { Race(entry: entry, file: file, writer: writer, update: $0.update, read: $0.read, await: $0.await, object: object) }
                }
                if let spans = globals.removeValue(forKey: reached) { add(spans, object: nil) }
                // `self` is the tasks' one object only in the methods of its class the entry reaches.
                if let owner, writer.className == owner, let spans = attributes.removeValue(forKey: reached) { add(spans, object: entry.object) }
            }
        }
        return races.sorted { ($0.file.path, $0.update.range.start) < ($1.file.path, $1.update.range.start) }
    }

    /// The updates whose value was read before an `await` and is written after it, outside
    /// any lock: a copy written back (`balance = current - amount`), a test acted on (`if key
    /// not in cache:` ... `cache[key] = value`, `tested` giving where it was tested last before
    /// the write), or `total += await fetch()`, which reads `total` before it awaits.
    private static func spanning(_ updates: [(update: GlobalAccess, tested: ByteRange?)], in function: FunctionFacts) -> [Span] {
        var found: [Span] = []
        var checked: Set<String> = []
        for (update, tested) in updates where update.isWrite && update.locksHeld.isEmpty && update.closureOwner == nil && !update.isPerThread {
            var read: ByteRange?
            switch update.kind {
            case .checkThenAct:
                guard checked.insert(update.variable).inserted else { continue }
                read = tested
            case .augmented, .subscriptAugmented, .readModifyWrite:
                read = update.copiedAt ?? tested ?? (update.kind == .readModifyWrite ? nil : update.range)
            default:
                read = nil
            }
            // An `await` in a branch that leaves (`await log(); return`) never comes before the write.
            guard let read, let between = function.awaits.first(where: { candidate in
                read.start <= candidate.start && candidate.start < update.range.end
                    && !function.exitingBranches.contains { $0.contains(candidate.start) && !$0.contains(update.range.start) }
            }) else { continue }
            // `x += await f()` reads first only when the await is in the update itself; a copy
            // read before must be read before the await, and a test wholly before it.
            if read == update.range || read.end <= between.start { found.append(Span(update: update, read: read, await: between)) }
        }
        return found
    }
}
