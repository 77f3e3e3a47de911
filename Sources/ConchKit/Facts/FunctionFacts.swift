public struct FunctionFacts: Sendable {
    public enum Kind: String, Sendable {
        /// The module body or a C file scope: code that runs at import time.
        case module
        case function
        case method
        case lambda
    }

    // Stored properties are declared so that the small ones share padding: a project
    // holds tens of thousands of functions.
    public var id: FunctionID
    public var name: String
    public var range: ByteRange
    public var nameRange: ByteRange
    private var storedParent: Int32?
    public var kind: Kind
    public var isAsync = false
    /// Defined inside another function (a closure), so not importable by name.
    public var isNested = false
    /// Python: the first of two calls in one statement by which the function calls
    /// itself and combines the results with arithmetic (`fib(n - 1) + fib(n - 2)`), as
    /// an index into `calls`: each call makes two more, so the work multiplies with the
    /// depth, with no loop to show for it.
    public var branchingRecursion: Int32?
    /// Python: a function defined inside this one that it returns (`return wrapper`,
    /// `return lambda x: ...`), as an index into the file's functions: what a call of a
    /// factory or a decorator gives back.
    public var returnedFunction: Int32?
    /// Python: a `return` with a value other than `None`, or a `yield`: calling the
    /// function gives something. Without either it gives `None`.
    public var returnsValue = false
    /// Qualified name of the class whose body defines this function.
    public var className: String?
    public var decorators: [String] = []
    /// Python: the parameters' names in the order a caller passes them (`self` of a
    /// method left out), joined by commas: one string, most often short enough to need
    /// no storage of its own, where an array would take an allocation per function.
    public var parameterList = ""
    public var loops: [LoopFacts] = []
    public var calls: [CallFacts] = []
    public var globalAccesses: [GlobalAccess] = []
    /// Python coroutines: every `await` keyword, awaited call or not (`await ret`).
    /// Each one gives way to the event loop.
    public var awaits: [ByteRange] = []
    /// C extension: spans between `PyEval_SaveThread` and `PyEval_RestoreThread`.
    public var gilReleasedRegions: [ByteRange] = []
    /// C: the locks this function leaves taken or released for its caller
    /// (`void stats_lock(void) { pthread_mutex_lock(&m); }`), so callers in other
    /// units can track them.
    public var lockEffects: [LockEffect] = []
    /// C: a system or library header declares the function first (sqlite's `sqlite3_open`
    /// against an installed `sqlite3.h`, a `free` of the project's allocator): the project
    /// provides it, and calls declared by that header reach this definition.
    public var definesLibraryFunction = false
    /// The `if` branches that end by leaving: C's by `return`, `goto`, `break`, `continue`
    /// or a call that does not return, Python's by `return`, `raise` or `break`, which all
    /// leave a loop around them. What a call in one does to a lock does not carry on past
    /// its `if`; a Python start there runs once, not on every pass of a loop.
    public var exitingBranches: [ByteRange] = []
    /// Python: the `if`/`elif`/`else` branches that end with `raise`: an error path, run
    /// when something went wrong, not on the way the function is meant to go.
    public var raisingBranches: [ByteRange] = []
    /// C: per call (by index) that hands a function on and returns an integer, the arm of
    /// the `if` testing its result that runs when it is nonzero: where a wrapper that starts
    /// a thread (`plugin_thread_create(&t, work, NULL, "name")`) reports that it failed.
    public var nonzeroResultArms: [Int32: ByteRange] = [:]
    /// Python: the blocks that run only when a caller passed a parameter whose default is
    /// `None` (`if article is not None:`, `if article:`), by the parameter's position in
    /// `parameters`.
    public var passedParameterBranches: [PassedParameterBranch] = []
    /// C: functions whose address this one takes rather than calls (a callback it puts
    /// in a struct or hands to a library): they run where it has them run, not as the
    /// program's own entry points.
    public var handedFunctions: [FunctionID] = []
    /// Python, `__init__`: the parameters it stores in attributes of its object
    /// (`self.n = n`), by attribute, as positions in `parameters`.
    public var attributeParameters: [String: Int32] = [:]

    /// Index, in the same file, of the function this one is defined in.
    public var parent: Int? {
        get { storedParent.map(Int.init) }
        set { storedParent = newValue.map { Int32(clamping: $0) } }
    }

    public init(id: FunctionID, name: String, kind: Kind, range: ByteRange, nameRange: ByteRange) {
        self.id = id
        self.name = name
        self.kind = kind
        self.range = range
        self.nameRange = nameRange
    }
}

/// A lock a function takes or releases on behalf of its caller.
public struct LockEffect: Hashable, Sendable {
    public enum Target: Hashable, Sendable {
        /// The lock as written in the function: `stats_mutex`, `item_locks[hv & mask]`.
        case named(String)
        /// The caller's argument at this position is the lock.
        case parameter(Int)
    }

    public var acquires: Bool
    public var target: Target

