import ConchKit

/// GUI toolkits whose widgets belong to the GUI thread: a method of a widget class
/// (`tkinter.ttk.Label.config`, `PySide6.QtWidgets.QLabel.setText`, `wx.Frame.SetTitle`,
/// a Kivy `Label`'s attribute set, `kivy.uix.label.Label.__setattr__`) called from another thread.
enum GUIToolkits {
    private struct Toolkit {
        let prefixes: [String]
        let hazard: String
        let advice: String
        /// Methods that hand work to the GUI thread, made for calling from others.
        let handOffs: Set<String>
        /// What a thread calls to run the toolkit itself.
        var ownInstance: Set<String> = []
    }

    private static let toolkits = [
        Toolkit(prefixes: ["tkinter."],
                hazard: "a Tk call: Tkinter runs Tk in the thread that created it, so from another thread the call waits for "
                    + "`mainloop()` to take it, and raises RuntimeError when the main thread is not in `mainloop()`",
                advice: "hand results to the GUI thread: put them on a queue.Queue that a root.after(100, ...) callback drains, "
                    + "and touch widgets only there",
                handOffs: ["after", "after_idle", "after_cancel", "event_generate"],
                ownInstance: ["tkinter.Tk", "tkinter.Tcl"]),
        Toolkit(prefixes: QtBindings.packages.map { $0 + ".QtWidgets." },
                hazard: "a Qt widget call: widgets may only be used from the GUI thread, and a call from another thread can crash the program",
                advice: "emit a signal from the worker and connect it to a slot that updates the widget; Qt delivers it in the GUI thread",
                handOffs: ["postEvent", "instance"]),
        Toolkit(prefixes: ["kivy.uix.", "kivy.core.window."],
                hazard: "a Kivy widget change: Kivy's widgets and their graphics belong to the main thread, and a change from "
                    + "another thread races with its drawing",
                advice: "decorate the function that changes the widget with `@kivy.clock.mainthread`, or hand the change to "
                    + "`Clock.schedule_once(...)`",
                handOffs: []),
        Toolkit(prefixes: ["wx."],
                hazard: "a wx window call: wxWidgets GUI calls must come from the main thread",
                advice: "wrap the update in wx.CallAfter(...), which runs it in the main thread",
                handOffs: ["QueueEvent", "AddPendingEvent", "PostEvent", "CallAfter", "CallLater"]),
    ]

    /// `self.SetTitle(...)` in a class of the file derived from `wx.Frame`: the entry for the
    /// toolkit's method the class inherits.
    static func inheritedWidgetCall(_ callee: String, in file: FileFacts) -> MTUnsafeCalls.Entry? {
        guard let dot = callee.lastIndex(of: "."),
              let base = file.firstAncestor(of: String(callee[..<dot]), where: { toolkit(of: $0) != nil }) else { return nil }
        return widgetCall(base + callee[dot...])
    }

    /// The toolkit a resolved name belongs to.
    private static func toolkit(of name: String) -> Toolkit? {
        toolkits.first { $0.prefixes.contains { name.hasPrefix($0) } }
    }

    /// The entry for a method of a widget class, by its resolved name.
    static func widgetCall(_ callee: String) -> MTUnsafeCalls.Entry? {
        guard let toolkit = toolkit(of: callee) else { return nil }
        let parts = callee.split(separator: ".")
        guard parts.count >= 3, let method = parts.last, parts[parts.count - 2].first?.isUppercase == true,
              !toolkit.handOffs.contains(String(method)) else { return nil }
        return MTUnsafeCalls.Entry(hazard: "which is " + toolkit.hazard, advice: toolkit.advice, safeInThreadsCalling: toolkit.ownInstance)
    }
}
