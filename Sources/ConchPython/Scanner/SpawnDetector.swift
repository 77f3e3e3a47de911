import ConchKit

/// Recognises the calls that start concurrent work (`SpawnCatalog`) and resolves
/// the function each runs.
enum SpawnDetector {
    static func detect(_ model: ScanModel, call found: FoundCall, calls: [FoundCall]) {
        let methodToken = found.open - 1
        let isSpawnMethod = model.tokens.isName(methodToken) && model.spawnMethodNames.contains(model.tokens.nameIDs[methodToken])
        guard isSpawnMethod || (found.isResolved && model.isClassOfFile(found.callee)) else { return }
        let method = model.tokens.isName(methodToken) ? model.tokens.text(methodToken) : ""
        guard let spawn = match(model, call: found, method: method) else { return }
        let call = model.facts.functions[found.function].calls[found.index]
        var entries: [SpawnSite.Entry]
        var perRequest = false
        switch spawn.entry {
        case .enclosingFunction:
            entries = [.function(model.facts.functions[found.function].id)]
        case let .argument(keyword, position):
            let entry = resolveEntry(model, found: found, calls: calls, keyword: keyword, position: position, kind: spawn.kind)
            if case let .unresolved(name) = entry, let alternatives = loopAlternatives(model, found: found, name: name) {
                entries = alternatives
            } else {
                entries = [entry]
            }
        case .executorArgument:
            entries = [resolveEntry(model, found: found, calls: calls, keyword: nil, position: 1, kind: spawn.kind)]
        case let .classRun(className, keyword):
            let defined = model.classes[className]?.methods.contains("run") ?? false
            if !defined, call.argument(keyword: keyword) != nil {
                entries = [resolveEntry(model, found: found, calls: calls, keyword: keyword, position: nil, kind: spawn.kind)]
            } else {
                entries = [.function(className + ".run")]
            }
        case .runnable:
            entries = [runnableEntry(model, found: found, calls: calls, call: call)]
        case .requestHandler:
            // The library's servers take the handler second; so does a subclass that keeps their
            // `__init__`. One with its own is handed the handler class somewhere among its arguments.
            let keepsSignature = model.firstAncestor(of: call.callee) { model.classes[$0]?.methods.contains("__init__") ?? false } == nil
            entries = requestHandlers(model, call: call, handlerIsSecond: keepsSignature)
            perRequest = true
        }
        // A forking server waits for its children once `max_children` (40) of them run.
        let isBounded = [.threadPool, .processPool, .interpreterPool].contains(spawn.kind) || (perRequest && spawn.kind == .process)
        let handed: TaskConstants.Handed = switch spawn.entry {
        case let .argument(_, position?): TaskConstants.values(model, call: found, api: spawn.api, functionPosition: position)
        case .executorArgument: TaskConstants.values(model, call: found, api: spawn.api, functionPosition: 1)
        default: TaskConstants.Handed()
        }
        for entry in entries {
            var site = SpawnSite(kind: spawn.kind, api: spawn.api, entry: entry, range: call.range, function: found.function,
                                 loop: call.loop, isBounded: isBounded)
            site.startsPerRequest = perRequest
            site.integerArguments = handed.values
            site.forwardedCounts = handed.forwarded
            if case .unresolved = entry { site.taskMaker = taskMaker(model, call: call, source: spawn.entry) }
            if case let .unresolved(name) = entry, let position = forwardedParameter(model, function: found.function, name: name) {
                site.entry = .parameter(position)
                site.parameterName = name
            }
            // `Thread(target=loop.run_forever)`: the program runs the loop, in that thread.
            if case let .function(name) = entry, let framework = EventLoopDetector.runFunctions[name] {
                model.facts.eventLoops.append(EventLoopMarker(framework: framework, kind: .run, range: call.range))
            }
            model.facts.spawnSites.append(site)
        }
    }

