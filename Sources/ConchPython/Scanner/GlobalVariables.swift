import ConchKit

/// Module-level state worth watching: names bound at module level to mutable things
/// (list, dict and set displays, constructors, any other call's object), and names of
/// any value that some function rebinds through `global`.
///
/// Storage: `.threadLocal` for `threading.local()`; `.synchronized` for locks, events,
/// queues and semaphores; `.constant` for an ALL_CAPS name that no function rebinds and
/// whose value is not a list, dict or set (a container stays `.plain`, since its
/// contents can change); `.plain` otherwise.
enum GlobalVariables {
    static func collect(_ model: ScanModel) {
        let tokens = model.tokens
        var seen: [String: Int] = [:]
        var seenScalars: Set<String> = []
        var constants = ConstantValues()
        for index in model.statements.indices where model.statementFunction[index] == 0 && model.statementClass[index] == nil {
            let statement = model.statements[index]
            guard statement.header == nil,
                  let assignment = model.assignments[index],
                  assignment.augmentedOperator == nil, let value = assignment.value else { continue }
            constants.record(model, assignment: assignment, value: value)
            for target in assignment.targets {
                let values = pairedValues(tokens, target: target, value: value)
                for (name, valueRange) in values {
                    let typeName = valueRange.map { self.typeName(model, first: $0.first, end: $0.end) } ?? nil
                    let isMutable = typeName.map { !immutableTypes.contains($0) } ?? false
                    guard isMutable || model.rebindableGlobals.contains(name.name) else {
                        // `total = 0`, which another module may update (`state.total += 1`).
                        if typeName != nil, seenScalars.insert(name.name).inserted {
                            model.facts.moduleScalars.append(GlobalVariable(name: name.name, range: tokens.range(name.token, name.token),
                                                                            storage: .plain, typeName: typeName))
                        }
                        continue
                    }
                    if let existing = seen[name.name] {
                        if model.facts.globals[existing].typeName == nil { model.facts.globals[existing].typeName = typeName }
                        continue
                    }
                    seen[name.name] = model.facts.globals.count
                    model.facts.globals.append(GlobalVariable(name: name.name, range: tokens.range(name.token, name.token),
                                                              storage: storage(name.name, typeName, model), typeName: typeName))
                }
            }
        }
        for (name, classIndex) in classesWithAssignedAttributes(model) where seen[name] == nil {
            seen[name] = model.facts.globals.count
            model.watchedClasses.insert(name)
            let range = model.facts.classes[classIndex].nameRange
            model.facts.globals.append(GlobalVariable(name: name, range: range, storage: .plain, typeName: "type"))
        }
        for name in model.rebindableGlobals.sorted() where seen[name] == nil {
            guard let token = model.globalDeclarations[name] else { continue }
            seen[name] = model.facts.globals.count
            model.facts.globals.append(GlobalVariable(name: name, range: tokens.range(token, token), storage: .plain, typeName: nil))
        }
        model.facts.constants = constants.values
        model.constantValues = constants.valueTokens
        // Synchronising objects too: a child process works on its own copy of a lock or queue
        // (spawn makes a new one), so what it does there is lost to the parent.
        model.trackedGlobals = Set(model.facts.globals.filter { global in
            global.storage == .plain || global.storage == .constant || global.storage == .synchronized
        }.map(\.name))
        model.collectClosureVariables()
        model.importedState = importedState(model)
        model.isTrackedName = model.tokens.names.names.map { model.trackedGlobals.contains($0) }
        for name in model.closureVariables.map(\.name) + model.importedState.values.flatMap(\.keys) {
            if let id = model.tokens.names.existingID(of: name) { model.isTrackedName[Int(id)] = true }
        }
    }

