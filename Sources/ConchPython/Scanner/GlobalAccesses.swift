import ConchKit

/// Reads and writes of watched module globals (see `GlobalVariables`) in functions and module-level code.
enum GlobalAccesses {
    /// The qualified name of the module global, or of the local closures share
    /// (`pkg.mod.main.<locals>.count`), that `name` means in `scope`.
    private static func sharedVariable(_ model: ScanModel, _ name: String, scope: Int) -> String? {
        if model.isModuleVariable(name, scope: scope) { return model.moduleName + "." + name }
        guard !model.closureVariables.isEmpty, let owner = model.closureOwner(of: name, scope: scope) else { return nil }
        return model.facts.functions[owner].id + ".<locals>." + name
    }

    /// The target an imported name means in `scope` (`app.state.counts` for `counts` after
    /// `from .state import counts`), when no local binding hides it.
    private static func importedVariable(_ model: ScanModel, _ name: String, scope start: Int) -> String? {
        var index = start
        while index != 0 {
            if let entry = model.scopes[index].names[name], !entry.isGlobal {
                return model.importedState[index]?[name].map(model.canonical)
            }
            index = model.scopes[index].parent ?? 0
        }
        return model.importedState[0]?[name].map(model.canonical)
    }

    /// One statement's tokens, with what its assignment binds and stores into.
    private struct StatementShape {
        let index: Int
        let assignment: Assignment?
        let bareTargets: Set<Int>
        let targetTokens: Set<Int>
        let targets: [(first: Int, end: Int)]
        let isDelete: Bool
        let writeRange: ByteRange
        var augmented: Bool { assignment?.augmentedOperator != nil }

        /// The target is exactly tokens `first...last`: `total` or `state.total`.
        func isWholeTarget(_ first: Int, _ last: Int) -> Bool {
            last == first ? bareTargets.contains(first) : targets.contains { $0.first == first && $0.end == last + 1 }
        }
    }

    static func record(_ model: ScanModel, statement index: Int, contexts: TokenContexts, assignment: Assignment?,
                       locks: [String], checked: Set<String>) {
        let tokens = model.tokens
        let statement = model.statements[index]
        guard !model.trackedGlobals.isEmpty || !model.closureVariables.isEmpty || !model.importedState.isEmpty,
              statement.header != .def, statement.header != .classDef else { return }
        var mentionsTracked = false
        for token in statement.first..<statement.end where tokens.kinds[token] == .name && model.isTrackedName[Int(tokens.nameIDs[token])] {
            mentionsTracked = true
            break
        }
        guard mentionsTracked else { return }
        var bareTargets: Set<Int> = []
        var targetTokens: Set<Int> = []
        if let assignment {
            for target in assignment.targets {
                for name in Assignments.boundNames(tokens, first: target.first, end: target.end) { bareTargets.insert(name.token) }
                for token in target.first..<target.end { targetTokens.insert(token) }
            }
        }
        let shape = StatementShape(index: index, assignment: assignment, bareTargets: bareTargets, targetTokens: targetTokens,
                                   targets: assignment?.targets ?? [], isDelete: tokens.isName(statement.first, "del"),
                                   writeRange: tokens.range(statement.first, statement.end - 1))
        var found: [(function: Int, access: GlobalAccess)] = []
        for token in statement.first..<statement.end {
            guard tokens.kinds[token] == .name, model.isTrackedName[Int(tokens.nameIDs[token])],
                  !tokens.isOp(token - 1, ".") else { continue }
            let name = tokens.text(token)
            if !targetTokens.contains(token), tokens.isOp(token + 1, "="), tokens.isOp(token - 1, "(") || tokens.isOp(token - 1, ",") {
                continue
            }
            // A watched class is module state only through its attributes: `Stats.hits`, not `Stats()`.
            let isClass = model.watchedClasses.contains(name)
            if isClass, !(tokens.isOp(token + 1, ".") && tokens.isName(token + 2)) { continue }
            let function = contexts.owner(of: token)
            // Module-level code counts too (a script reading a result after `join()`), but a
            // class body at module level binds class attributes, not the module's names.
            guard function != 0 || model.statementClass[index] == nil else { continue }
            if let variable = sharedVariable(model, name, scope: function) {
                var access = self.access(model, variable, first: token, last: token, shape, function: function, checked: checked)
                if isClass { access.field = tokens.text(token + 2) }
                access.locksHeld = function == model.statementFunction[index] ? locks : []
                found.append((function, access))
            } else if let target = importedVariable(model, name, scope: function) {
                // The name is the other module's variable (`counts[w] += 1`), or a module whose
                // attribute is (`state.total += 1`): both are recorded, and the project model keeps
                // the one that module binds. Rebinding the bare name binds this module's own. A
                // name called (`make_pool()`) or a class (`Settings.load()`) is no state, nor,
                // most likely, one whose attribute is called (`utils.parse(x)` calls a module's
                // function), but for a container's methods (`counts.get(k)`, `pending.append(x)`).
                var candidates: [(String, Int)] = []
                let callsMethod = tokens.isOp(token + 1, ".") && tokens.isName(token + 2) && tokens.isOp(token + 3, "(")
                if !shape.bareTargets.contains(token), mayNameState(tokens, token),
                   !callsMethod || ContainerMethods.all.contains(tokens.text(token + 2)) {
                    candidates.append((target, token))
                }
                // `import app.state` binds `app`: `app.state.total` is a variable two attributes in.
                var last = token
                var variable = target
                while last - token < Self.importedChainTokens, tokens.isOp(last + 1, "."), mayNameState(tokens, last + 2) {
                    last += 2
                    variable += "." + tokens.text(last)
                    candidates.append((variable, last))
                }
                for (variable, last) in candidates {
                    var access = self.access(model, variable, first: token, last: last, shape, function: function, checked: checked)
                    access.isImported = true
                    access.locksHeld = function == model.statementFunction[index] ? locks : []
                    found.append((function, access))
                }
            }
        }
        // A statement that writes a variable reads it as part of the write: `x = x + 1` is one access.
        let written = Set(found.filter { $0.access.isWrite }.map { "\($0.function) \($0.access.variable)" })
        for entry in found where entry.access.isWrite || !written.contains("\(entry.function) \(entry.access.variable)") {
            if entry.access.isImported {
                model.facts.importedAccesses.append(ImportedAccess(function: entry.function, access: entry.access))
            } else {
                model.facts.functions[entry.function].globalAccesses.append(entry.access)
            }
        }
    }

