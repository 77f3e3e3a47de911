import ConchKit

/// Second pass: with every definition and import known, walks the statements again
/// and records calls, argument shapes, local types, lock regions, global accesses,
/// spawn sites, event-loop markers and main guards.
struct ExpressionPass {
    /// A block being walked: the locks it holds and the globals its `if` tested.
    struct Frame {
        var blockEnd: Int
        var function: Int
        var locks: [String] = []
        var acquired: [String] = []
        var checked: Set<String> = []
        /// In a coroutine, the attributes of `self` an `if`/`elif`/`while` header tests, with where.
        var testedAttributes: [String: ByteRange] = [:]
    }

    let model: ScanModel
    var frames: [Frame]

    init(model: ScanModel) {
        self.model = model
        frames = [Frame(blockEnd: model.statements.count, function: 0)]
    }

    mutating func run() {
        model.classNameLengths = LengthFilter(model.classes.keys)
        resolveDeclarations()
        model.resolutionCache.removeAll()
        GlobalVariables.collect(model)
        let dead = DeadBranches.statements(model.statements, model.tokens, constants: model.constantValues)
        for index in model.statements.indices {
            while frames.count > 1, let top = frames.last, top.blockEnd <= index { frames.removeLast() }
            if !dead.isEmpty, dead[index] { continue }
            visit(index)
        }
    }

    private func resolveDeclarations() {
        // Methods' attributes override the class body's, and those set in `__init__` win.
        func rank(_ pending: PendingType) -> Int {
            if pending.isClassAttribute { return 0 }
            return model.facts.functions[pending.scope].name == "__init__" ? 2 : 1
        }
        // First what the file's functions return, which `self.loop = make_loop()` below may take.
        for annotation in model.returnAnnotations {
            let scope = model.facts.functions[annotation.function].parent ?? 0
            let resolved = model.resolveChain(annotation.first, annotation.last, scope: scope, className: model.scopes[scope].className)
            guard resolved.isResolved, ScannerCatalog.trackedTypes.contains(resolved.name) else { continue }
            model.annotatedReturnTypes[model.facts.functions[annotation.function].id] = resolved.name
        }
        let ordered = (0...2).flatMap { level in model.pendingTypes.filter { rank($0) == level } }
        for pending in ordered {
            let className = model.scopes[pending.scope].className
            let resolved = pending.isPath
                ? Resolved(name: model.pathType(pending.first, pending.last + 1, scope: pending.scope, className: className) ?? "",
                           isResolved: true)
                : model.resolveChain(pending.first, pending.last, scope: pending.scope, className: className)
            guard resolved.isResolved, !resolved.name.isEmpty,
                  !pending.onlyTrackedTypes || ScannerCatalog.trackedTypes.contains(resolved.name) else { continue }
            if let className = pending.className {
                model.classes[className]?.attributeTypes[pending.name] = resolved.name
            } else {
                model.scopes[pending.parameterOf ?? 0].setType(resolved.name, for: pending.name)
            }
        }
        for (name, info) in model.classes {
            let bases = info.baseChains.map { chain -> String in
                let resolved = model.resolveChain(chain.first, chain.last, scope: chain.scope, className: nil)
                return resolved.isResolved ? resolved.name : model.tokens.text(chain.first, chain.last)
            }
            model.classes[name]?.bases = bases
            model.facts.classes[info.factIndex].bases = bases
        }
        for (name, info) in model.classes {
            model.facts.classes[info.factIndex].startsAs = SpawnCatalog.startingBase(of: name, in: model)
        }
        // A stream request handler's `self.request` is the client's socket, `self.rfile` and `self.wfile` files over it.
        for name in model.classes.keys where model.firstAncestor(of: name, where: ScannerCatalog.streamHandlerClasses.contains) != nil {
            for (attribute, type) in ScannerCatalog.streamHandlerAttributes where model.classes[name]?.attributeTypes[attribute] == nil {
                model.classes[name]?.attributeTypes[attribute] = type
            }
        }
        ConstructorArguments.resolve(model)
        model.inheritAttributeTypes()
        for chain in model.decoratorChains {
            let resolved = model.resolveChain(chain.first, chain.last, scope: chain.scope, className: model.scopes[chain.scope].className)
            model.facts.functions[chain.function].decorators.append(resolved.name)
            if ScannerCatalog.mainThreadDecorators.contains(resolved.name) {
                model.facts.mainThreadRegions.append(model.facts.functions[chain.function].range)
            }
            // Tornado's and Twisted's generator coroutines run on their loop as `async def` ones do, giving way at each `yield`.
            if ScannerCatalog.generatorCoroutineDecorators.contains(resolved.name) {
                model.facts.functions[chain.function].isAsync = true
                model.generatorCoroutines.insert(chain.function)
            }
        }
    }

