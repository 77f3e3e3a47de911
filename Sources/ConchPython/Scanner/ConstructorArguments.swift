import ConchKit

/// `monitor = Monitor(label)` with `def __init__(self, label): self.label = label`: the
/// attribute takes the type of what the file's calls of the class hand the parameter (a
/// name bound to a constructor, `label = QLabel("load")`; an attribute of the caller's
/// own object, `self.status_bar`; or a constructor call written as the argument), when
/// every call that passes it agrees. So `self.label.setText(...)` in a worker thread is
/// a Qt call.
enum ConstructorArguments {
    /// `self.attribute = parameter` in a class's `__init__`, the parameter without an annotation.
    struct Copy {
        var className: String
        var attribute: String
        /// Where a call of the class passes the parameter: by position (after `self`), or by name.
        var position: Int
        var parameter: String
    }

    /// Asked of every `self.x = value` in a method: only a plain name that is a parameter of `__init__` is kept.
    static func record(_ model: ScanModel, attribute: String, value: (first: Int, end: Int), function: Int) {
        let tokens = model.tokens
        guard value.end == value.first + 1, tokens.isName(value.first), let className = model.scopes[function].className,
              model.facts.functions[function].name == "__init__" else { return }
        let parameter = tokens.text(value.first)
        guard let position = SpawnDetector.forwardedParameter(model, function: function, name: parameter) else { return }
        model.facts.functions[function].attributeParameters[attribute] = Int32(position)
        // An annotated parameter gives the attribute its type already.
        guard model.annotatedParameters[function]?.contains(parameter) != true else { return }
        model.constructorCopies.append(Copy(className: className, attribute: attribute, position: position, parameter: parameter))
    }

    /// Types the copied attributes from the calls of their classes; runs once every
    /// module-level name and attribute made by a constructor has its type.
    static func resolve(_ model: ScanModel) {
        guard !model.constructorCopies.isEmpty else { return }
        let tokens = model.tokens
        let copies = Dictionary(grouping: model.constructorCopies, by: \.className)
        // By interned id, for the walk over every token: no hashing per name.
        var isClassName = [Bool](repeating: false, count: tokens.names.names.count)
        for name in copies.keys {
            if let short = name.split(separator: ".").last, let id = tokens.names.existingID(of: String(short)) { isClassName[Int(id)] = true }
        }
        // Per class and attribute: the one type every call hands, or nil once two calls disagree.
        var handed: [String: String?] = [:]
        // Names only have ids of 0 and up: the id alone rules out every other token.
        let candidates = tokens.nameIDs.indices.filter { token in
            let id = tokens.nameIDs[token]
            return id >= 0 && isClassName[Int(id)]
        }
        for token in candidates where tokens.isOp(token + 1, "(") && !tokens.isOp(token - 1, ".") && tokens.partner[token + 1] > token {
            guard let statement = model.statement(containing: token) else { continue }
            let scope = model.statementFunction[statement]
            let className = model.scopes[scope].className
            let callee = model.resolveChain(token, token, scope: scope, className: className).name
            guard let classCopies = copies[callee] else { continue }
            let arguments = Assignments.commaSeparated(tokens, first: token + 2, end: tokens.partner[token + 1])
            for copy in classCopies {
                guard let argument = argument(for: copy, in: arguments, tokens) else { continue }
                let key = copy.className + "." + copy.attribute
                let type = self.type(of: argument, model, scope: scope, className: className)
                    ?? localType(of: argument, before: statement, model, scope: scope, className: className)
                if let known = handed[key], known != type { handed[key] = .some(nil) } else { handed[key] = type }
            }
        }
        for (className, classCopies) in copies {
            for copy in classCopies where model.classes[className]?.attributeTypes[copy.attribute] == nil {
                if let type = handed[className + "." + copy.attribute] ?? nil { model.classes[className]?.attributeTypes[copy.attribute] = type }
            }
        }
    }

    /// The argument that binds the copied parameter: by its name, else by position (before any `*args`).
    private static func argument(for copy: Copy, in arguments: [(first: Int, end: Int)], _ tokens: ScanTokens) -> (first: Int, end: Int)? {
        var position = 0
        for argument in arguments {
            if tokens.isName(argument.first), tokens.isOp(argument.first + 1, "=") {
                if tokens.text(argument.first) == copy.parameter { return (argument.first + 2, argument.end) }
                continue
            }
            if tokens.isOp(argument.first, "*") || tokens.isOp(argument.first, "**") { return nil }
            if position == copy.position { return argument }
            position += 1
        }
        return nil
    }

    /// How far back a local's constructor call is looked for: widgets are made just before they are handed on.
    private static let localReach = 16

    /// `label = QLabel("load")` a few statements before `Monitor(label)` in the same function:
    /// locals get their types only in the expression pass, after this.
    private static func localType(of argument: (first: Int, end: Int), before statement: Int, _ model: ScanModel,
                                  scope: Int, className: String?) -> String? {
        let tokens = model.tokens
        guard argument.end == argument.first + 1, tokens.isName(argument.first), scope != 0,
              let value = model.valueAssigned(to: tokens.nameIDs[argument.first], before: statement, in: scope, reach: localReach)
        else { return nil }
        return type(of: value, model, scope: scope, className: className)
    }

    /// A typed name or attribute chain, or a constructor call; nil for anything else.
    private static func type(of argument: (first: Int, end: Int), _ model: ScanModel, scope: Int, className: String?) -> String? {
        let tokens = model.tokens
        let last = argument.end - 1
        guard argument.first <= last, model.chainStart(endingAt: last, notBefore: argument.first) == argument.first else { return nil }
        if tokens.isCloser(last), tokens.isOp(tokens.partner[last], "("), tokens.partner[last] > argument.first {
            let callee = model.resolveChain(argument.first, tokens.partner[last] - 1, scope: scope, className: className)
            return callee.isResolved ? model.callResultType(callee.name) : nil
        }
        let resolved = model.resolveChain(argument.first, last, scope: scope, className: className)
        return resolved.isInstance ? resolved.name : nil
    }
}