    /// How far into an imported name's attributes a variable is looked for: `app.state.total`.
    private static let importedChainTokens = 4

    /// An imported name, or a module's attribute, that may be state: not called, nor a class
    /// by its `CamelCase` name.
    private static func mayNameState(_ tokens: ScanTokens, _ token: Int) -> Bool {
        guard tokens.isName(token), !tokens.isOp(token + 1, "(") else { return false }
        let bytes = tokens.bytes
        let start = tokens.starts[token]
        let isCamelCase = bytes[start] >= UInt8(ascii: "A") && bytes[start] <= UInt8(ascii: "Z") && tokens.ends[token] > start + 1
            && bytes[start + 1] >= UInt8(ascii: "a") && bytes[start + 1] <= UInt8(ascii: "z")
        return !isCamelCase
    }

    /// The access tokens `first...last` make (the name, or an imported module and its
    /// attribute), by how the statement uses them.
    private static func access(_ model: ScanModel, _ variable: String, first: Int, last: Int, _ shape: StatementShape,
                               function: Int, checked: Set<String>) -> GlobalAccess {
        let tokens = model.tokens
        let assignment = shape.assignment
        var kind = GlobalAccess.Kind.read
        var range = tokens.range(first, last)
        var copiedAt: ByteRange?
        if shape.isWholeTarget(first, last), let assignment {
            let readsItself = mentions(tokens, first: first, last: last, assignment.value)
            if !shape.augmented, !readsItself {
                copiedAt = copy(model, writtenBack: assignment.value, statement: shape.index, function: function, bareRead: last - first + 1) {
                    mentions(tokens, first: first, last: last, $0)
                }
            }
            kind = shape.augmented ? .augmented : (readsItself || copiedAt != nil ? .readModifyWrite : .rebind)
            range = shape.writeRange
        } else if shape.targetTokens.contains(last), tokens.isOp(last + 1, "[") || tokens.isOp(last + 1, ".") {
            // `d[k] = d.get(k, 0) + 1` reads the container it stores into: an update, like `d[k] += 1`.
            let updates = shape.augmented || mentions(tokens, first: first, last: last, assignment?.value)
            kind = tokens.isOp(last + 1, "[") ? (updates ? .subscriptAugmented : .subscriptStore) : (updates ? .augmented : .subscriptStore)
            range = shape.writeRange
        } else if tokens.isOp(last + 1, "."), tokens.isName(last + 2), tokens.isOp(last + 3, "("),
                  ContainerMethods.mutating.contains(tokens.text(last + 2)) {
            kind = .mutatingMethod(tokens.text(last + 2))
            let close = tokens.partner[last + 3]
            range = tokens.range(first, close > last ? close : last + 3)
        } else if shape.isDelete, tokens.isOp(last + 1, "[") {
            kind = .subscriptStore
            range = shape.writeRange
        }
        // A thread's own entry (`sessions[threading.get_ident()] = s`) is no other thread's.
        if kind == .subscriptAugmented || kind == .subscriptStore, tokens.isOp(last + 1, "["),
           PerThreadKeys.isPerThread(model, subscript: last + 1, statement: shape.index, function: function) {
            kind = .subscriptStore
        } else if kind != .read, checked.contains(variable), !isIdempotent(tokens, kind, token: last, value: assignment?.value) {
            kind = .checkThenAct
        }
        var access = GlobalAccess(variable: model.intern(variable), kind: kind, range: range)
        access.copiedAt = copiedAt
        if namesAttribute(tokens, of: last, kind) { access.field = tokens.text(last + 2) }
        return access
    }

