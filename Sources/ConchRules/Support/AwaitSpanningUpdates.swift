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
    }

    static func races(_ model: ProjectModel) -> [Race] {
        let graph = model.callGraph
        var spans: [Int: [(update: GlobalAccess, read: ByteRange, await: ByteRange)]] = [:]
        for (fileIndex, file) in model.files.enumerated() where file.language == .python {
            for (index, function) in file.functions.enumerated() where function.isAsync && !function.awaits.isEmpty
                && !function.globalAccesses.isEmpty {
                let found = spanning(in: function)
                if !found.isEmpty, let number = model.number(file: fileIndex, function: index) { spans[number] = found }
            }
        }
        guard !spans.isEmpty else { return [] }
        var races: [Race] = []
        for entry in ConcurrentTasks.entries(model) where !spans.isEmpty {
            guard let start = graph.number(of: entry.id) else { continue }
            for reached in graph.reach(from: [start]).numbers {
                guard let found = spans.removeValue(forKey: reached) else { continue }
                let reference = graph.references[reached]
                let file = model.files[reference.file]
                let writer = file.functions[reference.function]
                races += found.map { Race(entry: entry, file: file, writer: writer, update: $0.update, read: $0.read, await: $0.await) }
            }
        }
        return races.sorted { ($0.file.path, $0.update.range.start) < ($1.file.path, $1.update.range.start) }
    }

    /// The updates of `function` whose value was read before an `await` and is written
    /// after it, outside any lock: a copy written back (`balance = current - amount`), a
    /// test acted on (`if key not in cache:` ... `cache[key] = value`, tested last before the
    /// write), or `total += await fetch()`, which reads `total` before it awaits.
    private static func spanning(in function: FunctionFacts) -> [(update: GlobalAccess, read: ByteRange, await: ByteRange)] {
        var found: [(update: GlobalAccess, read: ByteRange, await: ByteRange)] = []
        var checked: Set<String> = []
        for (position, update) in function.globalAccesses.enumerated()
        where update.locksHeld.isEmpty && update.closureOwner == nil && !update.isPerThread {
            let read: ByteRange?
            switch update.kind {
            case .augmented, .subscriptAugmented, .readModifyWrite:
                read = update.copiedAt ?? (update.kind == .readModifyWrite ? nil : update.range)
            case .checkThenAct:
                guard checked.insert(update.variable).inserted else { continue }
                read = function.globalAccesses[..<position].last { $0.variable == update.variable && $0.kind == .read }?.range
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
            if read == update.range || read.end <= between.start { found.append((update, read, between)) }
        }
        return found
    }
}
