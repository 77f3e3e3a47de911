import ConchKit

/// First pass: walks the statements once and records what is defined where —
/// functions, classes, statement loops, lambdas, imports and the names each scope binds.
struct StructurePass {
    /// A loop with more operators than this does more than tally: its body is not searched for counting steps.
    private static let countingOperationsCeiling = 8

    private struct Frame {
        var statement: Int
        var kind: HeaderKind
        /// The function whose body the block belongs to.
        var function: Int
        var className: String?
        var loop: Int?
        /// Qualified prefix for names defined in the block.
        var qualifiedPrefix: String
    }

    let model: ScanModel
    private var frames: [Frame] = []
    private var decorators: [(first: Int, last: Int)] = []

    init(model: ScanModel) { self.model = model }

    mutating func run() {
        let tokens = model.tokens
        model.facts.functions = [FunctionFacts(id: model.moduleName, name: "<module>", kind: .module,
                                               range: ByteRange(0, tokens.bytes.count), nameRange: ByteRange(0, 0))]
        for index in model.statements.indices {
            // Frames are read by index: copying one retains its strings.
            while !frames.isEmpty, model.statements[frames[frames.count - 1].statement].blockEnd <= index { frames.removeLast() }
            let statement = model.statements[index]
            let function = frames.isEmpty ? 0 : frames[frames.count - 1].function
            let classBody = frames.lastIndex { $0.kind == .def || $0.kind == .classDef }
            model.statementFunction[index] = function
            model.statementClass[index] = classBody.flatMap { frames[$0].kind == .classDef ? frames[$0].className : nil }
            model.statementLoop[index] = currentLoop()
            LambdaScanner.scan(model, statement: statement, function: function)
            if statement.header == nil {
                model.assignments[index] = Assignments.parse(tokens, first: statement.first, end: statement.end)
            }
            switch statement.header {
            case .def?: define(function: index, in: function)
            case .classDef?: define(class: index, in: function)
            case .for?, .while?: openLoop(index, function: function)
            case nil: simple(index, function: function)
            default:
                bindHeaderTargets(statement, function: function)
                push(index, function: function)
            }
            if statement.header == nil, tokens.isOp(statement.first, "@") {
                var last = statement.end - 1
                if tokens.isCloser(last), tokens.partner[last] > statement.first { last = tokens.partner[last] - 1 }
                decorators.append((statement.first + 1, last))
            } else {
                decorators.removeAll()
            }
        }
    }

    private func currentLoop() -> Int? {
        for position in frames.indices.reversed() {
            if frames[position].kind == .def || frames[position].kind == .classDef { return nil }
            if let loop = frames[position].loop { return loop }
        }
        return nil
    }

    private var prefix: String { frames.last?.qualifiedPrefix ?? model.moduleName }

    private mutating func push(_ index: Int, function: Int, loop: Int? = nil, prefix newPrefix: String? = nil,
                               className: String? = nil, body: Int? = nil) {
        let statement = model.statements[index]
        frames.append(Frame(statement: index, kind: statement.header ?? .if, function: body ?? function,
                            className: className ?? frames.last?.className, loop: loop,
                            qualifiedPrefix: newPrefix ?? prefix))
    }

    /// The dotted name after `->` in `def f(...) -> a.B:`; nil for none, or a subscript or union.
    private static func returnAnnotation(_ tokens: ScanTokens, name: Int, colon: Int) -> (first: Int, last: Int)? {
        guard tokens.isOp(name + 1, "("), tokens.partner[name + 1] > name + 1 else { return nil }
        let arrow = tokens.partner[name + 1] + 1
        guard arrow + 1 < colon, tokens.isOp(arrow, "->") else { return nil }
        var cursor = arrow + 1
        guard tokens.isName(cursor) else { return nil }
        while cursor + 2 < colon, tokens.isOp(cursor + 1, "."), tokens.isName(cursor + 2) { cursor += 2 }
        return cursor + 1 == colon ? (arrow + 1, cursor) : nil
    }

