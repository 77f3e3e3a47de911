import ConchKit

/// Recognises functions handed to an event loop as callbacks (`loop.call_later(d, cb)`,
/// `root.after(ms, cb)`, `QTimer.singleShot(ms, cb)`...): code that runs on the loop's thread.
enum EventCallbackDetector {
    private struct Registration {
        var framework: EventFramework
        /// How the receiver (or the callee) is recognised.
        var owner: Owner
        var keyword: String?
        var position: Int?
    }

    private enum Owner {
        /// The resolved callee is exactly this.
        case callee(String)
        /// A method on an instance of a type with this prefix, or, unresolved, in a file importing `module`.
        case method(typePrefix: String, module: String)
    }

    /// By the called method's (or function's) last name.
    private static let registrations: [String: [Registration]] = [
        "call_soon": [Registration(framework: .asyncio, owner: .method(typePrefix: "asyncio.", module: "asyncio"), position: 0)],
        "call_soon_threadsafe": [Registration(framework: .asyncio, owner: .method(typePrefix: "asyncio.", module: "asyncio"), position: 0)],
        "call_later": [
            Registration(framework: .asyncio, owner: .method(typePrefix: "asyncio.", module: "asyncio"), position: 1),
            Registration(framework: .tornado, owner: .method(typePrefix: "tornado.", module: "tornado"), position: 1),
        ],
        "call_at": [Registration(framework: .asyncio, owner: .method(typePrefix: "asyncio.", module: "asyncio"), position: 1)],
        "add_reader": [Registration(framework: .asyncio, owner: .method(typePrefix: "asyncio.", module: "asyncio"), position: 1)],
        "after": [Registration(framework: .tkinter, owner: .method(typePrefix: "tkinter.", module: "tkinter"), position: 1)],
        "after_idle": [Registration(framework: .tkinter, owner: .method(typePrefix: "tkinter.", module: "tkinter"), position: 0)],
        "singleShot": [
            Registration(framework: .qt, owner: .method(typePrefix: "PyQt5.", module: "PyQt5"), position: 1),
            Registration(framework: .qt, owner: .method(typePrefix: "PyQt6.", module: "PyQt6"), position: 1),
            Registration(framework: .qt, owner: .method(typePrefix: "PySide2.", module: "PySide2"), position: 1),
            Registration(framework: .qt, owner: .method(typePrefix: "PySide6.", module: "PySide6"), position: 1),
        ],
        "callLater": [Registration(framework: .twisted, owner: .callee("twisted.internet.reactor.callLater"), position: 1)],
        "callWhenRunning": [Registration(framework: .twisted, owner: .callee("twisted.internet.reactor.callWhenRunning"), position: 0)],
        "LoopingCall": [Registration(framework: .twisted, owner: .callee("twisted.internet.task.LoopingCall"), position: 0)],
        "timeout_add": [
            Registration(framework: .glib, owner: .callee("gi.repository.GLib.timeout_add"), position: 1),
            Registration(framework: .glib, owner: .callee("gi.repository.GObject.timeout_add"), position: 1),
        ],
        "timeout_add_seconds": [Registration(framework: .glib, owner: .callee("gi.repository.GLib.timeout_add_seconds"), position: 1)],
        "idle_add": [
            Registration(framework: .glib, owner: .callee("gi.repository.GLib.idle_add"), position: 0),
            Registration(framework: .glib, owner: .callee("gi.repository.GObject.idle_add"), position: 0),
        ],
        "PeriodicCallback": [Registration(framework: .tornado, owner: .callee("tornado.ioloop.PeriodicCallback"), position: 0)],
        "add_callback": [Registration(framework: .tornado, owner: .method(typePrefix: "tornado.", module: "tornado"), position: 0)],
        "add_timeout": [Registration(framework: .tornado, owner: .method(typePrefix: "tornado.", module: "tornado"), position: 1)],
        "CallLater": [Registration(framework: .wx, owner: .callee("wx.CallLater"), position: 1)],
        "CallAfter": [Registration(framework: .wx, owner: .callee("wx.CallAfter"), position: 0)],
        "schedule_interval": [Registration(framework: .kivy, owner: .callee("kivy.clock.Clock.schedule_interval"), position: 0)],
        "schedule_once": [Registration(framework: .kivy, owner: .callee("kivy.clock.Clock.schedule_once"), position: 0)],
    ]

    static func detect(_ model: ScanModel, call found: FoundCall, calls: [FoundCall]) {
        let methodToken = found.open - 1
        guard model.tokens.isName(methodToken), let candidates = registrations[model.tokens.text(methodToken)] else { return }
        let call = model.facts.functions[found.function].calls[found.index]
        for registration in candidates where matches(model, call, registration.owner) {
            let entry = SpawnDetector.resolveEntry(model, found: found, calls: calls, keyword: registration.keyword,
                                                   position: registration.position, kind: .thread)
            var callback: FunctionID?
            if case let .function(id) = entry { callback = id }
            model.facts.eventLoops.append(EventLoopMarker(framework: registration.framework, kind: .callback,
                                                          range: call.range, callback: callback))
            return
        }
    }

    private static func matches(_ model: ScanModel, _ call: CallFacts, _ owner: Owner) -> Bool {
        switch owner {
        case let .callee(name):
            return call.isResolved && call.callee == name
        case let .method(typePrefix, module):
            if call.isResolved { return call.callee.hasPrefix(typePrefix) || isSubclassCall(model, call, typePrefix) }
            return model.imports(module)
        }
    }

    /// `self.after(...)` in a class derived from `tkinter.Tk` or `tkinter.Frame`.
    private static func isSubclassCall(_ model: ScanModel, _ call: CallFacts, _ typePrefix: String) -> Bool {
        guard let dot = call.callee.lastIndex(of: ".") else { return false }
        let receiver = String(call.callee[..<dot])
        return model.classes[receiver] != nil && model.firstAncestor(of: receiver, where: { $0.hasPrefix(typePrefix) }) != nil
    }
}
