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
        let graph = ImportGraph(model)
        var findings: [Finding] = []
        for (index, file) in model.files.enumerated() where file.language == .python {
            for call in file.functions.flatMap(\.calls) where call.isResolved {
                guard let library = GreenletPatching.library(patching: call.callee) else { continue }
                let others = otherModels(in: program(of: index, graph: graph, model: model), model: model)
                guard !others.isEmpty else { continue }
                let uses = others.map { "\($0.model) (\($0.use) at \(model.place($0.evidence.path, $0.evidence.range.start, from: file.path)))" }
                findings.append(finding(
                    in: file, at: call.range,
                    "\(call.quotedName) swaps the standard library for \(library.name)'s green versions, "
                        + "but the program also uses " + uses.joined(separator: " and "),
                    advice: library.advice, related: others.map(\.evidence)))
            }
        }
        return findings
    }

    /// The patching module, what it imports, and the modules that import it: all run patched.
    private func program(of index: Int, graph: ImportGraph, model: ProjectModel) -> [FileFacts] {
        let imported = graph.closure(from: index)
        return model.files.indices.filter { imported.contains($0) || graph.closure(from: $0).contains(index) }.map { model.files[$0] }
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