    private func locks(in function: Int) -> [String] {
        var result: [String] = []
        guard frames.contains(where: { !$0.locks.isEmpty || !$0.acquired.isEmpty }) else { return result }
        for frame in frames where frame.function == function {
            result.append(contentsOf: frame.locks)
            result.append(contentsOf: frame.acquired)
        }
        return result
    }

    private mutating func visit(_ index: Int) {
        let statement = model.statements[index]
        let tokens = model.tokens
        let function = model.statementFunction[index]
        if statement.header == nil, ImportParser.isImport(tokens, statement) || tokens.isName(statement.first, "global")
            || tokens.isName(statement.first, "nonlocal") {
            return
        }
        let contexts = TokenContexts(model: model, statement: index)
        let held = locks(in: function)
        let calls = CallScanner.calls(model, statement: index, contexts: contexts, locks: held)
        let assignment = model.assignments[index]
        if let assignment {
            bindTypes(assignment, calls: calls, function: function)
            HandedCollections.bind(model, assignment: assignment, function: function)
            var tested: [String: ByteRange] = [:]
            for frame in frames where frame.function == function && !frame.testedAttributes.isEmpty {
                tested.merge(frame.testedAttributes) { _, inner in inner }
            }
            SelfAttributeUpdates.record(model, statement: index, assignment: assignment, locks: held, tested: tested)
            if assignment.augmentedOperator == nil {
                StoreCalls.record(model, assignment: assignment, statement: index, contexts: contexts, locks: held)
            }
        }
        bindWalrusTypes(calls)
        if statement.header == .with { bindWithItems(statement, calls: calls, function: function) }
        var checked: Set<String> = []
        for frame in frames where frame.function == function && !frame.checked.isEmpty { checked.formUnion(frame.checked) }
        GlobalAccesses.record(model, statement: index, contexts: contexts, assignment: assignment, locks: held, checked: checked)
        let sitesBefore = model.facts.spawnSites.count
        for call in calls {
            SpawnDetector.detect(model, call: call, calls: calls)
            EventLoopDetector.detect(model, call: call)
            CallbackDetector.detect(model, call: call, calls: calls)
        }
        BranchingRecursion.record(model, calls: calls)
        StartedObjectReads.record(model, statement: index, calls: calls, function: function)
        ReturnedFunctions.record(model, statement: index, function: function)
        ThreadIdentityChecks.recordTester(model, statement: index, calls: calls, function: function)
        if model.facts.spawnSites.count > sitesBefore {
            let arms = BranchArms.around(index, model.statements, tokens)
            let returning = BranchArms.returningBlock(around: index, model)
            for site in sitesBefore..<model.facts.spawnSites.count {
                model.facts.spawnSites[site].arms = arms
                model.facts.spawnSites[site].returningBranch = returning
            }
        }
        // A statement that is only `x.acquire()` (or `await x.acquire()`) opens a lock region.
        let expressionStart = tokens.isName(statement.first, "await") ? statement.first + 1 : statement.first
        if statement.header == nil, calls.count == 1, let call = calls.first, call.chainFirst == expressionStart,
           call.close == statement.end - 1 {
            trackAcquire(call)
        }
        if model.facts.functions[function].isAsync { recordAwaits(statement, function: function) }
        if statement.header != nil { open(index, function: function, calls: calls) }
    }

    /// Where a coroutine's statement gives way to the loop: `await`, and the `async` of
    /// `async with` (entering and leaving are awaited) and `async for` (each item is).
    private func recordAwaits(_ statement: Statement, function: Int) {
        let tokens = model.tokens
        let yields = model.generatorCoroutines.contains(function)
        for token in statement.first..<statement.end
        where tokens.isName(token, "await") || (yields && tokens.isName(token, "yield"))
            || (tokens.isName(token, "async") && (tokens.isName(token + 1, "with") || tokens.isName(token + 1, "for"))) {
            model.facts.functions[function].awaits.append(tokens.range(token, token))
        }
    }

