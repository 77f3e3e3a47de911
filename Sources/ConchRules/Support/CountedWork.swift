import ConchKit

extension ProjectModel {
    /// The long work a call starts in a function of the project, as sure as a loop written
    /// out where the call stands: a loop the call's constant count makes long
    /// (`crunch(10_000_000)` for `def crunch(n): for i in range(n): ...`), a recursion it
    /// counts down from (`fib(30)`), or a loop the function writes long itself
    /// (`sum(i * i for i in range(10 ** 7))`).
    func countedWork(of call: CallFacts, from file: FileFacts, in caller: FunctionID)
        -> (callee: FunctionID, helper: FunctionFacts, loop: WorkloadEvidence)? {
        guard let callee = resolve(call.callee, from: file), callee != caller, let (_, helper) = function(callee) else { return nil }
        let counts = call.arguments.contains(where: { $0.integerValue != nil }) ? call.integerArguments(for: helper) : [:]
        let handed = counts.isEmpty ? nil
            : countedLoop(in: callee, handed: HandedCounts(byParameter: counts)) ?? countedRecursion(in: callee, handed: counts)
        return (handed ?? longWrittenLoop(in: callee)).map { (callee, helper, $0) }
    }
}
