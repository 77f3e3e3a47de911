import ConchKit

/// A thread's read-modify-write or check-then-act on global state, outside any lock,
/// while another thread or the main thread touches the same variable.
struct UnsynchronizedSharedWrite: Rule {
    let metadata = RuleCatalog.CON201

    /// Who else touches the variable.
    private enum Conflict {
        case main(GlobalAccessIndex.Located)
        case otherThread(GlobalAccessIndex.Located, ExecutionContexts.Entry)
        /// The writing function itself also runs in the main thread.
        case writerInMain
        /// Several instances of the same thread run at once.
        case sameEntry
    }

    func check(_ model: ProjectModel) -> [Finding] {
        let contexts = ExecutionContexts(model)
        guard !contexts.threads.isEmpty else { return [] }
        let index = GlobalAccessIndex(model)
        let locks = LockContext(model, unlockedEntries: Set(contexts.threads.map(\.id)).union(EventLoopIndex(model).callbacks.keys))
        var ordering = StartOrdering(model: model, entries: contexts.threads)
        var reported: Set<String> = []
        var findings: [Finding] = []
        for entry in contexts.threads {
            for id in entry.reached.sorted() {
                guard let reference = model.functionIndex[id] else { continue }
                let file = model.files[reference.file]
                let function = file.functions[reference.function]
                for access in function.globalAccesses where isRacyWrite(access, in: function, language: file.language)
                    && !locks.isGuarded(access, in: function, file: file) {
                    let key = file.path + ":" + String(access.range.start)
                    guard !index.isSelfProtected(access.variable), !reported.contains(key),
                          let conflict = conflict(for: access, in: function, of: entry, model, contexts, index, &ordering) else { continue }
                    reported.insert(key)
                    findings.append(finding(access, in: file, function, entry: entry, conflict: conflict, model))
                }
            }
        }
        return findings
    }

    /// Python: an update that reads the old value (`+=`, `x = x + 1`, check-then-act, or a
    /// rebinding after reading it in the same function); a lone store is atomic there.
    /// C: any plain store, which is a data race.
    private func isRacyWrite(_ access: GlobalAccess, in function: FunctionFacts, language: SourceLanguage) -> Bool {
        guard access.isWrite, access.locksHeld.isEmpty, !access.isAtomic else { return false }
        if language == .c { return true }
        switch access.kind {
        case .augmented, .readModifyWrite, .checkThenAct, .subscriptAugmented:
            return true
        case .rebind:
            return function.globalAccesses.contains {
                $0.kind == .read && $0.variable == access.variable && $0.locksHeld.isEmpty && $0.range.start < access.range.start
            }
        case .read, .mutatingMethod, .subscriptStore, .writeThroughPointer:
            return false
        }
    }

    private func conflict(for write: GlobalAccess, in writer: FunctionFacts, of entry: ExecutionContexts.Entry, _ model: ProjectModel,
                          _ contexts: ExecutionContexts, _ index: GlobalAccessIndex, _ ordering: inout StartOrdering) -> Conflict? {
        var otherThread: Conflict?
        for other in index.accesses[write.variable] ?? [] {
            let file = model.files[other.file]
            let function = file.functions[other.function]
            let offset = other.access.range.start
            if function.id == writer.id, other.access.range == write.range { continue }
            if contexts.runsInMain(file, function, at: offset), !ordering.precedes(other, startsOf: entry),
               !JoinOrdering.follows(other, joinsOf: entry, model) {
                return .main(other)
            }
            if otherThread == nil, let thread = contexts.threads.first(where: { $0.id != entry.id && $0.runs(function.id, at: offset) }) {
                otherThread = .otherThread(other, thread)
            }
        }
        if let otherThread { return otherThread }
        if contexts.mainSide.contains(writer.id) { return .writerInMain }
        return entry.runsBesideItself ? .sameEntry : nil
    }

    private func finding(_ write: GlobalAccess, in file: FileFacts, _ writer: FunctionFacts, entry: ExecutionContexts.Entry,
                         conflict: Conflict, _ model: ProjectModel) -> Finding {
        let variable = GlobalAccessIndex.shortName(write.variable, in: file.language)
        let thread = "the thread running `\(model.displayName(entry.id))`"
        let subject = writer.id == entry.id ? thread.dropFirst(4).description : "`\(model.displayName(writer.id))`, called in \(thread),"
        var message = "\(subject) \(verb(write.kind, file.language)) global `\(variable)` without a lock; "
        var related: [Finding.Evidence] = []
        switch conflict {
        case let .main(other), let .otherThread(other, _):
            let otherFile = model.files[other.file]
            let otherFunction = otherFile.functions[other.function]
            let place = model.place(otherFile.path, other.access.range.start, from: file.path)
            let how = other.access.isWrite ? "writes" : "reads"
            let who = otherFunction.kind == .module ? "module-level code" : "`\(model.displayName(otherFunction.id))`"
            if case let .otherThread(_, thread) = conflict {
                message += "\(who), run by the thread running `\(model.displayName(thread.id))`, also \(how) it at \(place)"
                related.append(Finding.Evidence(path: otherFile.path, range: other.access.range, message: "also \(how == "reads" ? "read" : "written") in another thread"))
            } else {
                message += "\(who) also \(how) it at \(place), in the main thread"
                related.append(Finding.Evidence(path: otherFile.path, range: other.access.range, message: "also \(how == "reads" ? "read" : "written") in the main thread"))
            }
        case .writerInMain:
            message += "the main thread runs `\(model.displayName(writer.id))` too"
        case .sameEntry:
            message += "several threads run `\(model.displayName(entry.id))` at once (\(howMany(entry, from: file.path, model)))"
        }
        if model.settings.isFreeThreaded { message += "; free threading makes the race real on every core" }
        related.append(contentsOf: entry.starts.map(\.evidence))
        let advice = file.language == .c
            ? "guard every access with one pthread_mutex_t, or declare it _Atomic and update it with atomic_fetch_add"
            : "hold one threading.Lock around every access (`with lock:`), or send the updates to one owner through a queue.Queue"
        return finding(in: file, at: write.range, message, advice: advice, related: related)
    }

    private func verb(_ kind: GlobalAccess.Kind, _ language: SourceLanguage) -> String {
        switch kind {
        case .checkThenAct: "checks and then sets"
        case .rebind: language == .c ? "writes" : "reads and then rebinds"
        case let .writeThroughPointer(callee): "writes through `\(callee)` to"
        case .subscriptStore, .mutatingMethod, .read: "writes"
        case .augmented, .readModifyWrite, .subscriptAugmented: "updates"
        }
    }

    /// `started in a loop at line 18`, `started at lines 18 and 19`, `submitted to a pool at line 9`.
    private func howMany(_ entry: ExecutionContexts.Entry, from origin: String, _ model: ProjectModel) -> String {
        let places = entry.starts.map { model.place($0.file.path, $0.site.range.start, from: origin) }
        if entry.starts.count > 1 { return "started at " + places.joined(separator: ", ") }
        guard let start = entry.starts.first else { return "" }
        if start.site.kind == .threadPool { return "submitted to a pool at \(places[0])" }
        return "started in a loop at \(places[0])"
    }
}