    private mutating func define(function index: Int, in enclosing: Int) {
        let tokens = model.tokens
        let statement = model.statements[index]
        let nameToken = statement.keyword + 1
        let name = tokens.isName(nameToken) ? tokens.text(nameToken) : "<invalid>"
        let enclosingFrame = frames.last(where: { $0.kind == .def || $0.kind == .classDef })
        let isMethod = enclosingFrame?.kind == .classDef
        let id = prefix + "." + name
        let start = tokens.starts[statement.first]
        var facts = FunctionFacts(id: id, name: name, kind: isMethod ? .method : .function,
                                  range: ByteRange(start, model.blockEndOffset(index)),
                                  nameRange: tokens.isName(nameToken) ? tokens.range(nameToken, nameToken) : tokens.range(statement.keyword, statement.keyword))
        facts.isAsync = statement.isAsync
        facts.parent = enclosing
        facts.className = isMethod ? enclosingFrame?.className : nil
        facts.isNested = frames.contains { $0.kind == .def }
        let functionIndex = model.facts.functions.count
        model.facts.functions.append(facts)
        model.definedFunction[index] = functionIndex
        model.decoratorChains.append(contentsOf: decorators.map { (functionIndex, $0.first, $0.last, enclosing) })
        var scope = Scope(parent: enclosing)
        let (parameters, annotations, noneDefaults) = Parameters.parse(model.tokens, after: nameToken, end: statement.colon ?? statement.end)
        for parameter in parameters { scope.bind(parameter) }
        if !annotations.isEmpty { model.annotatedParameters[functionIndex] = annotations.map(\.name) }
        if !noneDefaults.isEmpty { model.noneDefaultParameters[functionIndex] = noneDefaults }
        for annotation in annotations {
            model.pendingTypes.append(PendingType(scope: enclosing, name: annotation.name, className: nil, first: annotation.first,
                                                  last: annotation.last, parameterOf: functionIndex, onlyTrackedTypes: true))
        }
        if let colon = statement.colon, let returned = Self.returnAnnotation(tokens, name: nameToken, colon: colon) {
            model.returnAnnotations.append((functionIndex, returned.first, returned.last))
        }
        if isMethod, let className = enclosingFrame?.className {
            scope.className = className
            let isStatic = decorators.contains { tokens.text($0.first, $0.last) == "staticmethod" }
            if isStatic { model.staticMethods.insert(functionIndex) } else { scope.selfName = parameters.first }
            model.facts.functions[functionIndex].parameterList = Parameters.list(parameters.dropFirst(isStatic ? 0 : 1))
            model.classes[className]?.methods.insert(name)
        } else {
            model.facts.functions[functionIndex].parameterList = Parameters.list(parameters[...])
            model.scopes[enclosing].define(name, as: id)
            // A closure inside a method still sees the method's `self`.
            if let selfName = model.scopes[enclosing].selfName, !parameters.contains(selfName) {
                scope.className = model.scopes[enclosing].className
                scope.selfName = selfName
            }
        }
        model.scopes.append(scope)
        push(index, function: enclosing, prefix: id + ".<locals>", body: functionIndex)
    }

    private mutating func define(class index: Int, in enclosing: Int) {
        let tokens = model.tokens
        let statement = model.statements[index]
        let nameToken = statement.keyword + 1
        let name = tokens.isName(nameToken) ? tokens.text(nameToken) : "<invalid>"
        let qualified = prefix + "." + name
        let isLocal = frames.contains { $0.kind == .def }
        let facts = ClassFacts(qualifiedName: qualified, bases: [],
                               range: ByteRange(tokens.starts[statement.first], model.blockEndOffset(index)),
                               nameRange: tokens.range(nameToken, nameToken), isLocal: isLocal)
        var info = ClassInfo(factIndex: model.facts.classes.count)
        let open = tokens.afterTypeParameters(nameToken)
        if tokens.isOp(open, "("), tokens.partner[open] > open {
            for part in Assignments.commaSeparated(tokens, first: open + 1, end: tokens.partner[open])
            where !(tokens.isName(part.first) && tokens.isOp(part.first + 1, "=")) && !tokens.isOp(part.first, "**") {
                info.baseChains.append((part.first, part.end - 1, enclosing))
            }
        }
        model.facts.classes.append(facts)
        model.classes[qualified] = info
        if frames.last(where: { $0.kind == .def || $0.kind == .classDef })?.kind != .classDef {
            model.scopes[enclosing].define(name, as: qualified)
        }
        push(index, function: enclosing, prefix: qualified, className: qualified)
    }

