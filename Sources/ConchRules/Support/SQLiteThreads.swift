import ConchKit

/// `conn = sqlite3.connect("app.db")` opened by the module, in the main thread, and used
/// in another: sqlite3 checks the thread and raises `ProgrammingError` ("SQLite objects
/// created in a thread can only be used in that same thread"), unless the connection
/// was opened with `check_same_thread=False`.
enum SQLiteThreads {
    static let entry = MTUnsafeCalls.Entry(
        hazard: "which uses the connection the module opened in the main thread: sqlite3 raises ProgrammingError when a "
            + "connection is used outside the thread that created it",
        advice: "open a connection in each thread (`sqlite3.connect(...)` in the function the thread runs), or open it with "
            + "`check_same_thread=False` and hold one lock around every use")

    /// Whether the call is a method of a module-level `sqlite3` connection the module
    /// opened without `check_same_thread=False`.
    static func usesTheModulesConnection(_ call: CallFacts, in function: FunctionFacts, of file: FileFacts) -> Bool {
        guard call.isResolved, call.callee.hasPrefix("sqlite3.Connection."),
              let dot = call.calleeText.lastIndex(of: "."), case let receiver = String(call.calleeText[..<dot]),
              file.globals.contains(where: { $0.name == receiver && $0.typeName == "sqlite3.Connection" }),
              function.globalAccesses.contains(where: { $0.range.start == call.calleeRange.start }),
              let opened = TaskArguments.maker(of: receiver, before: Int.max, in: function, of: file) else { return false }
        return opened.argument(keyword: "check_same_thread")?.text != "False"
    }
}