    /// `state.try_own` read or stored, not called: the access touches that attribute of a
    /// module-level object alone (`state.hs_sent` is other storage), as a C struct's member.
    private static func namesAttribute(_ tokens: ScanTokens, of token: Int, _ kind: GlobalAccess.Kind) -> Bool {
        guard tokens.isOp(token + 1, "."), tokens.isName(token + 2), !tokens.isOp(token + 3, "(") else { return false }
        switch kind {
        case .read, .augmented, .subscriptStore, .checkThenAct: return true
        default: return false
        }
    }

    /// A write that racing threads can repeat without harm, so testing first and then
    /// doing it is no check-then-act: rebinding a name to a literal (`_flag = False`,
    /// `_root = None`), or a removal that tolerates absence (`d.pop(k, None)`,
    /// `s.discard(x)`, `d.clear()`). `if k not in d: d[k] = 0` stays one: a racing
    /// thread's store can wipe an update made to the entry in between.
    private static func isIdempotent(_ tokens: ScanTokens, _ kind: GlobalAccess.Kind, token: Int, value: (first: Int, end: Int)?) -> Bool {
        switch kind {
        case .subscriptStore where tokens.isOp(token + 1, "."), .rebind:
            // `_flag = False`, and an attribute's `state.try_own = False`; not `cache[k] = 0`.
            guard let value else { return false }
            var first = value.first
            if value.end - first == 2, tokens.isOp(first, "-") { first += 1 }
            guard value.end - first == 1 else { return false }
            return tokens.kinds[first] == .number || tokens.kinds[first] == .string
                || tokens.isName(first, "None") || tokens.isName(first, "True") || tokens.isName(first, "False")
        case let .mutatingMethod(method):
            if method == "discard" || method == "clear" || method == "setdefault" { return true }
            let open = token + 3
            guard method == "pop", tokens.partner[open] > open else { return false }
            return Assignments.commaSeparated(tokens, first: open + 1, end: tokens.partner[open]).count >= 2
        default:
            return false
        }
    }

