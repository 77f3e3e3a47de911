import ConchKit

extension ProjectModel {
    /// A chain of calls (`CallGraph.path`) to `target` as related locations
    /// (`` `run` calls `grep_source` here ``), so a person can follow a thread to the code
    /// reported. A long chain shows its first and last calls, the gap named.
    func callPathEvidence(_ steps: [(caller: Int, call: Int)], to target: FunctionID) -> [Finding.Evidence] {
        let graph = callGraph
        let shown = steps.count > Self.longestShownPath
            ? Array(steps.enumerated().prefix(Self.pathEnds)) + Array(steps.enumerated().suffix(Self.pathEnds))
            : Array(steps.enumerated())
        var evidence: [Finding.Evidence] = []
        var previous = -1
        for (position, step) in shown {
            let reference = graph.references[step.caller]
            let file = files[reference.file]
            let call = file.functions[reference.function].calls[step.call]
            let callee = position + 1 < steps.count ? graph.id(of: steps[position + 1].caller) : target
            let skipped = position - previous - 1
            let gap = skipped > 0 ? ", after \(skipped) \(skipped == 1 ? "call" : "calls") not shown" : ""
            evidence.append(Finding.Evidence(path: file.path, range: call.range,
                                             message: "`\(displayName(graph.id(of: step.caller)))` calls `\(displayName(callee))` here\(gap)"))
            previous = position
        }
        return evidence
    }

    /// Where the main thread calls `function`: from module-level code, or from a function it
    /// runs (`main`, an API the project never calls) that the thread does not, where there is one.
    func mainThreadCall(of function: FunctionID, in contexts: ExecutionContexts, besides entry: ExecutionContexts.Entry) -> [Finding.Evidence] {
        let graph = callGraph
        guard let mainSide = contexts.mainSide, let target = graph.number(of: function) else { return [] }
        var place: (file: FileFacts, caller: FunctionFacts, call: CallFacts)?
        // Resolving every module-level call is dear: only those whose name ends as the function's.
        let name = function.split(separator: ".").last.map(String.init) ?? function
        for file in files {
            guard let module = file.functions.first(where: { $0.kind == .module }),
                  let call = module.calls.first(where: { $0.callee.hasSuffix(name) && resolve($0.callee, from: file) == function })
            else { continue }
            place = (file, module, call)
            break
        }
        if place == nil {
            let callers = graph.callers(of: target).map(Int.init).filter(mainSide.contains)
            if let caller = callers.first(where: { !entry.reached.contains($0) }) ?? callers.first {
                let reference = graph.references[caller]
                let calling = files[reference.file].functions[reference.function]
                place = calling.calls.indices.first { graph.callee(file: reference.file, function: reference.function, call: $0) == target }
                    .map { (files[reference.file], calling, calling.calls[$0]) }
            }
        }
        guard let place else { return [] }
        let who = place.caller.kind == .module ? "module-level code" : "`\(displayName(place.caller.id))`"
        return [Finding.Evidence(path: place.file.path, range: place.call.range, message: "\(who) calls `\(displayName(function))` here, in the main thread")]
    }

    /// Chains longer than this show only their ends.
    private static let longestShownPath = 6
    private static let pathEnds = 3
}

extension ExecutionContexts.Entry {
    /// A shortest chain of calls by which the thread gets to `function`, through what it
    /// reaches, by calls `also` accepts whose conditions (C's guards) it can meet.
    func callPath(to function: FunctionID, _ model: ProjectModel,
                  also: (_ caller: Int, _ call: Int) -> Bool = { _, _ in true }) -> [(caller: Int, call: Int)]? {
        let graph = model.callGraph
        guard let from = graph.number(of: id), let to = graph.number(of: function) else { return nil }
        return graph.path(from: from, to: to, within: reached, in: model.files) { caller, index in
            let reference = graph.references[caller]
            let call = model.files[reference.file].functions[reference.function].calls[index]
            return reach.admits(call.guards, in: graph.id(of: caller), at: call.range.start) && also(caller, index)
        }
    }
}
