import ConchKit

/// What the scanner knows about a class defined in the file.
struct ClassInfo {
    var factIndex: Int
    var baseChains: [(first: Int, last: Int, scope: Int)] = []
    var bases: [String] = []
    var methods: Set<String> = []
    /// `self.attr = Call(...)` in a method (`__init__` first): attr -> resolved type.
    var attributeTypes: [String: String] = [:]
}

/// A type known once all imports are: `name = <call chain>`, `self.attr = <call chain>`,
/// `self.attr = name`, or a parameter's annotation (`pool: ProcessPoolExecutor`).
struct PendingType {
    /// Where the chain resolves (an annotation: where the `def` stands).
    var scope: Int
    /// The attribute name for `self.attr = ...`, else the variable name.
    var name: String
    var className: String?
    var first: Int
    var last: Int
    /// A parameter's annotation: the function whose scope binds `name`.
    var parameterOf: Int?
    /// Set in a class body: instances see it until a method assigns their own.
    var isClassAttribute = false
    /// Kept only for a type the scanner tracks (`ScannerCatalog.trackedTypes`): what an
    /// annotation or a plain name gives is a class or a value, not a constructor call.
    var onlyTrackedTypes = false
    /// A join of paths or a `Path`'s parent, typed only when it names a `pathlib.Path`.
    var isPath = false
}

/// Everything both scanner passes share for one file.
///
/// Its state is `@exclusivity(unchecked)`: one thread scans one file, no access to a
/// property outlives the statement that makes it, and the runtime's bookkeeping of
/// every access cost about 9% of the facts pass (with the checks on, they never
/// fired on the 13,749 files of a CPython 3.11 install).
final class ScanModel {
    @exclusivity(unchecked) private var internedStrings = NameTable()
    let tokens: ScanTokens
    let statements: [Statement]
    let moduleName: String
    /// The package relative imports resolve against.
    let packageName: String
    @exclusivity(unchecked) var facts: FileFacts
    @exclusivity(unchecked) var scopes: [Scope] = [Scope()]
    @exclusivity(unchecked) var classes: [String: ClassInfo] = [:]
    /// Names declared `global` in any function: rebound module state.
    @exclusivity(unchecked) var rebindableGlobals: Set<String> = []
    /// The token of each name's first `global` declaration.
    @exclusivity(unchecked) var globalDeclarations: [String: Int] = [:]
    /// Module-level variable names (assigned at module level or declared `global`).
    @exclusivity(unchecked) var moduleVariables: Set<String> = []
    /// The modules of `from M import *`, in the order imported.
    @exclusivity(unchecked) var starModules: [String] = []
    @exclusivity(unchecked) var pendingTypes: [PendingType] = []
    /// Per function index: its parameters annotated with a class, which `self.x = param` may copy.
    @exclusivity(unchecked) var annotatedParameters: [Int: [String]] = [:]
    /// By function: the parameters whose default is `None`.
    @exclusivity(unchecked) var noneDefaultParameters: [Int: [String]] = [:]
    /// `def make_loop() -> IOLoop:`: each annotated function's index and its annotation's chain.
    @exclusivity(unchecked) var returnAnnotations: [(function: Int, first: Int, last: Int)] = []
    /// What the file's annotated functions return, by id, when it is a type the scanner tracks.
    @exclusivity(unchecked) var annotatedReturnTypes: [FunctionID: String] = [:]
    /// Module-level classes whose attributes functions assign (`Stats.hits += 1`): their
    /// class attributes are module state, watched like globals.
    @exclusivity(unchecked) var watchedClasses: Set<String> = []
    /// Each `nonlocal` declaration: the function that declares it and the name.
    @exclusivity(unchecked) var nonlocalDeclarations: [(scope: Int, name: String)] = []
    /// Locals that nested functions share, as `function index` and name: those they
    /// rebind through `nonlocal`, and the containers they mention (`totals = {}`). Every
    /// closure of one call shares them, so threads running those closures race on them.
    @exclusivity(unchecked) var closureVariables: Set<ClosureVariable> = []
    /// Globals whose accesses are recorded: the plain and constant ones of `facts.globals`.
    @exclusivity(unchecked) var trackedGlobals: Set<String> = []
    /// Names imported from what may be another module of the project (`from .state import
    /// counts`, `from . import state`), by the scope that imports them, with their targets: their
    /// accesses are recorded as the target's, and the project model keeps those that name
    /// that module's state.
    @exclusivity(unchecked) var importedState: [Int: [String: String]] = [:] {
        didSet { importedNameIDs = Set(importedState.values.flatMap(\.keys).compactMap { tokens.names.existingID(of: $0) }) }
    }
    @exclusivity(unchecked) private var importedNameIDs: Set<Int32> = []