    /// `pool.map(make_worker(2), xs)`: the task is what a call of a function returns.
    private static func taskMaker(_ model: ScanModel, call: CallFacts, source: SpawnCatalog.EntrySource) -> FunctionID? {
        let argument: Argument? = switch source {
        case let .argument(keyword, position):
            keyword.flatMap { call.argument(keyword: $0) } ?? position.flatMap { call.argument(at: $0) }
        case .executorArgument:
            call.argument(at: 1)
        default:
            nil
        }
        guard case let .call(callee)? = argument?.shape, callee != "functools.partial", !model.namesClass(callee) else { return nil }
        return callee
    }

    /// `def spawn(func, *args): Thread(target=func, args=args).start()`: where the
    /// wrapper's callers pass `func`, for the project model to take the entries from them.
    static func forwardedParameter(_ model: ScanModel, function: Int, name: String) -> Int? {
        // Field by field: a copy of the function's whole facts costs more than the lookup.
        let kind = model.facts.functions[function].kind
        guard kind == .function || kind == .method,
              let nameToken = model.tokens.index(startingAt: model.facts.functions[function].nameRange.start),
              let position = Parameters.position(of: name, model.tokens, after: nameToken) else { return nil }
        guard kind == .method, !model.staticMethods.contains(function) else { return position }
        return position > 0 ? position - 1 : nil
    }

    /// What a threading server runs per request: its handler class's own `handle`, else
    /// each `do_GET`, `do_POST`... of an HTTP handler; `handle` of a class from another module.
    private static func requestHandlers(_ model: ScanModel, call: CallFacts, handlerIsSecond: Bool) -> [SpawnSite.Entry] {
        let handlerClass = { (argument: Argument) -> Bool in
            guard case let .name(name) = argument.shape else { return false }
            return model.firstAncestor(of: name, where: SpawnCatalog.requestHandlerBases.contains) != nil
        }
        guard let argument = call.argument(keyword: "RequestHandlerClass")
                ?? (handlerIsSecond ? call.argument(at: 1) : call.arguments.first(where: handlerClass)),
              case let .name(handler) = argument.shape,
              model.namesClass(handler) else { return [.none] }
        guard let methods = model.classes[handler]?.methods else { return [.function(handler + ".handle")] }
        if methods.contains("handle") { return [.function(handler + ".handle")] }
        let verbs = methods.filter { $0.hasPrefix("do_") }.sorted()
        return verbs.isEmpty ? [.unresolved(argument.text)] : verbs.map { .function(handler + "." + $0) }
    }

    /// What `QThreadPool.start(task)` runs: `task.run` when the task is an instance of a
    /// class (a `QRunnable` subclass), else the callable itself.
    private static func runnableEntry(_ model: ScanModel, found: FoundCall, calls: [FoundCall], call: CallFacts) -> SpawnSite.Entry {
        switch call.argument(at: 0)?.shape {
        case let .call(type)?, let .name(type)?:
            if model.namesClass(type) { return .function(type + ".run") }
        default:
            break
        }
        return resolveEntry(model, found: found, calls: calls, keyword: nil, position: 0, kind: .threadPool)
    }

    /// `for job in (produce, consume): Thread(target=job)`: a loop variable taken from a
    /// literal tuple or list of names stands for each of them.
    private static func loopAlternatives(_ model: ScanModel, found: FoundCall, name: String) -> [SpawnSite.Entry]? {
        let tokens = model.tokens
        let loops = model.facts.functions[found.function].loops
        var current = model.facts.functions[found.function].calls[found.index].loop
        while let index = current {
            current = loops[index].parent
            guard loops[index].kind == .for || loops[index].kind == .comprehension,
                  var cursor = tokens.index(startingAt: loops[index].headerRange.start) else { continue }
            if tokens.isName(cursor, "async") { cursor += 1 }
            guard tokens.isName(cursor, "for"), tokens.isName(cursor + 1), tokens.text(cursor + 1) == name else { continue }
            let open = cursor + 3
            guard tokens.isName(cursor + 2, "in"), tokens.isOp(open, "(") || tokens.isOp(open, "["), tokens.partner[open] > open else { return nil }
            let items = Assignments.commaSeparated(tokens, first: open + 1, end: tokens.partner[open])
            guard !items.isEmpty else { return nil }
            return items.map { item in
                let last = item.end - 1
                guard last >= item.first, tokens.isName(item.first), model.chainStart(endingAt: last, notBefore: item.first) == item.first,
                      !tokens.isCloser(last) else { return .unresolved(tokens.text(item.first, max(item.first, last))) }
                return functionNamed(model, item.first, last, found: found).map { .function($0) } ?? .unresolved(tokens.text(item.first, last))
            }
        }
        return nil
    }

