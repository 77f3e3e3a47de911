import CLibClang
import ConchKit

/// Walks one function body in source order and collects its loops, calls,
/// global accesses, lock regions, spawn sites and event-loop markers.
final class FunctionWalker {
    private struct OpenLoop {
        var index: Int
        var inBody = false
        /// Comparisons in the body, which count only beside as much arithmetic.
        var comparisons = 0
    }

    let unit: UnitContext
    let functionIndex: Int
    let isPythonExtension: Bool
    var facts: FunctionFacts
    private(set) var spawnSites: [SpawnSite] = []
    private(set) var eventLoops: [EventLoopMarker] = []
    private(set) var signalHandlers: [FunctionID] = []
    private(set) var staticLocals: [GlobalVariable] = []
    /// `fork()` calls, for the child-branch analysis.
    private(set) var forkCalls: [Int] = []
    /// See `FileFacts.onceOnlyBlocks` and `armsOfHandingCalls` (by call index here).
    var onceOnlyBlocks: [ByteRange] = []
    /// Callees declared only by system headers (`FileFacts.libraryCallees`).
    private(set) var libraryCallees: Set<String> = []
    var armsOfHandingCalls: [Int32: [BranchArm]] = [:]
    private var openLoops: [OpenLoop] = []
    private var gilEvents: [(offset: Int, isRelease: Bool)] = []
    private let guards: ExecutionGuards
    let functionDeclaration: Int
    private var tree: SyntaxTree { unit.tree }

    let lockWrappers: [FunctionID: [LockWrappers.Effect]]

    init(unit: UnitContext, declaration: Int, functionIndex: Int, isPythonExtension: Bool,
         lockWrappers: [FunctionID: [LockWrappers.Effect]] = [:]) {
        self.unit = unit
        self.lockWrappers = lockWrappers
        self.functionIndex = functionIndex
        self.isPythonExtension = isPythonExtension
        functionDeclaration = declaration
        guards = ExecutionGuards(unit: unit, declaration: declaration)
        let cursor = unit.tree[declaration].cursor
        let name = unit.library.spelling(cursor)
        let (_, nameStart) = unit.library.fileOffset(unit.library.getCursorLocation(cursor))
        facts = FunctionFacts(id: unit.functionID(cursor), name: name, kind: .function,
                              range: unit.range(declaration), nameRange: ByteRange(nameStart, nameStart + name.utf8.count))
    }

    /// `recoverDroppedCalls`: the unit had errors, so look for calls clang dropped.
    func walk(body: Int, recoverDroppedCalls: Bool) {
        var held: [String] = []
        visit(body, held: &held)
        if recoverDroppedCalls { DroppedCalls.recover(body: body, into: self) }
        facts.gilReleasedRegions = GILRegions.pair(gilEvents, functionEnd: facts.range.end)
    }

    /// Nesting beyond this (generated code: a 5000-term `a + b + ...`) is not
    /// walked, so a worker thread's small stack cannot overflow.
    private static let maximumDepth = 1_000
    private var depth = 0

