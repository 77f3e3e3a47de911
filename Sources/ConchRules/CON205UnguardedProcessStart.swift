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
                guard let what = ProcessAPIs.startingConstructors[call.callee] else { continue }
                findings.append(report(call.range, "a \(what)", in: file))
            }
            for site in file.spawnSites where site.kind == .process && site.function == 0 {
                guard let creation = unguarded.first(where: { $0.range == site.range }),
                      let start = Self.start(of: creation, among: unguarded) else { continue }
                findings.append(report(site.range, "a process, started at line \(file.line(of: start.range.start)),", in: file))
            }
            return findings
        }
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

    private func report(_ range: ByteRange, _ what: String, in file: FileFacts) -> Finding {
        finding(
            in: file, at: range,
            "module-level code creates \(what) outside `if __name__ == \"__main__\":`; under the spawn and "
                + "forkserver start methods each child imports this module again and fails with RuntimeError",
            advice: "move it under `if __name__ == \"__main__\":`, or into a function that the guarded code calls")
    }
}
