public enum SourceLanguage: String, Sendable, Codable, CaseIterable {
    case python
    case c
}

/// A function's identity across the project. Python: `pkg.mod.func`,
/// `pkg.mod.Class.method`, `pkg.mod.outer.<locals>.inner`, `pkg.mod.<lambda>@12:5`;
/// C: `name` for external linkage, `path::name` for `static` functions.
public typealias FunctionID = String

/// What one front end learned from one file: a pure function of the file's
/// bytes, its module name and the settings, so it can be cached by content.
public struct FileFacts: Sendable {
    public var path: String
    public var language: SourceLanguage
    /// Python's dotted module name (`pkg.sub.mod`); for C, the file's path.
    public var moduleName: String
    public var imports: [ImportBinding] = []
    /// Index 0 is the module body (Python) or the translation unit's file scope (C).
    public var functions: [FunctionFacts] = []
    public var classes: [ClassFacts] = []
    public var globals: [GlobalVariable] = []
    /// Python: module-level names bound to immutable values (`total = 0`) that are not
    /// `globals`: state another module may update through an import (`state.total += 1`).
    public var moduleScalars: [GlobalVariable] = []
    /// Python: accesses through imports (`counts` after `from .state import counts`,
    /// `state.total`), in source order, before the project model knows which name another
    /// module's state; it moves those into their functions' `globalAccesses`.
    public var importedAccesses: [ImportedAccess] = []
    /// Python: calls of a method of another module's object (`counter.record()` after `from
    /// .stats import counter`), by function and call index, which the front end resolved to
    /// `pkg.stats.counter.record`; the project model names the object's class instead when
    /// that module knows it (`pkg.stats.Counter.record`).
    public var importedObjectCalls: [CallPlace] = []
    /// Python: what each module-level constant (an ALL_CAPS name bound once) is bound to, as written.
    public var constants: [String: String] = [:]
    public var spawnSites: [SpawnSite] = []
    public var eventLoops: [EventLoopMarker] = []
    /// Python: `try` bodies and `with contextlib.suppress(...)` blocks, with what they handle.
    /// Kept here rather than in each function, which most have none of: every function is
    /// copied as its file's facts are built.
    public var handledExceptions: [HandledExceptions] = []
    /// Python methods' updates of their own object's attributes.
    public var attributeUpdates: [AttributeUpdate] = []
    /// Python: attributes read from an object after the same function called its `start()`.
    public var startedObjectReads: [StartedObjectRead] = []
    /// Bodies of `if __name__ == "__main__":`.
    public var mainGuards: [ByteRange] = []
    /// Python: code that only the main thread runs: the body of
    /// `if threading.current_thread() is threading.main_thread():`, the rest of the
    /// function after `if threading.current_thread() is not threading.main_thread(): return`,
    /// and a function Kivy's `@mainthread` hands to the main thread whoever calls it.
    public var mainThreadRegions: [ByteRange] = []
    /// Python: code that runs only outside one other thread, an event loop's: after
    /// `if self.loop._thread_id == threading.get_ident(): ...; return`, or in the block of
    /// the `!=` test; and code that runs only off the main thread, where GUI toolkits run
    /// their loops (the `else:` of `if threading.current_thread() is threading.main_thread():`).
    public var otherThreadRegions: [ByteRange] = []
    /// Python: functions, by index, that return whether the main thread runs them
    /// (`def is_main_thread(): return threading.current_thread() is threading.main_thread()`).
    public var mainThreadTesters: [Int] = []
    /// Python: `if` tests made by calling a function of the project about threads
    /// (`if is_main_thread():`), with the code each guards; `ThreadTestCalls` adds it to
    /// the regions above once the function is known.
    public var threadTestCalls: [ThreadTestCall] = []
    /// Python: call arguments that are collections of integer constants (`[5_000_000 + x for x
    /// in range(20)]`, or a local bound to one), with their least item, for the starts that
    /// map a task over them in the function called (`ForwardedTaskCounts`).
    public var handedLeastItems: [HandedLeastItem] = []
    /// The command arguments of shell calls (`ShellCommandAPIs`) that name a local the
    /// function built from values before the call: Python `cmd = "gzip %s" % path` (an
    /// f-string, `%`, `+`, `.format`) then `os.system(cmd)`; C `snprintf(cmd, sizeof cmd,
    /// "gzip %s", path)` (or `sprintf`, a `strcat` of a variable) then `system(cmd)`.
    public var builtCommands: [BuiltCommand] = []
    /// Python: where a name surely holds a URI of one scheme, past
    /// `if not uri.startswith("data:"): raise ...` or in the block of the test without `not`;
    /// or one string, in the block of `if host == "localhost":`.
    public var stringChecks: [StringCheck] = []
    /// Python: functions that hand one of their parameters to an event loop as a
    /// callback (Anki's `qconnect(signal, slot)` around `signal.connect(slot)`); the
    /// project model makes each call of one a registration of the function it passes.
    public var callbackWrappers: [CallbackWrapper] = []
    /// C: the functions installed as signal handlers (`signal(SIGWINCH, on_winch)`,
    /// `action.sa_handler = on_term`), which run in whichever thread takes the signal.
    public var signalHandlers: [FunctionID] = []
    /// C: blocks that one caller runs once, while the others wait for it to finish:
    /// `if (pa_once_begin(&once)) { ... }`, `if (g_once_init_enter(&type)) { ... }`.
    public var onceOnlyBlocks: [ByteRange] = []
    /// C: per call that hands a function on, the `if`/`else` arms around it, which a start
    /// through a wrapper (`plugin_thread_create(&t, work, ...)`) takes on. Kept here, not
    /// in each function's facts, since few calls have any.
    public var armsOfHandingCalls: [CallPlace: [BranchArm]] = [:]
    /// C: the functions the unit calls that only a system header declares (`free`, `poll`):
    /// its calls go to the library, not to a project function of the name (git's
    /// `compat/poll/poll.c`, built only where the system has none).
    public var libraryCallees: Set<String> = []
    /// C: the unit includes `Python.h`, so it is a CPython extension.
    public var isPythonExtension = false
    /// C: the unit is written for another platform (it includes `windows.h`, which this
    /// one lacks): its functions are not the ones the other units call by those names.
    public var isForAnotherPlatform = false
    /// C: the unit looks up the library's own functions with `dlsym(RTLD_NEXT, ...)`: it is
    /// an `LD_PRELOAD` shim (pulseaudio's `padsp.c`), whose `open` is not what the project's
    /// programs call by that name.
    public var interposesLibrary = false
    public var suppressions = Suppressions()
    /// Why the file could only be partly analysed, or not at all: reported as CON000.
    public var problems: [FileProblem] = []
    /// Byte offset at which each line starts; the pipeline fills it, so messages can name lines.
    /// 32 bits, like `ByteRange`: every file's table stays in memory while the rules run.
    public var lineStarts: [UInt32] = [0]

