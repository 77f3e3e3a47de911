import ConchKit

/// Threads that call methods of a module's one object (`counter = Counter()` at module
/// level, `counter.increment()` in the function the threads run): the methods' unlocked
/// updates of the object's attributes (`self.value += 1`) race, when several threads run
/// one such function at once or two threads call into the object.
enum GlobalObjectCalls {
    /// A thread's call of a method on the global object, outside any lock.
    struct Call {
        var entry: ExecutionContexts.Entry
        var file: FileFacts
        var call: CallFacts
        /// The global as written at the call: `counter`.
        var object: String
    }

    struct Race {
        var first: Call
        /// Another thread's call whose method updates the same attribute; nil when one
        /// function's threads run beside themselves.
        var second: Call?
        var file: FileFacts
        var writer: FunctionID
        var update: GlobalAccess
    }

    static func races(_ model: ProjectModel, contexts: ExecutionContexts, locks: LockContext) -> [Race] {
        var updatesByMethod: [FunctionID: [(writer: FunctionFacts, update: GlobalAccess)]] = [:]
        // By object and attribute: `deposit` and `withdraw` update one `account.balance`.
        var reachesByAttribute: [String: [(file: FileFacts, writer: FunctionID, update: GlobalAccess, call: Call)]] = [:]
        var order: [String] = []
        // Threads share most of what they reach: each function's calls are looked at once.
        var callsByFunction: [FunctionID: [(call: CallFacts, object: GlobalAccess, method: FunctionFacts)]] = [:]
        for (entry, file, function) in contexts.threadReach(model) where file.language == .python {
            let calls = callsByFunction[function.id] ?? unguardedMethodCalls(in: function, of: file, model, locks: locks)
            callsByFunction[function.id] = calls
            for (call, object, method) in calls where entry.runs(function.id, of: file, at: object.range.start, guardedBy: object.guards) {
                let updates = updatesByMethod[method.id] ?? unguardedUpdates(of: method, model, locks: locks)
                updatesByMethod[method.id] = updates
                guard let (methodFile, _) = model.function(method.id) else { continue }
                let made = Call(entry: entry, file: file, call: call, object: GlobalAccessIndex.shortName(of: object, in: .python))
                for (writer, update) in updates {
                    let key = object.variable + "\u{0}" + (method.className ?? "") + "\u{0}" + update.variable
                    if reachesByAttribute[key] == nil { order.append(key) }
                    reachesByAttribute[key, default: []].append((methodFile, writer.id, update, made))
                }
            }
        }
        var races: [Race] = []
        var seen: Set<String> = []
        for key in order {
            let reaches = reachesByAttribute[key]!
            for reach in reaches where seen.insert(reach.file.path + ":" + String(reach.update.range.start)).inserted {
                let mine = reaches.filter { $0.update.range == reach.update.range && $0.file.path == reach.file.path }.map(\.call)
                if let crowded = mine.first(where: \.entry.runsBesideItself) {
                    races.append(Race(first: crowded, second: nil, file: reach.file, writer: reach.writer, update: reach.update))
                    continue
                }
                let pair = mine.lazy.compactMap { first in
                    reaches.first { $0.call.entry.id != first.entry.id && !$0.call.entry.neverRunsBeside(first.entry) }.map { (first, $0.call) }
                }.first
                if let (first, second) = pair {
                    races.append(Race(first: first, second: second, file: reach.file, writer: reach.writer, update: reach.update))
                }
            }
        }
        return races
    }

    /// `counter.increment()` where `counter` is a module global the call reads outside
    /// any lock, and `increment` a method of the project.
    /// The call is a method of the object the read reads: `counter.increment()` on `counter`.
    /// Another module's object goes by what the code wrote (`counter`, `state.items`), not
    /// by its qualified name: its text is as long as the read.
    private static func isCalled(_ read: GlobalAccess, by call: CallFacts) -> Bool {
        let text = call.calleeText
        guard let dot = text.lastIndex(of: ".") else { return false }
        if read.isImported { return text[..<dot].utf8.count == read.range.end - read.range.start }
        return text[..<dot] == GlobalAccessIndex.shortName(of: read, in: .python)
    }

    static func unguardedMethodCalls(in function: FunctionFacts, of file: FileFacts, _ model: ProjectModel, locks: LockContext)
        -> [(call: CallFacts, object: GlobalAccess, method: FunctionFacts)] {
        let reads = function.globalAccesses.filter { $0.kind == .read && $0.field == nil }
        guard !reads.isEmpty else { return [] }
        let callsByStart = Dictionary(function.calls.map { ($0.calleeRange.start, $0) }) { first, _ in first }
        return reads.compactMap { read in
            guard let call = callsByStart[read.range.start], call.isResolved, isCalled(read, by: call),
                  let id = model.resolve(call.callee, from: file), let (_, method) = model.function(id), method.className != nil,
                  !locks.isGuarded(read, in: function, file: file) else { return nil }
            return (call, read, method)
        }
    }

    /// The method's updates of its object, and those of the methods of its class it calls,
    /// that no lock guards.
    static func unguardedUpdates(of method: FunctionFacts, _ model: ProjectModel, locks: LockContext)
        -> [(writer: FunctionFacts, update: GlobalAccess)] {
        guard let (file, _) = model.function(method.id), let number = model.callGraph.number(of: method.id) else { return [] }
        let methods = model.callGraph.reach(from: [number]).ids.compactMap { id -> FunctionFacts? in
            guard let (reachedFile, reached) = model.function(id), reachedFile.path == file.path,
                  reached.className == method.className else { return nil }
            return reached
        }
        return methods.flatMap { writer in
            file.attributeUpdates(of: writer).filter { !locks.isGuarded($0, in: writer, file: file) }.map { (writer, $0) }
        }
    }
}
