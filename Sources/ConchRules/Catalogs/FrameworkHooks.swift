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
        let isHook: @Sendable (String) -> Bool
    }

    /// Painting and resizing stay out: their work cannot leave the GUI thread, and a
    /// window's `closeEvent` joining its workers on the way out is deliberate.
    private static let qtEvents: Set<String> = [
        "keyPressEvent", "keyReleaseEvent", "mousePressEvent", "mouseReleaseEvent", "mouseDoubleClickEvent",
        "mouseMoveEvent", "wheelEvent", "timerEvent", "dropEvent", "dragEnterEvent", "dragMoveEvent",
        "contextMenuEvent", "focusInEvent", "focusOutEvent", "showEvent", "enterEvent", "leaveEvent",
    ]

    private static let hooks: [Hook] = [
        Hook(framework: .qt, isBase: { base in QtBindings.packages.contains { base.hasPrefix($0 + ".") } }, isHook: qtEvents.contains),
        Hook(framework: .urwid, isBase: { $0.hasPrefix("urwid.") }, isHook: { $0 == "keypress" || $0 == "mouse_event" }),
        Hook(framework: .twisted, isBase: { $0.hasPrefix("twisted.") && $0.hasSuffix("Protocol") || $0.hasSuffix(".LineReceiver") },
             isHook: ["dataReceived", "lineReceived", "rawDataReceived", "datagramReceived", "connectionMade", "connectionLost"].contains),
        Hook(framework: .asyncio, isBase: { $0.hasPrefix("asyncio.") && $0.hasSuffix("Protocol") },
             isHook: ["data_received", "datagram_received", "connection_made", "connection_lost", "eof_received", "buffer_updated"].contains),
        Hook(framework: .tornado, isBase: { $0 == "tornado.web.RequestHandler" || $0 == "tornado.websocket.WebSocketHandler" },
             isHook: ["get", "post", "put", "patch", "delete", "head", "options", "prepare", "open", "on_message", "on_close"].contains),
        Hook(framework: .kivy, isBase: { $0.hasPrefix("kivy.") }, isHook: { $0.hasPrefix("on_") }),
    ]

    /// Every plain method of a class derived from a framework's class that the framework
    /// calls on its loop, with that framework. Coroutine methods are on the loop already.
    static func callbacks(in model: ProjectModel) -> [(id: FunctionID, framework: EventFramework)] {
        let hierarchy = model.classHierarchy
        var frameworks: [String: [EventFramework]] = [:]
        var found: [(id: FunctionID, framework: EventFramework)] = []
        for file in model.files where file.language == .python && !file.classes.isEmpty {
            for function in file.functions where function.kind == .method && !function.isAsync {
                guard let className = function.className, hooks.contains(where: { $0.isHook(function.name) }) else { continue }
                let derived = frameworks[className] ?? {
                    let bases = hierarchy.ancestors(of: className).flatMap { hierarchy[$0]?.bases ?? [] }
                    let matching = hooks.filter { hook in bases.contains(where: hook.isBase) }.map(\.framework)
                    frameworks[className] = matching
                    return matching
                }()
                if let hook = hooks.first(where: { derived.contains($0.framework) && $0.isHook(function.name) }) {
                    found.append((function.id, hook.framework))
                }
            }
        }
        return found
    }
}
