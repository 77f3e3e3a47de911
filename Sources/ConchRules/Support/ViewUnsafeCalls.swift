import ConchKit

/// A call that must not run in a thread other than the main one, or that changes state
/// the whole process shares, made while serving a request: by a view of a framework whose
/// server runs each request in a thread (Flask's and Django's development servers, a
/// FastAPI `def` route in its thread pool), or by what it calls. `os.chdir` there moves
/// every request's working directory; `signal.signal` raises `ValueError`; the module's
/// `sqlite3` connection raises `ProgrammingError`.
enum ViewUnsafeCalls {
    /// A call found in what the views reach, before the view that reaches it first is known.
    struct Site {
        var file: FileFacts
        var function: FunctionFacts
        var call: CallFacts
        var unsafe: MTUnsafeCalls.Entry
        /// A call on the module's `sqlite3` connection, whose cure is a connection per request.
        var usesTheModulesConnection: Bool
    }

    struct Use {
        var view: WebRoutes.View
        var site: Site
    }

    /// Each such call once, with the first view (in file order) that reaches it.
    /// `handled`: whether the caller handles what the call raises (`except ValueError:`).
    static func uses(_ model: ProjectModel, handled: (String?, CallFacts, FunctionFacts, FileFacts) -> Bool) -> [Use] {
        let views = WebRoutes.threadedViews(in: model)
        guard !views.isEmpty else { return [] }
        let graph = model.callGraph
        let handed = model.firstReaching(from: views, start: \.function.id) { number -> [Site] in
            let reference = graph.references[number]
            let file = model.files[reference.file]
            guard file.language == .python else { return [] }
            let function = file.functions[reference.function]
            return function.calls.compactMap { call in
                guard !call.leadsToExit, !file.runsOnlyInMainThread(at: call.range.start) else { return nil }
                let sqlite = SQLiteThreads.usesTheModulesConnection(call, in: function, of: file)
                guard let unsafe = sqlite ? SQLiteThreads.entry : model.threadUnsafeEntry(for: call, in: file),
                      !handled(unsafe.raises, call, function, file) else { return nil }
                return Site(file: file, function: function, call: call, unsafe: unsafe, usesTheModulesConnection: sqlite)
            }
        }
        let uses = handed.flatMap { view, sites in sites.map { Use(view: view, site: $0) } }
        return uses.sorted { ($0.site.file.path, $0.site.call.range.start) < ($1.site.file.path, $1.site.call.range.start) }
    }
}