    public init(path: String, language: SourceLanguage, moduleName: String) {
        self.path = path
        self.language = language
        self.moduleName = moduleName
    }

    /// Whether only the main thread runs the code at this offset.
    public func runsOnlyInMainThread(at offset: Int) -> Bool {
        mainThreadRegions.contains { $0.contains(offset) }
    }

    /// Whether the code at this offset runs only off the thread of an event loop.
    public func runsOnlyOffItsLoopThread(at offset: Int) -> Bool {
        otherThreadRegions.contains { $0.contains(offset) }
    }

    /// The blocks of `function`'s own code whose exceptions are handled, outermost first.
    public func handledExceptions(in function: FunctionFacts) -> [HandledExceptions] {
        handledExceptions.filter { isFunction($0.function, function) }
    }

    /// The exceptions handled around this offset of `function`'s own code, outermost first.
    public func exceptionsHandled(at offset: Int, in function: FunctionFacts) -> [String] {
        handledExceptions.lazy.filter { $0.range.contains(offset) && self.isFunction($0.function, function) }.flatMap(\.names)
    }

    /// Python: the offset lies in a test's `with pytest.raises(...)` block in `function`.
    public func expectsRaise(at offset: Int, in function: FunctionFacts) -> Bool {
        handledExceptions.contains { $0.expectsRaise && $0.range.contains(offset) && self.isFunction($0.function, function) }
    }

