/// Classifies functions by their own loops and calls, then transitively through
/// the project's call graph, keeping the evidence for the message.
struct WorkloadClassifier {
    /// Arithmetic operators a loop body needs before it counts as computing.
    static let hotLoopOperations = 3

    let model: ProjectModel
    private var memo: [FunctionID: Workload] = [:]
    private var inProgress: Set<FunctionID> = []

    init(model: ProjectModel) {
        self.model = model
    }

    mutating func workload(of id: FunctionID) -> Workload {
        if let known = memo[id] { return known }
        guard let (file, function) = model.function(id), !inProgress.contains(id) else { return .unknown }
        inProgress.insert(id)
        var cpu = Self.hotLoop(in: function).map {
            WorkloadEvidence(kind: .hotLoop, path: file.path, range: $0.headerRange, function: id, via: [])
        }
        var io: WorkloadEvidence?
        var native: WorkloadEvidence?
        for call in function.calls {
            if io == nil, WorkloadCatalog.matches(call.callee, WorkloadCatalog.io) {
                io = WorkloadEvidence(kind: .ioCall(call.callee), path: file.path, range: call.range, function: id, via: [])
            } else if native == nil, WorkloadCatalog.matches(call.callee, WorkloadCatalog.native) {
                native = WorkloadEvidence(kind: .nativeCall(call.callee), path: file.path, range: call.range, function: id, via: [])
            }
        }
        for call in function.calls {
            guard let callee = model.resolve(call.callee, from: file), callee != id else { continue }
            let inner = workload(of: callee)
            cpu = cpu ?? inner.cpu.map { Self.through(callee, $0) }
            io = io ?? inner.io.map { Self.through(callee, $0) }
            native = native ?? inner.native.map { Self.through(callee, $0) }
        }
        inProgress.remove(id)
        let result = Workload(cpu: cpu, io: io, native: native)
        memo[id] = result
        return result
    }

    private static func through(_ callee: FunctionID, _ evidence: WorkloadEvidence) -> WorkloadEvidence {
        var copy = evidence
        copy.via.insert(callee, at: 0)
        return copy
    }

    /// A loop that computes: enough arithmetic, nested or open-ended, and no waiting
    /// or GIL-releasing library call inside it. The outermost such loop is the evidence.
    static func hotLoop(in function: FunctionFacts) -> LoopFacts? {
        hotLoops(in: function).first
    }

    /// Every loop of the function that computes, outer loops before the loops they hold.
    static func hotLoops(in function: FunctionFacts) -> [LoopFacts] {
        let loops = function.loops
        var found: [LoopFacts] = []
        for (index, loop) in loops.enumerated() where loop.kind != .comprehension || loop.depth == 0 {
            guard loop.arithmeticOperations >= hotLoopOperations else { continue }
            let hasInnerLoop = loops.contains { $0.parent == index }
            let openEnded = loop.kind == .while || loop.kind == .doWhile
            let large: Bool = if case let .constant(count) = loop.bound { count >= 1000 } else { false }
            guard hasInnerLoop || openEnded || large else { continue }
            let waits = function.calls.contains { call in
                loop.range.contains(call.range.start)
                    && (WorkloadCatalog.matches(call.callee, WorkloadCatalog.io)
                        || WorkloadCatalog.matches(call.callee, WorkloadCatalog.native))
            }
            if !waits { found.append(loop) }
        }
        return found
    }
}