    private mutating func openLoop(_ index: Int, function: Int) {
        let tokens = model.tokens
        let statement = model.statements[index]
        let colon = statement.colon ?? statement.end - 1
        let isFor = statement.header == .for
        let bodyEnd = model.statements[max(index, statement.blockEnd - 1)].end
        let parent = currentLoop()
        let depth = parent.map { model.facts.functions[function].loops[$0].depth + 1 } ?? 0
        var bound = LoopFacts.Bound.conditional
        var readsInput = false
        var counting: LoopBounds.Counting?
        if isFor {
            let inToken = Assignments.topLevel(tokens, keyword: "in", first: statement.keyword + 1, end: colon)
            if let inToken {
                bindNames(Assignments.boundNames(tokens, first: statement.keyword + 1, end: inToken), function: function)
                bound = LoopBounds.forBound(tokens, first: inToken + 1, end: colon)
                readsInput = LoopBounds.readsStandardInput(tokens, first: inToken + 1, end: colon)
                counting = LoopBounds.counting(model, function: function, statement: index, first: inToken + 1, end: colon, isFor: true)
            } else {
                bound = .collection
            }
        } else {
            bound = LoopBounds.whileBound(tokens, first: statement.keyword + 1, end: colon)
            counting = LoopBounds.counting(model, function: function, statement: index, first: statement.keyword + 1, end: colon, isFor: false)
        }
        var loop = LoopFacts(kind: isFor ? .for : .while,
                             range: ByteRange(tokens.starts[statement.first], model.blockEndOffset(index)),
                             headerRange: tokens.range(statement.first, colon),
                             bound: bound, parent: parent, depth: depth,
                             arithmeticOperations: tokens.arithmeticOperators(colon + 1, bodyEnd))
        loop.isAsync = statement.isAsync
        loop.readsInput = readsInput
        loop.setPasses(counting)
        loop.onlyCounts = loop.arithmeticOperations <= Self.countingOperationsCeiling && tokens.onlyCounts(colon + 1, bodyEnd)
        loop.boundedByCounter = (!isFor && LoopBounds.countsUp(tokens, first: statement.keyword + 1, end: colon, bodyEnd: bodyEnd))
            || LoopBounds.admitsUpToLimit(tokens, first: statement.keyword + 1, conditionEnd: isFor ? statement.keyword : colon, bodyEnd: bodyEnd)
        if !isFor, bound == .conditional {
            let polled = PolledState.polled(model, statement: index, function: function)
            loop.testedState = polled.tested
            loop.pollsUntilADeadline = polled.untilDeadline
        }
        model.facts.functions[function].loops.append(loop)
        let loopIndex = model.facts.functions[function].loops.count - 1
        // A `while` condition runs on every iteration; a `for` iterable once, before the loop.
        if !isFor { model.statementLoop[index] = loopIndex }
        push(index, function: function, loop: loopIndex)
    }

    private func bindHeaderTargets(_ statement: Statement, function: Int) {
        let tokens = model.tokens
        guard statement.header == .with || statement.header == .except, let colon = statement.colon else { return }
        for item in Assignments.commaSeparated(tokens, first: statement.keyword + 1, end: colon) {
            if let asToken = Assignments.topLevel(tokens, keyword: "as", first: item.first, end: item.end) {
                bindNames(Assignments.boundNames(tokens, first: asToken + 1, end: item.end), function: function)
            }
        }
    }

    private func simple(_ index: Int, function: Int) {
        let tokens = model.tokens
        let statement = model.statements[index]
        let scope = function
        if tokens.isOp(statement.first, "@") { return }
        if ImportParser.isImport(tokens, statement) {
            for bound in ImportParser.parse(tokens, statement, packageName: model.packageName) {
                model.facts.imports.append(bound.fact)
                if bound.lookupName == "*" {
                    model.starModules.append(String(bound.lookupTarget.dropLast(2)))
                } else {
                    model.scopes[scope].addImport(bound.lookupName, target: bound.lookupTarget)
                }
            }
            return
        }
        if tokens.isName(statement.first, "nonlocal") {
            for cursor in statement.first + 1..<statement.end where tokens.isName(cursor) {
                let name = tokens.text(cursor)
                model.scopes[scope].declareNonlocal(name)
                model.nonlocalDeclarations.append((scope, name))
            }
            return
        }
        if tokens.isName(statement.first, "global") {
            var cursor = statement.first + 1
            while cursor < statement.end {
                if tokens.isName(cursor) {
                    let name = tokens.text(cursor)
                    model.scopes[scope].declareGlobal(name)
                    model.rebindableGlobals.insert(name)
                    if model.globalDeclarations[name] == nil { model.globalDeclarations[name] = cursor }
                    model.moduleVariables.insert(name)
                }
                cursor += 1
            }
            return
        }
        bindWalrusTargets(statement, function: function)
        guard let assignment = model.assignments[index] else { return }
        let inClassBody = model.statementClass[index] != nil
        for target in assignment.targets {
            let names = Assignments.boundNames(tokens, first: target.first, end: target.end)
            if !inClassBody {
                bindNames(names, function: function)
                if function == 0 { model.moduleVariables.formUnion(names.map(\.name)) }
            }
            recordPendingType(target, assignment, function: function, classBody: model.statementClass[index])
        }
    }