    /// Whether the interned name is one of `importedState`'s.
    func isImportedName(_ id: Int32) -> Bool { importedNameIDs.contains(id) }
    /// `trackedGlobals`, the names of `closureVariables` and of `importedState` by interned name id, for the per-token check.
    @exclusivity(unchecked) var isTrackedName: [Bool] = []
    /// Module-level constants (`PRIMES = [...]`, bound once): where each one's value stands among the tokens.
    @exclusivity(unchecked) var constantValues: [String: (first: Int, end: Int)] = [:]
    /// A name bound in one function (its index), by interned id.
    struct LocalName: Hashable {
        var function: Int
        var name: Int32
    }

    /// `self.attr = parameter` in `__init__`s, typed from the calls of their classes (`ConstructorArguments`).
    @exclusivity(unchecked) var constructorCopies: [ConstructorArguments.Copy] = []
    /// Locals bound to collections of integer constants, with their least item (`HandedCollections`).
    @exclusivity(unchecked) var localLeastItems: [LocalName: Int] = [:]
    /// The arguments of every call of the file, which the calls' facts hold runs of.
    let argumentTable = ArgumentTable()
    /// Per function index: the names of objects it has called `start()` on, by interned name id.
    @exclusivity(unchecked) var startedObjects: [Int: Set<Int32>] = [:]
    /// Methods decorated `@staticmethod`, known as they are defined (decorators resolve later):
    /// a caller's first argument is their first parameter.
    @exclusivity(unchecked) var staticMethods: Set<Int> = []
    /// The interned id of `yield`, when the file has one.
    lazy var yieldNameID: Int32? = tokens.names.existingID(of: "yield")
    /// Generator functions decorated as coroutines (`@tornado.gen.coroutine`): each `yield` gives way.
    @exclusivity(unchecked) var generatorCoroutines: Set<Int> = []
    /// Decorator expressions to resolve once imports are known.
    @exclusivity(unchecked) var decoratorChains: [(function: Int, first: Int, last: Int, scope: Int)] = []
    /// Per statement: the function it runs in, the class whose body holds it, the innermost loop.
    @exclusivity(unchecked) var statementFunction: [Int]
    @exclusivity(unchecked) var statementClass: [String?]
    @exclusivity(unchecked) var statementLoop: [Int?]
    /// Per simple statement, its shape as an assignment, parsed once in the structural pass.
    @exclusivity(unchecked) var assignments: [Assignment?]
    /// Resolutions of plain dotted chains (`self.assertEqual`, `os.path.join`), which repeat
    /// a lot; emptied whenever a type or binding changes during the expression pass.
    @exclusivity(unchecked) var resolutionCache = ResolutionCache()
    /// Whether the file imports a module (or something inside it), asked once per module.
    @exclusivity(unchecked) var importsModule: [String: Bool] = [:]
    /// Callback registrations on receivers of unknown type that this file's imports allow;
    /// built on first use, in the expression pass, once every import is known.
    lazy var callbackRegistrationsOfUnknownReceivers = CallbackDetector.registrationsOfUnknownReceivers(self)
    /// Names bound to lambdas, built on first use by the spawn detector.
    lazy var lambdaBindings = LambdaBindings(self)
    /// Per statement: for a `def` header, the index of the function it defines.
    @exclusivity(unchecked) var definedFunction: [Int?]
    /// Lambda token index -> (function index, exclusive end token).
    @exclusivity(unchecked) var lambdas: [Int: (function: Int, end: Int)] = [:]
    /// Spellings of the source interned by their bytes, for texts that repeat.
    @exclusivity(unchecked) private var sourceTexts = NameTable()
    /// Method names worth a look from the spawn and event-loop detectors, answered once per name.
    @exclusivity(unchecked) var spawnMethodNames: NameSetMembership
    @exclusivity(unchecked) var eventLoopRunNames: NameSetMembership

