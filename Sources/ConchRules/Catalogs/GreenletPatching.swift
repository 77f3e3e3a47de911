import ConchKit

/// The calls that swap the standard library for green versions, and how to stay
/// inside each library instead of mixing it with real threads.
enum GreenletPatching {
    struct Library {
        let name: String
        /// Resolved callees that patch; an entry ending in `.` is a prefix.
        let patchCalls: [String]
        let advice: String
    }

    static let libraries: [Library] = [
        Library(name: "gevent", patchCalls: ["gevent.monkey.patch_"],
                advice: "pick one model: stay with gevent (`gevent.spawn`, `gevent.pool.Pool`, and `gevent.threadpool.ThreadPool` "
                    + "for blocking C calls), or drop monkey-patching and use threads, processes or asyncio directly"),
        Library(name: "eventlet", patchCalls: ["eventlet.monkey_patch", "eventlet.patcher.monkey_patch"],
                advice: "pick one model: stay with eventlet (`eventlet.spawn`, `eventlet.GreenPool`, and `eventlet.tpool.execute` "
                    + "for blocking C calls), or drop monkey-patching and use threads, processes or asyncio directly"),
    ]

    static func library(patching callee: String) -> Library? {
        // Every patch call lies in its library's package: one prefix test rules out most calls.
        // By bytes, first byte first: every distinct callee of a project is asked about.
        let first = callee.utf8.first
        return libraries.first { library in
            library.name.utf8.first == first && callee.utf8.starts(with: library.name.utf8)
                && library.patchCalls.contains { $0.hasSuffix("_") ? callee.utf8.starts(with: $0.utf8) : callee == $0 }
        }
    }

    /// The files whose standard library is patched for gevent or eventlet: a file that
    /// patches and those it imports, directly or through other modules; a package's
    /// `__init__.py` that patches (locust's, oslo's tests') runs before any module of the
    /// package, so it patches them all.
    static func patchedFiles(_ model: ProjectModel) -> Set<String> {
        var patching: Set<Int> = []
        model.forEachCall(to: { library(patching: $0) != nil }) { file, _, _ in patching.insert(file) }
        let packages = patching.map { model.files[$0] }.filter { $0.path.hasSuffix("__init__.py") }.map { $0.moduleName + "." }
        if !packages.isEmpty {
            for (index, file) in model.files.enumerated() where packages.contains(where: file.moduleName.hasPrefix) { patching.insert(index) }
        }
        let imports = model.importGraph
        return Set(patching.flatMap { imports.closure(from: $0) }.map { model.files[$0].path })
    }
}