    private func recordPendingType(_ target: (first: Int, end: Int), _ assignment: Assignment, function: Int, classBody: String?) {
        let tokens = model.tokens
        guard assignment.augmentedOperator == nil, let value = assignment.value, value.end > value.first else { return }
        let attribute = selfAttribute(target, function: function)
        if let attribute {
            ConstructorArguments.record(model, attribute: attribute, value: value, function: function)
        }
        // `self.pool = pool`, a parameter typed by its annotation.
        let isName = value.end == value.first + 1 && tokens.isName(value.first) && !model.annotatedParameters.isEmpty
            && model.annotatedParameters[function]?.contains(tokens.text(value.first)) == true
        let isCall = tokens.isCloser(value.end - 1) && tokens.isOp(tokens.partner[value.end - 1], "(")
            && model.chainStart(endingAt: value.end - 1, notBefore: value.first) == value.first
        guard isName || isCall else {
            recordPendingPath(target, value, attribute: attribute, function: function, inClassBody: classBody != nil)
            return
        }
        if !isName, target.end == target.first + 1, tokens.isName(target.first) {
            if let classBody {
                // `_lock = threading.RLock()` in a class body: what methods read as `self._lock`.
                model.pendingTypes.append(PendingType(scope: function, name: tokens.text(target.first), className: classBody,
                                                      first: value.first, last: value.end - 1, isClassAttribute: true))
            } else if function == 0 {
                model.pendingTypes.append(PendingType(scope: 0, name: tokens.text(target.first), className: nil,
                                                      first: value.first, last: value.end - 1))
            }
        }
        if model.facts.functions[function].kind == .method, let className = model.scopes[function].className, let attribute {
            model.pendingTypes.append(PendingType(scope: function, name: attribute, className: className,
                                                  first: value.first, last: value.end - 1, onlyTrackedTypes: isName))
        }
    }

    /// `attr` when the target is `self.attr`, `self` being the method's first parameter.
    private func selfAttribute(_ target: (first: Int, end: Int), function: Int) -> String? {
        let tokens = model.tokens
        guard target.end == target.first + 3, tokens.isName(target.first), tokens.isOp(target.first + 1, "."),
              tokens.isName(target.first + 2), tokens.text(target.first) == model.scopes[function].selfName else { return nil }
        return tokens.text(target.first + 2)
    }

    /// `DATA = ROOT / "data"`, `self.index = self.root / "index.json"`, `HERE = Path(__file__).parent`:
    /// typed once the names they start from are, if they name a `Path`.
    private func recordPendingPath(_ target: (first: Int, end: Int), _ value: (first: Int, end: Int), attribute: String?, function: Int,
                                   inClassBody: Bool) {
        let tokens = model.tokens
        let global = function == 0 && target.end == target.first + 1 && tokens.isName(target.first)
        guard !inClassBody, global || attribute != nil, tokens.isName(value.first) || tokens.isOp(value.first, "("),
              tokens.isName(value.end - 1, "parent") || (value.first..<value.end).contains(where: { tokens.isOp($0, "/") }) else { return }
        if global {
            model.pendingTypes.append(PendingType(scope: 0, name: tokens.text(target.first), className: nil,
                                                  first: value.first, last: value.end - 1, isPath: true))
        } else if model.facts.functions[function].kind == .method, let className = model.scopes[function].className, let attribute {
            model.pendingTypes.append(PendingType(scope: function, name: attribute, className: className,
                                                  first: value.first, last: value.end - 1, isPath: true))
        }
    }

    private func bindWalrusTargets(_ statement: Statement, function: Int) {
        let tokens = model.tokens
        var cursor = statement.first + 1
        while cursor < statement.end {
            if tokens.isOp(cursor, ":="), tokens.isName(cursor - 1) {
                model.scopes[function].bind(tokens.text(cursor - 1))
            }
            cursor += 1
        }
    }

    private func bindNames(_ names: [(name: String, token: Int)], function: Int) {
        for entry in names { model.scopes[function].bind(entry.name) }
    }
}
