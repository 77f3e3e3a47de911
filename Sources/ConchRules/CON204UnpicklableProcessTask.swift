import ConchKit

/// A lambda, nested function or local class's method handed to a process or to a pool of
/// interpreters, or a lock, file or connection sent with its task: pickle cannot send it.
struct UnpicklableProcessTask: Rule {
    let metadata = RuleCatalog.CON204

    func check(_ model: ProjectModel) -> [Finding] {
        model.spawnSites.flatMap { file, site -> [Finding] in
            // A forking server forks its handler; nothing is pickled.
            guard site.picklesTasksToPool || (site.kind == .process && !site.startsPerRequest && !Self.pinsFork(site, in: file))
            else { return [] }
            let runner = SpawnRunner(site, in: file)
            var findings: [Finding] = []
            let reasons = [Self.unpicklableTask(at: site, in: file, model), Self.unpicklableReceiver(at: site, in: file, model)]
            // Forking spares a process the script's `__main__`; an interpreter always has its own.
            let forkSaves = site.kind != .interpreterPool && Self.pinsFork(site, in: file)
            for (home, reason) in reasons.compactMap({ $0 }) where !(reason.failsOnlyUnlessForked && forkSaves) {
                findings.append(finding(
                    in: file, at: site.range,
                    "\(runner.subject) is handed \(reason.what); \(reason.failsOnlyUnlessForked ? Self.unforkedFailure(site) : Self.failure(site))",
                    advice: reason.advice,
                    related: [Finding.Evidence(path: home.path, range: reason.definition, message: reason.note)]))
            }
            if let (sent, reason) = Self.unpicklableArgument(at: site, in: file) {
                findings.append(finding(
                    in: file, at: site.range,
                    "\(runner.subject) is handed `\(sent.name)`, \(reason.what), with its task: \(reason.note); \(Self.failure(site))",
                    advice: reason.advice,
                    related: [Finding.Evidence(path: file.path, range: sent.maker.range, message: "`\(sent.name)` made here")]))
            }
            return findings
        }
    }

    private static func unforkedFailure(_ site: SpawnSite) -> String {
        if site.kind == .interpreterPool {
            return "a worker interpreter's `__main__` is not the script and has no such name, so every task fails"
        }
        return "a child started by spawn or forkserver (the default on macOS and Windows, and on Linux from Python 3.14) imports "
            + "the script without running that block and cannot find it, so " + (site.kind == .processPool ? "every task fails" : "the child fails")
    }

    private static func failure(_ site: SpawnSite) -> String {
        switch site.kind {
        case .processPool: "pickle cannot send it to a worker process, so every task fails"
        case .interpreterPool: "pickle cannot send it to a worker interpreter, so every task fails"
        default: "pickle cannot send it to the child, so the start fails under the spawn and forkserver start methods"
        }
    }

    /// A value sent with the task that pickle cannot send: a thread's lock or queue, an
    /// open file, a database connection; for a pool, also `multiprocessing`'s own queues,
    /// locks and shared values, which reach a child only when it is created.
    private static func unpicklableArgument(at site: SpawnSite, in file: FileFacts) -> (TaskArguments.Sent, Reason)? {
        let (owner, worker) = site.kind == .interpreterPool ? ("interpreter", "task") : ("process", "child")
        for sent in TaskArguments.sent(at: site, in: file) {
            let type = "`\(sent.maker.callee)`"
            switch ProcessAPIs.unpicklable[sent.maker.callee] {
            case .threadPrimitive?:
                // `queue.LifoQueue` has no counterpart of its own: `multiprocessing.Queue` it is.
                let kind = sent.maker.callee.hasPrefix("queue.") ? "Queue" : TaskSources.lastComponent(sent.maker.callee)
                let counterpart = "multiprocessing." + kind
                let advice = switch site.kind {
                case .processPool: "use a `multiprocessing.Manager()`'s \(kind), whose proxy pickles, "
                    + "or give each worker one `\(counterpart)` through `Pool(initializer=..., initargs=...)`"
                case .interpreterPool: "make what the task needs inside it and hand results back as its return value: "
                    + "interpreters share no mutable objects"
                default: "use `\(counterpart)`, which the child inherits when it is created"
                }
                return (sent, Reason(what: "a \(type)", advice: advice, definition: sent.maker.range,
                                     note: "a thread's lock or queue belongs to one \(owner)"))
            case .file?:
                return (sent, Reason(what: "a file opened by \(type)", advice: "send the file's path and open it in the \(worker)",
                                     definition: sent.maker.range, note: "an open file belongs to one \(owner)"))
            case .connection?:
                return (sent, Reason(what: "a connection made by \(type)", advice: "send the database's path and connect in the \(worker)",
                                     definition: sent.maker.range, note: "a connection belongs to one \(owner)"))
            case nil:
                guard site.kind == .processPool, ProcessAPIs.inheritedOnly.contains(sent.maker.callee) else { continue }
                let kind = sent.maker.callee.dropFirst("multiprocessing.".count)
                return (sent, Reason(what: "a \(type)", advice: "make it a `multiprocessing.Manager()`'s \(kind), whose proxy pickles, "
                                        + "or give it to each worker once through `Pool(initializer=..., initargs=...)`",
                                     definition: sent.maker.range,
                                     note: "a child gets it only by inheritance, when it is created"))
            }
        }
        return nil
    }

