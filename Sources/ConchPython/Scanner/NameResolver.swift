import ConchKit

/// A dotted name as resolved: `threading.Thread`, `pkg.mod.helper`, or the text as written.
struct Resolved {
    var name: String
    var isResolved: Bool
    /// `name` is the type of a value (a typed variable or attribute, a call's result),
    /// not the class itself: calling the value calls the type's `__call__`.
    var isInstance = false
}

extension ScanModel {
    /// Resolves a bare name in `scope` the way Python looks it up: locals, enclosing
    /// functions, module (definitions, imports, typed variables), builtins.
    func resolve(name: String, scope start: Int) -> Resolved {
        var index = start
        while true {
            if let entry = scopes[index].names[name] {
                if index != 0, entry.isGlobal {
                    index = 0
                    continue
                }
                if let type = entry.type { return Resolved(name: type, isResolved: true, isInstance: true) }
                if let id = entry.definition { return Resolved(name: id, isResolved: true) }
                if let target = entry.importTarget { return Resolved(name: canonical(target), isResolved: true) }
                if entry.isBound { return Resolved(name: name, isResolved: false) }
            }
            if index == 0 { break }
            index = scopes[index].parent ?? 0
        }
        if !starModules.isEmpty, let module = starModule(exporting: name) {
            return Resolved(name: canonical(module + "." + name), isResolved: true)
        }
        if ScannerCatalog.builtins.contains(name) { return Resolved(name: name, isResolved: true) }
        // A name bound nowhere in a valid module comes from its one star import, whatever that exports.
        if starModules.count == 1, StarExports.names(of: starModules[0]) == nil {
            return Resolved(name: canonical(starModules[0] + "." + name), isResolved: true)
        }
        return Resolved(name: name, isResolved: false)
    }

    /// The module whose `from M import *` binds `name`: the last one listed as exporting it.
    private func starModule(exporting name: String) -> String? {
        starModules.last { StarExports.names(of: $0)?.contains(name) ?? false }
    }

    /// Whether `name`, used in `scope`, refers to a module-level variable.
    func isModuleVariable(_ name: String, scope start: Int) -> Bool {
        var index = start
        while index != 0 {
            if let entry = scopes[index].names[name] {
                if entry.isGlobal { break }
                if entry.isBound || entry.definition != nil || entry.importTarget != nil { return false }
            }
            index = scopes[index].parent ?? 0
        }
        return (moduleVariables.contains(name) && scopes[0].names[name]?.definition == nil) || watchedClasses.contains(name)
    }

    /// The function whose local `name` is, seen from `start`, when its closures share it
    /// (`closureVariables`).
    func closureOwner(of name: String, scope start: Int) -> Int? {
        bindingFunction(of: name, from: start).flatMap { closureVariables.contains(ClosureVariable(owner: $0, name: name)) ? $0 : nil }
    }

    /// Resolves each `nonlocal` declaration to the enclosing function that binds the name,
    /// and adds the containers a function with closures binds (`totals = {}`,
    /// `seen = set()`): its closures update them in place, with no declaration.
    func collectClosureVariables() {
        collectClosureContainers()
        for (scope, name) in nonlocalDeclarations {
            if let owner = bindingFunction(of: name, from: scopes[scope].parent ?? 0) {
                closureVariables.insert(ClosureVariable(owner: owner, name: name))
            }
        }
    }

    /// The innermost function, from `start` outward, whose own local `name` is: bound
    /// there and declared neither `global` (nil) nor `nonlocal` (look further out).
    private func bindingFunction(of name: String, from start: Int) -> Int? {
        var index = start
        while index != 0 {
            if let entry = scopes[index].names[name] {
                if entry.isGlobal { return nil }
                if !entry.isNonlocal, entry.isBound { return index }
            }
            index = scopes[index].parent ?? 0
        }
        return nil
    }

