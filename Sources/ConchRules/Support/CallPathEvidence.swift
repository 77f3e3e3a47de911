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

    /// Chains longer than this show only their ends.
    private static let longestShownPath = 6
    private static let pathEnds = 3
}

extension ExecutionContexts.Entry {
    /// A shortest chain of calls by which the thread gets to `function`, through what it reaches.
    func callPath(to function: FunctionID, _ model: ProjectModel) -> [(caller: Int, call: Int)] {
        let graph = model.callGraph
        guard let from = graph.number(of: id), let to = graph.number(of: function) else { return [] }
        return graph.path(from: from, to: to, within: reached, in: model.files) ?? []
    }
}