    private func visit(_ index: Int, held: inout [String]) {
        guard depth < Self.maximumDepth else { return }
        depth += 1
        defer { depth -= 1 }
        let node = tree[index]
        switch node.kind {
        case CXCursor_IfStmt:
            visitIf(index, held: &held)
            return
        case CXCursor_ForStmt, CXCursor_WhileStmt, CXCursor_DoStmt:
            visitLoop(index, held: &held)
            return
        case CXCursor_SwitchStmt:
            visitSwitch(index, held: &held)
            return
        case CXCursor_CallExpr:
            visitCall(index, held: &held)
            return
        case CXCursor_CompoundStmt:
            for statement in node.children {
                visit(statement, held: &held)
                guard tree[statement].hasRange, let macro = LockMacro.statement(at: tree[statement].start, in: unit.bytes) else { continue }
                if macro.acquires { held.appendNew([macro.lock]) } else { held.removeAll { $0 == macro.lock } }
            }
            return
        case CXCursor_UnaryExpr:
            // `sizeof *p`, `_Alignof(g)`: the operand is not evaluated, so it reads nothing and calls nothing.
            return
        case CXCursor_UnexposedExpr:
            if let name = unit.atomicBuiltin(index) { recordAtomicBuiltin(index, name: name, held: held) }
        case CXCursor_DeclRefExpr:
            recordAccess(index, held: held)
        case CXCursor_VarDecl:
            recordStaticLocal(index)
        case CXCursor_BinaryOperator, CXCursor_CompoundAssignOperator, CXCursor_UnaryOperator:
            if let isComparison = Operators.arithmetic(node.kind, unit: unit, index: index) { countArithmetic(isComparison: isComparison) }
            if node.kind == CXCursor_BinaryOperator { recordSignalHandlerMember(index) }
        default:
            break
        }
        for child in node.children { visit(child, held: &held) }
    }

    // MARK: Control flow and lock regions

    private func visitIf(_ index: Int, held: inout [String]) {
        let children = tree[index].children
        guard children.count >= 2 else {
            for child in children { visit(child, held: &held) }
            return
        }
        visit(children[0], held: &held)
        var outcomes: [[String]] = []
        for branch in children.dropFirst().prefix(2) {
            var branchHeld = held
            visit(branch, held: &branchHeld)
            if !ControlFlow.exits(branch, unit: unit) {
                outcomes.append(branchHeld)
            } else if tree[branch].hasRange {
                facts.exitingBranches.append(unit.range(branch))
            }
        }
        if children.count == 2 {
            // `if (lock) unlock(lock)` (libevent's EVLOCK_UNLOCK): a null lock was never taken either.
            let tested = CallReader.spelledPath(children[0], unit: unit)
            outcomes.append(held.filter { $0 != tested })
        }
        // A lock taken on any path that falls through is treated as held: fewer false alarms.
        if !outcomes.isEmpty { held = outcomes.reduce(into: []) { merged, state in merged.appendNew(state) } }
    }

    /// Each `case` starts from the locks held on entry (plus any fall-through);
    /// after the switch, the states of the sections that leave by `break` or by
    /// falling off the end, and the entry state when there is no `default`.
    private func visitSwitch(_ index: Int, held: inout [String]) {
        let children = tree[index].children
        guard children.count == 2, tree[children[1]].kind == CXCursor_CompoundStmt else {
            for child in children { visit(child, held: &held) }
            return
        }
        visit(children[0], held: &held)
        let entry = held
        var current = entry
        var fallsThrough = false
        var outcomes: [[String]] = []
        var hasDefault = false
        for statement in tree[children[1]].children {
            let kind = tree[statement].kind
            if kind == CXCursor_CaseStmt || kind == CXCursor_DefaultStmt {
                hasDefault = hasDefault || kind == CXCursor_DefaultStmt
                current = fallsThrough ? current : entry
                current.appendNew(entry)
            }
            visit(statement, held: &current)
            switch ControlFlow.ending(statement, unit: unit) {
            case .breaks:
                outcomes.append(current)
                fallsThrough = false
            case .leaves:
                fallsThrough = false
            case .continues:
                fallsThrough = true
            }
        }
        if fallsThrough { outcomes.append(current) }
        if !hasDefault { outcomes.append(entry) }
        held = outcomes.reduce(into: []) { merged, state in merged.appendNew(state) }
    }

