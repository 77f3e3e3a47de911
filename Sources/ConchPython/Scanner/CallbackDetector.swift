import ConchKit

/// Recognises the calls that hand a function to an event loop to run later on the
/// loop's own thread (`loop.call_soon(f)`, `root.after(100, f)`), as data.
enum CallbackDetector {
    struct Registration {
        var framework: EventFramework
        /// Where the callable is: by keyword, else by position.
        var keyword: String?
        var position: Int?
        /// The loop runs the callback once a descriptor is ready to read (`add_reader`).
        var firesOnReadyDescriptor = false
    }

    /// Functions and methods that register a callback, by resolved name.
    static let functions: [String: Registration] = tkinterCommands.merging([
        "asyncio.AbstractEventLoop.call_soon": Registration(framework: .asyncio, position: 0),
        "asyncio.AbstractEventLoop.call_soon_threadsafe": Registration(framework: .asyncio, position: 0),
        "asyncio.AbstractEventLoop.call_later": Registration(framework: .asyncio, position: 1),
        "asyncio.AbstractEventLoop.call_at": Registration(framework: .asyncio, position: 1),
        "asyncio.AbstractEventLoop.add_reader": Registration(framework: .asyncio, position: 1, firesOnReadyDescriptor: true),
        "asyncio.AbstractEventLoop.add_writer": Registration(framework: .asyncio, position: 1),
        "asyncio.AbstractEventLoop.add_signal_handler": Registration(framework: .asyncio, position: 1),
        "tornado.ioloop.IOLoop.add_callback": Registration(framework: .tornado, keyword: "callback", position: 0),
        "tornado.ioloop.IOLoop.call_later": Registration(framework: .tornado, keyword: "callback", position: 1),
        "tornado.ioloop.IOLoop.call_at": Registration(framework: .tornado, keyword: "callback", position: 1),
        "tornado.ioloop.IOLoop.add_timeout": Registration(framework: .tornado, keyword: "callback", position: 1),
        "tornado.ioloop.PeriodicCallback": Registration(framework: .tornado, keyword: "callback", position: 0),
        "twisted.internet.reactor.callLater": Registration(framework: .twisted, position: 1),
        "twisted.internet.reactor.callWhenRunning": Registration(framework: .twisted, position: 0),
        "twisted.internet.reactor.callFromThread": Registration(framework: .twisted, position: 0),
        "twisted.internet.task.LoopingCall": Registration(framework: .twisted, keyword: "f", position: 0),
        "gi.repository.GLib.timeout_add": Registration(framework: .glib, position: 1),
        "gi.repository.GLib.timeout_add_seconds": Registration(framework: .glib, position: 1),
        "gi.repository.GLib.idle_add": Registration(framework: .glib, position: 0),
        "gi.repository.GObject.timeout_add": Registration(framework: .glib, position: 1),
        "gi.repository.GObject.idle_add": Registration(framework: .glib, position: 0),
        // A server's handler runs in a new greenlet per connection, or request, on the hub.
        "gevent.pywsgi.WSGIServer": Registration(framework: .gevent, keyword: "application", position: 1),
        "gevent.server.StreamServer": Registration(framework: .gevent, keyword: "handle", position: 1),
        "gevent.server.DatagramServer": Registration(framework: .gevent, keyword: "handle", position: 1),
        "eventlet.wsgi.server": Registration(framework: .eventlet, keyword: "site", position: 1),
        "wx.CallLater": Registration(framework: .wx, position: 1),
        "wx.CallAfter": Registration(framework: .wx, position: 0),
        "kivy.clock.Clock.schedule_interval": Registration(framework: .kivy, position: 0),
        "kivy.clock.Clock.schedule_once": Registration(framework: .kivy, position: 0),
        "urwid.MainLoop": Registration(framework: .urwid, keyword: "unhandled_input"),
        "urwid.MainLoop.set_alarm_in": Registration(framework: .urwid, keyword: "callback", position: 1),
        "urwid.MainLoop.set_alarm_at": Registration(framework: .urwid, keyword: "callback", position: 1),
        "urwid.MainLoop.watch_file": Registration(framework: .urwid, keyword: "callback", position: 1),
        "urwid.MainLoop.watch_pipe": Registration(framework: .urwid, keyword: "callback", position: 0),
        "urwid.MainLoop.enter_idle": Registration(framework: .urwid, keyword: "callback", position: 0),
        "urwid.connect_signal": Registration(framework: .urwid, keyword: "callback", position: 2),
        "urwid.Button": Registration(framework: .urwid, keyword: "on_press"),
    ]) { first, _ in first }

