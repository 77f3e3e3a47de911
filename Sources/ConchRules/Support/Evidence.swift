import ConchKit

extension ProjectModel {
    /// The file a path names.
    func file(at path: String) -> FileFacts? {
        files.first { $0.path == path }
    }

    /// `line 7` in the same file, `helpers.py:7` in another.
    func place(_ path: String, _ offset: Int, from origin: String) -> String {
        let line = file(at: path)?.line(of: offset) ?? 0
        return path == origin ? "line \(line)" : "\(path):\(line)"
    }

    /// Short name of a function for messages: `crunch`, `Worker.run`.
    func displayName(_ id: FunctionID) -> String {
        guard let (_, function) = function(id) else { return id.split(separator: ".").last.map(String.init) ?? id }
        if function.kind == .lambda { return "a lambda" }
        if let owner = function.className?.split(separator: ".").last { return "\(owner).\(function.name)" }
        return function.name
    }

    /// `nested loop at line 7`, `calls `requests.get` at line 9 (through `fetch`)`. A count
    /// that the callers of `countsHandedBy` wrote out, not the start, is said to come from them.
    func describe(_ evidence: WorkloadEvidence, from origin: String, countsHandedBy: FunctionID? = nil) -> String {
        let where_ = place(evidence.path, evidence.range.start, from: origin)
        let what: String = switch evidence.kind {
        case .hotLoop: "a loop doing arithmetic at \(where_)"
        case let .countedLoop(parameter, passes, squareRoot, nested, constructed):
            (nested ? "a loop nest doing arithmetic at \(where_) whose body runs \(Self.count(passes)) times"
                : "a loop doing arithmetic at \(where_) that runs \(Self.count(passes)) times")
                + (squareRoot ? ", counting up to the square root of the `\(parameter)` " : " with the `\(parameter)` ")
                + (countsHandedBy.map { "the callers of `\(displayName($0))` pass" } ?? (constructed ? "set here" : "passed here"))
        case .recursion: "recursion at \(where_) that calls itself twice on every call"
        case let .ioCall(callee): "`\(callee)` at \(where_)"
        case let .nativeCall(callee): "`\(callee)` at \(where_)"
        }
        guard !evidence.via.isEmpty else { return what }
        return what + " (through " + evidence.via.map { "`\(displayName($0))`" }.joined(separator: ", ") + ")"
    }

    /// `10,000,000`: a count grouped by thousands, as people read it.
    static func count(_ value: Int) -> String {
        let digits = Array(String(value.magnitude))
        let groups = stride(from: digits.count, to: 0, by: -3).reversed().map { String(digits[max(0, $0 - 3)..<$0]) }
        return (value < 0 ? "-" : "") + groups.joined(separator: ",")
    }

    /// The evidence as a related location for the diagnostic.
    func related(_ evidence: WorkloadEvidence) -> Finding.Evidence {
        let message: String = switch evidence.kind {
        case .hotLoop: "CPU-bound loop"
        case let .countedLoop(parameter, passes, squareRoot, nested, _):
            "CPU-bound loop\(nested ? " nest" : ""): \(Self.count(passes)) passes\(nested ? " of its body" : ""), "
                + "set by \(squareRoot ? "the square root of " : "")`\(parameter)`"
        case .recursion: "CPU-bound recursion: each call makes two more"
        case let .ioCall(callee): "I/O: `\(callee)`"
        case let .nativeCall(callee): "runs in a library that releases the GIL: `\(callee)`"
        }
        return Finding.Evidence(path: evidence.path, range: evidence.range, message: message)
    }
}

extension SpawnSite {
    /// The call that creates the thread, process or task, among `function`'s calls.
    func creatingCall(in function: FunctionFacts) -> CallFacts? {
        function.calls.first { $0.range == range }
    }

    /// A fork whose parent ends at once leaves one process, the child, going on (a daemon
    /// detaching). Made in the child of another fork, it does so only if that fork's parent
    /// ended too (the classic double fork, tinyproxy's `makedaemon`); after a fork whose
    /// parent goes on (openvpn's double fork for deferred auth), it leaves a grandchild
    /// beside the process that made the first.
    func daemonizes(in file: FileFacts) -> Bool {
        guard detaches else { return false }
        let enclosing = file.spawnSites.filter { other in
            other.kind == .forkChild && other.function == function && other.range.start < range.start
                && ForkChild.branch(of: other, in: file).map { $0.contains(range.start) } ?? false
        }
        return enclosing.allSatisfy { $0.daemonizes(in: file) }
    }

    /// The function the new thread, process or task runs, when known.
    var entryID: FunctionID? {
        if case let .function(id) = entry { return id }
        return nil
    }
}

extension ExecutionContexts.Start {
    /// What the site starts: `thread`, `pool task`, `forked child`.
    private var noun: String {
        switch site.kind {
        case .thread: "thread"
        case .timer: "timer thread"
        case .threadPool, .processPool, .interpreterPool: "pool task"
        case .process: "process"
        case .forkChild: "forked child"
        case .coroutine: "task"
        case .taskWorker: "task queue worker"
        }
    }

    /// The start as a related location: `thread started here`.
    var evidence: Finding.Evidence {
        if site.kind == .taskWorker { return Finding.Evidence(path: file.path, range: site.range, message: TaskQueueWorkers.evidenceMessage(site)) }
        let verb = site.kind == .threadPool || site.picklesTasksToPool ? "submitted here" : "started here"
        return Finding.Evidence(path: file.path, range: site.range, message: "\(noun) \(verb)")
    }
}

extension CallFacts {
    /// The call's name for messages: `` `time.sleep` ``, or `` `th.sleep` (`time.sleep`) `` through an alias.
    var quotedName: String {
        calleeText == callee || !isResolved ? "`\(calleeText)`" : "`\(calleeText)` (`\(callee)`)"
    }
}

extension ProjectModel {
    /// The subject of a message about code a thread runs: ``thread running `worker` ``,
    /// or ``` `parse`, called in the thread running `worker`, ``` for a function it reaches.
    func threadSubject(_ function: FunctionID, entry: FunctionID) -> String {
        let thread = "thread running `\(displayName(entry))`"
        return function == entry ? thread : "`\(displayName(function))`, called in the \(thread),"
    }

    /// The event loop's start as a related location: `asyncio event loop runs here`, or
    /// the application a server runs on it.
    func loopStart(_ run: (file: FileFacts, marker: EventLoopMarker)) -> Finding.Evidence {
        let loop = "\(FrameworkSchedulers.displayName(run.marker.framework)) event loop"
        return Finding.Evidence(path: run.file.path, range: run.marker.range,
                                message: run.marker.kind == .served ? "the application, which its server runs on the \(loop)" : "\(loop) runs here")
    }
}