    private func visitLoop(_ index: Int, held: inout [String]) {
        let node = tree[index]
        guard let shape = LoopShape.analyse(index, unit: unit) else {
            for child in node.children { visit(child, held: &held) }
            return
        }
        let loopIndex = facts.loops.count
        var loop = LoopFacts(kind: shape.kind, range: unit.range(index), headerRange: shape.header, bound: shape.bound,
                             parent: openLoops.last?.index, depth: openLoops.count, arithmeticOperations: 0)
        loop.boundedByCounter = shape.boundedByCounter
        facts.loops.append(loop)
        openLoops.append(OpenLoop(index: loopIndex))
        var loopHeld = held
        for child in node.children {
            openLoops[openLoops.count - 1].inBody = child == shape.body
            visit(child, held: &loopHeld)
        }
        let closed = openLoops.removeLast()
        // A loop that mostly compares filters or walks a list (`if (now >= entry->next_try) failover++;`).
        facts.loops[loopIndex].arithmeticOperations += min(closed.comparisons, facts.loops[loopIndex].arithmeticOperations)
        // A `do` body runs at least once (`do { unlock(m); } while (0)` releases).
        if node.kind == CXCursor_DoStmt { held = loopHeld } else { held.appendNew(loopHeld) }
    }

    private func countArithmetic(isComparison: Bool) {
        for position in openLoops.indices where openLoops[position].inBody {
            if isComparison { openLoops[position].comparisons += 1 } else { facts.loops[openLoops[position].index].arithmeticOperations += 1 }
        }
    }

    private func markPythonObjects() {
        for open in openLoops where open.inBody { facts.loops[open.index].touchesPythonObjects = true }
    }

    // MARK: Calls

    private func visitCall(_ index: Int, held: inout [String]) {
        let node = tree[index]
        let call = CallReader.read(index, unit: unit)
        var recorded = CallFacts(callee: call.callee, calleeText: call.calleeText, isResolved: call.isResolved,
                                 range: unit.range(index), calleeRange: call.calleeRange)
        recorded.arguments = unit.argumentList(call.arguments.map { CallReader.argument($0, unit: unit) })
        recorded.loop = openLoops.last?.index
        recorded.locksHeld = held
        recorded.boundName = CallReader.boundName(index, unit: unit)
        recorded.guards = guards.guards(at: index)
        recorded.leadsToExit = ControlFlow.callsEndingFunction(index, unit: unit) || ControlFlow.isFollowedByExit(index, unit: unit)
        recorded.isThroughPointer = call.isThroughPointer
        facts.calls.append(recorded)
        if call.isLibrary { libraryCallees.insert(call.callee) }
        let plainName = call.callee.split(separator: ":").last.map(String.init) ?? call.callee
        recordResultArms(of: index, named: plainName, handsAFunction: call.arguments.contains { unit.namedFunction($0) != nil })
        if plainName.hasPrefix("Py") || plainName.hasPrefix("_Py") { markPythonObjects() }
        recordConcurrency(callee: call.callee, recorded, argumentCount: call.arguments.count, node: index,
                          entry: { entry(call.arguments[$0]) },
                          callback: { unit.namedFunction(call.arguments[$0]).map(unit.functionID) })
        for child in node.children { visit(child, held: &held) }
        applyLockEffects(call, held: &held)
    }

    private func applyLockEffects(_ call: CallReader.Call, held: inout [String]) {
        let lockArgument = LockAPIs.lockArgument(of: call.callee, in: call.arguments)
        if LockAPIs.acquire.contains(call.callee), let argument = lockArgument {
            held.appendNew([LockWrappers.lockName(argument, unit: unit)])
        } else if LockAPIs.release.contains(call.callee) || LockAPIs.semaphorePosts.contains(call.callee), let argument = lockArgument {
            let lock = LockWrappers.lockName(argument, unit: unit)
            held.removeAll { $0 == lock }
        } else if LockAPIs.semaphoreWaits.contains(call.callee), let argument = lockArgument {
            let semaphore = LockWrappers.lockName(argument, unit: unit)
            if semaphorePosts.contains(where: { $0.semaphore == semaphore && $0.offset > call.calleeRange.start }) {
                held.appendNew([semaphore])
            }
        } else if let effects = lockWrappers[call.callee] {
            for effect in effects {
                let lock: String
                switch effect.target {
                case .named(let name):
                    lock = name
                case .parameter(let position):
                    guard position < call.arguments.count else { continue }
                    lock = LockWrappers.lockName(call.arguments[position], unit: unit)
                }
                if effect.acquires { held.appendNew([lock]) } else { held.removeAll { $0 == lock } }
            }
        }
    }

