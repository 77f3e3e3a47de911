import ConchKit

/// The standard library's process and shared-state APIs, by resolved dotted name.
enum ProcessAPIs {
    /// Calls that create child processes, or an executor that will: a pool spawns its
    /// workers, `Manager()` its server process. `Process(...)` and a manager class only
    /// start at `.start()`.
    static let startingConstructors: [String: String] = [
        "multiprocessing.Pool": "process pool",
        "concurrent.futures.ProcessPoolExecutor": "process pool",
        "multiprocessing.Manager": "manager process",
    ]

    /// Objects that live in shared memory or behind a manager, for the data the
    /// processes share: not queues, locks or events, which carry messages and order.
    static let sharedObjects: Set<String> = {
        var names: Set<String> = [
            "multiprocessing.shared_memory.SharedMemory", "multiprocessing.shared_memory.ShareableList",
            "multiprocessing.managers.SharedMemoryManager.SharedMemory",
            "multiprocessing.managers.SharedMemoryManager.ShareableList",
        ]
        for constructor in ["Value", "Array", "RawValue", "RawArray"] {
            names.insert("multiprocessing." + constructor)
            names.insert("multiprocessing.sharedctypes." + constructor)
        }
        for proxy in ["dict", "list", "Value", "Array", "Namespace"] {
            names.insert("multiprocessing.managers.SyncManager." + proxy)
        }
        return names
    }()

    /// What pickle cannot send at all, by the call that makes it: a thread's lock or
    /// queue, an open file, a database connection.
    static let unpicklable: [String: Unpicklable] = {
        var table: [String: Unpicklable] = [:]
        for name in ["Lock", "RLock", "Condition", "Semaphore", "BoundedSemaphore", "Event", "Barrier"] {
            table["threading." + name] = .threadPrimitive
        }
        for name in ["Queue", "LifoQueue", "PriorityQueue", "SimpleQueue"] { table["queue." + name] = .threadPrimitive }
        table["open"] = .file
        table["io.open"] = .file
        table["sqlite3.connect"] = .connection
        return table
    }()

    /// `multiprocessing`'s queues, locks and shared values: a child gets them by
    /// inheritance, when it is created; a pool's task cannot carry them
    /// (`RuntimeError: Queue objects should only be shared between processes through inheritance`).
    static let inheritedOnly: Set<String> = Set(
        ["Queue", "JoinableQueue", "SimpleQueue", "Lock", "RLock", "Semaphore", "BoundedSemaphore", "Condition", "Event",
         "Barrier", "Value", "Array"].map { "multiprocessing." + $0 })

    enum Unpicklable {
        case threadPrimitive, file, connection
    }
}
