import ConchKit

/// Coroutines the program runs in several tasks at once: started as tasks in a loop or
/// from several places, gathered several at a time, or run once per connection or request
/// by a server. Between two `await`s a task runs alone; across one, the others run.
enum ConcurrentTasks {
    struct Entry {
        var id: FunctionID
        /// `gathered at line 14`, `one task per request to this aiohttp view`.
        var how: String
        var evidence: Finding.Evidence
        /// For a method, the one object every task runs it on, as written (`account`, `self`);
        /// nil when each task may have its own (`gather(*(a.withdraw(1) for a in accounts))`).
        var object: String?
    }

    /// Servers that run the coroutine they are handed once per connection or request, by
    /// the position of that argument.
    private static let servers: [String: Int] = [
        "asyncio.start_server": 0, "asyncio.start_unix_server": 0,
        "websockets.serve": 0, "websockets.server.serve": 0, "websockets.asyncio.server.serve": 0,
        "aiohttp.web.get": 1, "aiohttp.web.post": 1, "aiohttp.web.put": 1, "aiohttp.web.patch": 1, "aiohttp.web.delete": 1,
        "aiohttp.web.route": 2,
        "aiohttp.web.UrlDispatcher.add_get": 1, "aiohttp.web.UrlDispatcher.add_post": 1, "aiohttp.web.UrlDispatcher.add_put": 1,
        "aiohttp.web.UrlDispatcher.add_patch": 1, "aiohttp.web.UrlDispatcher.add_delete": 1, "aiohttp.web.UrlDispatcher.add_route": 2,
    ]

    /// Records an entry: its function, how its tasks start, where, and the one object they share.
    private typealias Add = (FunctionID, String, Finding.Evidence, String?) -> Void

    /// Calls that run the coroutines of their arguments side by side.
    private static let gatherers: Set<String> = ["asyncio.gather", "asyncio.wait", "asyncio.as_completed"]

    /// The coroutines, or with `greenlets` the plain functions gevent and eventlet run as
    /// greenlets (`gevent.spawn(worker)` in a loop, a `StreamServer`'s handler).
    static func entries(_ model: ProjectModel, greenlets: Bool = false) -> [Entry] {
        var found: [FunctionID: Entry] = [:]
        func add(_ id: FunctionID, _ how: String, _ evidence: Finding.Evidence, _ object: String?) {
            guard let function = model.function(id)?.function, function.isAsync != greenlets,
                  found[id]?.object == nil, found[id] == nil || object != nil else { return }
            found[id] = Entry(id: id, how: how, evidence: evidence, object: object)
        }
        startedTasks(model, greenlets: greenlets, add)
        if greenlets {
            servedGreenlets(model, add)
        } else {
            gathered(model, add)
            served(model, add)
        }
        return found.keys.sorted().compactMap { found[$0] }
    }

    /// A gevent or eventlet server's handler: a greenlet per connection or request.
    private static func servedGreenlets(_ model: ProjectModel, _ add: Add) {
        for file in model.files where file.language == .python {
            for marker in file.eventLoops where marker.kind == .callback && (marker.framework == .gevent || marker.framework == .eventlet) {
                guard let id = marker.callback else { continue }
                let place = model.place(file.path, marker.range.start, from: model.function(id)?.file.path ?? file.path)
                add(id, "one greenlet per connection or request, by the server at \(place)",
                    Finding.Evidence(path: file.path, range: marker.range, message: "served here, a greenlet per connection or request"), nil)
            }
        }
    }

    /// `asyncio.create_task(worker(n))` in a loop, or from two places.
    private static func startedTasks(_ model: ProjectModel, greenlets: Bool, _ add: Add) {
        let (one, several) = greenlets ? ("a greenlet", "greenlets") : ("a task", "tasks")
        var starts: [FunctionID: [ExecutionContexts.Start]] = [:]
        for (file, site) in model.spawnSites where site.kind == .coroutine {
            if let id = site.entryID { starts[id, default: []].append(ExecutionContexts.Start(file: file, site: site)) }
        }
        for (id, list) in starts {
            guard let first = list.first, list.count > 1 || first.startsSeveralAtOnce else { continue }
            let place = model.place(first.file.path, first.site.range.start, from: model.function(id)?.file.path ?? first.file.path)
            // `asyncio.create_task(account.withdraw(10))`: the object, when every start names the same one.
            let objects = Set(list.map { start -> String? in
                let function = start.file.functions[start.site.function]
                guard let call = start.site.creatingCall(in: function), let task = call.argument(at: 0),
                      case .call = task.shape, let object = receiver(ofCallText: task.text) else { return nil }
                return TaskArguments.isOneObject(object, in: function, of: start.file, outside: start.site.loop.map { function.loops[$0].range })
                    ? object : nil
            })
            add(id, list.count > 1 ? "started as \(one) at \(place) and elsewhere" : "started as \(several) in a loop at \(place)",
                Finding.Evidence(path: first.file.path, range: first.site.range, message: "\(several) started here"),
                objects.count == 1 ? objects.first ?? nil : nil)
        }
    }

