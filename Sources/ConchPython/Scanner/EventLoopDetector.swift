import ConchKit

/// Recognises the calls that run an event loop. An `async def` alone is not one.
enum EventLoopDetector {
    /// Functions that run a loop, by resolved name.
    static let runFunctions: [String: EventFramework] = [
        "uvicorn.run": .asyncio,
        "hypercorn.asyncio.serve": .asyncio,
        "asyncio.run": .asyncio,
        "asyncio.AbstractEventLoop.run_until_complete": .asyncio,
        "asyncio.AbstractEventLoop.run_forever": .asyncio,
        "tornado.ioloop.IOLoop.start": .tornado,
        "tornado.ioloop.IOLoop.run_sync": .tornado,
        "twisted.internet.reactor.run": .twisted,
        "gi.repository.Gtk.main": .glib,
        "gi.repository.GLib.MainLoop.run": .glib,
        "gi.repository.GObject.MainLoop.run": .glib,
        "aiohttp.web.run_app": .aiohttp,
        "trio.run": .trio,
        "anyio.run": .anyio,
        "gevent.joinall": .gevent,
        "gevent.wait": .gevent,
        "tkinter.mainloop": .tkinter,
        "eventlet.wsgi.server": .eventlet,
    ]

    /// ASGI applications, which a server (`uvicorn main:app`) runs on an asyncio loop.
    static let servedApplications: [String: EventFramework] = [
        "fastapi.FastAPI": .asyncio, "starlette.applications.Starlette": .asyncio, "quart.Quart": .asyncio, "sanic.Sanic": .asyncio,
    ]

    /// Methods that run a loop on an instance of a framework class or a subclass of it.
    static let runMethods: [(base: String, method: String, framework: EventFramework)] = [
        ("wx.App", "MainLoop", .wx),
        ("kivy.app.App", "run", .kivy),
        ("tkinter.Tk", "mainloop", .tkinter),
        ("tkinter.Misc", "mainloop", .tkinter),
        ("urwid.MainLoop", "run", .urwid),
    ]


    /// The last component of every run function, served application and method above.
    static let runNames: Set<String> = [
        "run", "run_until_complete", "run_forever", "run_sync", "start", "main", "run_app", "joinall", "wait", "mainloop",
        "server", "MainLoop", "exec", "exec_", "serve_forever", "serve", "FastAPI", "Starlette", "Quart", "Sanic",
    ]

    static func detect(_ model: ScanModel, call found: FoundCall) {
        let methodToken = found.open - 1
        guard model.tokens.isName(methodToken), model.eventLoopRunNames.contains(model.tokens.nameIDs[methodToken]) else { return }
        let range = model.facts.functions[found.function].calls[found.index].range
        // Only a class can make an application: the common `run`, `start` and `wait` skip the lookup.
        if found.isResolved, ClassNames.looksLikeClass(found.callee), let served = servedApplications[found.callee] {
            model.facts.eventLoops.append(EventLoopMarker(framework: served, kind: .served, range: range))
            return
        }
        guard let framework = framework(model, found) else { return }
        model.facts.eventLoops.append(EventLoopMarker(framework: framework, kind: .run, range: range))
    }

    private static func framework(_ model: ScanModel, _ call: FoundCall) -> EventFramework? {
        let callee = call.callee
        if call.isResolved, let known = runFunctions[callee] { return known }
        guard let dot = callee.lastIndex(of: ".") else { return nil }
        let receiver = String(callee[..<dot])
        let method = String(callee[callee.index(after: dot)...])
        if call.isResolved {
            for entry in runMethods where entry.method == method && model.firstAncestor(of: receiver, where: { $0 == entry.base }) != nil {
                return entry.framework
            }
            if method == "exec" || method == "exec_",
               model.firstAncestor(of: receiver, where: { isQtApplication($0) }) != nil {
                return .qt
            }
            if method == "mainloop", receiver.hasPrefix("tkinter.") { return .tkinter }
            if method == "serve_forever", receiver.hasPrefix("gevent.") { return .gevent }
        }
        if !call.isResolved, method == "run_until_complete" || method == "run_forever", model.imports("asyncio") {
            return .asyncio
        }
        if !call.isResolved, method == "mainloop", model.imports("tkinter") { return .tkinter }
        return nil
    }

    private static func isQtApplication(_ type: String) -> Bool {
        SpawnCatalog.qtPackages.contains { type.hasPrefix($0 + ".") } && type.hasSuffix("Application")
    }

}
