import ConchKit

/// `subprocess.Popen(cmd)` in a loop, left running: a child process per pass as surely as
/// a `Process` is, though it runs another program rather than a function of the project,
/// so the model holds no spawn site for it. CON301 judges these starts as it judges the
/// model's. A child waited for in the same pass runs one at a time, and is no start here:
/// `Popen(...).wait()`, a `while proc.poll() is None:` loop after it (bottle's reloader
/// watching its child), or the end of `with subprocess.Popen(...) as proc:`; a later
/// `proc.wait()` or `proc.communicate()` is CON301's own wait check.
enum ChildProgramStarts {
    static let api = "subprocess.Popen"

    static func unwaited(in model: ProjectModel) -> [(file: FileFacts, site: SpawnSite)] {
        var starts: [(file: FileFacts, site: SpawnSite)] = []
        model.forEachCall(toAnyOf: [api]) { fileIndex, functionIndex, lent in
            let file = model.files[fileIndex]
            let function = file.functions[functionIndex]
            let call = lent.facts
            guard file.language == .python, call.isResolved, !call.managesContext, let loop = call.loop,
                  !waitsChained(call, in: function), !pollsUntilDone(call, in: function, loop: function.loops[loop]) else { return }
            starts.append((file, SpawnSite(kind: .process, api: api, entry: .none, range: call.range, function: functionIndex,
                                           loop: loop, isBounded: false)))
        }
        return starts
    }

    private static func pollsUntilDone(_ start: CallFacts, in function: FunctionFacts, loop: LoopFacts) -> Bool {
        guard let name = start.boundName else { return false }
        return function.loops.contains { inner in
            inner.kind == .while && loop.range.contains(inner.range.start) && inner.range.start > start.range.end
                && function.calls.contains { inner.headerRange.contains($0.range.start) && $0.calleeText == name + ".poll" }
        }
    }

    private static func waitsChained(_ start: CallFacts, in function: FunctionFacts) -> Bool {
        function.calls.contains { call in
            call.range.start == start.range.start && call.range.end > start.range.end
                && TaskSources.joinMethods.contains { call.calleeText.hasSuffix(").\($0)") }
        }
    }
}
