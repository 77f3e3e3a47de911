import ConchKit

/// Which library's coroutines a file writes, where that changes how they sleep and hand
/// work to threads.
enum LoopLibraries {
    /// Trio or AnyIO, when the loop is theirs or the file imports them: their coroutines
    /// have their own sleep, thread hand-off and file API.
    static func structured(run: EventLoopMarker?, file: FileFacts) -> String? {
        ["trio", "anyio"].first { run?.framework.rawValue == $0 || imports($0, file) }
    }

    private static func imports(_ module: String, _ file: FileFacts) -> Bool {
        file.imports.contains { $0.target == module || $0.target.hasPrefix(module + ".") }
    }
}

/// Tornado's and Twisted's generator coroutines wait with `yield`, not `await`, and
/// sleep and hand work to threads their framework's way.
enum GeneratorCoroutine {
    case tornado, twisted

    init?(_ function: FunctionFacts) {
        if function.decorators.contains(where: { $0.hasPrefix("tornado.gen.") }) {
            self = .tornado
        } else if function.decorators.contains("twisted.internet.defer.inlineCallbacks") {
            self = .twisted
        } else {
            return nil
        }
    }

    var sleep: String { "use `\(sleepCall)`" }

    var sleepCall: String {
        switch self {
        case .tornado: "yield tornado.gen.sleep(...)"
        case .twisted: "yield twisted.internet.task.deferLater(reactor, seconds)"
        }
    }

    func offload(_ function: String) -> String {
        switch self {
        case .tornado: "`yield IOLoop.current().run_in_executor(None, \(function), *args)`"
        case .twisted: "`yield twisted.internet.threads.deferToThread(\(function), *args)`, whose Deferred fires back on the reactor"
        }
    }
}