    /// `pool.map(self.process, items)`: pickle sends a bound method with its object, and
    /// an attribute of the object cannot go (`self.lock = threading.Lock()`: `TypeError:
    /// cannot pickle '_thread.lock' object`). A class that says how it pickles
    /// (`__getstate__`, `__reduce__`) is left alone.
    private static func unpicklableReceiver(at site: SpawnSite, in file: FileFacts, _ model: ProjectModel) -> (FileFacts, Reason)? {
        guard let entry = site.entryID, let (home, method) = model.function(entry), method.kind == .method,
              let owner = method.className, !method.decorators.contains(where: { $0 == "staticmethod" || $0 == "classmethod" }),
              let handed = site.creatingCall(in: file.functions[site.function])?.arguments.first(where: { $0.shape == .name(entry) }),
              TaskArguments.isPlainChain(handed.text), let dot = handed.text.lastIndex(of: ".") else { return nil }
        let className = TaskSources.lastComponent(owner)
        // `pool.map(Processor.process, objects)` hands the plain function; each object goes as an item.
        guard TaskSources.lastComponent(String(handed.text[..<dot])) != className else { return nil }
        guard !home.functions.contains(where: { $0.className == owner && picklingHooks.contains($0.name) }) else { return nil }
        for (attribute, call) in home.attributeMakers(of: owner) {
            guard let kind = ProcessAPIs.unpicklable[call.callee] else { continue }
            let held = switch kind {
            case .threadPrimitive: "a `\(call.callee)`"
            case .file: "a file opened by `\(call.callee)`"
            case .connection: "a connection made by `\(call.callee)`"
            }
            return (home, Reason(
                what: "`\(handed.text)`, a method whose `\(className)` object goes along with it, and whose `\(attribute)` holds \(held)",
                advice: "hand over a module-level function (or a `@staticmethod`) with the values it needs, "
                    + "or give `\(className)` a `__getstate__` that leaves `\(attribute)` out and a `__setstate__` that makes a new one",
                definition: call.range, note: "`self.\(attribute)` made here"))
        }
        return nil
    }

    /// Methods through which a class says how pickle sends its objects.
    private static let picklingHooks: Set<String> = ["__getstate__", "__reduce__", "__reduce_ex__"]

    /// A forked child inherits its target instead of unpickling it, so `Process` works
    /// with any callable once the code asks for `fork` beside the site or at module level:
    /// `set_start_method("fork")` or `get_context("fork")`. Pools pickle every task
    /// whatever the start method.
    private static func pinsFork(_ site: SpawnSite, in file: FileFacts) -> Bool {
        Set([0, site.function]).contains { index in
            file.functions[index].calls.contains { call in
                guard call.callee == "multiprocessing.set_start_method" || call.callee == "multiprocessing.get_context",
                      let method = call.argument(at: 0) ?? call.argument(keyword: "method") else { return false }
                return method.text == "'fork'" || method.text == "\"fork\""
            }
        }
    }

    private struct Reason {
        var what: String
        var advice: String
        var definition: ByteRange
        var note: String
        /// Only a child started without fork fails (`unforkedFailure`): a program that pins fork is fine.
        var failsOnlyUnlessForked = false
    }

    /// The task itself when pickle cannot send it: the entry; the function a factory of
    /// the project returns (`pool.map(make_worker(2), xs)`); or the wrapper a decorator of
    /// the project puts in the entry's place without `functools.wraps`, whose name then
    /// leads nowhere.
    private static func unpicklableTask(at site: SpawnSite, in file: FileFacts, _ model: ProjectModel) -> (FileFacts, Reason)? {
        if let entry = site.entryID, let (home, function) = model.function(entry) {
            if let reason = unpicklable(function, in: home) { return (home, reason) }
            if let reason = definedInTheScript(function, in: home, runningAt: site, in: file, model) { return (home, reason) }
            return unwrappedDecoration(of: function, model)
        }
        guard let maker = site.taskMaker, let (home, factory) = model.function(maker), let made = factory.returnedFunction,
              let reason = unpicklable(home.functions[Int(made)], in: home) else { return nil }
        return (home, reason)
    }