    public init(acquires: Bool, target: Target) {
        self.acquires = acquires
        self.target = target
    }
}

public struct LoopFacts: Hashable, Sendable {
    public enum Kind: String, Sendable { case `for`, `while`, doWhile, comprehension }

    public enum Bound: Hashable, Sendable {
        /// `while True`, `for (;;)`, `while (1)`.
        case unbounded
        /// `while not stop.is_set()`, `while (!done)`: runs until something changes.
        case conditional
        /// `for i in range(4)`: a count known from the source.
        case constant(Int)
        /// Iterates over a collection or an iterator of unknown size.
        case collection
    }

    public var kind: Kind
    public var range: ByteRange
    /// The loop's header: `for x in y:`, `while (cond)`.
    public var headerRange: ByteRange
    public var bound: Bound
    /// Index of the enclosing loop in the same function.
    public var parent: Int?
    /// 0 for an outermost loop.
    public var depth: Int
    /// Arithmetic, bitwise and comparison operators in the body, nested loops included.
    public var arithmeticOperations: Int
    /// Python: the body's only arithmetic steps counts (`n += 1`), each perhaps beside a
    /// comparison (`if key == WILDCARD: wildcards += 1`): it tallies, as bookkeeping does.
    public var onlyCounts = false
    /// C extension: the body calls the Python C API or touches `PyObject`s.
    public var touchesPythonObjects = false
    /// `async for` (or an `async for` clause): every pass awaits the iterator, giving way to the event loop.
    public var isAsync = false
    /// `while (running < limit)` whose body updates `running` (`running++`,
    /// `running += 1`), or C `if (size(children) >= limit) continue;` in a body
    /// that adds to `children`: the loop counts what it starts, so it is bounded.
    public var boundedByCounter = false
    /// Python: a `for` that runs once per line or record of input, however many come:
    /// over the process's standard input (`for line in sys.stdin:`, `fileinput.input()`)
    /// or a file the function opened (`for line in f:` after `f = open(path)`,
    /// `for row in csv.reader(handle):`).
    public var readsInput = false
    /// Python: a `while` whose body is one statement and whose condition calls nothing:
    /// the variables and attribute chains it tests that are not the function's own locals
    /// (`self._ready`, `done`), which only other code can change while the loop waits.
    public var testedState: [String] = []
    /// Python: besides `testedState`, the condition compares a clock (`and time.monotonic()
    /// < deadline`): the wait has a time limit.
    public var pollsUntilADeadline = false
    /// Python: the position, in `FunctionFacts.parameters`, of the parameter whose value
    /// sets how many passes the loop makes (`for i in range(n)`, `while n > 0`), so a
    /// start that hands the function a count (`Thread(target=countdown, args=(10**7,))`)
    /// tells how long it runs.
    public var passesSetBy: Int32?
    /// Python: the attribute of a method's own object that sets the passes instead
    /// (`range(self.n)`), so a start that constructs the object with a count its
    /// `__init__` stores there (`Worker(10**7)`, a `Thread` subclass) tells how long it runs.
    public var passesSetByAttribute: String?
    /// The passes grow as the square root of that parameter: trial division
    /// (`for i in range(3, math.isqrt(n) + 1, 2)`, `while i * i <= n`).
    public var passesAreSquareRoot = false
    /// `range(3, n, 2)` takes every second number: the passes are that parameter's over the stride.
    public var passesStride: Int32 = 1

    /// How many passes the loop makes when a start hands it `counts`; nil when none sets them.
    public func passes(handed counts: HandedCounts) -> Int? {
        guard let value = passesSetBy.flatMap({ counts.byParameter[Int($0)] }) ?? passesSetByAttribute.flatMap({ counts.byAttribute[$0] })
        else { return nil }
        let count = passesAreSquareRoot ? Int(Double(max(0, value)).squareRoot()) : value
        return count / Int(max(1, passesStride))
    }

    public init(kind: Kind, range: ByteRange, headerRange: ByteRange, bound: Bound, parent: Int?, depth: Int, arithmeticOperations: Int) {
        self.kind = kind
        self.range = range
        self.headerRange = headerRange
        self.bound = bound
        self.parent = parent
        self.depth = depth
        self.arithmeticOperations = arithmeticOperations
    }
}

