import ConchKit

/// Threads that run one method on one object at once (`Thread(target=counter.increment)`
/// started in a loop, `pool.map(self.process, items)`): the method's unlocked updates
/// of the object's attributes (`self.count += 1`) race with themselves.
enum SharedInstanceUpdates {
    struct Race {
        /// The thread's entry, with only the starts that share the object.
        var entry: ExecutionContexts.Entry
        var file: FileFacts
        var update: GlobalAccess
        /// The object as the start names it: `counter`, `self`.
        var receiver: String
    }

    static func races(_ model: ProjectModel, threads: [ExecutionContexts.Entry]) -> [Race] {
        var found: [Race] = []
        for entry in threads where entry.runsBesideItself {
            guard let (file, method) = model.function(entry.id), method.className != nil else { continue }
            let updates = file.attributeUpdates(of: method).filter { $0.locksHeld.isEmpty }
            guard !updates.isEmpty, let (receiver, starts) = sharedReceiver(of: entry) else { continue }
            var sharing = entry
            sharing.starts = starts
            for update in updates {
                found.append(Race(entry: sharing, file: file, update: update, receiver: receiver))
            }
        }
        return found
    }

    /// An object the method runs on in several threads at once, as written: one start
    /// that alone starts several (in a loop, a pool) on one object, or several starts in
    /// one function on the same one. Nil when each may have an object of its own
    /// (`for job in jobs: Thread(target=job.run)`).
    private static func sharedReceiver(of entry: ExecutionContexts.Entry) -> (String, [ExecutionContexts.Start])? {
        var groups: [String: (receiver: String, starts: [ExecutionContexts.Start])] = [:]
        for start in entry.origins {
            guard start.site.function < start.file.functions.count else { continue }
            let function = start.file.functions[start.site.function]
            guard let call = start.site.creatingCall(in: function),
                  let argument = call.arguments.first(where: { $0.shape == .name(entry.id) }),
                  let dot = argument.text.lastIndex(of: "."), argument.text.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." })
            else { continue }
            let receiver = String(argument.text[..<dot])
            guard isOneObject(receiver, at: start, in: function) else { continue }
            let key = start.file.path + "\u{0}" + String(start.site.function) + "\u{0}" + receiver
            groups[key, default: (receiver, [])].starts.append(start)
        }
        return groups.sorted { $0.key < $1.key }.map(\.value)
            .first { $0.starts.count > 1 || $0.starts.contains(where: \.startsSeveralAtOnce) }
            .map { ($0.receiver, $0.starts) }
    }

    /// `self` (or an attribute of it), a module global, or a local bound, by a call, outside
    /// the loop that starts the threads.
    private static func isOneObject(_ receiver: String, at start: ExecutionContexts.Start, in function: FunctionFacts) -> Bool {
        if receiver == "self" || receiver.hasPrefix("self.") { return true }
        if start.file.globals.contains(where: { $0.name == receiver }) { return true }
        let loop = start.site.loop.map { function.loops[$0].range }
        return function.calls.contains { call in
            call.boundName == receiver && !(loop?.contains(call.range.start) ?? false)
        }
    }
}
