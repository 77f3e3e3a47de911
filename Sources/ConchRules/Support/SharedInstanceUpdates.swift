import ConchKit

/// Threads that run one method on one object at once (`Thread(target=counter.increment)`
/// started in a loop, `pool.map(self.process, items)`): the method's unlocked updates
/// of the object's attributes (`self.count += 1`) race with themselves.
enum SharedInstanceUpdates {
    struct Race {
        /// The thread's entry, with only the starts that share the object.
        var entry: ExecutionContexts.Entry
        var file: FileFacts
        /// The method that makes the update: the entry, or one of its class it calls.
        var writer: FunctionID
        var update: GlobalAccess
        /// The object as the start names it: `counter`, `self`; or as the method reaches it,
        /// `self.server`, for the server every request handler shares.
        var receiver: String
        var isHandlersServer = false
    }

    /// The unguarded updates the method makes, itself or in the methods of its class it
    /// reaches (`self._bump()`), when several threads run it on one object.
    static func races(_ model: ProjectModel, threads: [ExecutionContexts.Entry], locks: LockContext) -> [Race] {
        var found: [Race] = []
        for entry in threads where entry.runsBesideItself {
            found += parameterRaces(entry, model, locks: locks)
            guard let (file, methods) = entry.ownClassMethods(model) else { continue }
            found += serverRaces(entry, file: file, methods: methods, locks: locks)
            let updates = methods.flatMap { reached in
                file.attributeUpdates(of: reached).filter { !locks.isGuarded($0, in: reached, file: file) }.map { (reached.id, $0) }
            }
            guard !updates.isEmpty, let (receiver, starts) = sharedReceiver(of: entry, receiverAt: { call in
                // `Thread(target=counter.increment)`: the object the method is taken from.
                guard let argument = call.arguments.first(where: { $0.shape == .name(entry.id) }),
                      let dot = argument.text.lastIndex(of: "."), TaskArguments.isPlainChain(argument.text) else { return nil }
                return String(argument.text[..<dot])
            }) else { continue }
            var sharing = entry
            sharing.starts = starts
            for (writer, update) in updates {
                found.append(Race(entry: sharing, file: file, writer: writer, update: update, receiver: receiver))
            }
        }
        return found
    }

    /// `self.server.hits += 1` in a request handler a threading server runs once per request:
    /// each request has a handler object of its own, but they all share the one server.
    private static func serverRaces(_ entry: ExecutionContexts.Entry, file: FileFacts, methods: [FunctionFacts],
                                    locks: LockContext) -> [Race] {
        let perRequest = entry.origins.filter(\.site.startsPerRequest)
        guard !perRequest.isEmpty else { return [] }
        var sharing = entry
        sharing.starts = perRequest
        return methods.flatMap { method in
            file.sharedOwnerUpdates(of: method).filter { !locks.isGuarded($0.access, in: method, file: file) }.map { update in
                Race(entry: sharing, file: file, writer: method.id, update: update.access, receiver: "self." + (update.through ?? ""),
                     isHandlersServer: true)
            }
        }
    }

    /// `def work(stats): stats.count += 1` run by threads all handed one `stats`
    /// (`Thread(target=work, args=(stats,))` in a loop, `pool.submit(work, stats)`).
    private static func parameterRaces(_ entry: ExecutionContexts.Entry, _ model: ProjectModel, locks: LockContext) -> [Race] {
        guard let (file, function) = model.function(entry.id) else { return [] }
        // A lone store into an item (`results[i] = value`) is atomic under the GIL.
        let updates = file.parameterUpdates(of: function).filter {
            $0.access.kind != .subscriptStore && !locks.isGuarded($0.access, in: function, file: file)
        }
        let positions = Set(updates.compactMap(\.parameter)).sorted()
        return positions.flatMap { position -> [Race] in
            guard let (receiver, starts) = sharedReceiver(of: entry, receiverAt: { call in TaskArguments.name(at: position, of: call) }) else { return [] }
            var sharing = entry
            sharing.starts = starts
            return updates.filter { $0.parameter == position }.map { update in
                Race(entry: sharing, file: file, writer: entry.id, update: update.access, receiver: receiver)
            }
        }
    }


    /// An object the function runs on in several threads at once, as written: one start
    /// that alone starts several (in a loop, a pool) on one object, or several starts in
    /// one function on the same one. Nil when each may have an object of its own
    /// (`for job in jobs: Thread(target=job.run)`).
    private static func sharedReceiver(of entry: ExecutionContexts.Entry, receiverAt: (CallFacts) -> String?)
        -> (String, [ExecutionContexts.Start])? {
        var groups: [String: (receiver: String, starts: [ExecutionContexts.Start])] = [:]
        for start in entry.origins {
            guard start.site.function < start.file.functions.count else { continue }
            let function = start.file.functions[start.site.function]
            guard let call = start.site.creatingCall(in: function), let receiver = receiverAt(call),
                  TaskArguments.isOneObject(receiver, in: function, of: start.file,
                                            outside: start.site.loop.map { function.loops[$0].range }) else { continue }
            let key = start.file.path + "\u{0}" + String(start.site.function) + "\u{0}" + receiver
            groups[key, default: (receiver, [])].starts.append(start)
        }
        return groups.sorted { $0.key < $1.key }.map(\.value)
            .first { $0.starts.count > 1 || $0.starts.contains(where: \.startsSeveralAtOnce) }
            .map { ($0.receiver, $0.starts) }
    }
}

extension TaskArguments {
    /// `self` (or an attribute of it), a module global, or a local bound, by a call, outside
    /// `loop` (the one that starts the work, if any): one object, however often the loop runs.
    static func isOneObject(_ receiver: String, in function: FunctionFacts, of file: FileFacts, outside loop: ByteRange?) -> Bool {
        if receiver == "self" || receiver.hasPrefix("self.") { return true }
        if file.globals.contains(where: { $0.name == receiver }) { return true }
        return function.calls.contains { call in
            call.boundName == receiver && !(loop?.contains(call.range.start) ?? false)
        }
    }
}