    /// `@timed def work(x)` where `timed` returns its nested `wrapper` (through a factory
    /// too: `@retry(3)`), and `wrapper` is not decorated with `functools.wraps`.
    private static func unwrappedDecoration(of function: FunctionFacts, _ model: ProjectModel) -> (FileFacts, Reason)? {
        for decorator in function.decorators {
            guard let (home, decorating) = model.function(decorator), let returned = decorating.returnedFunction else { continue }
            var wrapper = home.functions[Int(returned)]
            if let inner = wrapper.returnedFunction { wrapper = home.functions[Int(inner)] }
            guard wrapper.isNested, wrapper.kind != .lambda,
                  !wrapper.decorators.contains(where: { $0 == "functools.wraps" || $0.hasSuffix(".wraps") }) else { continue }
            return (home, Reason(
                what: "`\(function.name)`, which `@\(decorating.name)` replaces with `\(wrapper.name)`, a function defined inside it",
                advice: "decorate `\(wrapper.name)` with `@functools.wraps(...)`, so pickle finds it under `\(function.name)`'s name",
                definition: wrapper.nameRange, note: "`\(wrapper.name)` defined here, without `functools.wraps`"))
        }
        return nil
    }

    /// Why pickle, which sends a function by its importable name, cannot send this one.
    private static func unpicklable(_ function: FunctionFacts, in file: FileFacts) -> Reason? {
        let enclosing = function.parent.map { file.functions[$0] }.flatMap { $0.kind == .module ? nil : $0 }
        let inside = enclosing.map { " inside `\($0.name)`" } ?? " inside a function"
        if function.kind == .lambda {
            return Reason(what: "a lambda", advice: "replace the lambda with a module-level function; bind its arguments with functools.partial",
                          definition: function.range, note: "lambda defined here")
        }
        if let className = function.className,
           let owner = file.classes.first(where: { $0.qualifiedName == className }), owner.isLocal {
            let name = className.split(separator: ".").last.map(String.init) ?? className
            return Reason(what: "`\(name).\(function.name)`, a method of class `\(name)` defined\(inside)",
                          advice: "define class `\(name)` at module level so the child can import it",
                          definition: owner.nameRange, note: "class `\(name)` defined here")
        }
        if function.isNested {
            return Reason(what: "`\(function.name)`, a function defined\(inside)",
                          advice: "move `\(function.name)` to module level; bind the values it closes over with functools.partial",
                          definition: function.nameRange, note: "`\(function.name)` defined here")
        }
        return definedUnderMainGuard(function, in: file)
    }

    /// `def crunch(n): ...` in a script whose main guard hands it to an
    /// `InterpreterPoolExecutor`: pickle sends it as `__main__.crunch`, and the worker
    /// interpreter's `__main__` is not the script. Only when the start runs while the
    /// script is `__main__`: in its main guard, or in what the guard's calls reach.
    private static func definedInTheScript(_ function: FunctionFacts, in home: FileFacts, runningAt site: SpawnSite,
                                           in file: FileFacts, _ model: ProjectModel) -> Reason? {
        guard site.kind == .interpreterPool, function.kind != .lambda, !home.mainGuards.isEmpty || home.isMainModule else { return nil }
        let body = home.functions[0]
        let guarded = home.isMainModule ? body.calls : body.calls.filter { call in home.mainGuards.contains { $0.contains(call.range.start) } }
        let startsFromTheScript = (file.path == home.path && site.function == 0 && guarded.contains { $0.range == site.range })
            || model.reachable(from: guarded.compactMap { model.resolve($0.callee, from: home) }).contains(file.functions[site.function].id)
        guard startsFromTheScript else { return nil }
        let name = function.className.map { "\(TaskSources.lastComponent($0)).\(function.name)" } ?? function.name
        return Reason(what: "`\(name)`, defined in the script that runs as `__main__`; pickle sends it as `__main__.\(name)`",
                      advice: "move `\(name)` to a module of its own and import it in the script",
                      definition: function.nameRange, note: "defined here, in the script", failsOnlyUnlessForked: true)
    }

    /// `if __name__ == "__main__": def square(x): ...` then `pool.map(square, xs)`: pickle
    /// sends `__main__.square` by name, and a child started by spawn or forkserver imports
    /// the script as `__mp_main__`, without running the guarded block, so it has no `square`.
    private static func definedUnderMainGuard(_ function: FunctionFacts, in file: FileFacts) -> Reason? {
        let definition = function.className.flatMap { className in file.classes.first { $0.qualifiedName == className }?.nameRange }
            ?? function.nameRange
        guard function.kind != .lambda, file.mainGuards.contains(where: { $0.contains(definition.start) }) else { return nil }
        let name = function.className.map { "\(TaskSources.lastComponent($0)).\(function.name)" } ?? function.name
        let defined = function.className == nil ? "a function" : "a method of a class"
        return Reason(what: "`\(name)`, \(defined) defined under `if __name__ == \"__main__\":`",
                      advice: "define it at module level, above the guard, where the child's import of the script finds it",
                      definition: definition, note: "defined here, inside the main guard", failsOnlyUnlessForked: true)
    }
}
