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
        /// Where the value written was read (or tested), and the `await` in between (in a
        /// greenlet, the call that waits, whose name `waitingCall` holds).
        var read: ByteRange
        var await: ByteRange
        var waitingCall: String?
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

    /// Calls of gevent's and eventlet's own that wait, and so switch to another greenlet.
    private static let greenletWaits: Set<String> = ["sleep", "joinall", "wait", "join", "get", "idle", "recv", "sendall", "accept", "connect"]

    static func races(_ model: ProjectModel) -> [Race] {
        let graph = model.callGraph
        var globals: [Int: [Span]] = [:]
        var attributes: [Int: [Span]] = [:]
        for (fileIndex, file) in model.files.enumerated() where file.language == .python {
            var updatesByFunction: [Int: [AttributeUpdate]] = [:]
            for update in file.attributeUpdates where update.parameter == nil { updatesByFunction[update.function, default: []].append(update) }
            for (index, function) in file.functions.enumerated() where function.isAsync && !function.awaits.isEmpty {
                guard let number = model.number(file: fileIndex, function: index) else { continue }
                let globalSpans = spanning(globalUpdates(of: function), in: function, switches: function.awaits)
                if !globalSpans.isEmpty { globals[number] = globalSpans }
                // An attribute's test is the header the front end saw test it.
                let attributeSpans = spanning((updatesByFunction[index] ?? []).map { ($0.access, $0.testedAt) }, in: function,
                                              switches: function.awaits)
                if !attributeSpans.isEmpty { attributes[number] = attributeSpans }
            }
        }
        var races = greenletRaces(model)
        guard !globals.isEmpty || !attributes.isEmpty else { return races }
        for entry in ConcurrentTasks.entries(model) where !globals.isEmpty || !attributes.isEmpty {
            guard let start = graph.number(of: entry.id) else { continue }
            let owner = entry.object == nil ? nil : model.function(entry.id)?.function.className
            for reached in graph.reach(from: [start]).numbers {
                let reference = graph.references[reached]
                let file = model.files[reference.file]
                let writer = file.functions[reference.function]
                func add(_ spans: [Span], object: String?) {
                    races += spans.map {
                        Race(entry: entry, file: file, writer: writer, update: $0.update, read: $0.read, await: $0.await, waitingCall: nil,
                             object: object)
                    }
                }
                if let spans = globals.removeValue(forKey: reached) { add(spans, object: nil) }
                // `self` is the tasks' one object only in the methods of its class the entry reaches.
                if let owner, writer.className == owner, let spans = attributes.removeValue(forKey: reached) { add(spans, object: entry.object) }
            }
        }
        return races.sorted { ($0.file.path, $0.update.range.start) < ($1.file.path, $1.update.range.start) }
    }

    /// The same in greenlets, whose switches are the calls that wait: gevent's own
    /// (`gevent.sleep(0)`), and the standard library's blocking calls where the program
    /// monkey-patches it. Module globals only.
    private static func greenletRaces(_ model: ProjectModel) -> [Race] {
        let entries = ConcurrentTasks.entries(model, greenlets: true)
        guard !entries.isEmpty else { return [] }
        let patched = GreenletPatching.patchedFiles(model)
        let graph = model.callGraph
        let handed = model.firstReaching(from: entries, start: \.id) { number -> [(file: FileFacts, writer: FunctionFacts, span: Span, waiting: String?)] in
            let reference = graph.references[number]
            let file = model.files[reference.file]
            let writer = file.functions[reference.function]
            guard file.language == .python, !writer.isAsync, writer.globalAccesses.contains(where: \.isWrite) else { return [] }
            let waits = writer.calls.filter { call in
                call.isResolved && ((call.callee.hasPrefix("gevent.") || call.callee.hasPrefix("eventlet."))
                    && greenletWaits.contains(String(call.callee.split(separator: ".").last ?? ""))
                    || patched.contains(file.path) && BlockingCalls.entry(for: call, in: file, caller: writer) != nil)
            }
            guard !waits.isEmpty else { return [] }
            return spanning(globalUpdates(of: writer), in: writer, switches: waits.map(\.range)).map { span in
                (file, writer, span, waits.first { $0.range == span.await }.map(\.quotedName))
            }
        }
        return handed.flatMap { entry, found in
            found.map { Race(entry: entry, file: $0.file, writer: $0.writer, update: $0.span.update, read: $0.span.read,
                             await: $0.span.await, waitingCall: $0.waiting) }
        }
    }


    /// A function's global accesses, each with where it was tested: for a check-then-act, the
    /// last read of the variable before it (the scanner marks the kind).
    private static func globalUpdates(of function: FunctionFacts) -> [(update: GlobalAccess, tested: ByteRange?)] {
        function.globalAccesses.enumerated().map { position, update in
            guard update.kind == .checkThenAct else { return (update, nil) }
            return (update, function.globalAccesses[..<position].last { $0.variable == update.variable && $0.kind == .read }?.range)
        }
    }

    /// The updates whose value was read before an `await` (a switch) and is written after it, outside
    /// any lock: a copy written back (`balance = current - amount`), a test acted on (`if key
    /// not in cache:` ... `cache[key] = value`, `tested` giving where it was tested last before
    /// the write), or `total += await fetch()`, which reads `total` before it awaits.
    private static func spanning(_ updates: [(update: GlobalAccess, tested: ByteRange?)], in function: FunctionFacts,
                                 switches: [ByteRange]) -> [Span] {
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
            guard let read, let between = switches.first(where: { candidate in
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