    /// The last position computed, so positions asked for in increasing order cost
    /// only the bytes between them (10,000 lambdas on one line stay linear).
    @exclusivity(unchecked) private var lastPosition: (offset: Int, line: Int, lineStart: Int, column: Int)?

    init(tokens: ScanTokens, statements: [Statement], file: SourceFile) {
        self.tokens = tokens
        self.statements = statements
        moduleName = file.moduleName
        let isPackage = file.path.hasSuffix("__init__.py") || file.path.hasSuffix("__init__.pyi")
        if isPackage {
            packageName = file.moduleName
        } else if let dot = file.moduleName.lastIndex(of: ".") {
            packageName = String(file.moduleName[..<dot])
        } else {
            packageName = ""
        }
        facts = FileFacts(path: file.path, language: .python, moduleName: file.moduleName)
        spawnMethodNames = NameSetMembership(SpawnCatalog.methodNames, names: tokens.names)
        eventLoopRunNames = NameSetMembership(EventLoopDetector.runNames, names: tokens.names)
        statementFunction = Array(repeating: 0, count: statements.count)
        statementClass = Array(repeating: nil, count: statements.count)
        statementLoop = Array(repeating: nil, count: statements.count)
        assignments = Array(repeating: nil, count: statements.count)
        definedFunction = Array(repeating: nil, count: statements.count)
    }

    /// The type itself or its first ancestor (through classes of this file) that satisfies `test`.
    func firstAncestor(of type: String, where test: (String) -> Bool) -> String? {
        var current = [type]
        var seen: Set<String> = []
        while let next = current.popLast() {
            if test(next) { return next }
            guard seen.insert(next).inserted, let info = classes[next] else { continue }
            current.append(contentsOf: info.bases)
        }
        return nil
    }

    /// The lambda whose keyword is this token: (function index, exclusive end token).
    func lambda(at token: Int) -> (function: Int, end: Int)? {
        guard tokens.lambdaID >= 0, tokens.nameIDs[token] == tokens.lambdaID else { return nil }
        return lambdas[token]
    }

    /// Where the block a header opens ends: the end of its last statement (the header's own end without a body).
    func blockEndOffset(_ header: Int) -> Int {
        let statement = statements[header]
        let end = statements[max(header, statement.blockEnd - 1)].end
        return tokens.ends[max(statement.first, end - 1)]
    }

    /// The last statement directly in the block of the header at `header` (nested blocks skipped).
    func lastStatement(inBlockOf header: Int) -> Int? {
        let blockEnd = statements[header].blockEnd
        var cursor = header + 1
        var last: Int?
        while cursor < blockEnd {
            last = cursor
            cursor = statements[cursor].header == nil ? cursor + 1 : max(cursor + 1, statements[cursor].blockEnd)
        }
        return last
    }

    /// Whether the block of the header at `header` ends in a statement starting with one of `keywords`.
    func blockEndsIn(_ header: Int, _ keywords: [StaticString]) -> Bool {
        guard let last = lastStatement(inBlockOf: header) else { return false }
        let first = statements[last].first
        return keywords.contains { tokens.isName(first, $0) }
    }

    /// 1-based line and Unicode-scalar column of a byte offset.
    func lineAndColumn(of offset: Int) -> (line: Int, column: Int) {
        let source = tokens.source
        let line = source.lineIndex(of: offset)
        let lineStart = source.lineStarts[line]
        var from = lineStart
        var column = 1
        if let last = lastPosition, last.line == line, last.offset <= offset {
            from = last.offset
            column = last.column
        }
        let bytes = source.bytes
        while from < offset, from < bytes.count {
            if bytes[from] & 0xC0 != 0x80 { column += 1 }
            from += 1
        }
        lastPosition = (offset, line, lineStart, column)
        return (line + 1, column)
    }

