import CLibClang
import ConchKit

/// Fills a file's facts from its parsed tree: functions in source order, then
/// one `<fork-child>` marker per `fork()` whose child branch was found.
enum UnitAnalysis {
    /// `hadErrors`: clang reported errors, so some calls may have been dropped.
    static func fill(_ facts: inout FileFacts, context: UnitContext, hadErrors: Bool) {
        let tree = context.tree
        facts.globals = GlobalDeclarations.fileScope(context)
        var forks: [(call: Int, function: Int)] = []
        var declarations: [Int: Int] = [:]
        let lockWrappers = LockWrappers.find(context).merging(HeaderLockWrappers.find(context)) { mine, _ in mine }
        for root in tree.roots where tree[root].kind == CXCursor_FunctionDecl {
            guard let body = tree[root].children.last, tree[body].kind == CXCursor_CompoundStmt, tree[root].hasRange else { continue }
            let functionIndex = facts.functions.count
            declarations[functionIndex] = root
            let walker = FunctionWalker(unit: context, declaration: root, functionIndex: functionIndex,
                                        isPythonExtension: facts.isPythonExtension, lockWrappers: lockWrappers)
            walker.walk(body: body, recoverDroppedCalls: hadErrors)
            var function = walker.facts
            function.lockEffects = (lockWrappers[function.id] ?? []).map(\.published)
            function.definesLibraryFunction = context.isInLibraryHeader(context.library.getCanonicalCursor(tree[root].cursor))
            facts.functions.append(function)
            facts.builtCommands += BuiltCommands.find(in: function)
            facts.spawnSites += walker.spawnSites
            facts.eventLoops += walker.eventLoops
            facts.signalHandlers += walker.signalHandlers
            facts.globals += walker.staticLocals
            facts.onceOnlyBlocks += walker.onceOnlyBlocks
            facts.libraryCallees.formUnion(walker.libraryCallees)
            for (call, arms) in walker.armsOfHandingCalls {
                facts.armsOfHandingCalls[CallPlace(function: functionIndex, call: Int(call))] = arms
            }
            forks += walker.forkCalls.map { ($0, functionIndex) }
        }
        context.argumentTable.trim()
        ForwardedEntries.resolve(&facts, declarations: declarations, unit: context)
        for (call, function) in forks {
            guard let branch = ForkBranches.childBranch(of: call, unit: context) else { continue }
            let parent = facts.functions[function]
            let line = context.bytes[..<min(branch.start, context.bytes.count)].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            var marker = FunctionFacts(id: "\(parent.id)::<fork-child>@\(line)", name: ForkChild.markerName, kind: .function,
                                       range: branch, nameRange: ByteRange(branch.start, branch.start))
            marker.parent = function
            marker.isNested = true
            facts.functions.append(marker)
        }
    }
}