    func canonical(_ name: String) -> String {
        guard ScannerCatalog.canonicalNameLengths.mayContain(name) else { return name }
        return ScannerCatalog.canonicalNames[name] ?? name
    }

    /// The first token of the postfix chain (`a.b(c).d[e]`) ending at `last`.
    func chainStart(endingAt last: Int, notBefore floor: Int) -> Int {
        var cursor = last
        while cursor >= floor {
            let link: Int
            if tokens.isCloser(cursor) {
                let opener = tokens.partner[cursor]
                guard opener >= floor, opener < cursor else { return cursor + 1 }
                // `(a + b).c`: a parenthesised group starts the chain unless something is called or indexed.
                if isChainEnd(opener - 1, floor: floor) {
                    cursor = opener - 1
                    continue
                }
                link = opener
            } else if tokens.kinds[cursor] == .fstringEnd {
                var back = cursor
                var depth = 0
                while back >= floor {
                    if tokens.kinds[back] == .fstringEnd { depth += 1 }
                    if tokens.kinds[back] == .fstringStart { depth -= 1; if depth == 0 { break } }
                    back -= 1
                }
                return max(back, floor)
            } else if tokens.kinds[cursor] == .string {
                return cursor
            } else if tokens.isName(cursor), !tokens.isKeyword(cursor) || tokens.equals(cursor, "None") {
                link = cursor
            } else {
                return cursor + 1
            }
            if tokens.isOp(link - 1, "."), link - 2 >= floor {
                cursor = link - 2
            } else {
                return link
            }
        }
        return floor
    }

    /// Whether the token can end an expression that a following `(` or `[` applies to.
    func isChainEnd(_ index: Int, floor: Int) -> Bool {
        guard index >= floor else { return false }
        if tokens.isCloser(index) { return true }
        switch tokens.kinds[index] {
        case .name: return !tokens.isKeyword(index)
        case .string, .fstringEnd: return true
        default: return false
        }
    }

    /// Resolves the chain `first...last`: `mp.Pool().map` -> `multiprocessing.Pool.map`,
    /// `self.pool.submit` -> the type of `self.pool` + `.submit`. The name is interned.
    func resolveChain(_ first: Int, _ last: Int, scope: Int, className: String?) -> Resolved {
        guard first <= last, first < tokens.count else { return Resolved(name: "", isResolved: false) }
        let key = chainKey(first, last, scope: scope, withClass: className != nil)
        if let key, let known = resolutionCache[key] { return known }
        var resolved = resolveUncached(first, last, scope: scope, className: className)
        resolved.name = intern(resolved.name)
        if let key { resolutionCache[key] = resolved }
        return resolved
    }

    /// The cache key of a plain dotted chain `a`, `a.b`, ... `a.b.c.d`; nil for anything else.
    private func chainKey(_ first: Int, _ last: Int, scope: Int, withClass: Bool) -> ChainKey? {
        let span = last - first
        guard span <= 6, span % 2 == 0 else { return nil }
        var names: (Int32, Int32, Int32, Int32) = (-1, -1, -1, -1)
        var cursor = first
        var slot = 0
        while cursor <= last {
            guard tokens.kinds[cursor] == .name, cursor == first || tokens.isOp(cursor - 1, ".") else { return nil }
            let id = tokens.nameIDs[cursor]
            switch slot {
            case 0: names.0 = id
            case 1: names.1 = id
            case 2: names.2 = id
            default: names.3 = id
            }
            slot += 1
            cursor += 2
        }
        return ChainKey(scope: Int32(truncatingIfNeeded: scope), withClass: withClass, names: names)
    }