    /// Tk widgets whose `command=` the event loop calls when the user acts: a button's
    /// click, a menu entry, a scale's move.
    private static let tkinterCommands: [String: Registration] = {
        let widgets = ["Button", "Checkbutton", "Radiobutton", "Scale", "Spinbox"]
        let classes = widgets.flatMap { ["tkinter.\($0)", "tkinter.ttk.\($0)"] }
            + ["tkinter.Menu.add_command", "tkinter.Menu.add_checkbutton", "tkinter.Menu.add_radiobutton"]
        return Dictionary(uniqueKeysWithValues: classes.map { ($0, Registration(framework: .tkinter, keyword: "command")) })
    }()

    /// Methods that register a callback on any type of a package: Tk's `after`,
    /// Qt's signal `connect`, wx's `Bind`.
    static let methods: [(package: String, method: String, registration: Registration)] = [
        ("tkinter.", "after", Registration(framework: .tkinter, position: 1)),
        ("tkinter.", "after_idle", Registration(framework: .tkinter, position: 0)),
        ("tkinter.", "bind", Registration(framework: .tkinter, position: 1)),
        ("tkinter.", "configure", Registration(framework: .tkinter, keyword: "command")),
        ("tkinter.", "config", Registration(framework: .tkinter, keyword: "command")),
        ("wx.", "Bind", Registration(framework: .wx, position: 1)),
    ] + QtBindings.packages.flatMap { package in [
        (package + ".", "connect", Registration(framework: .qt, position: 0)),
        (package + ".", "singleShot", Registration(framework: .qt, position: 1)),
    ] }

    /// Methods distinctive enough to count on a receiver of unknown type
    /// (`self.root.after(...)`) when the module imports the framework.
    static let methodsOfUnknownReceivers: [(module: String, method: String, registration: Registration)] = [
        ("tkinter", "after", Registration(framework: .tkinter, position: 1)),
        ("tkinter", "after_idle", Registration(framework: .tkinter, position: 0)),
        ("tkinter", "bind", Registration(framework: .tkinter, position: 1)),
        ("wx", "Bind", Registration(framework: .wx, position: 1)),
        ("asyncio", "call_soon", Registration(framework: .asyncio, position: 0)),
        ("asyncio", "call_soon_threadsafe", Registration(framework: .asyncio, position: 0)),
        ("asyncio", "call_later", Registration(framework: .asyncio, position: 1)),
        ("urwid", "set_alarm_in", Registration(framework: .urwid, keyword: "callback", position: 1)),
    ] + QtBindings.packages.map { ($0, "connect", Registration(framework: .qt, position: 0)) }

    /// The last component of every callee above: most calls end in none of them,
    /// so one lookup settles them.
    private static let lastComponents: Set<Substring> = Set(functions.keys.compactMap { lastComponent(of: $0) })
        .union(methods.map { Substring($0.method) }).union(methodsOfUnknownReceivers.map { Substring($0.method) })

    /// Bit `length * 128 + last byte` set for each of `lastComponents`: nearly every call's
    /// last component is ruled out by its length and last byte, without hashing it.
    private static let lengthAndLastByte: [UInt64] = lastComponents.reduce(into: [UInt64](repeating: 0, count: 128)) { bits, name in
        guard let key = filterKey(name) else { return }
        bits[key >> 6] |= 1 << UInt64(key & 63)
    }

    private static func filterKey(_ name: Substring) -> Int? {
        let utf8 = name.utf8
        guard let last = utf8.last, last < 128, utf8.count < 64 else { return nil }
        return utf8.count * 128 + Int(last)
    }

