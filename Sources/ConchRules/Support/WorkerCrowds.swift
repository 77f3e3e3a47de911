import ConchKit

/// More OS threads or processes at once than "a few hundred", where the answer says
/// "everything either bogs down or just fails" (CON301): pools sized in the hundreds,
/// and counted loops that start that many.
enum WorkerCrowds {
    /// `max-pool-workers` when the configuration does not set it.
    static let defaultLargest = 200

    /// `a few hundred OS threads is where everything bogs down or fails`.
    static func limit(_ workers: String) -> String {
        "a few hundred \(workers == "threads" ? "OS threads" : "processes") is where everything bogs down or fails"
    }

    /// Coroutines or a small pool for threads, a pool sized by the cores for processes; in C,
    /// a fixed pool of pthreads. A nil model is the rule's own.
    static func advice(for workers: String, in language: SourceLanguage) -> (ConcurrencyModel?, String) {
        if language == .c {
            return (.thread, "start a fixed pool of pthreads (one per core for computing, a few dozen for waiting) that take "
                + "the work from a queue, or serve it from one event loop")
        }
        if workers == "threads" {
            return (nil, "run many small I/O tasks as coroutines (`asyncio` with a `Semaphore`, or gevent), "
                + "or submit them to a pool of a few dozen threads")
        }
        return (.process, "submit the tasks to a pool sized by the cores (`ProcessPoolExecutor()` is): processes beyond them "
            + "add memory, not speed; tasks that wait belong in threads or coroutines")
    }

    /// Pools whose size, a literal or a module constant, is above `largest`.
    static func oversizedPools(_ model: ProjectModel, largest: Int)
        -> [(file: FileFacts, call: CallFacts, size: Int, workers: String)] {
        var pools: [(file: FileFacts, call: CallFacts, size: Int, workers: String)] = []
        model.forEachCall(toAnyOf: PoolConstructors.sizes.keys) { fileIndex, _, lent in
            let file = model.files[fileIndex]
            let call = lent.facts
            guard call.isResolved, let pool = PoolConstructors.sizes[call.callee],
                  let argument = call.argument(passedTo: pool.sizeKeyword, at: 0),
                  let size = integer(argument, in: file), size > largest else { return }
            pools.append((file, call, size, pool.workers))
        }
        return pools
    }

    /// A literal (`1000`, `10 ** 3`), or a module constant bound to one (`MAX_WORKERS = 500`).
    private static func integer(_ argument: Argument, in file: FileFacts) -> Int? {
        if let value = argument.integerValue { return Int(value) }
        guard case let .name(name) = argument.shape,
              let written = file.constants[String(name.split(separator: ".").last ?? "")] else { return nil }
        return Int(written.replacingOccurrences(of: "_", with: ""))
    }
}
