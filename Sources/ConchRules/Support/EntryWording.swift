import ConchKit

extension ExecutionContexts.Entry {
    /// Only an `InterpreterPoolExecutor` runs it: in an interpreter of this process.
    var runsInInterpreters: Bool { !starts.isEmpty && starts.allSatisfy { $0.site.kind == .interpreterPool } }

    /// Where the entry runs, for messages: `a child process`, `a Celery worker process`.
    var process: String { (worker == "RQ" ? "an " : "a ") + processName }

    /// `child process`, `Celery worker process`, `Huey consumer process`, `worker interpreter`.
    var processName: String {
        switch worker {
        case nil: runsInInterpreters ? "worker interpreter" : "child process"
        case "Huey": "Huey consumer process"
        case let queue?: "\(queue) worker process"
        }
    }
}
