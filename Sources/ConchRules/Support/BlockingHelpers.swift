import ConchKit

/// The blocking call a plain Python function of the project makes, in its own body or
/// in the plain functions it calls: what a coroutine calling it waits on.
struct BlockingHelpers {
    struct Found {
        var file: FileFacts
        var call: CallFacts
        var entry: BlockingCalls.Entry
        /// The functions between the helper and the call, the helper first.
        var via: [FunctionID]
        /// The helper blocks only for a caller that passes its parameter at this position,
        /// whose default is `None` (`if article is not None: download(article)`).
        var onlyIfPassed: Int32?

        /// Blocks whatever the caller passes, or else by a shorter chain.
        func isBetter(than other: Found) -> Bool {
            if (onlyIfPassed == nil) != (other.onlyIfPassed == nil) { return onlyIfPassed == nil }
            return via.count < other.via.count
        }
    }

    /// A chain of more helpers than this is too long to say the loop runs it.
    private static let chainLimit = 2
    /// How deep the search follows calls; past it, nothing is remembered.
    private static let searchLimit = 64

    let model: ProjectModel
    let library: LibraryMethods
    let hierarchy: ClassHierarchy
    /// Functions on the loop themselves, reported where they block.
    let onTheLoop: Set<FunctionID>
    /// The shortest chain to a blocking call from each plain function searched; nil when it blocks nowhere.
    private var known: [FunctionID: Found?] = [:]

    init(model: ProjectModel, onTheLoop: Set<FunctionID>) {
        self.model = model
        library = model.libraryMethods
        hierarchy = model.classHierarchy
        self.onTheLoop = onTheLoop
    }

    /// The catalog's entry for a call as written, or else for the library method it runs
    /// (`reader.join()` on a project class built on `threading.Thread`), with the call it matched.
    func entry(for call: CallFacts, in file: FileFacts, caller: FunctionFacts) -> (call: CallFacts, entry: BlockingCalls.Entry)? {
        if let entry = BlockingCalls.entry(for: call, in: file, caller: caller) { return (call, entry) }
        if let entry = DjangoQueries.entry(for: call, in: caller, hierarchy: hierarchy) { return (call, entry) }
        let inherited = library.libraryCall(call)
        guard inherited.callee != call.callee, let entry = BlockingCalls.entry(for: inherited, in: file, caller: caller) else { return nil }
        return (inherited, entry)
    }

    /// What the plain function a call in `file` names blocks on, if it does.
    mutating func blockingCall(through call: CallFacts, in file: FileFacts) -> Found? {
        guard file.language == .python, call.isResolved, let id = model.resolve(call.callee, from: file),
              let found = blockingCall(in: id, depth: 0), found.via.count <= Self.chainLimit,
              found.onlyIfPassed.map({ passes(call, parameter: $0, of: id) }) ?? true else { return nil }
        return found
    }

    /// Whether `call` may pass parameter `position` of `callee`: by its name, by position,
    /// or through `*args` or `**kwargs`.
    private func passes(_ call: CallFacts, parameter position: Int32, of callee: FunctionID) -> Bool {
        guard let parameters = model.function(callee)?.function.parameters, Int(position) < parameters.count else { return true }
        return call.argument(passedTo: parameters[Int(position)], at: Int(position)) != nil
            || call.arguments.contains { $0.text.hasPrefix("*") }
    }

    /// Decorators that keep a function's results: `functools.cache`, `lru_cache`, a project's `memoize`.
    private static let caches: Set<String> = ["cache", "lru_cache", "cached", "memoize", "memoized"]

    /// `@memoize def has_ipv6(): ...` that module-level code calls with no arguments: its
    /// one blocking call ran at import, before any loop; a coroutine's calls read the cache.
    private func isFilledAtImport(_ function: FunctionFacts, in file: FileFacts) -> Bool {
        guard function.kind == .function,
              function.decorators.contains(where: { Self.caches.contains(TaskSources.lastComponent($0)) }),
              let module = file.functions.first(where: { $0.kind == .module }) else { return false }
        return module.calls.contains { $0.arguments.isEmpty && model.resolve($0.callee, from: file) == function.id }
    }

    /// Searches a plain (not `async`) Python function of the project that is not on the
    /// loop itself: those are judged where they stand.
    private mutating func blockingCall(in id: FunctionID, depth: Int) -> Found? {
        if let answer = known[id] { return answer }
        guard depth < Self.searchLimit, !onTheLoop.contains(id), let (file, function) = model.function(id),
              file.language == .python, !function.isAsync, function.kind == .function || function.kind == .method,
              !isFilledAtImport(function, in: file)
        else { return nil }
        known[id] = .some(nil)
        func passedParameter(around call: CallFacts) -> Int32? {
            function.passedParameterBranches.first { $0.range.contains(call.range.start) }?.parameter
        }
        var found: Found?
        for call in function.calls {
            guard let (matched, entry) = entry(for: call, in: file, caller: function) else { continue }
            let candidate = Found(file: file, call: matched, entry: entry, via: [id], onlyIfPassed: passedParameter(around: call))
            if found == nil || candidate.onlyIfPassed == nil { found = candidate }
            if candidate.onlyIfPassed == nil { break }
        }
        // A call of its own that blocks whatever the caller passes ends the search.
        if found?.onlyIfPassed != nil || found == nil {
            for call in function.calls {
                guard call.isResolved, let callee = model.resolve(call.callee, from: file),
                      var deeper = blockingCall(in: callee, depth: depth + 1),
                      deeper.onlyIfPassed.map({ passes(call, parameter: $0, of: callee) }) ?? true else { continue }
                deeper.onlyIfPassed = passedParameter(around: call)
                deeper.via.insert(id, at: 0)
                if found.map({ deeper.isBetter(than: $0) }) ?? true { found = deeper }
            }
        }
        known[id] = .some(found)
        return found
    }
}
