/// The names one function (or the module body) binds; parallel to `FileFacts.functions`.
/// One table entry per name holds all a scope knows of it, so resolving a name
/// costs one lookup per enclosing scope.
struct Scope {
    struct Name {
        var isBound = false
        /// Declared `global` here.
        var isGlobal = false
        /// Declared `nonlocal` here: the name is an enclosing function's.
        var isNonlocal = false
        /// The id of the function or class defined directly in this scope under the name.
        var definition: String?
        var importTarget: String?
        /// The resolved type of the constructor call the name is bound to.
        var type: String?

        /// Marks the name bound; returns whether it was not before.
        mutating func markBound() -> Bool {
            defer { isBound = true }
            return !isBound
        }
    }

    /// Enclosing function scope; class bodies are skipped, as Python's name lookup does.
    var parent: Int?
    private(set) var names: [String: Name] = [:]
    /// For a method: the class whose instance `self` is, and the name `self` goes by.
    var className: String?
    var selfName: String?

    init(parent: Int? = nil) {
        self.parent = parent
    }

    /// Binds a name; returns whether it was not bound before.
    @discardableResult
    mutating func bind(_ name: String) -> Bool {
        names[name, default: Name()].markBound()
    }

    mutating func declareGlobal(_ name: String) {
        names[name, default: Name()].isGlobal = true
    }

    mutating func declareNonlocal(_ name: String) {
        names[name, default: Name()].isNonlocal = true
    }

    mutating func define(_ name: String, as id: String) {
        names[name, default: Name()].definition = id
    }

    mutating func addImport(_ name: String, target: String) {
        names[name, default: Name()].importTarget = target
    }

    mutating func setType(_ type: String?, for name: String) {
        if type == nil, names[name] == nil { return }
        names[name, default: Name()].type = type
    }
}