    /// Whether the text after the callee's last `.` may be one of `lastComponents`, read
    /// from its bytes: false for a callee without a dot, which has no last component.
    private static func mayEndInRegistration(_ callee: String) -> Bool {
        var contiguous = callee
        return contiguous.withUTF8 { bytes in
            guard let dot = bytes.lastIndex(of: UInt8(ascii: ".")), let last = bytes.last else { return false }
            let length = bytes.count - dot - 1
            guard last < 128, length < 64 else { return true }
            let key = length * 128 + Int(last)
            return lengthAndLastByte[key >> 6] & (1 << UInt64(key & 63)) != 0
        }
    }

    /// `methods` by method name, in table order.
    private static let methodsByName: [Substring: [(package: String, registration: Registration)]] =
        Dictionary(grouping: methods) { Substring($0.method) }.mapValues { $0.map { ($0.package, $0.registration) } }

    static func detect(_ model: ScanModel, call found: FoundCall, calls: [FoundCall]) {
        guard let registration = registration(for: found, model) else { return }
        let entry = SpawnDetector.resolveEntry(model, found: found, calls: calls, keyword: registration.keyword,
                                               position: registration.position, kind: .thread)
        if case let .unresolved(name) = entry, let position = SpawnDetector.forwardedParameter(model, function: found.function, name: name) {
            model.facts.callbackWrappers.append(CallbackWrapper(function: found.function, position: position, parameterName: name,
                                                                framework: registration.framework))
            return
        }
        guard case let .function(id) = entry else { return }
        let range = model.facts.functions[found.function].calls[found.index].range
        var marker = EventLoopMarker(framework: registration.framework, kind: .callback, range: range, callback: id)
        marker.firesOnReadyDescriptor = registration.firesOnReadyDescriptor
        model.facts.eventLoops.append(marker)
    }

    private static func registration(for call: FoundCall, _ model: ScanModel) -> Registration? {
        let callee = call.callee
        guard mayEndInRegistration(callee), let method = lastComponent(of: callee), lastComponents.contains(method) else { return nil }
        if call.isResolved, let known = functions[callee] { return known }
        // A `QThread`'s `started` fires in the new thread, not on the event loop.
        if call.isResolved, SpawnCatalog.threadStartedConnections.contains(callee) { return nil }
        if call.isResolved, let known = methodsByName[method]?.first(where: { callee.hasPrefix($0.package) }) {
            return known.registration
        }
        if call.isResolved, method == "connect", isSignalOfQtClass(callee) { return Registration(framework: .qt, position: 0) }
        return model.callbackRegistrationsOfUnknownReceivers[method]
    }

    /// `aqt.qt.QPushButton.clicked.connect`: a signal of a class spelled as Qt's are, reached
    /// through a module of the project that re-exports a binding (Anki's `aqt.qt`, pyzo's `pyzo.qt`).
    private static func isSignalOfQtClass(_ callee: String) -> Bool {
        let parts = callee.split(separator: ".")
        guard parts.count >= 3 else { return false }
        return QtBindings.isClassName(parts[parts.count - 3])
    }

    /// The registrations `methodsOfUnknownReceivers` allows in this file, by method name:
    /// the first entry whose module the file imports.
    static func registrationsOfUnknownReceivers(_ model: ScanModel) -> [Substring: Registration] {
        var result: [Substring: Registration] = [:]
        for entry in methodsOfUnknownReceivers where result[Substring(entry.method)] == nil && model.imports(entry.module) {
            result[Substring(entry.method)] = entry.registration
        }
        return result
    }

    /// The text after the last `.`; nil without one.
    static func lastComponent(of name: String) -> Substring? {
        // Searching the raw bytes: `UTF8View.lastIndex(of:)` walks index by index.
        var contiguous = name
        guard let dot = contiguous.withUTF8({ $0.lastIndex(of: UInt8(ascii: ".")) }) else { return nil }
        return name[name.utf8.index(name.utf8.startIndex, offsetBy: dot + 1)...]
    }
}