    /// `nursery.start_soon(trio.to_thread.run_sync, crunch, n)`: the task is the offload
    /// itself, which runs the next argument on a worker thread (or process).
    private static func handedOffload(_ model: ScanModel, call: FoundCall) -> SpawnCatalog.Match? {
        guard case let .name(name)? = model.facts.functions[call.function].calls[call.index].argument(at: 0)?.shape,
              let offload = SpawnCatalog.functions[name], offload.kind == .threadPool || offload.kind == .processPool else { return nil }
        return SpawnCatalog.Match(kind: offload.kind, api: offload.api, entry: .argument(keyword: nil, position: 1))
    }

    private static func match(_ model: ScanModel, call: FoundCall, method: String) -> SpawnCatalog.Match? {
        let callee = call.callee
        if method == "run_in_executor" {
            let executor = model.facts.functions[call.function].calls[call.index].argument(at: 0)
            let kind = switch executor?.shape {
            case let .name(type)?, let .call(type)?: SpawnCatalog.executorKind(named: type)
            default: SpawnSite.Kind.threadPool
            }
            return SpawnCatalog.Match(kind: kind, api: callee, entry: .executorArgument)
        }
        guard call.isResolved else { return nil }
        if SpawnCatalog.spawningNames.contains(method), let known = SpawnCatalog.functions[callee] { return known }
        if SpawnCatalog.runnablePoolMethodNames.contains(method), SpawnCatalog.runnablePools.contains(String(callee.dropLast(method.count + 1))) {
            return SpawnCatalog.Match(kind: .threadPool, api: callee, entry: .runnable)
        }
        if method == "connect", SpawnCatalog.threadStartedConnections.contains(callee) {
            return SpawnCatalog.Match(kind: .thread, api: String(callee.dropLast(".started.connect".count)),
                                      entry: .argument(keyword: nil, position: 0))
        }
        let startsTask = method == "create_task" || SpawnCatalog.taskGroupMethodNames.contains(method)
        if SpawnCatalog.poolMethodNames.contains(method) || startsTask, callee.count > method.count + 1 {
            let receiver = String(callee.dropLast(method.count + 1))
            if let kind = SpawnCatalog.poolTypes[receiver], SpawnCatalog.poolMethods[kind]?.contains(method) ?? false {
                return SpawnCatalog.Match(kind: kind, api: callee, entry: .argument(keyword: nil, position: 0))
            }
            let taskStarter = method == "create_task"
                ? receiver == "asyncio.AbstractEventLoop" || receiver == "asyncio.TaskGroup"
                : SpawnCatalog.taskGroupTypes.contains(receiver)
            if startsTask, taskStarter {
                return handedOffload(model, call: call) ?? SpawnCatalog.Match(kind: .coroutine, api: callee, entry: .argument(keyword: nil, position: 0))
            }
        }
        let base = model.classes[callee] == nil ? callee : model.firstAncestor(of: callee, where: SpawnCatalog.spawningBases.contains)
        guard let base, SpawnCatalog.spawningBases.contains(base) else { return nil }
        if let kind = SpawnCatalog.perRequestServers[base] {
            return SpawnCatalog.Match(kind: kind, api: callee, entry: .requestHandler)
        }
        // The library's own Thread and Process are in `functions`; here, classes of the file built
        // on them, whose starting base the structural facts already hold.
        guard base != callee, let starting = model.classes[callee].flatMap({ model.facts.classes[$0.factIndex].startsAs }) else { return nil }
        return SpawnCatalog.Match(kind: starting.kind, api: starting.base, entry: .classRun(callee, keyword: "target"))
    }