    /// `value = counter`, `value += 1`, then `counter = value`: the function writes back
    /// what it computed from the global in a local, an update spread over statements. The
    /// search goes back through the function's statements to the last plain assignment
    /// of each local the value names. A bare copy (`old = current`) counts only when the
    /// local changed since (`+=`, `old[k] = v`, `old.append(x)`) or the write computes
    /// from it (`current = old + 1`): stored back as it was, it restores the global
    /// (`current = old`), which updates nothing. `readsShared` tells whether a copied value
    /// reads the shared variable (a global, or `self.value`), `bareRead` how many tokens a
    /// bare read of it takes (1, or 3). Returns the statement that made the copy.
    static func copy(_ model: ScanModel, writtenBack value: (first: Int, end: Int)?, statement index: Int, function: Int,
                     bareRead: Int, readsShared: ((first: Int, end: Int)) -> Bool) -> ByteRange? {
        let tokens = model.tokens
        guard let value, function != 0, model.statementFunction[index] == function else { return nil }
        var locals: Set<String> = []
        for token in value.first..<value.end where tokens.isName(token) && !tokens.isKeyword(token) && !tokens.isOp(token - 1, ".") {
            locals.insert(tokens.text(token))
        }
        // `total = current + n` computes from the copy; `current = old` only stores it.
        let computes = value.end - value.first > 1
        var changed: Set<String> = []
        var earlier = index - 1
        var looked = 0
        while earlier >= 0, looked < copySearchLimit, !locals.isEmpty, model.definedFunction[earlier] != function {
            defer { earlier -= 1 }
            let statement = model.statements[earlier]
            guard model.statementFunction[earlier] == function, statement.header == nil else { continue }
            looked += 1
            let first = statement.first
            guard tokens.isName(first), locals.contains(tokens.text(first)) else { continue }
            let local = tokens.text(first)
            let assignment = model.assignments[earlier]
            guard let assignment, assignment.augmentedOperator == nil, assignment.targets.count == 1,
                  assignment.targets[0].end == first + 1, let copied = assignment.value else {
                if changesInPlace(tokens, local: first, assignment) { changed.insert(local) }
                continue
            }
            if readsShared(copied), copied.end - copied.first > bareRead || changed.contains(local) || computes {
                return tokens.range(first, statement.end - 1)
            }
            locals.remove(local)
        }
        return nil
    }

    /// `total += size`, `entries[k] = v`, `entries.append(url)`: a statement changing the
    /// value a local holds, its first token.
    private static func changesInPlace(_ tokens: ScanTokens, local: Int, _ assignment: Assignment?) -> Bool {
        if let assignment {
            return assignment.augmentedOperator != nil || tokens.isOp(local + 1, "[") || tokens.isOp(local + 1, ".")
        }
        return tokens.isOp(local + 1, ".") && tokens.isName(local + 2) && tokens.isOp(local + 3, "(")
            && ContainerMethods.mutating.contains(tokens.text(local + 2))
    }

    private static let copySearchLimit = 64

    /// Whether the value reads the variable tokens `first...last` name: `x = x + 1`,
    /// `state.total = state.total + 1`; by interned ids.
    private static func mentions(_ tokens: ScanTokens, first: Int, last: Int, _ value: (first: Int, end: Int)?) -> Bool {
        guard let value else { return false }
        let length = last - first
        var token = value.first
        while token + length < value.end {
            defer { token += 1 }
            guard tokens.kinds[token] == .name, !tokens.isOp(token - 1, "."), tokens.nameIDs[token] == tokens.nameIDs[first] else { continue }
            if length == 0 || (tokens.isOp(token + 1, ".") && tokens.nameIDs[token + length] == tokens.nameIDs[last]) { return true }
        }
        return false
    }

    /// Watched globals (and shared closure variables) an `if` condition tests; writes to them in its body are check-then-act.
    static func globalsTested(_ model: ScanModel, first: Int, end: Int, function: Int) -> Set<String> {
        let tokens = model.tokens
        guard function != 0, !model.trackedGlobals.isEmpty || !model.closureVariables.isEmpty || !model.importedState.isEmpty else { return [] }
        var result: Set<String> = []
        for token in first..<end where tokens.kinds[token] == .name && model.isTrackedName[Int(tokens.nameIDs[token])] {
            // `len(cache) < limit` is a soft capacity check: a racing thread overshooting it does no harm.
            if tokens.isOp(token - 1, "("), tokens.isName(token - 2, "len"), tokens.isOp(token + 1, ")") { continue }
            let name = tokens.text(token)
            guard !tokens.isOp(token - 1, ".") else { continue }
            if let variable = sharedVariable(model, name, scope: function) {
                result.insert(variable)
            } else if let target = importedVariable(model, name, scope: function) {
                result.insert(target)
                if tokens.isOp(token + 1, "."), tokens.isName(token + 2) { result.insert(target + "." + tokens.text(token + 2)) }
            }
        }
        return result
    }
}
