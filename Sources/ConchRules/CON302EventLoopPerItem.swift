import ConchKit

/// `for url in urls: asyncio.run(fetch(url))`: an event loop started (or run) for one
/// coroutine on each pass of a loop over items, so the coroutines run one at a time.
struct EventLoopPerItem: Rule {
    let metadata = RuleCatalog.CON302

    func check(_ model: ProjectModel) -> [Finding] {
        var findings: [Finding] = []
        model.forEachCall(toAnyOf: Array(LoopRunners.entries.keys)) { fileIndex, functionIndex, call in
            let file = model.files[fileIndex]
            let function = file.functions[functionIndex]
            guard file.language == .python, call.isResolved, !call.isReturned, let entry = LoopRunners.entries[call.callee],
                  let loopIndex = call.facts.loop, let loop = overItems(function.loops[loopIndex]),
                  !file.isTestModule, !file.isInTest(function: functionIndex),
                  // `if page: break`: a loop that may stop at an item searches the items in order.
                  function.branchesLeaving(loop).isEmpty,
                  waits(coroutineOf: call.facts, in: file, model: model) else { return }
            findings.append(finding(call.facts, entry: entry, loop: loop, in: file))
        }
        return findings
    }

    /// A `for` or a comprehension over a collection, or over a count of two or more.
    private func overItems(_ loop: LoopFacts) -> LoopFacts? {
        guard loop.kind == .for || loop.kind == .comprehension else { return nil }
        switch loop.bound {
        case .collection: return loop
        case let .constant(passes): return passes >= 2 ? loop : nil
        case .unbounded, .conditional: return nil
        }
    }

    /// The coroutine the call runs, as written: `fetch` of `asyncio.run(fetch(url))` or
    /// `trio.run(fetch, url)`.
    private func coroutine(of call: CallFacts) -> String? {
        switch call.argument(at: 0)?.shape {
        case let .call(name)?, let .name(name)?: return name
        default: return nil
        }
    }

    /// A coroutine of the project that never awaits computes or blocks from start to end:
    /// running several at once would not overlap them either.
    private func waits(coroutineOf call: CallFacts, in file: FileFacts, model: ProjectModel) -> Bool {
        guard let name = coroutine(of: call), let id = model.resolve(name, from: file),
              let reference = model.functionIndex[id] else { return true }
        let target = model.files[reference.file].functions[reference.function]
        return !target.isAsync || !target.awaits.isEmpty
    }

    private func finding(_ call: CallFacts, entry: LoopRunners.Entry, loop: LoopFacts, in file: FileFacts) -> Finding {
        let name = coroutine(of: call).map { "`\($0.split(separator: ".").last ?? "")`" } ?? "the coroutines"
        let each = name == "the coroutines" ? name : "the \(name) coroutines"
        return finding(
            in: file, at: call.range,
            "`\(call.calleeText)` \(entry.verb) one coroutine on each pass of the \(loop.kind == .for ? "`for`" : "comprehension") "
                + "at line \(file.line(of: loop.headerRange.start)): "
                + "\(each) run one after another, never at once",
            advice: entry.advice,
            related: [Finding.Evidence(path: file.path, range: loop.headerRange, message: "loop over the items")])
    }
}
