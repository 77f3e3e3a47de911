/// Python: a method's update of its own object's attribute that reads the old value
/// (`self.count += 1`), named as written (`self.count`), in the function at index `function`.
/// In a `run` method, which a started thread or process runs, plain stores
/// (`self.result = total`, kind `rebind`) are kept too: a process's are lost to its starter.
public struct AttributeUpdate: Hashable, Sendable {
    public var function: Int
    public var access: GlobalAccess
    /// The update is of an object the function takes as a parameter (`def work(stats):
    /// stats.count += 1`): where a caller passes it (after `self` for a method). Nil for
    /// a method's own object, `self`.
    public var parameter: Int?
    /// In a coroutine: where the `if`/`elif`/`while` header around the update tests the same
    /// attribute of `self` (`if self.balance >= amount:` ... `self.balance -= amount`).
    public var testedAt: ByteRange?
    /// The update is of the object an attribute of `self` holds, which the object shares
    /// with others of its kind: a request handler's `self.server` (`self.server.hits += 1`).
    /// The access names the whole chain (`self.server.hits`).
    public var through: String?

    public init(function: Int, access: GlobalAccess, parameter: Int? = nil) {
        self.function = function
        self.access = access
        self.parameter = parameter
    }
}

/// Python: `c.total` read after `c.start()` in the same function (module-level code
/// included): what the starter takes from an object whose `run` went on elsewhere.
public struct StartedObjectRead: Hashable, Sendable {
    /// Index of the reading function among the file's functions.
    public var function: Int
    /// The name the object is read through (`c`) and the attribute (`total`).
    public var object: String
    public var attribute: String
    public var range: ByteRange

    public init(function: Int, object: String, attribute: String, range: ByteRange) {
        self.function = function
        self.object = object
        self.attribute = attribute
        self.range = range
    }
}

extension FileFacts {
    /// The updates `function`, a method, makes of its own object's attributes that read the old value.
    public func attributeUpdates(of function: FunctionFacts) -> [GlobalAccess] {
        attributeChanges(of: function).filter { $0.kind != .rebind }
    }

    /// The changes `function`, a method, makes to its own object's attributes: the updates,
    /// and a `run` method's plain stores.
    public func attributeChanges(of function: FunctionFacts) -> [GlobalAccess] {
        attributeUpdates.filter { $0.parameter == nil && $0.through == nil && isFunction($0.function, function) }.map(\.access)
    }

    /// The updates `function`, a method, makes of objects its own object's attributes hold
    /// and share (`self.server.hits += 1`).
    public func sharedOwnerUpdates(of function: FunctionFacts) -> [AttributeUpdate] {
        attributeUpdates.filter { $0.through != nil && isFunction($0.function, function) }
    }

    /// The attributes `function` reads from objects it has started.
    public func startedObjectReads(in function: FunctionFacts) -> [StartedObjectRead] {
        startedObjectReads.filter { isFunction($0.function, function) }
    }

    /// The updates `function` makes of the attributes of objects it takes as parameters.
    public func parameterUpdates(of function: FunctionFacts) -> [AttributeUpdate] {
        attributeUpdates.filter { $0.parameter != nil && isFunction($0.function, function) }
    }
}
