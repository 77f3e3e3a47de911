/// Classifies functions by their own loops and calls, then transitively through
/// the project's call graph, keeping the evidence for the message.
struct WorkloadClassifier {
    /// Arithmetic operators a loop body needs before it counts as computing.
    static let hotLoopOperations = 3
    /// Passes that make a loop long by their number alone.
    static let largeCount = 1000
    /// Passes after which even one operation a pass keeps CPython busy for milliseconds.
    static let longCount = 100_000

    let model: ProjectModel
    private lazy var libraryMethods = model.libraryMethods
    private var memo: [FunctionID: Workload] = [:]
    private var inProgress: Set<FunctionID> = []

    init(model: ProjectModel) {
        self.model = model
    }

    mutating func workload(of id: FunctionID) -> Workload {
        if let known = memo[id] { return known }
        let result = classify(id, within: nil)
        memo[id] = result
        return result
    }

    /// The workload of the code of a function inside `range` (a fork's child branch),
    /// through what that code calls.
    mutating func workload(of id: FunctionID, within range: ByteRange) -> Workload {
        classify(id, within: range)
    }

    /// A loop of the function's own that computes and runs a thousand times or more
    /// because of a count among `arguments`.
    mutating func countedLoop(in id: FunctionID, handed arguments: HandedCounts) -> WorkloadEvidence? {
        guard !arguments.isEmpty, let (file, function) = model.function(id) else { return nil }
        let passes = Self.nestPasses(of: function.loops, handed: arguments)
        let counted = hotLoops(in: function, of: file, handed: arguments).lazy.compactMap { loop -> (loop: LoopFacts, own: Int, total: Int)? in
            guard let own = loop.passes(handed: arguments), let index = function.loops.firstIndex(of: loop) else { return nil }
            return (loop, own, max(own, passes[index] ?? own))
        }.first { $0.total >= Self.largeCount }
        guard let (loop, own, total) = counted,
              let parameter = loop.passesSetBy.map(function.parameterName) ?? loop.passesSetByAttribute.map({ "self." + $0 }) else { return nil }
        return WorkloadEvidence(kind: .countedLoop(parameter: parameter, passes: total, squareRoot: loop.passesAreSquareRoot,
                                                   nested: total != own, constructed: loop.passesSetBy == nil),
                                path: file.path, range: loop.headerRange, function: id, via: [])
    }

    private mutating func classify(_ id: FunctionID, within range: ByteRange?) -> Workload {
        guard let (file, function) = model.function(id), !inProgress.contains(id) else { return .unknown }
        inProgress.insert(id)
        defer { inProgress.remove(id) }
        // The outermost loop that computes (in the range): the evidence for the function's own CPU work.
        var cpu = hotLoops(in: function, of: file).first(where: { range?.contains($0.range.start) ?? true }).map {
            WorkloadEvidence(kind: .hotLoop, path: file.path, range: $0.headerRange, function: id, via: [])
        }
        if cpu == nil, let recursion = function.branchingRecursion.map({ function.calls[Int($0)].range }), range?.contains(recursion.start) ?? true,
           !function.decorators.contains(where: WorkloadCatalog.memoizing.contains) {
            cpu = WorkloadEvidence(kind: .recursion, path: file.path, range: recursion, function: id, via: [])
        }
        var io: WorkloadEvidence?
        var native: WorkloadEvidence?
        let followed = function.calls.filter {
            range?.contains($0.range.start) ?? true && !WorkloadCatalog.incidental.matches($0.callee)
        }
        for call in followed {
            if let waited = waitedOn(call, in: file) {
                io = Self.preferred(io, WorkloadEvidence(kind: .ioCall(waited), path: file.path, range: call.range, function: id, via: []))
            } else if native == nil, WorkloadCatalog.native.matches(call.callee) {
                native = WorkloadEvidence(kind: .nativeCall(call.callee), path: file.path, range: call.range, function: id, via: [])
            }
        }
        for call in followed {
            guard let callee = model.resolve(call.callee, from: file), callee != id else { continue }
            let inner = workload(of: callee)
            cpu = cpu ?? inner.cpu.map { Self.through(callee, $0) }
            io = Self.preferred(io, inner.io.map { Self.through(callee, $0) })
            native = native ?? inner.native.map { Self.through(callee, $0) }
        }
        return Workload(cpu: cpu, io: io, native: native)
    }

    private static func through(_ callee: FunctionID, _ evidence: WorkloadEvidence) -> WorkloadEvidence {
        var copy = evidence
        copy.via.insert(callee, at: 0)
        return copy
    }

    /// The first I/O found, unless it stays local (the disk, the console, the program's
    /// own queues and locks) and the candidate waits on the network, a child program or a sleep.
    private static func preferred(_ current: WorkloadEvidence?, _ candidate: WorkloadEvidence?) -> WorkloadEvidence? {
        guard let current else { return candidate }
        guard let candidate, current.isLocalWait, !candidate.isLocalWait else { return current }
        return candidate
    }

    /// The name to show for a call that waits: the catalogued callee, or the call as
    /// written for a blocking method on a receiver of unknown type (`self.stop.wait`).
    /// A method the project defines is followed instead of judged by its name.
    /// A Python callee left unresolved only spells a library function when its first
    /// name is bound to something else (`def bind(socket): socket.setsockopt(...)`);
    /// C's are unresolved whenever a header is missing, and still name libc's.
    private mutating func waitedOn(_ call: CallFacts, in file: FileFacts) -> String? {
        if WorkloadCatalog.waits(call.callee), call.isResolved || file.language != .python { return call.callee }
        if call.isResolved, let inherited = libraryMethods.equivalent(of: call.callee), WorkloadCatalog.waits(inherited) {
            return inherited
        }
        if WorkloadCatalog.isBlockingMethod(call.callee) || WorkloadCatalog.waitsByItsKeywords(call),
           model.resolve(call.callee, from: file) == nil {
            return call.calleeText
        }
        return nil
    }