    /// The module's imports of names from modules that may be the project's: of its own
    /// package (`from .state import counts`, `from app import state` in `app.worker`), or,
    /// in a module outside any package, of another top-level module that is not the
    /// standard library's (`from state import counts` beside `state.py`).
    /// A function's own imports too (`from .tasks import progress` inside a view, as Django
    /// code does to break an import cycle), by the function's index.
    private static func importedState(_ model: ScanModel) -> [Int: [String: String]] {
        let package = model.moduleName.firstIndex(of: ".").map { model.moduleName[..<$0] }
        var imported: [Int: [String: String]] = [:]
        for (index, scope) in model.scopes.enumerated() {
            for (name, entry) in scope.names {
                guard let target = entry.importTarget, index != 0 || !model.trackedGlobals.contains(name) else { continue }
                let head = target.prefix { $0 != "." }
                if let package { guard head == package else { continue } } else if StandardLibraryModules.names.contains(String(head)) { continue }
                imported[index, default: [:]][name] = target
            }
        }
        return imported
    }

    /// Module-level classes of the file that a function assigns an attribute of
    /// (`Stats.hits += 1`, `Config.debug = True`), in source order, with their `facts.classes` index.
    private static func classesWithAssignedAttributes(_ model: ScanModel) -> [(name: String, classIndex: Int)] {
        let tokens = model.tokens
        // By interned id, so the walk over the statements hashes nothing.
        var isModuleClass = [Bool](repeating: false, count: tokens.names.names.count)
        let modulePrefix = model.moduleName + "."
        for info in model.facts.classes where info.qualifiedName.hasPrefix(modulePrefix) {
            let name = info.qualifiedName.dropFirst(modulePrefix.count)
            if !name.contains("."), let id = tokens.names.existingID(of: String(name)) { isModuleClass[Int(id)] = true }
        }
        guard isModuleClass.contains(true) else { return [] }
        var found: [(name: String, classIndex: Int)] = []
        // `Stats.hits += 1` starts its statement: most statements are ruled out by their first token.
        for index in model.statements.indices where model.statementFunction[index] != 0 {
            let first = model.statements[index].first
            guard tokens.isName(first), isModuleClass[Int(tokens.nameIDs[first])],
                  let assignment = model.assignments[index] else { continue }
            for target in assignment.targets where target.end - target.first == 3 && tokens.isName(target.first)
                && isModuleClass[Int(tokens.nameIDs[target.first])]
                && tokens.isOp(target.first + 1, ".") && tokens.isName(target.first + 2) {
                let name = tokens.text(target.first)
                guard !found.contains(where: { $0.name == name }), let id = model.scopes[0].names[name]?.definition,
                      let info = model.classes[id], model.facts.classes[info.factIndex].qualifiedName == model.moduleName + "." + name
                else { continue }
                found.append((name, info.factIndex))
            }
        }
        return found
    }

    static let immutableTypes: Set<String> = ["int", "float", "complex", "str", "bytes", "bool", "None", "tuple", "frozenset"]
    private static let containerTypes: Set<String> = ["list", "dict", "set"]

    /// A list, dict or set, written out or built by a container type's constructor.
    static func isContainer(_ type: String) -> Bool {
        containerTypes.contains(type) || ScannerCatalog.containerConstructors.contains(type)
    }

    /// `a = []`, `a, b = [], {}`, `a = b = 0`: each bound name with its own value where known.
    private static func pairedValues(_ tokens: ScanTokens, target: (first: Int, end: Int), value: (first: Int, end: Int))
        -> [((name: String, token: Int), (first: Int, end: Int)?)] {
        let names = Assignments.boundNames(tokens, first: target.first, end: target.end)
        if names.count == 1, target.end == target.first + 1 { return [(names[0], value)] }
        let values = Assignments.commaSeparated(tokens, first: value.first, end: value.end)
        let targets = Assignments.commaSeparated(tokens, first: target.first, end: target.end)
        guard values.count == targets.count, values.count == names.count, values.count > 1 else {
            return names.map { ($0, nil) }
        }
        return zip(names, values).map { ($0, $1) }
    }