    private func resolveUncached(_ first: Int, _ last: Int, scope: Int, className: String?) -> Resolved {
        var cursor = first
        var current: Resolved
        if tokens.kinds[first] == .string || tokens.kinds[first] == .fstringStart {
            current = Resolved(name: "str", isResolved: true)
            cursor = first
            while cursor <= last, tokens.kinds[cursor] == .string || tokens.kinds[cursor] == .fstringStart || tokens.kinds[cursor] == .fstringMiddle {
                cursor += 1
            }
            if tokens.kinds[first] == .fstringStart {
                while cursor <= last, tokens.kinds[cursor] != .fstringEnd { cursor += 1 }
                cursor += 1
            }
        } else if tokens.isName(first) {
            let head = tokens.text(first)
            cursor = first + 1
            if let className, scopes[scope].selfName == head {
                if tokens.isOp(cursor, "."), tokens.isName(cursor + 1) {
                    let attribute = tokens.text(cursor + 1)
                    if let type = classes[className]?.attributeTypes[attribute] {
                        current = Resolved(name: type, isResolved: true, isInstance: true)
                    } else if cursor + 2 <= last, !(classes[className]?.methods.contains(attribute) ?? false) {
                        // `self.queue.get`: an attribute of unknown type, not a method of the class.
                        return Resolved(name: shortText(first, last), isResolved: false)
                    } else {
                        current = Resolved(name: className + "." + attribute, isResolved: true)
                    }
                    cursor += 2
                } else {
                    current = Resolved(name: className, isResolved: true)
                }
            } else if let className, last >= first + 4, let (base, dot) = superclass(at: first, className: className, scope: scope) {
                // `super().run()` in a method: the first base's.
                current = Resolved(name: base, isResolved: true, isInstance: true)
                cursor = dot
            } else {
                current = resolve(name: head, scope: scope)
            }
        } else if tokens.isOp(first, "("), tokens.partner[first] > first, tokens.partner[first] < last,
                  let path = pathType(first + 1, tokens.partner[first], scope: scope, className: className) {
            current = Resolved(name: path, isResolved: true, isInstance: true)
            cursor = tokens.partner[first] + 1
        } else {
            return Resolved(name: shortText(first, last), isResolved: false)
        }
        while cursor <= last {
            if tokens.isOp(cursor, "."), tokens.isName(cursor + 1) {
                current.name.append(".")
                current.name.append(tokens.text(cursor + 1))
                current.isInstance = false
                cursor += 2
            } else if tokens.isOp(cursor, "(") {
                guard let type = callResultType(canonical(current.name)) else {
                    return Resolved(name: shortText(first, last), isResolved: false)
                }
                current.name = type
                current.isInstance = true
                cursor = tokens.partner[cursor] > cursor ? tokens.partner[cursor] + 1 : last + 1
            } else {
                return Resolved(name: shortText(first, last), isResolved: false)
            }
        }
        guard current.isResolved else { return Resolved(name: shortText(first, last), isResolved: false) }
        return Resolved(name: canonical(current.name), isResolved: true, isInstance: current.isInstance)
    }

    /// The first base of `className`, resolved, at `super()` starting at token `first`, or at
    /// Python 2's spelling `super(ClassName, self)` naming the method's own class, followed by
    /// an attribute; with the token of the dot.
    private func superclass(at first: Int, className: String, scope: Int) -> (base: String, dot: Int)? {
        guard tokens.isName(first, "super"), tokens.isOp(first + 1, "("), let base = classes[className]?.bases.first, !base.isEmpty
        else { return nil }
        let close = tokens.partner[first + 1]
        if close == first + 5, tokens.isName(first + 2), className.hasSuffix(tokens.text(first + 2)),
           className.dropLast(tokens.text(first + 2).count).last ?? "." == ".", tokens.isOp(first + 3, ","),
           tokens.isName(first + 4), tokens.text(first + 4) == scopes[scope].selfName {
            return tokens.isOp(first + 6, ".") ? (base, first + 6) : nil
        }
        return close == first + 2 && tokens.isOp(first + 3, ".") ? (base, first + 3) : nil
    }