    /// The semaphores this function posts, and where: asked only once it waits on one.
    private lazy var semaphorePosts = SemaphorePosts.find(in: functionDeclaration, unit: unit)

    private func recordAtomicBuiltin(_ index: Int, name: String, held: [String]) {
        let range = unit.range(index)
        var recorded = CallFacts(callee: name, calleeText: name, isResolved: true, range: range,
                                 calleeRange: ByteRange(range.start, range.start + name.utf8.count))
        recorded.arguments = unit.argumentList(unit.atomicOperands(index).map { CallReader.argument($0, unit: unit) })
        recorded.loop = openLoops.last?.index
        recorded.locksHeld = held
        recorded.boundName = CallReader.boundName(index, unit: unit)
        facts.calls.append(recorded)
    }

    /// Spawn sites, event-loop markers and GIL events a call makes. Argument
    /// lookups are closures so calls clang dropped (read from text, with no `node`) go through here too.
    func recordConcurrency(callee: String, _ recorded: CallFacts, argumentCount: Int, node: Int?,
                           entry: (Int) -> SpawnSite.Entry, callback: (Int) -> FunctionID?) {
        func site(_ kind: SpawnSite.Kind, _ entry: SpawnSite.Entry, isBounded: Bool) -> SpawnSite {
            var site = SpawnSite(kind: kind, api: callee, entry: entry, range: recorded.range, function: functionIndex,
                                 loop: RetryLoops.loopRepeating(recorded, loops: facts.loops, unit: unit), isBounded: isBounded)
            site.arms = node.map(branchArms) ?? []
            site.returningBranch = node.flatMap(returningBranch)
            if node != nil, kind != .forkChild { site.failedArm = facts.nonzeroResultArms[Int32(facts.calls.count - 1)] }
            return site
        }
        if let api = ConcurrencyAPIs.threads[callee], api.entryArgument < argumentCount {
            spawnSites.append(site(api.kind, entry(api.entryArgument), isBounded: api.isBounded))
        }
        if ConcurrencyAPIs.forks.contains(callee) {
            var fork = site(.forkChild, .function(facts.id), isBounded: false)
            fork.detaches = node.map { ForkBranches.parentEndsProcess(of: $0, unit: unit) } ?? false
            fork.parentArm = node.flatMap { ForkBranches.parentArmRange(of: $0, unit: unit) }
            spawnSites.append(fork)
            if let node { forkCalls.append(node) }
        }
        if let framework = ConcurrencyAPIs.loopRuns[callee] {
            eventLoops.append(EventLoopMarker(framework: framework, kind: .run, range: recorded.range))
        } else if ConcurrencyAPIs.readinessWaits.contains(callee), recorded.loop != nil, !ConcurrencyAPIs.onlyPolls(recorded) {
            eventLoops.append(EventLoopMarker(framework: .epoll, kind: .run, range: recorded.range))
        }
        if let api = ConcurrencyAPIs.callbacks[callee] {
            for position in api.arguments where position < argumentCount {
                guard let function = callback(position) else { continue }
                var marker = EventLoopMarker(framework: api.framework, kind: .callback, range: recorded.range, callback: function)
                marker.firesOnReadyDescriptor = api.firesOnReadyDescriptor(recorded)
                eventLoops.append(marker)
            }
        }
        if let position = ConcurrencyAPIs.signalRegistrations[callee], position < argumentCount, let handler = callback(position) {
            signalHandlers.append(handler)
        }
        if callee == "PyEval_SaveThread" { gilEvents.append((recorded.range.start, true)) }
        if callee == "PyEval_RestoreThread" { gilEvents.append((recorded.range.end, false)) }
    }

