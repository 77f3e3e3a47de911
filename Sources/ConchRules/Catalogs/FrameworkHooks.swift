import ConchKit

/// Methods a framework calls on its loop's thread when a class derives from one of
/// its classes, registered by no call the facts show: a Qt widget's input events,
/// an urwid widget's `keypress`, a Twisted or asyncio protocol's data handlers, a
/// Tornado handler's `get`, a Kivy widget's `on_*` events.
enum FrameworkHooks {
    private struct Hook {
        let framework: EventFramework
        /// Whether a base, resolved (`PyQt5.QtWidgets.QWidget`), is one of the framework's classes.
        let isBase: @Sendable (String) -> Bool
        let names: Set<String>
        /// Kivy's `on_*` events.
        var prefix: String?

        func isHook(_ name: String) -> Bool {
            names.contains(name) || prefix.map { name.hasPrefix($0) } ?? false
        }
    }

    /// Painting and resizing stay out: their work cannot leave the GUI thread, and a
    /// window's `closeEvent` joining its workers on the way out is deliberate.
    private static let qtEvents: Set<String> = [
        "keyPressEvent", "keyReleaseEvent", "mousePressEvent", "mouseReleaseEvent", "mouseDoubleClickEvent",
        "mouseMoveEvent", "wheelEvent", "timerEvent", "dropEvent", "dragEnterEvent", "dragMoveEvent",
        "contextMenuEvent", "focusInEvent", "focusOutEvent", "showEvent", "enterEvent", "leaveEvent",
    ]

    private static let hooks: [Hook] = [
        Hook(framework: .qt, isBase: QtBindings.namesQtClass, names: qtEvents),
        Hook(framework: .urwid, isBase: { $0.hasPrefix("urwid.") }, names: ["keypress", "mouse_event"]),
        Hook(framework: .twisted, isBase: { $0.hasPrefix("twisted.") && $0.hasSuffix("Protocol") || $0.hasSuffix(".LineReceiver") },
             names: ["dataReceived", "lineReceived", "rawDataReceived", "datagramReceived", "connectionMade", "connectionLost"]),
        Hook(framework: .asyncio, isBase: { $0.hasPrefix("asyncio.") && $0.hasSuffix("Protocol") },
             names: ["data_received", "datagram_received", "connection_made", "connection_lost", "eof_received", "buffer_updated"]),
        Hook(framework: .tornado, isBase: { $0 == "tornado.web.RequestHandler" || $0 == "tornado.websocket.WebSocketHandler" },
             names: ["get", "post", "put", "patch", "delete", "head", "options", "prepare", "open", "on_message", "on_close"]),
        Hook(framework: .kivy, isBase: { $0.hasPrefix("kivy.") }, names: [], prefix: "on_"),
    ]

    /// Every hook's name and prefix, so most methods are ruled out by one lookup.
    private static let anyHookName: Set<String> = hooks.reduce(into: []) { $0.formUnion($1.names) }
    private static let anyHookPrefix: [String] = hooks.compactMap(\.prefix)

    /// Every plain method of a class derived from a framework's class that the framework
    /// calls on its loop, with that framework. Coroutine methods are on the loop already;
    /// with `coroutines`, those instead (a Tornado handler's `async def get`, a task per request).
    static func callbacks(in model: ProjectModel, coroutines: Bool = false) -> [(id: FunctionID, framework: EventFramework)] {
        let hierarchy = model.classHierarchy
        var frameworks: [String: [EventFramework]] = [:]
        var found: [(id: FunctionID, framework: EventFramework)] = []
        for file in model.files where file.language == .python && !file.classes.isEmpty {
            // By index: a loop over the functions would copy each one's facts.
            for index in file.functions.indices where file.functions[index].kind == .method && file.functions[index].isAsync == coroutines {
                let name = file.functions[index].name
                guard anyHookName.contains(name) || anyHookPrefix.contains(where: name.hasPrefix),
                      let className = file.functions[index].className else { continue }
                let derived = frameworks[className] ?? {
                    let bases = hierarchy.ancestors(of: className).flatMap { hierarchy[$0]?.bases ?? [] }
                    let matching = hooks.filter { hook in bases.contains(where: hook.isBase) }.map(\.framework)
                    frameworks[className] = matching
                    return matching
                }()
                if let hook = hooks.first(where: { derived.contains($0.framework) && $0.isHook(name) }) {
                    found.append((file.functions[index].id, hook.framework))
                }
            }
        }
        return found
    }
}