    private mutating func open(_ index: Int, function: Int, calls: [FoundCall]) {
        let statement = model.statements[index]
        HandledExceptionRegions.record(model, header: index, calls: calls, function: function)
        PassedParameters.record(model, header: index, function: function)
        FileIteration.record(model, header: index, calls: calls, function: function)
        if statement.header == .if {
            ThreadIdentityChecks.record(model, header: index, calls: calls, function: function, exits: { exitsAtItsEnd(index) })
            StringChecks.record(model, header: index, function: function, leaves: { model.blockEndsIn(index, ["return", "raise"]) })
        }
        // `if done: start(...); return`: what the branch does, it does once before leaving.
        if statement.header == .if || statement.header == .elif || statement.header == .else, model.blockEndsIn(index, ["return", "raise", "break"]) {
            let branch = ByteRange(model.tokens.starts[statement.first], model.blockEndOffset(index))
            model.facts.functions[function].exitingBranches.append(branch)
            if model.blockEndsIn(index, ["raise"]) { model.facts.functions[function].raisingBranches.append(branch) }
        }
        var frame = Frame(blockEnd: statement.blockEnd, function: model.definedFunction[index] ?? function)
        if statement.header == .with, let colon = statement.colon {
            frame.locks = LockRegions.heldBy(model, first: statement.keyword + 1, end: colon, function: function)
        }
        // A test guards its block; `while items: items.pop()` tests before each pass what the pass then changes.
        if statement.header == .if || statement.header == .elif || statement.header == .while, let colon = statement.colon {
            frame.checked = GlobalAccesses.globalsTested(model, first: statement.keyword + 1, end: colon, function: function)
            if model.facts.functions[function].isAsync {
                frame.testedAttributes = selfAttributesTested(first: statement.keyword + 1, end: colon, function: function)
            }
        }
        if statement.header == .if || statement.header == .elif, let colon = statement.colon {
            if let acquired = acquireCondition(first: statement.keyword + 1, end: colon, calls: calls) {
                if !acquired.negated {
                    frame.locks.append(acquired.name)
                } else if statement.header == .if, exitsAtItsEnd(index) {
                    // `if not lock.acquire(timeout=1): return`: what follows the `if` holds the lock.
                    frames[frames.count - 1].acquired.append(acquired.name)
                }
            }
            if statement.header == .if, MainGuard.isMainGuard(model.tokens, first: statement.keyword + 1, end: colon) {
                if statement.blockEnd > index + 1 {
                    let bodyStart = model.statements[index + 1].first
                    let bodyEnd = model.statements[statement.blockEnd - 1].end
                    model.facts.mainGuards.append(model.tokens.range(bodyStart, max(bodyStart, bodyEnd - 1)))
                }
            }
        }
        frames.append(frame)
    }

    /// `self.balance` in `if self.balance >= amount:`, by attribute; not `self.ready()`, a call.
    private func selfAttributesTested(first: Int, end: Int, function: Int) -> [String: ByteRange] {
        let tokens = model.tokens
        guard let selfName = model.scopes[function].selfName else { return [:] }
        var tested: [String: ByteRange] = [:]
        for token in first..<end where tokens.isName(token) && !tokens.isOp(token - 1, ".") && tokens.isOp(token + 1, ".")
            && tokens.isName(token + 2) && !tokens.isOp(token + 3, "(") && !tokens.isOp(token + 3, ".") && tokens.text(token) == selfName {
            tested[tokens.text(token + 2)] = tokens.range(token, token + 2)
        }
        return tested
    }

    /// `lock.acquire(...)`, `not lock.acquire(...)` or `await lock.acquire()` as a whole
    /// `if` condition: the lock's name, and whether the test is negated.
    private func acquireCondition(first: Int, end: Int, calls: [FoundCall]) -> (name: String, negated: Bool)? {
        let tokens = model.tokens
        var start = first
        let negated = tokens.isName(start, "not")
        if negated { start += 1 }
        if tokens.isName(start, "await") { start += 1 }
        guard let call = calls.first(where: { $0.chainFirst == start && $0.close == end - 1 }),
              let (method, lock) = lockCall(call), method == "acquire" else { return nil }
        return (lock, negated)
    }

    /// Whether the block of the header at `index` ends in `return`, `raise`, `continue` or `break`.
    private func exitsAtItsEnd(_ index: Int) -> Bool {
        model.blockEndsIn(index, ["return", "raise", "continue", "break"])
    }

    /// `x.acquire(...)` or `x.release()`: the method and the lock's name.
    private func lockCall(_ call: FoundCall) -> (method: String, lock: String)? {
        let tokens = model.tokens
        let nameEnd = call.open - 1
        guard nameEnd - 2 >= call.chainFirst, tokens.isOp(nameEnd - 1, ".") else { return nil }
        let method = tokens.text(nameEnd)
        guard method == "acquire" || method == "release" else { return nil }
        return (method, LockRegions.lockName(model, first: call.chainFirst, last: nameEnd - 2, function: call.function))
    }

