import ConchKit

/// gevent or eventlet monkey-patching in a program that also uses real threads,
/// `multiprocessing` or asyncio.
struct MixedConcurrencyModels: Rule {
    let metadata = RuleCatalog.CON403

    /// The first use of another concurrency model.
    private struct OtherModel {
        /// `real threads`, `asyncio`.
        var model: String
        /// `` `threading.Thread` ``, `` `async def main` ``.
        var use: String
        var evidence: Finding.Evidence
    }

    func check(_ model: ProjectModel) -> [Finding] {
        var findings: [Finding] = []
        model.forEachCall(to: { GreenletPatching.library(patching: $0) != nil }) { index, position, call in
            let file = model.files[index]
            guard file.language == .python, call.isResolved, let library = GreenletPatching.library(patching: call.callee),
                  !isInside(library, file) else { return }
            let onImport = position == 0 && !file.mainGuards.contains { $0.contains(call.range.start) }
            let program = program(of: index, patchedOnImport: onImport, graph: model.importGraph, model: model)
            if let found = finding(call.facts, library: library, in: file, program: program, model: model) { findings.append(found) }
        }
        return findings
    }

    /// gevent's own modules call its patch functions and use threads and asyncio to
    /// build the green versions: that is the library, not a program choosing it.
    private func isInside(_ library: GreenletPatching.Library, _ file: FileFacts) -> Bool {
        file.moduleName == library.name || file.moduleName.hasPrefix(library.name + ".")
    }

    private func finding(_ call: CallFacts, library: GreenletPatching.Library, in file: FileFacts, program: [FileFacts],
                         model: ProjectModel) -> Finding? {
        // The library's own modules implement its green versions on top of the other models.
        let others = otherModels(in: program.filter { !isInside(library, $0) }, model: model)
        guard !others.isEmpty else { return nil }
        let uses = others.map { "\($0.model) (\($0.use) at \(model.place($0.evidence.path, $0.evidence.range.start, from: file.path)))" }
        return self.finding(
            in: file, at: call.range,
            "\(call.quotedName) swaps the standard library for \(library.name)'s green versions, "
                + "but the program also uses " + uses.joined(separator: " and "),
            advice: library.advice, related: others.map(\.evidence))
    }

    /// The patching module and what it imports run patched; when the patch runs on
    /// import, so do the modules that import it.
    private func program(of index: Int, patchedOnImport: Bool, graph: ImportGraph, model: ProjectModel) -> [FileFacts] {
        let imported = graph.closure(from: index)
        return model.files.indices.filter { candidate in
            imported.contains(candidate) || (patchedOnImport && graph.closure(from: candidate).contains(index))
        }.map { model.files[$0] }
    }

    private func otherModels(in files: [FileFacts], model: ProjectModel) -> [OtherModel] {
        var threads: OtherModel?
        var processes: OtherModel?
        var asyncio: OtherModel?
        for file in files {
            for site in file.spawnSites {
                let evidence = Finding.Evidence(path: file.path, range: site.range, message: "`\(site.api)`")
                if site.api.hasPrefix("asyncio.") || site.api.contains("AbstractEventLoop") {
                    asyncio = asyncio ?? OtherModel(model: "asyncio", use: "`\(site.api)`", evidence: evidence)
                } else if site.runsInThread {
                    threads = threads ?? OtherModel(model: "real threads", use: "`\(site.api)`", evidence: evidence)
                } else if site.kind == .process || site.kind == .processPool {
                    processes = processes ?? OtherModel(model: "processes", use: "`\(site.api)`", evidence: evidence)
                }
            }
            if asyncio == nil, let run = file.eventLoops.first(where: { $0.kind == .run && $0.framework == .asyncio }) {
                asyncio = OtherModel(model: "asyncio", use: "its event loop", evidence: model.loopStart((file, run)))
            }
            if asyncio == nil, let coroutine = file.functions.first(where: \.isAsync) {
                asyncio = OtherModel(model: "asyncio", use: "`async def \(coroutine.name)`",
                                     evidence: Finding.Evidence(path: file.path, range: coroutine.nameRange, message: "coroutine"))
            }
        }
        return [threads, processes, asyncio].compactMap { $0 }
    }
}