    /// Text for messages, cut at `shortTextLimit` bytes: every call's arguments keep
    /// one, so longer texts would make the facts of a large tree the bulk of its memory.
    func shortText(_ first: Int, _ last: Int) -> String {
        guard first <= last else { return "" }
        let start = tokens.starts[first]
        let end = tokens.ends[last]
        if end - start <= Self.shortTextLimit {
            if first == last, tokens.kinds[first] == .name { return tokens.text(first) }
            let id = tokens.bytes.withUnsafeBufferPointer { sourceTexts.intern($0, start, end) }
            return sourceTexts.names[Int(id)]
        }
        let shortened = tokens.source.text(ByteRange(start, end), atMost: Self.shortTextLimit) + "…"
        // A long chain keeps the name of its last method: `Post.objects.filter(…)….first`.
        return tokens.kinds[last] == .name && tokens.isOp(last - 1, ".") ? shortened + "." + tokens.text(last) : shortened
    }

    /// The statement holding token `token` (statements are in token order), by binary search.
    func statement(containing token: Int) -> Int? {
        var low = 0
        var high = statements.count - 1
        while low <= high {
            let middle = (low + high) / 2
            if statements[middle].first > token {
                high = middle - 1
            } else if statements[middle].end <= token {
                low = middle + 1
            } else {
                return middle
            }
        }
        return nil
    }

    /// The value of the nearest earlier plain `name = ...` of the same function, at most
    /// `reach` statements before statement `index`: its tokens. `nameID` is the name's interned id.
    func valueAssigned(to nameID: Int32, before index: Int, in function: Int, reach: Int) -> (first: Int, end: Int)? {
        var statement = index - 1
        while statement >= max(0, index - reach), statementFunction[statement] == function {
            if let assignment = assignments[statement], assignment.augmentedOperator == nil, let value = assignment.value,
               assignment.targets.contains(where: { $0.end == $0.first + 1 && tokens.isName($0.first) && tokens.nameIDs[$0.first] == nameID }) {
                return value
            }
            statement -= 1
        }
        return nil
    }

    /// Records a name's type in a scope; a change forgets cached resolutions.
    func setType(_ type: String?, for name: String, in scope: Int) {
        guard scopes[scope].names[name]?.type != type else { return }
        scopes[scope].setType(type, for: name)
        resolutionCache.removeAll()
    }

    /// Binds a name in a scope during the expression pass; a new binding forgets cached resolutions.
    func bind(_ name: String, in scope: Int) {
        if scopes[scope].bind(name) { resolutionCache.removeAll() }
    }

    /// The lengths of the file's classes' qualified names; nothing ruled out until the
    /// structural pass has found every class.
    @exclusivity(unchecked) var classNameLengths = LengthFilter.everything

    /// Whether `name` is a class of this file: most calls are ruled out by their callee's
    /// length, without hashing it.
    func isClassOfFile(_ name: String) -> Bool {
        classNameLengths.mayContain(name) && classes[name] != nil
    }

    /// Whether the file imports `module` or something inside it.
    func imports(_ module: String) -> Bool {
        if let known = importsModule[module] { return known }
        let found = facts.imports.contains { $0.target == module || $0.target.hasPrefix(module + ".") }
        importsModule[module] = found
        return found
    }

    static let shortTextLimit = 48

    /// One copy of each name in the file's facts: callees and texts repeat a lot
    /// (`self.assertEqual` thousands of times in a test module).
    func intern(_ text: String) -> String {
        if text.utf8.count <= 15 { return text }
        return internedStrings.intern(text)
    }
}

/// A local of function `owner` that its nested functions share (`closureVariables`).
struct ClosureVariable: Hashable {
    var owner: Int
    var name: String
}
