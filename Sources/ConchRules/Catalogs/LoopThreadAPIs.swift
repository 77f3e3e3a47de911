import ConchKit

/// C event-loop libraries' own API: handles, events and sources are not thread-safe
/// and must be used on the thread that runs their loop (`uv_close`, `event_del`,
/// `g_source_remove`); so must a GUI toolkit's widgets in Python (`Text.tag_add`,
/// `QLabel.setText`). A loop that calls them cannot be moved to a worker.
enum LoopThreadAPIs {
    static let cPrefixes = ["uv_", "event_", "evtimer_", "evbuffer_", "bufferevent_", "ev_", "g_source_", "g_main_"]
    /// The few calls of those libraries made to be used from any thread.
    static let threadSafe: Set<String> = ["uv_async_send", "event_active", "g_main_context_wakeup", "ev_async_send"]

    static func mustRunOnTheLoop(_ callee: String, in language: SourceLanguage) -> Bool {
        switch language {
        case .c: !threadSafe.contains(callee) && cPrefixes.contains { callee.hasPrefix($0) }
        case .python: GUIToolkits.widgetCall(callee) != nil
        }
    }
}
