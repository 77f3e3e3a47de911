public struct GlobalAccess: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case read
        /// `global x; x = ...`, C `g = ...`.
        case rebind
        /// `x += 1`, `g++`, `g.count++`.
        case augmented
        /// `x = x + 1`: read and written in one statement.
        case readModifyWrite
        /// `if k not in d: d[k] = v`.
        case checkThenAct
        /// `d.update(...)`, `lst.sort()`: one call on a shared container.
        case mutatingMethod(String)
        /// `d[k] = v`.
        case subscriptStore
        /// `d[k] += 1`.
        case subscriptAugmented
        /// C: `&g` handed to a call that writes through it (`memset`).
        case writeThroughPointer(String)
    }

    /// Qualified name of the variable (`pkg.mod.counter`, C `counter`).
    public var variable: String
    public var kind: Kind
    public var range: ByteRange
    public var locksHeld: [String] = []
    /// `__atomic_*`, `__sync_*`, `atomic_*` builtins.
    public var isAtomic = false
    /// Python: an update spread over statements (`n = total` ... `total = n + 1`): where
    /// the function read the variable into the local whose value the write stores.
    public var copiedAt: ByteRange?
    /// C: storage each thread has its own of, as the accessing unit declares it: a
    /// `__thread` variable, or the element of a global array that a `__thread`
    /// index picks (`activity[tid].loops++`).
    public var isPerThread = false
    /// C: the member path accessed on a struct global (`in_fork_child` for
    /// `server.in_fork_child`, `a.b` for `g.a.b`); nil for the whole variable.
    public var field: String?
    /// C: the element a constant index picks in a global array (`1` for `pipefds[1]`);
    /// nil for the whole array or an index known only at run time.
    public var element: Int?
    /// C: the conditions the access runs under.
    public var guards: [ExecutionGuard] = []
    /// C: what a write of a constant leaves true: `mode = 2` that `mode == 2`,
    /// `flags |= F` that the bits F are set, `flags &= ~F` that they are clear.
    public var leaves: ExecutionGuard?
    /// C: the access runs whenever its function reaches it: in the body's own
    /// block, under no branch and in no loop.
    public var isUnconditional = false
    /// C: a store of a null pointer or of a global object's address
    /// (`default_loop_ptr = &default_loop_struct`): never a pointer into a stack.
    public var storesFixedAddress = false
    /// Python: the variable is another module's, reached through an import (`counts` after
    /// `from .state import counts`, `state.total`). The project model keeps such an access
    /// only when that module binds the variable.
    public var isImported = false

    public init(variable: String, kind: Kind, range: ByteRange) {
        self.variable = variable
        self.kind = kind
        self.range = range
    }

    public var isWrite: Bool { kind != .read }

    /// The variable with the member path accessed (`server.mode`), as guards name it.
    public var path: String { variable + (field.map { "." + $0 } ?? "") }
}

public struct GlobalVariable: Hashable, Sendable {
    public enum Storage: String, Sendable {
        case plain
        /// `threading.local()`, `_Thread_local`, `__thread`.
        case threadLocal
        /// `_Atomic`, `atomic_int`.
        case atomic
        case constant
        /// A lock, event, queue or other object that synchronises itself.
        case synchronized
    }

    public var name: String
    public var range: ByteRange
    public var storage: Storage
    /// What the initializer builds: `list`, `dict`, `collections.Counter`, `int`.
    public var typeName: String?
    /// C: a `static` local inside a function.
    public var isFunctionStatic = false
    /// C: the functions its initializer names (a table of callbacks): whoever takes
    /// the variable hands them on.
    public var handedFunctions: [FunctionID] = []

    public init(name: String, range: ByteRange, storage: Storage, typeName: String?) {
        self.name = name
        self.range = range
        self.storage = storage
        self.typeName = typeName
    }
}
