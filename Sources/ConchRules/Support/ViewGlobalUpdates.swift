import ConchKit

/// `hits += 1` in a Flask view, or in what it calls: the server runs each request in a
/// thread of its own, so two requests at once race on the global as two threads do.
/// No thread start in the project says so; the framework's view registration does.
enum ViewGlobalUpdates {
    /// An update found in what the views reach, before the view that reaches it first is known.
    struct Write {
        var file: FileFacts
        var writer: FunctionFacts
        var update: GlobalAccess
        /// For an attribute of a module's one object (`stats.record()`, whose method does
        /// `self.hits += 1`): the call on the global, in the file it stands in.
        var objectCall: (file: FileFacts, call: CallFacts, object: String)?
    }

    struct Race {
        var view: WebRoutes.View
        var write: Write
    }

    /// Each unguarded update a threaded view reaches, once, with the first view (in file
    /// order) that reaches it. `skipping`: updates already reported, by `path:offset`.
    static func races(_ model: ProjectModel, views: [WebRoutes.View], locks: LockContext,
                      skipping reported: Set<String>) -> [Race] {
        guard !views.isEmpty else { return [] }
        let index = model.globalAccessIndex
        let graph = model.callGraph
        var seen: Set<String> = reported
        let handed = model.firstReaching(from: views, start: \.function.id) { number -> [Write] in
            let reference = graph.references[number]
            let file = model.files[reference.file]
            guard file.language == .python else { return [] }
            let function = file.functions[reference.function]
            var found: [Write] = []
            // `stats.record()` on a module's one object: its methods' updates of the object.
            for (call, object, method) in GlobalObjectCalls.unguardedMethodCalls(in: function, of: file, model, locks: locks) {
                guard let home = model.function(method.id)?.file else { continue }
                let name = GlobalAccessIndex.shortName(of: object, in: .python)
                for (writer, update) in GlobalObjectCalls.unguardedUpdates(of: method, model, locks: locks)
                where seen.insert(home.path + ":" + String(update.range.start)).inserted {
                    found.append(Write(file: home, writer: writer, update: update, objectCall: (file, call, name)))
                }
            }
            // One check-then-act of a variable per function: a lazy set-up writing it five times is one race.
            var checked: Set<String> = []
            let updates = function.globalAccesses.filter { access in
                access.isRacyWrite(in: .python) && access.closureOwner == nil && !index.isSelfProtected(access.variable)
                    && !reported.contains(file.path + ":" + String(access.range.start))
                    && !locks.isGuarded(access, in: function, file: file)
                    && (access.kind != .checkThenAct || checked.insert(access.variable).inserted)
            }
            return found + updates.map { Write(file: file, writer: function, update: $0) }
        }
        let races = handed.flatMap { view, writes in writes.map { Race(view: view, write: $0) } }
        return races.sorted { ($0.write.file.path, $0.write.update.range.start) < ($1.write.file.path, $1.write.update.range.start) }
    }

    /// How the framework runs its views, for messages.
    static func serving(_ framework: String) -> String {
        switch framework {
        case "FastAPI", "Starlette": "\(framework) runs a `def` route in its thread pool, each request in a thread"
        case "CherryPy": "CherryPy's server runs each request in a thread of its pool (ten by default)"
        case "Pyramid": "Pyramid's usual server, waitress, runs requests on a pool of threads (four by default)"
        default: "\(framework)'s development server and the threaded WSGI servers (waitress, gunicorn's `gthread` workers) run each request in a thread of its own"
        }
    }
}
