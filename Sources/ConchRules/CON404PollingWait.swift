import ConchKit

/// A coroutine or green thread polls, sleeping in a loop, for state that only other
/// code of the program changes, where an event of its loop would wake it.
struct PollingWait: Rule {
    let metadata = RuleCatalog.CON404

    func check(_ model: ProjectModel) -> [Finding] {
        var findings: [Finding] = []
        for file in model.files where file.language == .python && !file.isTestModule {
            for (index, function) in file.functions.enumerated()
            where function.loops.contains(where: { !$0.testedState.isEmpty }) && !file.isInTest(function: index) {
                for (loopIndex, loop) in function.loops.enumerated() where !loop.testedState.isEmpty {
                    let sleeps = function.calls.lazy.filter { $0.loop == loopIndex }
                        .compactMap { call in CooperativeSleeps.entry(for: call, in: function).map { (call, $0) } }
                    guard let (sleep, entry) = sleeps.first else { continue }
                    findings.append(finding(loop, sleep: sleep, entry: entry, in: function, of: file))
                }
            }
        }
        return findings
    }

    private func finding(_ loop: LoopFacts, sleep: CallFacts, entry: CooperativeSleeps.Entry, in function: FunctionFacts,
                         of file: FileFacts) -> Finding {
        let waiter = function.isAsync ? "coroutine `\(function.name)`" : "`\(function.name)`"
        let tested = loop.testedState.map { "`\($0)`" }.joined(separator: " and ")
        let length = CooperativeSleeps.length(of: sleep)
        let spins = CooperativeSleeps.isZero(length)
        let message = spins
            ? "\(waiter) spins until \(tested) \(loop.testedState.count > 1 ? "change" : "changes"): "
                + "`\(sleep.calleeText)(\(length ?? ""))` resumes it at once, so it never lets the loop idle"
            : "\(waiter) wakes every \(length.map { Double($0) != nil ? "\($0) s" : "`\($0)` s" } ?? "") to test \(tested)"
                + "\(loop.pollsUntilADeadline ? " until a deadline" : ""), which only other code changes"
        let threads = entry.fromThread.map { "; from another thread, `\($0)`" } ?? ""
        let wait = loop.pollsUntilADeadline ? entry.timedWait : (entry.isAwaited ? "await " : "") + "ready.wait()"
        return finding(
            in: file, at: loop.headerRange, message,
            advice: "wait on an `\(entry.event)` (`\(wait)`) that the code changing "
                + "\(tested) sets (`\(entry.set)`\(threads)): the loop then wakes the task once, when it happens",
            related: [Finding.Evidence(path: file.path, range: sleep.range, message: "sleeps here between tests")],
            severity: spins ? .warning : nil)
    }
}
