import ConchKit

/// A process or pool created by module-level code outside `if __name__ == "__main__":`.
struct UnguardedProcessStart: Rule {
    let metadata = RuleCatalog.CON205

    func check(_ model: ProjectModel) -> [Finding] {
        model.files.flatMap { file -> [Finding] in
            // A `__main__.py` (`python -m pkg`, `python folder/`) is never imported again by spawn's children.
            guard file.language == .python, let body = file.functions.first, body.kind == .module,
                  !file.isMainModule else { return [] }
            let unguarded = body.calls.filter { call in
                !file.mainGuards.contains { $0.contains(call.range.start) }
                    && !file.classes.contains { $0.range.contains(call.range.start) }
            }
            var findings: [Finding] = []
            for call in unguarded where call.isResolved {
                if let what = ProcessAPIs.startingConstructors[call.callee] {
                    findings.append(report(call.range, "creates a \(what)", in: file))
                } else if let creation = Self.creation(reachedThrough: call, in: file, model) {
                    findings.append(report(call, creation, in: file, model))
                }
            }
            for site in file.spawnSites where site.kind == .process && site.function == 0 {
                guard let creation = unguarded.first(where: { $0.range == site.range }),
                      let start = Self.start(of: creation, among: unguarded) else { continue }
                findings.append(report(site.range, "creates a process, started at line \(file.line(of: start.range.start)),", in: file))
            }
            return findings
        }
    }

    /// What a project function called from module-level code starts, in its own body or
    /// in the functions it calls: `main()` on a script's last line, whose `Pool()` fails
    /// in every child the same way as one written at the top level.
    private struct Creation {
        var what: String
        var file: FileFacts
        var range: ByteRange
        /// The functions from the one called to the one that starts, the called one first.
        var via: [FunctionID]
    }

    /// Calls followed from the module-level call: enough for `main()` calling `run()`
    /// calling `Pool()`; deeper chains seldom run at import.
    private static let depthLimit = 3

    private static func creation(reachedThrough call: CallFacts, in file: FileFacts, _ model: ProjectModel) -> Creation? {
        guard let id = model.resolve(call.callee, from: file) else { return nil }
        var visited: Set<FunctionID> = []
        return creation(in: id, depth: 0, &visited, model)
    }

    private static func creation(in id: FunctionID, depth: Int, _ visited: inout Set<FunctionID>, _ model: ProjectModel) -> Creation? {
        guard depth < depthLimit, visited.insert(id).inserted, let reference = model.functionIndex[id] else { return nil }
        let file = model.files[reference.file]
        let function = file.functions[reference.function]
        guard file.language == .python, function.kind == .function || function.kind == .method else { return nil }
        // What runs only on the way to raising an error (Hypothesis's `floats()` looking for the
        // library that broke subnormal floats) does not run at every import.
        func isOnErrorPath(_ range: ByteRange) -> Bool { function.raisingBranches.contains { $0.contains(range.start) } }
        let calls = function.calls.filter { $0.isResolved && !isOnErrorPath($0.range) }
        if let call = calls.first(where: { ProcessAPIs.startingConstructors[$0.callee] != nil }) {
            return Creation(what: "a " + (ProcessAPIs.startingConstructors[call.callee] ?? ""), file: file, range: call.range, via: [id])
        }
        if let site = file.spawnSites.first(where: { $0.kind == .process && $0.function == reference.function && !isOnErrorPath($0.range) }) {
            return Creation(what: "a process", file: file, range: site.range, via: [id])
        }
        for call in calls {
            guard let callee = model.resolve(call.callee, from: file), var deeper = creation(in: callee, depth: depth + 1, &visited, model)
            else { continue }
            deeper.via.insert(id, at: 0)
            return deeper
        }
        return nil
    }

    private func report(_ call: CallFacts, _ creation: Creation, in file: FileFacts, _ model: ProjectModel) -> Finding {
        let through = creation.via.dropFirst().map { "`\(model.displayName($0))`" }
        let reach = through.isEmpty ? "" : " (through " + through.joined(separator: ", ") + ")"
        let place = model.place(creation.file.path, creation.range.start, from: file.path)
        return report(call.range, "calls `\(call.calleeText)`, which creates \(creation.what) at \(place)\(reach),", in: file,
                      related: [Finding.Evidence(path: creation.file.path, range: creation.range, message: "\(creation.what) created here")])
    }

    /// The module-level `.start()` of a process that `creation` makes: chained onto it,
    /// called on the name it is bound to, or, for one built inside an expression (a list
    /// of processes), called on a plain name such as a loop variable.
    private static func start(of creation: CallFacts, among calls: [CallFacts]) -> CallFacts? {
        calls.first { call in
            guard call.range.start >= creation.range.start else { return false }
            // Chained: `Process(...).start()`, whose text may be cut short but whose callee is typed.
            if call.range.start == creation.range.start { return call.callee.hasSuffix(".start") }
            guard call.calleeText.hasSuffix(".start") else { return false }
            let receiver = call.calleeText.dropLast(".start".count)
            if let bound = creation.boundName { return receiver == bound }
            return receiver.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
        }
    }

    private func report(_ range: ByteRange, _ what: String, in file: FileFacts, related: [Finding.Evidence] = []) -> Finding {
        finding(
            in: file, at: range,
            "module-level code \(what) outside `if __name__ == \"__main__\":`; under the spawn and "
                + "forkserver start methods each child imports this module again and fails with RuntimeError",
            advice: "move it under `if __name__ == \"__main__\":`, or into a function that the guarded code calls",
            related: related)
    }
}
