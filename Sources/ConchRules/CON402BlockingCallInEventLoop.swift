import ConchKit

/// A blocking call made directly in a coroutine or an event-loop callback.
struct BlockingCallInEventLoop: Rule {
    let metadata = RuleCatalog.CON402

    func check(_ model: ProjectModel) -> [Finding] {
        let loops = EventLoopIndex(model)
        var findings: [Finding] = []
        for file in model.files {
            for function in file.functions {
                guard let role = loops.role(of: function) else { continue }
                // An awaited call hands control back to the loop, whatever its name.
                for call in function.calls where !call.isAwaited {
                    guard let entry = BlockingCalls.entry(for: call, in: file.language) else { continue }
                    if case let .callback(framework) = role, entry.idiomaticIn.contains(framework) { continue }
                    let run = loops.runs(reaching: file).first
                    findings.append(finding(
                        in: file, at: call.range,
                        "\(call.quotedName) blocks the event loop in \(role.describe(model.displayName(function.id))); "
                            + "no other task or callback runs until it returns",
                        advice: entry.replacement,
                        related: run.map { [model.loopStart($0)] } ?? []))
                }
            }
        }
        return findings
    }
}