    /// Whether the function at `index` is `function`: file-level facts name functions by index.
    func isFunction(_ index: Int, _ function: FunctionFacts) -> Bool {
        functions[index].id == function.id
    }

    /// Python: the module runs as a script (`__main__`, `pkg.__main__`).
    public var isMainModule: Bool {
        moduleName == "__main__" || moduleName.hasSuffix(".__main__")
    }

    /// 1-based line of a byte offset.
    public func line(of offset: Int) -> Int {
        SourceText.lineIndex(of: offset, in: lineStarts) + 1
    }
}

public struct ImportBinding: Hashable, Sendable {
    /// The name bound in this module (`np`, `Thread`, `futures`).
    public var localName: String
    /// What it refers to, fully qualified (`numpy`, `threading.Thread`).
    public var target: String
    public var range: ByteRange

    public init(localName: String, target: String, range: ByteRange) {
        self.localName = localName
        self.target = target
        self.range = range
    }
}

public struct ClassFacts: Hashable, Sendable {
    public var qualifiedName: String
    /// Base classes, resolved through imports where possible (`threading.Thread`).
    public var bases: [String]
    public var range: ByteRange
    public var nameRange: ByteRange
    /// Defined inside a function: its methods cannot be pickled.
    public var isLocal: Bool
    /// Python: the library class this one derives from, through classes of its own file,
    /// that runs `run` in a new thread or process once constructed and started
    /// (`threading.Thread`, a Qt `QThread`, `multiprocessing.Process`), with that kind.
    /// The project model follows bases into other modules.
    public var startsAs: StartingBase?

    public init(qualifiedName: String, bases: [String], range: ByteRange, nameRange: ByteRange, isLocal: Bool) {
        self.qualifiedName = qualifiedName
        self.bases = bases
        self.range = range
        self.nameRange = nameRange
        self.isLocal = isLocal
    }
}

/// A library class whose instances run `run` in a new thread or process, or, for a
/// server built on `socketserver.ThreadingMixIn` or `ForkingMixIn`, handle each request in one.
public struct StartingBase: Hashable, Sendable {
    public var base: String
    public var kind: SpawnSite.Kind
    public var startsPerRequest: Bool

    public init(base: String, kind: SpawnSite.Kind, startsPerRequest: Bool = false) {
        self.base = base
        self.kind = kind
        self.startsPerRequest = startsPerRequest
    }
}

public struct FileProblem: Hashable, Sendable {
    public enum Level: String, Sendable { case error, info }

    public var message: String
    public var range: ByteRange
    public var level: Level

    public init(_ message: String, range: ByteRange = ByteRange(0, 0), level: Level = .error) {
        self.message = message
        self.range = range
        self.level = level
    }
}

extension FileFacts {
    /// Visits every call of the file with the index of its function. Rules that scan
    /// all calls go through here: each call is lent in place, its fields read where
    /// they lie, with no reference counting per call (which rules running side by
    /// side on the same facts would otherwise contend on).
    @inlinable
    public func forEachCall(_ visit: (_ function: Int, _ call: LentCall) -> Void) {
        functions.withUnsafeBufferPointer { functions in
            for function in functions.indices {
                functions[function].calls.withUnsafeBufferPointer { calls in
                    guard let first = calls.baseAddress else { return }
                    for call in calls.indices { visit(function, LentCall(first + call, index: call)) }
                }
            }
        }
    }
}

