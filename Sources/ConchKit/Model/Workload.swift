/// What kind of work a function does, by its own code and everything it calls.
public enum WorkloadKind: String, Sendable {
    /// Python-level loops doing arithmetic: the GIL serialises threads running it.
    case cpu
    case io
    /// Both hot loops and waiting.
    case mixed
    /// Heavy work inside a library that releases the GIL (numpy, hashlib, zlib).
    case native
    case unknown
}

/// Why the classifier believes what it does: a loop or a call, and the path through helpers to it.
public struct WorkloadEvidence: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case hotLoop
        /// A loop that runs `passes` times because a start hands that count to `parameter`
        /// (or, with `squareRoot`, a number whose square root it is). With `nested`, the
        /// passes are those of the body of the nest the loop heads (`for i in range(n):
        /// for j in range(n):` runs its body n² times). With `constructed`, `parameter` is an
        /// attribute (`self.n`) the start's construction of the object sets.
        case countedLoop(parameter: String, passes: Int, squareRoot: Bool, nested: Bool, constructed: Bool = false)
        /// A function that calls itself twice or more and combines the results (`FunctionFacts.branchingRecursion`).
        case recursion
        case ioCall(String)
        case nativeCall(String)
    }

    public var kind: Kind
    public var path: String
    public var range: ByteRange
    /// The function holding the evidence.
    public var function: FunctionID
    /// Functions called on the way from the classified function to `function`.
    public var via: [FunctionID]

    /// A wait that stays inside this machine and program: the disk, the console, the
    /// program's own queues, locks and children (`open`, `print`, `queue.get`, `join`),
    /// as opposed to the network, a child program or a sleep.
    public var isLocalWait: Bool {
        if case let .ioCall(callee) = kind { return WorkloadCatalog.isLocalWait(callee) }
        return false
    }
}

public struct Workload: Hashable, Sendable {
    public var kind: WorkloadKind
    /// The first hot loop, I/O call or native call found; the nearest first.
    public var cpu: WorkloadEvidence?
    public var io: WorkloadEvidence?
    public var native: WorkloadEvidence?

    public static let unknown = Workload(kind: .unknown)

    init(kind: WorkloadKind, cpu: WorkloadEvidence? = nil, io: WorkloadEvidence? = nil, native: WorkloadEvidence? = nil) {
        self.kind = kind
        self.cpu = cpu
        self.io = io
        self.native = native
    }

    init(cpu: WorkloadEvidence?, io: WorkloadEvidence?, native: WorkloadEvidence?) {
        let kind: WorkloadKind
        switch (cpu != nil, io != nil, native != nil) {
        case (true, true, _): kind = .mixed
        case (true, false, _): kind = .cpu
        case (false, true, _): kind = .io
        case (false, false, true): kind = .native
        case (false, false, false): kind = .unknown
        }
        self.init(kind: kind, cpu: cpu, io: io, native: native)
    }
}