    /// `asyncio.gather(*(withdraw(10) for _ in range(5)))`, or two calls of one coroutine in one gather.
    private static func gathered(_ model: ProjectModel, _ add: Add) {
        model.forEachCall(toAnyOf: gatherers) { fileIndex, functionIndex, lent in
            let file = model.files[fileIndex]
            let function = file.functions[functionIndex]
            let gather = lent.facts
            // Per coroutine and object (`account.withdraw`), how many run side by side.
            var counts: [FunctionID: [String: Int]] = [:]
            for call in function.calls where call.range != gather.range && gather.range.contains(call.range.start) {
                guard let id = model.resolve(call.callee, from: file) else { continue }
                let loop = call.loop.map { function.loops[$0].range }.flatMap { gather.range.contains($0.start) ? $0 : nil }
                var object = receiver(ofCallText: call.calleeText + "(") ?? ""
                if !object.isEmpty, !TaskArguments.isOneObject(object, in: function, of: file, outside: loop) { object = "?" + object }
                counts[id, default: [:]][object, default: 0] += loop == nil ? 1 : 2
            }
            for (id, objects) in counts where objects.values.reduce(0, +) > 1 {
                let place = model.place(file.path, gather.range.start, from: model.function(id)?.file.path ?? file.path)
                let shared = objects.keys.sorted().first { !$0.isEmpty && !$0.hasPrefix("?") && objects[$0, default: 0] > 1 }
                add(id, "gathered at \(place)", Finding.Evidence(path: file.path, range: gather.range, message: "run side by side here"), shared)
            }
        }
    }

    /// `asyncio.start_server(handle, ...)`, `web.get("/", handle)`, Tornado handlers' coroutines,
    /// and async routes and views.
    private static func served(_ model: ProjectModel, _ add: Add) {
        model.forEachCall(toAnyOf: servers.keys) { fileIndex, _, lent in
            let file = model.files[fileIndex]
            let call = lent.facts
            guard let position = servers[call.callee], let argument = call.argument(at: position), case let .name(handler) = argument.shape,
                  let id = model.resolve(handler, from: file) else { return }
            let place = model.place(file.path, call.range.start, from: model.function(id)?.file.path ?? file.path)
            // `web.get("/", handler.handle)`: the server keeps one bound method, so one object.
            add(id, "one task per connection or request, by the server at \(place)",
                Finding.Evidence(path: file.path, range: call.range, message: "served here, a task per connection or request"),
                receiver(ofCallText: argument.text + "("))
        }
        // A Tornado handler is made per request: its coroutine methods share only globals.
        for (id, framework) in FrameworkHooks.callbacks(in: model, coroutines: true) where framework == .tornado {
            guard let (file, function) = model.function(id) else { continue }
            add(id, "one task per request to this Tornado handler",
                Finding.Evidence(path: file.path, range: function.nameRange, message: "Tornado handler: a task per request"), nil)
        }
        for view in WebRoutes.views(in: model) where view.function.isAsync {
            add(view.function.id, "one task per request to this \(view.framework) view",
                Finding.Evidence(path: view.file.path, range: view.function.nameRange, message: "\(view.framework) view: a task per request"), nil)
        }
    }

    /// `account` for `account.withdraw(10)`: the object a method call is made on, when it is
    /// a plain name or chain of attributes; nil for a plain function's call.
    private static func receiver(ofCallText text: String) -> String? {
        guard let open = text.firstIndex(of: "("), let dot = text[..<open].lastIndex(of: ".") else { return nil }
        let object = String(text[..<dot])
        return TaskArguments.isPlainChain(object) && !object.isEmpty ? object : nil
    }
}
