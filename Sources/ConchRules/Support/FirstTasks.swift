import ConchKit

/// The coroutines a loop runner starts (`asyncio.run(main())`, `trio.run(main)`): each is
/// the first task of its loop, and until it first gives way or starts another task, no
/// other task exists to wait for it.
struct FirstTasks {
    private let ids: Set<FunctionID>

    init(_ model: ProjectModel) {
        var found: Set<FunctionID> = []
        model.forEachCall(toAnyOf: LoopRunners.entries.keys) { fileIndex, _, call in
            guard call.isResolved, let name = LoopRunners.coroutine(of: call.facts),
                  let id = model.resolve(name, from: model.files[fileIndex]) else { return }
            found.insert(id)
        }
        ids = found
    }

    /// The call runs in a first task before it first gives way (`await`, `async with`,
    /// `async for`) or starts another task, and not in a loop that gives way on a later pass.
    func runsAlone(_ call: CallFacts, in coroutine: FunctionFacts, at index: Int, of file: FileFacts) -> Bool {
        guard ids.contains(coroutine.id) else { return false }
        let start = call.range.start
        let givesWay = coroutine.awaits.contains { $0.start < start } || coroutine.loops.contains { loop in
            loop.range.contains(start) && coroutine.awaits.contains { loop.range.contains($0.start) }
        }
        return !givesWay && !file.spawnSites.contains { $0.function == index && $0.kind == .coroutine && $0.range.start < start }
    }
}