    /// Gives each class the attribute types its base classes of this file set and it does
    /// not (`self._cond`, made in `Semaphore.__init__`, in `BoundedSemaphore.release`),
    /// the nearest base first; once, when all are known, so resolving `self.x` stays one lookup.
    func inheritAttributeTypes() {
        for name in classes.keys {
            guard let bases = classes[name]?.bases, bases.contains(where: { classes[$0] != nil }) else { continue }
            var inherited: [String: String] = [:]
            var pending = bases[...]
            var seen: Set<String> = [name]
            while let base = pending.popFirst() {
                guard seen.insert(base).inserted, let info = classes[base] else { continue }
                for (attribute, type) in info.attributeTypes where inherited[attribute] == nil { inherited[attribute] = type }
                pending.append(contentsOf: info.bases)
            }
            for (attribute, type) in inherited where classes[name]?.attributeTypes[attribute] == nil {
                classes[name]?.attributeTypes[attribute] = type
            }
        }
    }

    /// Whether the resolved name is a class, whose call builds an instance of it.
    func namesClass(_ name: String) -> Bool {
        callResultType(name) == name
    }

    /// The type a call's result has: the table's answer; an instance of the callee when it
    /// names a class (a class of this file, a CapWords name, `_Private` ones too, or a known
    /// lowercase class);
    /// nil for other functions, whose results are unknown.
    func callResultType(_ callee: String) -> String? {
        if ScannerCatalog.returnTypeLengths.mayContain(callee), let known = ScannerCatalog.returnTypes[callee] { return known }
        if !annotatedReturnTypes.isEmpty, let annotated = annotatedReturnTypes[callee] { return annotated }
        if isClassOfFile(callee) { return callee }
        if ScannerCatalog.lowercaseClassLengths.mayContain(callee), ScannerCatalog.lowercaseClasses.contains(callee) { return callee }
        return ClassNames.looksLikeClass(callee) ? callee : nil
    }
}

extension ScanModel {
    /// Containers bound in a function whose nested functions mention their names: one
    /// pass over the statements for the bindings, one over the closures' tokens for the
    /// mentions, whatever the nesting.
    fileprivate func collectClosureContainers() {
        let enclosing = Set(facts.functions.compactMap { $0.isNested && $0.kind != .lambda ? $0.parent : nil })
        guard !enclosing.isEmpty else { return }
        var candidates: Set<ClosureVariable> = []
        var isCandidateName = [Bool](repeating: false, count: tokens.names.names.count)
        for index in statements.indices where enclosing.contains(statementFunction[index]) && statementClass[index] == nil {
            guard statements[index].header == nil, let assignment = assignments[index], assignment.augmentedOperator == nil,
                  let value = assignment.value, assignment.targets.count == 1, let target = assignment.targets.first,
                  target.end == target.first + 1, tokens.isName(target.first),
                  let type = GlobalVariables.typeName(self, first: value.first, end: value.end),
                  GlobalVariables.isContainer(type) else { continue }
            candidates.insert(ClosureVariable(owner: statementFunction[index], name: tokens.text(target.first)))
            isCandidateName[Int(tokens.nameIDs[target.first])] = true
        }
        guard !candidates.isEmpty else { return }
        let owners = Set(candidates.map(\.owner))
        // Per function, the owner whose containers its statements may mention: asked once, not per statement.
        let ownerOf: [Int?] = facts.functions.map { function in
            function.isNested ? function.parent.flatMap { owners.contains($0) ? $0 : nil } : nil
        }
        for (index, statement) in statements.enumerated() {
            guard let owner = ownerOf[statementFunction[index]] else { continue }
            for token in statement.first..<statement.end where tokens.kinds[token] == .name && isCandidateName[Int(tokens.nameIDs[token])] {
                let variable = ClosureVariable(owner: owner, name: tokens.text(token))
                if candidates.contains(variable) { closureVariables.insert(variable) }
            }
        }
    }
}
