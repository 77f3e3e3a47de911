import ConchKit

/// A coroutine, or a callback a server's loop runs, opens, reads, writes or copies files
/// on the loop's own thread.
struct BlockingFileIOInEventLoop: Rule {
    let metadata = RuleCatalog.CON405

    func check(_ model: ProjectModel) -> [Finding] {
        // The callee table finds the few functions that work on files without a look at every call.
        var places: [Int: Set<Int>] = [:]
        model.forEachCall(toAnyOf: BlockingFileCalls.python.keys) { file, function, _ in places[file, default: []].insert(function) }
        guard !places.isEmpty else { return [] }
        // A command runs alone in its process: no other task waits for its disk.
        let commands = Set(CLICommands.functions(in: model))
        let firstTasks = FirstTasks(model)
        let handlers = serverCallbacks(model)
        var findings: [Finding] = []
        for (fileIndex, functions) in places.sorted(by: { $0.key < $1.key }) {
            let file = model.files[fileIndex]
            guard file.language == .python, !file.isTestModule else { continue }
            var run: (file: FileFacts, marker: EventLoopMarker)??
            for index in functions.sorted() {
                let coroutine = file.functions[index]
                guard coroutine.isAsync || handlers[coroutine.id] != nil, !file.isInTest(function: index),
                      !commands.contains(coroutine.id) else { continue }
                let role = handlers[coroutine.id].map(LoopRole.callback) ?? .coroutine
                for call in coroutine.calls where call.isResolved && !call.isAwaited {
                    guard let entry = BlockingFileCalls.python[call.callee], !BlockingFileCalls.isPseudoFile(call),
                          !file.runsOnlyOffItsLoopThread(at: call.range.start),
                          !firstTasks.runsAlone(call, in: coroutine, at: index, of: file) else { continue }
                    if run == nil { run = .some(model.eventLoopIndex.runs(reaching: file).first) }
                    let loop = run ?? nil
                    let name = written(call) == nil ? "`\(call.callee)`" : call.quotedName
                    findings.append(finding(
                        in: file, at: call.range,
                        "\(name) \(entry.action) in \(role.describe(model.displayName(coroutine.id))), on the thread of "
                            + "\(role.loopName(run: loop?.marker)): no other task or callback runs until the disk answers",
                        advice: advice(for: call, entry, in: coroutine, role: role, of: file, run: loop?.marker),
                        related: loop.map { [model.loopStart($0)] } ?? []))
                }
            }
        }
        return findings
    }

    /// How a callback of the framework hands `work` to a thread and gets its result back on the loop.
    private static func threadHandOff(in framework: EventFramework, _ work: String) -> String {
        switch framework {
        case .tornado: "`IOLoop.current().run_in_executor(None, \(work), ...)`, whose future the handler can await"
        case .twisted: "`twisted.internet.threads.deferToThread(\(work), ...)`, whose Deferred fires back on the reactor"
        default: "`loop.run_in_executor(None, \(work), ...)`, whose future fires back on the loop"
        }
    }

    /// Callbacks a server's loop runs for its requests and connections (a Tornado
    /// `RequestHandler`'s `get`, a Twisted protocol's `dataReceived`, an asyncio protocol's
    /// `data_received`): a GUI's callbacks that save a file the user asked for are left alone.
    private func serverCallbacks(_ model: ProjectModel) -> [FunctionID: EventFramework] {
        model.eventLoopIndex.callbacks.filter { Self.servers.contains($0.value) }
    }

    private static let servers: Set<EventFramework> = [.asyncio, .aiohttp, .tornado, .twisted]

    /// The call as written, when it is short enough to quote and to pass on whole
    /// (`MANIFEST.read_text`, not a join over several lines).
    private func written(_ call: CallFacts) -> String? {
        call.calleeText.count <= 48 && !call.calleeText.contains("…") ? call.calleeText : nil
    }

    /// The library's own file API where it has one, else the work handed to a thread:
    /// an open goes there with the reads and writes that follow it.
    private func advice(for call: CallFacts, _ entry: BlockingFileCalls.Entry, in coroutine: FunctionFacts, role: LoopRole,
                        of file: FileFacts, run: EventLoopMarker?) -> String {
        let method = call.callee.split(separator: ".").last.map(String.init) ?? ""
        let work = entry.opens ? "func" : written(call) ?? "path." + method
        let opening = call.managesContext ? "the `with` block that opens the file and works on it"
            : "the open and the reads and writes of the file"
        let handOff = (entry.opens ? "move \(opening) into a plain function, and " : "") + "run it with "
        if let generator = GeneratorCoroutine(coroutine) {
            return handOff + generator.offload(work)
        }
        if case let .callback(framework) = role {
            return handOff + Self.threadHandOff(in: framework, work)
        }
        guard let library = LoopLibraries.structured(run: run, file: file) else {
            let thirdParty = entry.asyncForm == .openFile ? ", or open it with `aiofiles.open(...)`, whose reads and writes are awaited" : ""
            return handOff + "`await asyncio.to_thread(\(work), ...)`" + thirdParty
        }
        switch entry.asyncForm {
        case .openFile:
            return "use `await \(library).open_file(...)`, whose reads and writes are awaited (`await f.read()`)"
        case .pathMethod:
            return "use `\(library).Path`, whose methods are awaited: `await \(library).Path(...).\(method)(...)`"
        case .none:
            return handOff + "`await \(library).to_thread.run_sync(\(work), ...)`"
        }
    }
}