    /// `x.acquire()` starts holding `x` in the current block; `x.release()` ends it.
    private mutating func trackAcquire(_ call: FoundCall) {
        guard let (method, name) = lockCall(call) else { return }
        if method == "acquire" {
            frames[frames.count - 1].acquired.append(name)
        } else if let at = frames.lastIndex(where: { $0.acquired.contains(name) }) {
            frames[at].acquired.removeAll { $0 == name }
        }
    }

    private func bindTypes(_ assignment: Assignment, calls: [FoundCall], function: Int) {
        let tokens = model.tokens
        guard assignment.augmentedOperator == nil, let value = assignment.value, let target = assignment.targets.last else { return }
        let call = calls.first { $0.chainFirst == value.first && $0.close == value.end - 1 && $0.function == function }
        if let call {
            model.facts.functions[call.function].calls[call.index].boundName = tokens.text(target.first, max(target.first, target.end - 1))
        }
        guard target.end == target.first + 1, tokens.isName(target.first), function != 0 else { return }
        let name = tokens.text(target.first)
        // `report = root / name`: no call, but a `Path` all the same.
        let type = call.map(resultType)
            ?? model.pathType(value.first, value.end, scope: function, className: model.scopes[function].className)
        // `global session` then `session = requests.Session()` (a pool's initializer): the
        // module's name takes the type, for the functions below that use it; a rebinding to
        // something unknown (`session = None` on close) leaves it.
        if let type, model.scopes[function].names[name]?.isGlobal == true {
            model.setType(type, for: name, in: 0)
            return
        }
        model.setType(type, for: name, in: function)
    }

    /// The type of what a call returns, as a name bound to it gets.
    private func resultType(of call: FoundCall) -> String? {
        call.isResolved ? model.callResultType(call.callee) : nil
    }

    /// `while (job := jobs.get()) is not None:`: the name takes the call's type, as in an
    /// assignment, in the function the walrus binds in (a comprehension's is the enclosing one).
    private func bindWalrusTypes(_ calls: [FoundCall]) {
        let tokens = model.tokens
        for call in calls where call.function != 0 && tokens.isOp(call.chainFirst - 1, ":=") && tokens.isName(call.chainFirst - 2) {
            let after = call.close + 1
            guard after >= tokens.count || tokens.isCloser(after) || tokens.isOp(after, ",") || tokens.isOp(after, ":")
                || tokens.kinds[after] == .newline else { continue }
            model.setType(resultType(of: call), for: tokens.text(call.chainFirst - 2), in: call.function)
        }
    }

    /// `with Executor() as ex:` binds `ex`; every call that is a whole item manages its block.
    private func bindWithItems(_ statement: Statement, calls: [FoundCall], function: Int) {
        let tokens = model.tokens
        guard let colon = statement.colon else { return }
        for item in Assignments.commaSeparated(tokens, first: statement.keyword + 1, end: colon) {
            let asToken = Assignments.topLevel(tokens, keyword: "as", first: item.first, end: item.end)
            guard let call = calls.first(where: { $0.chainFirst == item.first && $0.close == (asToken ?? item.end) - 1 }) else { continue }
            model.facts.functions[call.function].calls[call.index].managesContext = true
            guard let asToken else { continue }
            let facts = model.facts.functions[call.function].calls[call.index]
            let target = tokens.text(asToken + 1, max(asToken + 1, item.end - 1))
            model.facts.functions[call.function].calls[call.index].boundName = target
            if item.end == asToken + 2, tokens.isName(asToken + 1), facts.isResolved {
                model.setType(model.callResultType(facts.callee), for: target, in: function)
            }
        }
    }
}

enum MainGuard {
    /// `__name__ == "__main__"` in either order, with either quote.
    static func isMainGuard(_ tokens: ScanTokens, first: Int, end: Int) -> Bool {
        guard end - first == 3, tokens.isOp(first + 1, "==") else { return false }
        let left = first
        let right = first + 2
        if tokens.isName(left, "__name__") { return isMainString(tokens, right) }
        if tokens.isName(right, "__name__") { return isMainString(tokens, left) }
        return false
    }

    private static func isMainString(_ tokens: ScanTokens, _ index: Int) -> Bool {
        tokens.kinds[index] == .string && (tokens.equals(index, "\"__main__\"") || tokens.equals(index, "'__main__'"))
    }
}