    /// What a value builds: `list`, `dict`, `set`, `tuple`, a literal's type, or a call's resolved type.
    static func typeName(_ model: ScanModel, first: Int, end: Int) -> String? {
        let tokens = model.tokens
        guard end > first else { return nil }
        let last = end - 1
        if end == first + 1 {
            switch tokens.kinds[first] {
            case .number: return tokens.text(first).contains(".") ? "float" : "int"
            case .string: return tokens.text(first).lowercased().hasPrefix("b") ? "bytes" : "str"
            case .name:
                if tokens.equals(first, "True") || tokens.equals(first, "False") { return "bool" }
                if tokens.equals(first, "None") { return "None" }
                return nil
            default: return nil
            }
        }
        if tokens.kinds[first] == .string || tokens.kinds[first] == .fstringStart { return "str" }
        if tokens.isOpener(first), tokens.partner[first] == last {
            if tokens.isOp(first, "[") { return "list" }
            if tokens.isOp(first, "(") { return "tuple" }
            if end == first + 2 { return "dict" }
            return isDictDisplay(tokens, first + 1, last) ? "dict" : "set"
        }
        if tokens.isOp(last, ")"), tokens.partner[last] > first,
           model.chainStart(endingAt: last, notBefore: first) == first {
            let callee = model.resolveChain(first, tokens.partner[last] - 1, scope: 0, className: nil)
            return model.callResultType(callee.name) ?? callee.name
        }
        return model.pathType(first, end, scope: 0, className: nil)
    }

    private static func isDictDisplay(_ tokens: ScanTokens, _ first: Int, _ end: Int) -> Bool {
        if tokens.isOp(first, "**") { return true }
        var cursor = first
        while cursor < end {
            if tokens.isOpener(cursor) {
                cursor = tokens.skipGroup(cursor, limit: end)
                continue
            }
            if tokens.isOp(cursor, ":") { return true }
            if tokens.isOp(cursor, ",") || tokens.isName(cursor, "for") { return false }
            cursor += 1
        }
        return false
    }

    private static func storage(_ name: String, _ typeName: String?, _ model: ScanModel) -> GlobalVariable.Storage {
        // `class _Threadlocal(_thread._local)` of the same file keeps per-thread attributes too.
        if let typeName, model.firstAncestor(of: typeName, where: ScannerCatalog.threadLocalTypes.contains) != nil { return .threadLocal }
        if let typeName, ScannerCatalog.synchronizedTypes.contains(typeName) { return .synchronized }
        if isConstantName(name), !model.rebindableGlobals.contains(name), !containerTypes.contains(typeName ?? ""),
           !ScannerCatalog.containerConstructors.contains(typeName ?? "") {
            return .constant
        }
        return .plain
    }

    /// ALL_CAPS, as PEP 8 spells constants (`_NUMERIC_ONLY` too); a non-ASCII letter
    /// counts as a letter, and as lowercase unless it is uppercase.
    static func isConstantName(_ name: String) -> Bool {
        let utf8 = name.utf8
        if utf8.allSatisfy({ $0 < 0x80 }) {
            return utf8.contains { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }
                && !utf8.contains { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }
        }
        return name.contains { $0.isLetter } && !name.contains { $0.isLowercase }
    }
}

/// `_NUMERIC_ONLY = socket.AI_NUMERICHOST | socket.AI_NUMERICSERV`: the text each ALL_CAPS
/// name is bound to, when the module binds it once and no function rebinds it, so a rule
/// can see what `flags=_NUMERIC_ONLY` passes.
struct ConstantValues {
    private(set) var values: [String: String] = [:]
    /// Where each value stands among the tokens.
    private(set) var valueTokens: [String: (first: Int, end: Int)] = [:]
    private var boundAgain: Set<String> = []

    mutating func record(_ model: ScanModel, assignment: Assignment, value: (first: Int, end: Int)) {
        guard assignment.targets.count == 1, let target = assignment.targets.first, target.end == target.first + 1,
              model.tokens.isName(target.first), value.end > value.first else { return }
        let name = model.tokens.text(target.first)
        guard GlobalVariables.isConstantName(name), !model.rebindableGlobals.contains(name), !boundAgain.contains(name) else { return }
        if values[name] != nil {
            values[name] = nil
            valueTokens[name] = nil
            boundAgain.insert(name)
            return
        }
        values[name] = model.shortText(value.first, value.end - 1)
        valueTokens[name] = value
    }
}