    /// `action.sa_handler = on_winch;`: the handler `sigaction` will install.
    private func recordSignalHandlerMember(_ index: Int) {
        let node = tree[index]
        guard node.children.count == 2, tree[node.children[0]].kind == CXCursor_MemberRefExpr,
              ConcurrencyAPIs.signalHandlerMembers.contains(unit.library.spelling(tree[node.children[0]].cursor)),
              unit.binaryOperator(index) == "=", let handler = unit.namedFunction(node.children[1]) else { return }
        signalHandlers.append(unit.functionID(handler))
    }

    private func entry(_ argument: Int) -> SpawnSite.Entry {
        if let function = unit.namedFunction(argument) { return .function(unit.functionID(function)) }
        let inner = tree.stripped(argument)
        let text = unit.compactText(inner)
        if text.isEmpty || text == "NULL" || text == "0" || text == "nullptr" { return .none }
        return .unresolved(text)
    }

    // MARK: Globals

    private func recordAccess(_ index: Int, held: [String]) {
        guard let declaration = unit.library.referenced(tree[index].cursor) else { return }
        if declaration.kind == CXCursor_FunctionDecl {
            let link = tree.semanticParent(of: index)
            let isCallee = link.map { tree[$0.parent].kind == CXCursor_CallExpr && tree[$0.parent].children.first == $0.child } ?? false
            let id = unit.functionID(declaration)
            if !isCallee, !facts.handedFunctions.contains(id) { facts.handedFunctions.append(id) }
            return
        }
        if isPythonExtension, declaration.kind == CXCursor_VarDecl || declaration.kind == CXCursor_ParmDecl,
           !openLoops.isEmpty, PythonTypes.isObject(unit.library.typeSpelling(unit.library.getCursorType(declaration))) {
            markPythonObjects()
        }
        guard let global = unit.global(declaration),
              let classified = AccessClassifier.classifyWithField(index, variable: global.name, unit: unit) else { return }
        var access = GlobalAccess(variable: global.name, kind: classified.kind, range: classified.range)
        access.locksHeld = held
        access.isAtomic = classified.isAtomic
        access.isPerThread = isThreadLocal(declaration) || isIndexedByThreadLocal(index)
        access.field = classified.field
        access.element = classified.element
        access.guards = guards.guards(at: index)
        if access.isWrite {
            access.leaves = WrittenValues.leaves(index, subject: access.path, unit: unit)
            access.isUnconditional = WrittenValues.isUnconditional(index, in: functionDeclaration, unit: unit)
            access.storesFixedAddress = classified.field == nil && WrittenValues.storesFixedAddress(index, unit: unit)
        }
        facts.globalAccesses.append(access)
    }

    private func isThreadLocal(_ declaration: CXCursor) -> Bool {
        declaration.kind == CXCursor_VarDecl && unit.library.getCursorTLSKind(declaration) != CXTLS_None
    }

    /// `activity[tid]` where `tid` is a `__thread` variable: the running thread's own element.
    private func isIndexedByThreadLocal(_ index: Int) -> Bool {
        guard let indexNode = AccessClassifier.subscriptIndex(of: index, unit: unit), tree[indexNode].kind == CXCursor_DeclRefExpr,
              let variable = unit.library.referenced(tree[indexNode].cursor) else { return false }
        return isThreadLocal(variable)
    }

    private func recordStaticLocal(_ index: Int) {
        let cursor = tree[index].cursor
        guard let global = unit.global(cursor), global.isFunctionStatic else { return }
        var variable = GlobalDeclarations.variable(cursor, name: global.name, unit: unit)
        variable.isFunctionStatic = true
        staticLocals.append(variable)
    }
}

extension Array where Element == String {
    /// Appends the names not already present, keeping acquisition order.
    mutating func appendNew(_ names: [String]) {
        for name in names where !contains(name) { append(name) }
    }
}