    static func resolveEntry(_ model: ScanModel, found: FoundCall, calls: [FoundCall], keyword: String?, position: Int?,
                                     kind: SpawnSite.Kind) -> SpawnSite.Entry {
        let call = model.facts.functions[found.function].calls[found.index]
        var argument = keyword.flatMap { call.argument(keyword: $0) }
        if argument == nil, let position { argument = call.argument(at: position) }
        guard let argument else { return .none }
        switch argument.shape {
        case let .lambda(id):
            return .function(id)
        case let .name(name):
            let token = model.tokens.index(startingAt: argument.range.start) ?? -1
            let resolved = token >= 0 ? isFunctionLike(model, name: name, token: token, found: found) : false
            if resolved { return .function(name) }
            // `double = lambda x: 2 * x` then `pool.map(double, items)`.
            if token >= 0, argument.range == model.tokens.range(token, token),
               let lambda = model.lambdaBindings.lambda(boundTo: model.tokens.text(token), in: found.function, model) {
                return .function(model.facts.functions[lambda].id)
            }
            return .unresolved(argument.text)
        case let .call(callee):
            // The argument's last `)` closes the call its shape names; calls are ordered by their `(`.
            guard let last = model.tokens.index(endingAt: argument.range.end), model.tokens.partner[last] >= 0,
                  let inner = foundCall(openingAt: model.tokens.partner[last], in: calls) else {
                return .unresolved(argument.text)
            }
            if callee == "functools.partial" {
                return resolveEntry(model, found: inner, calls: calls, keyword: "func", position: 0, kind: kind)
            }
            guard model.facts.functions[inner.function].calls[inner.index].isResolved else { return .unresolved(argument.text) }
            if kind == .coroutine { return .function(callee) }
            // `pool.submit(Builder())`: the task is an instance, and running it calls its `__call__`.
            return model.namesClass(callee) ? .function(callee + ".__call__") : .unresolved(argument.text)
        default:
            return methodOfNewInstance(model, argument, found: found).map { .function($0) } ?? .unresolved(argument.text)
        }
    }

    /// `Thread(target=Collector(results).collect)`: a method of an instance built in place.
    private static func methodOfNewInstance(_ model: ScanModel, _ argument: Argument, found: FoundCall) -> String? {
        let tokens = model.tokens
        guard let first = tokens.index(startingAt: argument.range.start), let last = tokens.index(endingAt: argument.range.end),
              last - 2 > first, tokens.isName(last), tokens.isOp(last - 1, "."), tokens.isOp(last - 2, ")"),
              tokens.partner[last - 2] > first, model.chainStart(endingAt: last, notBefore: first) == first else { return nil }
        let resolved = model.resolveChain(first, last, scope: found.function, className: model.scopes[found.function].className)
        guard resolved.isResolved, let dot = resolved.name.lastIndex(of: "."),
              model.namesClass(String(resolved.name[..<dot])) else { return nil }
        return resolved.name
    }

    private static func foundCall(openingAt open: Int, in calls: [FoundCall]) -> FoundCall? {
        var low = 0
        var high = calls.count - 1
        while low <= high {
            let mid = (low + high) / 2
            if calls[mid].open == open { return calls[mid] }
            if calls[mid].open < open { low = mid + 1 } else { high = mid - 1 }
        }
        return nil
    }

    /// A name resolved through definitions, imports or `self`, and not a builtin.
    private static func isFunctionLike(_ model: ScanModel, name: String, token: Int, found: FoundCall) -> Bool {
        let tokens = model.tokens
        var last = token
        while tokens.isOp(last + 1, "."), tokens.isName(last + 2) { last += 2 }
        return functionNamed(model, token, last, found: found) != nil
    }

    /// What the dotted name `first...last` resolves to in the call's function, unless that
    /// is unknown or a builtin.
    private static func functionNamed(_ model: ScanModel, _ first: Int, _ last: Int, found: FoundCall) -> String? {
        let resolved = model.resolveChain(first, last, scope: found.function, className: model.scopes[found.function].className)
        return resolved.isResolved && !ScannerCatalog.builtins.contains(resolved.name) ? resolved.name : nil
    }
}
