import ConchKit

/// The modes the program has set when a thread starts: what the writes of constants
/// leave true above the start, in the starting function and, when the start is in a
/// helper, above each call to the helper (`global.mode &= ~MODE_STARTING;` in `main`
/// before `setup_extra_threads(...)`). Only writes that run whenever their function
/// gets that far count, and only for a global that nothing else in the program
/// changes: no write after the start, no helper that writes it called from anywhere
/// else (redis sets `io_threads_op` again from its event loop, so that one is
/// unknown), and no call between the write and the start that may write it. The walk
/// of the thread's reach keeps a mode only while nothing the thread runs changes it
/// (`GuardedReach`).
final class StartModes {
    private let model: ProjectModel
    /// Per number in the call graph: where the function is called.
    private let callSites: [[CallSites.Site]]
    /// Per C global variable: the functions writing it, by number, with each write.
    private let writesByVariable: [String: [(function: Int, access: GlobalAccess)]]
    private var writersByKey: [String: [Int]] = [:]
    /// `known(in:function:before:)` by place: a helper that starts several threads, or is
    /// called before several starts, is asked about the same call sites again.
    private var knownAt: [Place: Set<ExecutionGuard>] = [:]

    private struct Place: Hashable {
        var file: Int
        var function: Int
        var offset: Int
    }

    init(_ model: ProjectModel) {
        self.model = model
        let graph = model.callGraph
        callSites = model.callSites.byCallee
        var writes: [String: [(function: Int, access: GlobalAccess)]] = [:]
        for (number, reference) in graph.references.enumerated() where model.files[reference.file].language == .c {
            for access in model.files[reference.file].functions[reference.function].globalAccesses where access.isWrite {
                writes[access.variable, default: []].append((number, access))
            }
        }
        writesByVariable = writes
    }

    /// What holds at every start of a thread.
    func known(at starts: [ExecutionContexts.Start]) -> Set<ExecutionGuard> {
        var result: Set<ExecutionGuard>?
        for start in starts {
            guard start.file.language == .c,
                  let reference = model.functionIndex[start.file.functions[start.site.function].id] else { return [] }
            var here = known(in: reference.file, function: reference.function, before: start.site.range.start)
            let callers = callSites[reference.number]
            if let first = callers.first {
                var atEveryCall = known(in: first.file, function: first.function, before: first.offset)
                for caller in callers.dropFirst() where !atEveryCall.isEmpty {
                    atEveryCall.formIntersection(known(in: caller.file, function: caller.function, before: caller.offset))
                }
                here.formUnion(atEveryCall)
            }
            result = result.map { $0.intersection(here) } ?? here
            if result?.isEmpty == true { return [] }
        }
        return result ?? []
    }

    /// What the function's own unconditional writes leave true at `offset`.
    private func known(in fileIndex: Int, function functionIndex: Int, before offset: Int) -> Set<ExecutionGuard> {
        let place = Place(file: fileIndex, function: functionIndex, offset: offset)
        if let answer = knownAt[place] { return answer }
        let answer = computeKnown(in: fileIndex, function: functionIndex, before: offset)
        knownAt[place] = answer
        return answer
    }

    private func computeKnown(in fileIndex: Int, function functionIndex: Int, before offset: Int) -> Set<ExecutionGuard> {
        let function = model.files[fileIndex].functions[functionIndex]
        var established: [String: (guardian: ExecutionGuard, offset: Int)] = [:]
        for access in function.globalAccesses where access.isWrite && access.range.start < offset {
            established = established.filter { !Self.mayChange($0.key, access) }
            if access.isUnconditional, let leaves = access.leaves, let key = GuardedReach.trustKey(leaves) {
                established[key] = (leaves, access.range.start)
            }
        }
        guard !established.isEmpty, let here = model.callGraph.number(of: function.id) else { return [] }
        let graph = model.callGraph
        return Set(established.compactMap { key, entry in
            let writers = directWriters(changing: key)
            // The mode must be the program's set-up: written here above the start, or by a
            // helper called only from here above it, never again while the threads run.
            let setUpOnly = writers.allSatisfy { writer in
                if writer == here {
                    return !function.globalAccesses.contains { access in
                        access.isWrite && access.range.start >= offset && Self.mayChange(key, access)
                    }
                }
                // A function nothing calls directly (a callback, a signal handler) may run at any time.
                let sites = callSites[writer]
                return !sites.isEmpty && sites.allSatisfy { $0.file == fileIndex && $0.function == functionIndex && $0.offset < offset }
            }
            guard setUpOnly else { return nil }
            let reachWriters = graph.reaching(writers)
            let changedOnTheWay = function.calls.indices.contains { index in
                let call = function.calls[index]
                guard call.range.start > entry.offset, call.range.start < offset,
                      let callee = graph.callee(file: fileIndex, function: functionIndex, call: index) else { return false }
                return reachWriters.contains(callee)
            }
            return changedOnTheWay ? nil : entry.guardian
        })
    }

    /// The functions with a write that may change what `key` reads, in number order.
    private func directWriters(changing key: String) -> [Int] {
        if let known = writersByKey[key] { return known }
        // `global.mode&1` and `src/x.c::phase` are read from the variables `global` and `src/x.c::phase`.
        let variable = GuardedReach.enclosingPaths(of: WriteSummary.split(key).name).last ?? key
        let writers = Set((writesByVariable[variable] ?? []).filter { Self.mayChange(key, $0.access) }.map(\.function)).sorted()
        writersByKey[key] = writers
        return writers
    }

    private static func mayChange(_ key: String, _ access: GlobalAccess) -> Bool {
        var summary = WriteSummary()
        summary.add(access)
        return summary.mayChange(key: key)
    }
}