/// A call read in place during `FileFacts.forEachCall`; `facts` copies it out.
@dynamicMemberLookup
public struct LentCall {
    @usableFromInline let pointer: UnsafePointer<CallFacts>
    /// Its index in its function's calls.
    public let index: Int

    @inlinable init(_ pointer: UnsafePointer<CallFacts>, index: Int) {
        self.pointer = pointer
        self.index = index
    }

    @inlinable public subscript<Value>(dynamicMember field: KeyPath<CallFacts, Value>) -> Value {
        pointer.pointee[keyPath: field]
    }

    @inlinable public var facts: CallFacts { pointer.pointee }
}

/// Python: a block whose exceptions are handled, in the function at index `function`,
/// and the exceptions as written (`except (socket.timeout, OSError):`); a bare
/// `except:` is `BaseException`.
public struct HandledExceptions: Hashable, Sendable {
    public var function: Int
    public var range: ByteRange
    public var names: [String]
    /// A test's `with pytest.raises(...)` (or `self.assertRaises(...)`) block: the call in
    /// it is expected to raise, not to go on.
    public var expectsRaise = false

    public init(function: Int, range: ByteRange, names: [String]) {
        self.function = function
        self.range = range
        self.names = names
    }
}

/// `if is_main_thread(): ... else: ...`: a call of a function of the project as an `if`
/// test, and where the code runs only when it returns true, or only when it returns false.
public struct ThreadTestCall: Hashable, Sendable {
    public var callee: FunctionID
    public var whenTrue: [ByteRange]
    public var whenFalse: [ByteRange]

    public init(callee: FunctionID, whenTrue: [ByteRange], whenFalse: [ByteRange]) {
        self.callee = callee
        self.whenTrue = whenTrue
        self.whenFalse = whenFalse
    }
}

/// A shell command argument naming a local built from values (`FileFacts.builtCommands`).
public struct BuiltCommand: Hashable, Sendable {
    /// The call's argument, a local's name.
    public var argument: ByteRange
    /// Where the local's value was built: the assigned value, or the writing call.
    public var builtAt: ByteRange

    public init(argument: ByteRange, builtAt: ByteRange) {
        self.argument = argument
        self.builtAt = builtAt
    }
}

/// The least item of the collection a call hands as the argument at `argument`.
public struct HandedLeastItem: Hashable, Sendable {
    public var argument: ByteRange
    public var value: Int

    public init(argument: ByteRange, value: Int) {
        self.argument = argument
        self.value = value
    }
}

/// Where `name` holds a URI of a scheme (`data`, lowercase, without its colon), or one
/// string (`localhost`, without its quotes).
public struct StringCheck: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case scheme, equals
    }

    public var name: String
    public var kind: Kind
    public var value: String
    public var regions: [ByteRange]

    public init(name: String, kind: Kind, value: String, regions: [ByteRange]) {
        self.name = name
        self.kind = kind
        self.value = value
        self.regions = regions
    }

    /// Whether `name` holds a URI of `scheme` at `offset`.
    public func holds(scheme: String, for name: String, at offset: Int) -> Bool {
        kind == .scheme && value == scheme && self.name == name && regions.contains { $0.contains(offset) }
    }

    /// Whether `name` holds one of `values` at `offset`.
    public func holds(oneOf values: Set<String>, for name: String, at offset: Int) -> Bool {
        kind == .equals && values.contains(value) && self.name == name && regions.contains { $0.contains(offset) }
    }
}

/// A function that registers its parameter as an event-loop callback.
public struct CallbackWrapper: Hashable, Sendable {
    /// Index of the wrapper among the file's functions.
    public var function: Int
    /// The parameter's position in a call (after `self` for a method) and its name.
    public var position: Int
    public var parameterName: String
    public var framework: EventFramework

    public init(function: Int, position: Int, parameterName: String, framework: EventFramework) {
        self.function = function
        self.position = position
        self.parameterName = parameterName
        self.framework = framework
    }
}