    /// `hotLoops(in:)`, less the loops that call a function of the project that waits or
    /// runs native code (`for fd, conn in self._selector.select(timeout)`, where the
    /// project's `select` wraps `selectors`): the loop spends its time there.
    mutating func hotLoops(in function: FunctionFacts, of file: FileFacts, handed arguments: HandedCounts = [:]) -> [LoopFacts] {
        Self.hotLoops(in: function, handed: arguments).filter { loop in
            !function.calls.contains { call in
                guard loop.range.contains(call.range.start), let callee = model.resolve(call.callee, from: file),
                      callee != function.id else { return false }
                let inner = workload(of: callee)
                return inner.io != nil || inner.native != nil
            }
        }
    }

    /// Every loop of the function that computes, outer loops before the loops they hold:
    /// enough arithmetic, nested or open-ended, with no waiting or GIL-releasing library
    /// call inside it and no call through a callable of unknown origin (a parameter, a
    /// local), which may be what the loop spends its time on. `arguments` are the integer
    /// constants a start hands the function, by parameter position: a loop whose passes
    /// one of them sets runs that many times.
    static func hotLoops(in function: FunctionFacts, handed arguments: HandedCounts = [:]) -> [LoopFacts] {
        let loops = function.loops
        var found: [LoopFacts] = []
        // `while time() < deadline:` lasts as long on any core: it makes no work to spread.
        let timeBoxed = loops.map { loop in
            loop.kind == .while && function.calls.contains { call in
                loop.headerRange.contains(call.range.start)
                    && WorkloadCatalog.clockReads.contains(String(call.callee.split(separator: ".").last ?? ""))
            }
        }
        let nestPasses = Self.nestPasses(of: loops, handed: arguments)
        for (index, loop) in loops.enumerated() where (loop.kind != .comprehension || loop.depth == 0) && !timeBoxed[index] {
            let counted = Self.passes(of: loop, handed: arguments)
            let large = (counted ?? 0) >= Self.largeCount
            // A loop (or a nest of counted loops) that calls nothing, run a hundred thousand
            // times, spends them all on its arithmetic.
            let computes = loop.arithmeticOperations >= hotLoopOperations
                || ((nestPasses[index] ?? 0) >= Self.longCount && loop.arithmeticOperations > 0 && !callsInBody(of: loop, in: function))
            guard computes else { continue }
            // A comprehension that computes nothing (`[e for e in events if e.button() == b]`)
            // filters or copies: it makes no nest of work.
            let hasInnerLoop = loops.indices.contains { inner in
                loops[inner].parent == index && !timeBoxed[inner] && (loops[inner].kind != .comprehension || loops[inner].arithmeticOperations > 0)
            }
            // A `while` with a count known from the source (one pass per bit), or one that
            // walks a linked list, is not open-ended.
            let openEnded = (loop.kind == .while || loop.kind == .doWhile) && counted == nil && loop.bound != .collection
            guard hasInnerLoop || openEnded || large else { continue }
            let yields = function.calls.contains { call in
                loop.range.contains(call.range.start)
                    && (WorkloadCatalog.waits(call.callee)
                        || WorkloadCatalog.native.matches(call.callee)
                        || WorkloadCatalog.isBlockingMethod(call.callee)
                        || WorkloadCatalog.mayWait(call)
                        || WorkloadCatalog.waitsByItsKeywords(call)
                        || isUnknownCallable(call))
            }
            if !yields { found.append(loop) }
        }
        return found
    }

    /// How often a loop runs: a constant bound, or the count a start hands it.
    private static func passes(of loop: LoopFacts, handed arguments: HandedCounts) -> Int? {
        if case let .constant(count) = loop.bound { return count }
        return loop.passes(handed: arguments)
    }

    /// Per loop, how often the body of the nest it heads runs when every loop on the way
    /// down has a known count: its own passes times the most its counted inner loops make.
    static func nestPasses(of loops: [LoopFacts], handed arguments: HandedCounts) -> [Int?] {
        var result = loops.map { passes(of: $0, handed: arguments) }
        // Inner loops come after their parents: the walk back sees each child's total first.
        for index in loops.indices.reversed() {
            guard let parent = loops[index].parent, let own = passes(of: loops[parent], handed: arguments),
                  let inner = result[index] else { continue }
            let (product, overflow) = own.multipliedReportingOverflow(by: inner)
            result[parent] = max(result[parent] ?? 0, overflow ? Int.max : product)
        }
        return result
    }

    /// A call on any pass: in the body, or in a `while`'s condition (the iterable of a
    /// `for` or a comprehension, the loop's own or one inside it, is made once per pass
    /// of the loop around it).
    private static func callsInBody(of loop: LoopFacts, in function: FunctionFacts) -> Bool {
        let headers = function.loops.filter { ($0.kind == .for || $0.kind == .comprehension) && loop.range.contains($0.range.start) }
            .map(\.headerRange)
        return function.calls.contains { call in
            loop.range.contains(call.range.start) && !headers.contains { $0.contains(call.range.start) }
        }
    }

    /// `put(task)`, `delayfunc(t)`: a bare name the scanner could not resolve.
    private static func isUnknownCallable(_ call: CallFacts) -> Bool {
        !call.isResolved && call.calleeText.utf8.allSatisfy { byte in
            byte == UInt8(ascii: "_") || (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
        }
    }
}