// Stored properties are ordered by alignment, so the small ones share padding: a
// project holds hundreds of thousands of calls and arguments.
public struct CallFacts: Hashable, Sendable {
    /// Best resolved dotted name: `time.sleep`, `pkg.mod.helper`,
    /// `concurrent.futures.ThreadPoolExecutor.submit` when the receiver's type is
    /// known, `pkg.mod.Worker.work` for `self.work`; otherwise the text as written.
    public var callee: String
    /// The callee as written (`th.Thread`, `conn.recv`).
    public var calleeText: String
    /// The name the result is bound to: `ex = Executor()`, `with Executor() as ex`.
    public var boundName: String?
    public var arguments: ArgumentList = []
    /// Names of the locks held at the call (`with lock:`, `acquire()`, `pthread_mutex_lock`).
    public var locksHeld: [String] = []
    /// C: the conditions the call runs under (`if (mode == IDLE) run();`).
    public var guards: [ExecutionGuard] = []
    /// Innermost enclosing loop in the same function.
    public var loop: Int?
    /// Whether `callee` is resolved through imports, definitions or local types.
    public var isResolved: Bool
    public var isAwaited = false
    /// Python: the call is an item of a `with` (`with subprocess.Popen(cmd) as proc:`): the
    /// block's end runs its object's `__exit__`, which waits for a child, joins a pool.
    public var managesContext = false
    /// C: the call ends the process (a `fatal_exit()` of its unit whose every path ends in
    /// `_exit`), or goes on to one that does (`(_serverAssert(...), __builtin_unreachable())`,
    /// `report(); abort();`), so what it runs runs only on the way to ending the process.
    public var leadsToExit = false
    /// C: the callee is a function pointer a parameter, variable or member holds
    /// (ngtcp2's `encrypt` parameter): no library function of that name is called.
    public var isThroughPointer = false
    /// Python: the call gives the value of a `return` (`return asyncio.run(main())`):
    /// the function, and any loop it runs in, ends there.
    public var isReturned = false
    public var range: ByteRange
    public var calleeRange: ByteRange

    public init(callee: String, calleeText: String, isResolved: Bool, range: ByteRange, calleeRange: ByteRange) {
        self.callee = callee
        self.calleeText = calleeText
        self.isResolved = isResolved
        self.range = range
        self.calleeRange = calleeRange
    }

    public func argument(keyword: String) -> Argument? { arguments.first { $0.keyword == keyword } }

    /// The argument this call gives the callee's parameter `name`, at `position` among its
    /// parameters: by keyword, else positionally (a `*args` there may hold it too).
    public func argument(passedTo name: String, at position: Int) -> Argument? {
        argument(keyword: name) ?? argument(at: position)
    }

    public func argument(at position: Int) -> Argument? {
        let positional = arguments.filter { $0.keyword == nil }
        return position < positional.count ? positional[position] : nil
    }

    /// The function handed over in the argument named `keyword`, else at `position`: a
    /// function's name (C, or Python resolved) or a lambda.
    public func handedFunction(keyword: String?, position: Int?) -> FunctionID? {
        let argument = keyword.flatMap { self.argument(keyword: $0) } ?? position.flatMap { self.argument(at: $0) }
        switch argument?.shape {
        case let .name(function)?, let .lambda(function)?: return function
        default: return nil
        }
    }
}

public struct Argument: Hashable, Sendable {
    public enum Shape: Hashable, Sendable {
        /// A name or dotted name, resolved like a callee.
        case name(String)
        case lambda(FunctionID)
        case call(String)
        case stringLiteral
        /// A string built from variables: f-string, `%`, `+`, `.format`.
        case formattedString
        case numberLiteral
        case other
    }

    public var keyword: String?
    public var text: String
    public var shape: Shape
    public var range: ByteRange
    /// The value of an integer constant argument: C's `1`, `FLAG_NO_NEWPAGE`, an enum
    /// constant; Python's `5000`, `10**7`, `1_000 * 60` (larger ones held at `Int32.max`).
    /// 32 bits hold every flag and enumerator a guard compares with.
    public var integerValue: Int32?
    /// C: `&loop` of a local variable or `&ctx->loop` of a member: an address that
    /// is never that of a whole global object.
    public var addressesNoGlobalObject = false

    public init(keyword: String?, shape: Shape, range: ByteRange, text: String) {
        self.keyword = keyword
        self.shape = shape
        self.range = range
        self.text = text
    }
}

extension Argument {
    /// The argument as the name of a lock, the way lock facts spell one: no whitespace,
    /// no leading `&` (`&pipes_lock` and `& pipes_lock` are `pipes_lock`).
    public var lockName: String {
        Argument.lockName(spelled: text)
    }

    public static func lockName(spelled text: some StringProtocol) -> String {
        String(text.filter { !$0.isWhitespace }.drop { $0 == "&" })
    }
}

extension FunctionFacts {
    /// The parameters' names in the order a caller passes them (`self` of a method left out).
    public var parameters: [String] {
        parameterList.isEmpty ? [] : parameterList.split(separator: ",").map(String.init)
    }

    /// The name of the parameter at `position` in `parameters`, as messages show it.
    public func parameterName(at position: Int32) -> String {
        let names = parameters
        return Int(position) < names.count ? names[Int(position)] : "parameter \(position + 1)"
    }
}

/// A block that runs only when the caller passed parameter `parameter` (its position in
/// `FunctionFacts.parameters`), whose default is `None`.
public struct PassedParameterBranch: Hashable, Sendable {
    public var parameter: Int32
    public var range: ByteRange

    public init(parameter: Int32, range: ByteRange) {
        self.parameter = parameter
        self.range = range
    }
}
